import type { CodedTurn, CsvWriteOptions, Diagnostic, Profile, Role, TurnRecord } from '@coachcode/core';
import type { InputRef } from '../inputs/input-ref.js';
import type { AnalysisSettings } from '../options/analysis-options.js';
import type { ColorLevel } from '../render/color.js';
import type { OutputFormat } from '../render/output-format.js';

/** How a run treats files that are already coded (coachcode's own JSONL output, gold JSONL). */
export const CodedInput = {
  /** Read the turns and code them again (the `code` command: a new model or threshold may apply). */
  recode: 'recode',
  /** Keep the codes in the file (profile, chart, compare, report, evaluate). */
  reuse: 'reuse',
} as const;
export type CodedInput = (typeof CodedInput)[keyof typeof CodedInput];

/**
 * What a run does with coded JSONL whose records name no model (a gold file: its codes are a
 * human's, not a machine's) when coded input is reused.
 */
export const HumanCodedInput = {
  /** Count the human codes as they are, and say so (profile, chart, compare, report). */
  count: 'count',
  /** Code the turns with the model and keep the codes as the human coding (evaluate, train). */
  code: 'code',
} as const;
export type HumanCodedInput = (typeof HumanCodedInput)[keyof typeof HumanCodedInput];

/** What every file of a run gets done to it: plain data, sent once to each worker thread. */
export interface Job {
  cwd: string;
  analysis: AnalysisSettings;
  codedInput: CodedInput;
  /** Coded JSONL holding human codes only (default `count`). */
  humanCoded?: HumanCodedInput;
  /** Render each transcript's records in this format (the `code` command). */
  render?: { format: OutputFormat; csv?: CsvWriteOptions; colorLevel: ColorLevel; width?: number };
  /** What to send back besides the rendered text. */
  keep: { turns?: boolean; profile?: boolean; records?: boolean };
}

/** One input of a run; standard input comes with its bytes (read by the main thread). */
export interface Task {
  index: number;
  input: InputRef;
  bytes?: Uint8Array;
}

/** The result for one transcript of an input (a coded JSONL file may hold several). */
export interface TranscriptResult {
  source: string;
  turnCount: number;
  /** Speaker → role, in order of first turn. */
  roles: Record<string, Role>;
  chunk?: string;
  turns?: CodedTurn[];
  profile?: Profile;
  records?: TurnRecord[];
  /** Whether the turns carry human codes (`humanCodes`). */
  human: boolean;
  /** `id@version` of the model whose codes the turns carry (a coded input's own), or `human` (see `codesAreHuman`). */
  model: string;
  /** Whether the turns' `codes` are a human's (coded JSONL that names no model, counted as it is). */
  codesAreHuman: boolean;
}

/** What became of one input. `errors` non-empty means the input failed and produced nothing. */
export interface Outcome {
  index: number;
  path: string;
  transcripts: TranscriptResult[];
  warnings: Diagnostic[];
  errors: Diagnostic[];
  /** Milliseconds spent reading and processing it. */
  ms: number;
}
