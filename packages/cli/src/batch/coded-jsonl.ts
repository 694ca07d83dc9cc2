import { CoachcodeError, dict, isRole, type CodedTurn, type Diagnostic, type Evidence } from '@coachcode/core';
import { messages } from '../messages.js';

/** Whether a text looks like coded JSON lines (coachcode output or gold): its first record has `turn` and `codes`. */
export function looksCoded(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split('\n', 50).find((l) => l.trim() !== '');
  if (!first) return false;
  try {
    const value = JSON.parse(first) as Record<string, unknown>;
    return typeof value === 'object' && value !== null && typeof value.turn === 'number' && Array.isArray(value.codes);
  } catch {
    return false;
  }
}

/**
 * The largest turn number read back. A QDPX export writes turn n on line n, with empty lines for
 * turns a file leaves out, so a record claiming turn 1e308 (or 2^53) would have it lay out that many
 * lines until memory ran out; ten million is far beyond any conversation (a day of talk has a few
 * thousand turns) and costs at most 10 MB of empty lines.
 */
export const MAX_TURN_NUMBER = 10_000_000;

/** One transcript read back from coded JSON lines. */
export interface CodedTranscript {
  source: string;
  turns: CodedTurn[];
  codebook?: string;
  /** The model its records name; absent in a human coding (a gold file). */
  model?: string;
  /** Whether some record had no full `text` (only `text_start`, or none). */
  partialText: boolean;
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);

/** The numeric scores of a record (anything else in `scores` is left out), keyed without a prototype. */
function scoresOf(v: unknown): Record<string, number> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return dict();
  return dict(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])));
}

/** The evidence spans of a record that point into its text (code, cue, start ≤ end within the text); others are left out. */
function evidenceOf(v: unknown, text: string): Evidence[] {
  if (!Array.isArray(v)) return [];
  const isOffset = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= text.length;
  return v.flatMap((e: unknown): Evidence[] => {
    if (typeof e !== 'object' || e === null) return [];
    const { code, cue, start, end } = e as Record<string, unknown>;
    return typeof code === 'string' && typeof cue === 'string' && isOffset(start) && isOffset(end) && start <= end ? [{ code, cue, start, end }] : [];
  });
}

/**
 * Reads coded JSON lines back into coded turns, one transcript per `source` (or `file`), in
 * order of first appearance: coachcode's own output (`{source, turn, speaker, role, text,
 * codes, primary, scores, evidence, human}`) or gold records (`{file, turn, speaker, role,
 * codes, text | text_start}`). Throws a `CoachcodeError` naming every line that is not such a record.
 */
export function readCodedJsonl(text: string, path: string): CodedTranscript[] {
  const bySource = new Map<string, CodedTranscript>();
  const errors: Diagnostic[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    const fail = (detail: string) => {
      if (errors.length < 20) errors.push({ code: 'coded-jsonl', severity: 'error', source: path, line, message: detail });
    };
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      fail(messages.codedJsonlSyntax((error as Error).message));
      return;
    }
    const codes = strings(r?.codes);
    const source = typeof r?.source === 'string' ? r.source : typeof r?.file === 'string' ? r.file : path;
    if (typeof r !== 'object' || r === null || typeof r.turn !== 'number' || !codes) {
      fail(messages.codedJsonlRecord());
      return;
    }
    if (!Number.isInteger(r.turn) || r.turn < 1 || r.turn > MAX_TURN_NUMBER) {
      fail(messages.codedJsonlTurn(MAX_TURN_NUMBER, JSON.stringify(r.turn)));
      return;
    }
    const fullText = typeof r.text === 'string';
    const turnText = fullText ? (r.text as string) : typeof r.text_start === 'string' ? r.text_start : '';
    const turn: CodedTurn = {
      turn: r.turn,
      speaker: typeof r.speaker === 'string' ? r.speaker : 'unknown',
      role: isRole(r.role) ? r.role : 'unknown',
      text: turnText,
      codes,
      primary: typeof r.primary === 'string' ? r.primary : (codes[0] ?? null),
      scores: scoresOf(r.scores),
      evidence: evidenceOf(r.evidence, turnText),
      line: Number.isInteger(r.line) && (r.line as number) > 0 ? (r.line as number) : line,
    };
    if (typeof r.start === 'string') turn.start = r.start;
    const human = strings(r.human);
    if (human) turn.humanCodes = human;
    let t = bySource.get(source);
    if (!t) {
      t = { source, turns: [], partialText: false };
      if (typeof r.codebook === 'string') t.codebook = r.codebook;
      if (typeof r.model === 'string') t.model = r.model;
      bySource.set(source, t);
    }
    if (!fullText) t.partialText = true;
    t.turns.push(turn);
  });
  if (errors.length > 0) throw new CoachcodeError(errors);
  if (bySource.size === 0) throw new CoachcodeError([{ code: 'coded-jsonl-empty', severity: 'error', source: path, message: messages.codedJsonlEmpty() }]);
  return [...bySource.values()];
}
