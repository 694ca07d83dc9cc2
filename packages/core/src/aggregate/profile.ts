import type { Codebook } from '../codebook/codebook.js';
import { codeIds } from '../codebook/codebook.js';
import type { Role } from '../model/role.js';
import { ROLES } from '../model/role.js';
import type { CodedTurn } from '../model/turn.js';
import { dict } from '../model/dict.js';
import { classifyQuestions, countWords } from '../language/index.js';

/** Counts for one group of turns (a role or a speaker within a transcript, or a total). */
export interface ProfileRow {
  /** Count of turns carrying each code, for every code of the codebook (zeros included). */
  counts: Record<string, number>;
  turns: number;
  words: number;
  /** Share of the transcript's words / turns spoken by this group (0–1). */
  wordShare: number;
  turnShare: number;
  /** Turns containing a question, split open / closed. */
  questions: { open: number; closed: number };
  /** Codes per 100 turns of this group. */
  per100: Record<string, number>;
}

/** The interaction profile of one transcript (or of several, summed). */
export interface Profile {
  source: string;
  codebook: string;
  /** Code ids in codebook order. */
  codes: string[];
  total: ProfileRow;
  byRole: Partial<Record<Role, ProfileRow>>;
  bySpeaker: Record<string, ProfileRow & { role: Role }>;
  metadata: Record<string, string | number | boolean>;
}

/** A row of zeros; `counts` and `per100` are keyed by code without a prototype (codes are user text). */
export function emptyRow(codes: readonly string[]): ProfileRow {
  const zero = () => dict(codes.map((c) => [c, 0] as const));
  return { counts: zero(), turns: 0, words: 0, wordShare: 0, turnShare: 0, questions: { open: 0, closed: 0 }, per100: zero() };
}

function addTurn(row: ProfileRow, turn: CodedTurn, words: number, q: { open: number; closed: number }): void {
  row.turns++;
  row.words += words;
  if (q.open > 0) row.questions.open++;
  else if (q.closed > 0) row.questions.closed++;
  for (const c of turn.codes) if (Object.hasOwn(row.counts, c)) row.counts[c] = (row.counts[c] ?? 0) + 1;
}

function finish(row: ProfileRow, total: { words: number; turns: number }): void {
  row.wordShare = total.words ? row.words / total.words : 0;
  row.turnShare = total.turns ? row.turns / total.turns : 0;
  for (const c of Object.keys(row.counts)) row.per100[c] = row.turns ? (100 * (row.counts[c] ?? 0)) / row.turns : 0;
}

/** Options of {@link profileTurns}. */
export interface ProfileOptions {
  source?: string;
  metadata?: Record<string, string | number | boolean>;
}

/**
 * The interaction profile of one coded transcript: per code, how many turns of each role and
 * each speaker carry it, with turns, words, shares of talk, questions and rates per 100 turns.
 */
export function profileTurns(turns: readonly CodedTurn[], codebook: Codebook, options: ProfileOptions = {}): Profile {
  const codes = codeIds(codebook);
  const total = emptyRow(codes);
  const byRole: Partial<Record<Role, ProfileRow>> = {};
  const bySpeaker = dict<ProfileRow & { role: Role }>();
  for (const turn of turns) {
    const words = countWords(turn.text);
    const q = classifyQuestions(turn.text);
    addTurn(total, turn, words, q);
    addTurn((byRole[turn.role] ??= emptyRow(codes)), turn, words, q);
    addTurn((bySpeaker[turn.speaker] ??= { ...emptyRow(codes), role: turn.role }), turn, words, q);
  }
  const sums = { words: total.words, turns: total.turns };
  finish(total, sums);
  for (const row of Object.values(byRole)) finish(row, sums);
  for (const row of Object.values(bySpeaker)) finish(row, sums);
  const orderedRoles: Partial<Record<Role, ProfileRow>> = {};
  for (const r of ROLES) if (byRole[r]) orderedRoles[r] = byRole[r];
  return { source: options.source ?? '', codebook: `${codebook.id}@${codebook.version}`, codes, total, byRole: orderedRoles, bySpeaker, metadata: dict(Object.entries(options.metadata ?? {})) };
}
