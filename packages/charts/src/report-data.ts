import type { CodedTurn, Profile, Role } from '@coachcode/core';

// A report's sessions as the page embeds them: compact, one array per turn, so a thousand
// transcripts fit in a file a browser opens quickly. Pure data code: it runs in Node (packing)
// and in the page (unpacking).

/** One evidence span: code, cue, start, end. */
type PackedEvidence = [code: string, cue: string, start: number, end: number];

/** One turn: number, speaker (index into `speakers`), role, text, codes, primary code, evidence, human codes (or null). */
export type PackedTurn = [turn: number, speaker: number, role: Role, text: string, codes: string[], primary: string | null, evidence: PackedEvidence[], human: string[] | null];

/** One session as embedded in a report. */
export interface PackedSession {
  source: string;
  profile: Profile;
  speakers: string[];
  turns: PackedTurn[];
}

/** A session of a report: where it came from, its coded turns and its profile. */
export interface ReportSession {
  /** The input path as given. */
  source: string;
  turns: CodedTurn[];
  profile: Profile;
}

/** Packs a session for embedding (scores and source lines are left out: the report shows neither). */
export function packSession(session: ReportSession): PackedSession {
  const speakers: string[] = [];
  const index = new Map<string, number>();
  const turns = session.turns.map((t): PackedTurn => {
    let s = index.get(t.speaker);
    if (s === undefined) {
      s = speakers.push(t.speaker) - 1;
      index.set(t.speaker, s);
    }
    return [t.turn, s, t.role, t.text, [...t.codes], t.primary ?? null, t.evidence.map((e) => [e.code, e.cue, e.start, e.end]), t.humanCodes ? [...t.humanCodes] : null];
  });
  return { source: session.source, profile: session.profile, speakers, turns };
}

/** The session a {@link packSession} result stands for (scores empty). */
export function unpackSession(packed: PackedSession): ReportSession {
  const turns = packed.turns.map(([turn, speaker, role, text, codes, primary, evidence, human]): CodedTurn => {
    const t: CodedTurn = {
      turn,
      speaker: packed.speakers[speaker] ?? '',
      role,
      text,
      codes,
      primary,
      scores: {},
      evidence: evidence.map(([code, cue, start, end]) => ({ code, cue, start, end })),
    };
    if (human) t.humanCodes = human;
    return t;
  });
  return { source: packed.source, profile: packed.profile, turns };
}
