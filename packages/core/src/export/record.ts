import type { Role } from '../model/role.js';
import type { CodedTurn } from '../model/turn.js';

/** One output record per coded turn: each line of `coachcode code --format jsonl` (docs/output.md). Key order is fixed. */
export interface TurnRecord {
  source: string;
  turn: number;
  speaker: string;
  role: Role;
  start?: string;
  text: string;
  codes: string[];
  primary: string | null;
  scores: Record<string, number>;
  /** Per assigned code, what made it: `weight` (what the feature added to the code's logit) with open-vocabulary models. */
  evidence: { code: string; cue: string; start: number; end: number; weight?: number }[];
  codebook: string;
  model: string;
}

/** Builds the output record of a coded turn (docs/output.md, "coachcode code"). */
export function toRecord(turn: CodedTurn, meta: { source: string; codebook: string; model: string }): TurnRecord {
  const r: TurnRecord = { source: meta.source, turn: turn.turn, speaker: turn.speaker, role: turn.role } as TurnRecord;
  if (turn.start !== undefined) r.start = turn.start;
  r.text = turn.text;
  r.codes = turn.codes;
  r.primary = turn.primary;
  r.scores = turn.scores;
  r.evidence = turn.evidence.map((e) => (e.weight === undefined ? { code: e.code, cue: e.cue, start: e.start, end: e.end } : { code: e.code, cue: e.cue, start: e.start, end: e.end, weight: e.weight }));
  r.codebook = meta.codebook;
  r.model = meta.model;
  return r;
}

/** One JSON line per record (with the trailing newline). */
export function toJsonl(records: readonly TurnRecord[]): string {
  let out = '';
  for (const r of records) out += JSON.stringify(r) + '\n';
  return out;
}
