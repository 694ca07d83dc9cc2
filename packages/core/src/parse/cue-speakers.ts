import type { Utterance } from '../model/transcript.js';
import type { Cue, CueKind } from './cue-blocks.js';
import { parseMessages, ParseIssue } from './messages.js';
import type { IssueLog } from './parse-context.js';
import { acceptsLabel, matchSpeakerLabel } from './speaker-label.js';

const VOICE = /<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/g;
const HAS_VOICE = /<v[ \t.]/;
const VTT_TAG = /<[^>]*>/g;
const SRT_TAG = /<\/?(?:i|b|u|s|c|v|font)\b[^>]*>|\{\\[^}]*\}/gi;
const ENTITY = /&(amp|lt|gt|nbsp|lrm|rlm|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', lrm: '', rlm: '', quot: '"', apos: "'" };

/** The speaker used when a cue has no label and no earlier speaker to continue. */
export const UNKNOWN_SPEAKER = 'unknown';

function decodeEntity(_: string, name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
  if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
  return ENTITIES[lower] ?? '';
}

/** Cue text without markup: tags (`<i>`, `<c.yellow>`, `{\an8}`) removed, entities decoded. */
export function cleanCueText(text: string, kind: CueKind): string {
  let t = text;
  if (t.includes('<') || (kind === 'srt' && t.includes('{'))) t = t.replace(kind === 'vtt' ? VTT_TAG : SRT_TAG, '');
  if (kind === 'vtt' && t.includes('&')) t = t.replace(ENTITY, decodeEntity);
  return t.trim();
}

function append(u: Utterance, text: string): void {
  if (text.length > 0) u.text = u.text.length === 0 ? text : `${u.text} ${text}`;
}

/**
 * Turns cues into utterances. A speaker comes from a voice tag (`<v Angela Smith>…</v>`,
 * Teams) or a `Name:` label at the start of a cue line (Zoom, labelled SRT); a cue without
 * either continues the speaker before it (one long turn split over several cues). Each cue
 * gives at least one utterance, timed with the cue, with the line of its first text line.
 */
export function utterancesFromCues(cues: readonly Cue[], issues: IssueLog, kind: CueKind): Utterance[] {
  // Pass 1: how often each name is used as a label.
  const uses = new Map<string, number>();
  const count = (name: string): void => {
    const key = name.toLowerCase();
    uses.set(key, (uses.get(key) ?? 0) + 1);
  };
  for (const cue of cues) {
    for (const pl of cue.payload) {
      if (HAS_VOICE.test(pl.text)) {
        for (const m of pl.text.matchAll(VOICE)) count((m[1] as string).trim());
      } else {
        const m = matchSpeakerLabel(cleanCueText(pl.text, kind));
        if (m) count(m.speaker);
      }
    }
  }
  // Pass 2: utterances.
  const utterances: Utterance[] = [];
  let speaker: string | undefined;
  let unknown = 0;
  let firstUnknownLine = 0;
  let previousLine: string | undefined;
  const open = (cue: Cue, name: string, text: string, line: number): Utterance => {
    const u: Utterance = { speaker: name, text, line };
    if (cue.start !== undefined) u.start = cue.start;
    if (cue.end !== undefined) u.end = cue.end;
    utterances.push(u);
    speaker = name;
    return u;
  };
  const continuing = (cue: Cue, text: string, line: number): Utterance => {
    if (speaker === undefined || speaker === UNKNOWN_SPEAKER) {
      if (unknown++ === 0) firstUnknownLine = line;
      return open(cue, UNKNOWN_SPEAKER, text, line);
    }
    return open(cue, speaker, text, line);
  };
  for (const cue of cues) {
    let current: Utterance | undefined;
    for (const pl of cue.payload) {
      if (HAS_VOICE.test(pl.text)) {
        const matches = [...pl.text.matchAll(VOICE)];
        const firstAt = matches[0]?.index ?? pl.text.length;
        const before = cleanCueText(pl.text.slice(0, firstAt), kind);
        if (before.length > 0) {
          if (current) append(current, before);
          else current = continuing(cue, before, pl.line);
        }
        for (let k = 0; k < matches.length; k++) {
          const m = matches[k] as RegExpExecArray;
          const from = (m.index as number) + m[0].length;
          const to = matches[k + 1]?.index ?? pl.text.length;
          current = open(cue, (m[1] as string).trim().replace(/\s+/g, ' '), cleanCueText(pl.text.slice(from, to), 'vtt'), pl.line);
        }
        continue;
      }
      const text = cleanCueText(pl.text, kind);
      if (text.length === 0) continue;
      const m = matchSpeakerLabel(text);
      const previous = speaker === undefined || speaker === UNKNOWN_SPEAKER ? undefined : previousLine;
      previousLine = text;
      if (m && acceptsLabel(uses.get(m.speaker.toLowerCase()) ?? 0, previous, false, false)) {
        current = open(cue, m.speaker, m.text, pl.line);
      } else if (current) {
        append(current, text);
      } else {
        current = continuing(cue, text, pl.line);
      }
    }
  }
  if (unknown > 0) issues.warn(ParseIssue.unknownSpeaker, parseMessages.unknownSpeaker(unknown, 'cue'), firstUnknownLine);
  return utterances;
}
