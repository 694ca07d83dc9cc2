import type { Role } from '../model/role.js';
import { isRole } from '../model/role.js';
import type { Transcript, Utterance } from '../model/transcript.js';
import type { Turn } from '../model/turn.js';
import { own } from '../model/dict.js';

/** Options of {@link segmentTurns}. */
export interface SegmentOptions {
  /** Merge consecutive utterances of one speaker into one turn (default `true`). */
  merge?: boolean;
}

/** White space other than a single inner space: what {@link normaliseSpace} would change. */
const UNTIDY = /[^\S ]| {2}|^ | $/;

/** Collapses runs of white space to single spaces and trims. */
export function normaliseSpace(text: string): string {
  // Most text is tidy already (the parsers collapse it): then it is returned as it is.
  return UNTIDY.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Speaker names compare after trimming and case-folding. */
export function speakerKey(name: string): string {
  return normaliseSpace(name).toLowerCase();
}

function roleOf(u: Utterance, stated: Record<string, string>): Role {
  const r = u.role ?? own(stated, u.speaker);
  return isRole(r) ? r : 'unknown';
}

/**
 * Step 3 of the pipeline: forms speaker turns from utterances. Consecutive utterances of the
 * same speaker (compared case-insensitively) become one turn whose text is their texts joined
 * with single spaces; empty utterances are dropped. Guarantees: turns count from 1, every turn
 * has non-empty text and keeps the source line and start time of its first utterance, and the
 * human codes of its utterances (their union, in first-seen order).
 */
export function segmentTurns(transcript: Transcript, options: SegmentOptions = {}): Turn[] {
  const merge = options.merge ?? true;
  const turns: Turn[] = [];
  let lastKey: string | undefined;
  for (const u of transcript.utterances) {
    const text = normaliseSpace(u.text);
    if (!text) continue;
    const key = speakerKey(u.speaker);
    const prev = turns[turns.length - 1];
    if (merge && prev && key === lastKey) {
      prev.text = `${prev.text} ${text}`;
      if (u.end) prev.end = u.end;
      if (u.codes) prev.humanCodes = [...new Set([...(prev.humanCodes ?? []), ...u.codes])];
      continue;
    }
    const turn: Turn = { turn: turns.length + 1, speaker: normaliseSpace(u.speaker), role: roleOf(u, transcript.speakerRoles), text };
    if (u.line !== undefined) turn.line = u.line;
    if (u.start !== undefined) turn.start = u.start;
    if (u.end !== undefined) turn.end = u.end;
    if (u.codes) turn.humanCodes = [...u.codes];
    turns.push(turn);
    lastKey = key;
  }
  return turns;
}
