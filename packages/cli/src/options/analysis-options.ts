import { readInputText } from '../fs/read-input-file.js';
import { extname, resolve } from 'node:path';
import {
  CoachcodeError,
  INPUT_FORMATS,
  attributesFor,
  cfbtCodebook,
  defaultModel,
  formatDiagnostic,
  handModel,
  isInputFormat,
  parseCodebook,
  parseModel,
  codebookTag,
  parseRolesFile,
  readJson,
  type AnalyzeOptions,
  type Codebook,
  type InputFormat,
  type Model,
  type RolesFile,
} from '@coachcode/core';
import { cuesModel } from '@coachcode/core/models/cues';
import { messages } from '../messages.js';

/** The flags every command that reads transcripts shares, as commander hands them over. */
export interface AnalysisFlags {
  inputFormat?: string;
  speakerColumn?: string;
  textColumn?: string;
  timeColumn?: string;
  codesColumn?: string[];
  coach: string[];
  coachee: string[];
  observer: string[];
  roles?: string;
  merge: boolean;
  guess: boolean;
  model?: string;
  threshold?: string;
  codebook?: string;
  anonymise?: boolean;
  stdinName: string;
  jobs: string;
}

/**
 * The analysis settings of a run, validated once at the start (every problem reported together)
 * and plain data, so they can be sent to worker threads.
 */
export interface AnalysisSettings {
  format?: InputFormat;
  csv?: NonNullable<AnalyzeOptions['csv']>;
  merge: boolean;
  guess: boolean;
  coach: string[];
  coachee: string[];
  observer: string[];
  rolesFile?: RolesFile;
  model?: Model;
  threshold?: number;
  /** `--codebook`: the codes of every output (default: the CfBT codebook). */
  codebook?: Codebook;
  /** Read the turns without coding them (`train` and `suggest` need only the turns and their human codes). */
  uncoded?: boolean;
  anonymise: boolean;
  stdinName: string;
  jobs: number;
}

/**
 * Which flag decides each option of the core's `analyze()`. Its type lists every key of
 * `AnalyzeOptions`, so a new core option without a decision about its flag does not compile.
 */
export const ANALYZE_OPTION_FLAGS: { readonly [K in keyof Required<AnalyzeOptions>]: string } = {
  source: 'the path as given; --stdin-name for standard input',
  format: '--input-format',
  csv: '--speaker-column, --text-column, --time-column, --codes-column',
  merge: '--no-merge',
  roles: '--coach, --coachee, --observer, --roles, --no-guess',
  metadata: '--roles (extra columns or "metadata")',
  classifier: '--model, --threshold, --codebook',
};

/** Commander collector for repeatable flags (`--coach A --coach B`); commas also separate names. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
}

/** Commander collector for repeatable path flags (paths may hold commas, so no splitting). */
export function collectPaths(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function readRolesFile(path: string, cwd: string, problems: string[]): RolesFile | undefined {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.csv') {
    problems.push(messages.rolesFileExtension(path));
    return undefined;
  }
  let text: string;
  try {
    text = readInputText(resolve(cwd, path));
  } catch (error) {
    problems.push(messages.rolesFileUnreadable(path, (error as Error).message));
    return undefined;
  }
  try {
    return parseRolesFile(text, { format: ext === '.json' ? 'json' : 'csv', source: path });
  } catch (error) {
    if (error instanceof CoachcodeError) problems.push(...error.issues.map(formatDiagnostic));
    else throw error;
    return undefined;
  }
}

/** The built-in models, by id: `--model cfbt-hand` codes with the hand weights alone, `--model cfbt-cues` with the previous default. */
const BUILTIN_MODELS: ReadonlyMap<string, Model> = new Map([defaultModel, cuesModel, handModel].map((m) => [m.id, m]));

/**
 * The model a flag (`--model`, `train --base`) names: a built-in model's id (`cfbt-default`,
 * `cfbt-cues`, `cfbt-hand`), or a model file, read and validated; problems are recorded.
 */
export function readModel(flag: string, path: string, cwd: string, problems: string[]): Model | undefined {
  const builtin = BUILTIN_MODELS.get(path.trim());
  if (builtin) return builtin;
  return readJsonFile(path, cwd, problems, 'model', (detail) => messages.modelUnreadable(flag, path, detail), parseModel);
}

/** Reads and validates a codebook file (`--codebook`, JSON; docs/codebook.md); problems are recorded. */
export function readCodebook(path: string, cwd: string, problems: string[]): Codebook | undefined {
  return readJsonFile(path, cwd, problems, 'codebook', (detail) => messages.codebookUnreadable(path, detail), parseCodebook);
}

/**
 * Reads a JSON file and validates it with a core `parseX` (which throws a `CoachcodeError` listing
 * every problem); problems are recorded. A file that cannot be read says why after the flag; JSON
 * that does not parse is `file:line: <what>: not valid JSON (…)`, on one line.
 */
function readJsonFile<T>(path: string, cwd: string, problems: string[], what: string, unreadable: (detail: string) => string, parse: (value: unknown, source: string) => T): T | undefined {
  let text: string;
  try {
    text = readInputText(resolve(cwd, path));
  } catch (error) {
    problems.push(unreadable((error as Error).message));
    return undefined;
  }
  try {
    return parse(readJson(text, { source: path, message: (detail) => messages.jsonInvalid(what, detail) }), path);
  } catch (error) {
    if (error instanceof CoachcodeError) problems.push(...error.issues.map(formatDiagnostic));
    else throw error;
    return undefined;
  }
}

/**
 * Why the run's model cannot code with the run's codebook, or undefined when it can: a model codes
 * the codebook it was trained for (its `codebook`, `id@version`), and no other.
 */
export function codebookMismatch(settings: Pick<AnalysisSettings, 'model' | 'codebook'>, modelName = '--model'): string | undefined {
  const model = settings.model ?? defaultModel;
  const wanted = codebookTag(settings.codebook ?? cfbtCodebook);
  if (model.codebook === wanted) return undefined;
  return messages.codebookModelMismatch(`${model.id}@${model.version}`, model.codebook, wanted, settings.model ? modelName : undefined, settings.codebook !== undefined);
}

/** Parses a whole number flag within bounds, or records a problem. */
export function parseIntegerFlag(flag: string, value: string, min: number, max: number, problems: string[]): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max) {
    problems.push(messages.badNumber(flag, value, `a whole number from ${min} to ${max}`));
    return min;
  }
  return n;
}

/**
 * Validates the shared flags, reading the roles and model files. Problems are added to
 * `problems` (the caller adds its own and throws them all together).
 */
export function resolveAnalysis(flags: AnalysisFlags, cwd: string, problems: string[]): AnalysisSettings {
  const settings: AnalysisSettings = {
    merge: flags.merge,
    guess: flags.guess,
    coach: flags.coach,
    coachee: flags.coachee,
    observer: flags.observer,
    anonymise: flags.anonymise ?? false,
    stdinName: flags.stdinName,
    jobs: parseIntegerFlag('-j, --jobs', flags.jobs, 1, 64, problems),
  };
  if (flags.inputFormat !== undefined) {
    if (isInputFormat(flags.inputFormat)) settings.format = flags.inputFormat;
    else problems.push(messages.badChoice('--input-format', flags.inputFormat, INPUT_FORMATS));
  }
  const csv: NonNullable<AnalyzeOptions['csv']> = {};
  if (flags.speakerColumn !== undefined) csv.speaker = flags.speakerColumn;
  if (flags.textColumn !== undefined) csv.text = flags.textColumn;
  if (flags.timeColumn !== undefined) csv.time = flags.timeColumn;
  if (flags.codesColumn !== undefined && flags.codesColumn.length > 0) csv.codes = flags.codesColumn;
  if (Object.keys(csv).length > 0) settings.csv = csv;
  if (flags.roles !== undefined) {
    const rolesFile = readRolesFile(flags.roles, cwd, problems);
    if (rolesFile) settings.rolesFile = rolesFile;
  }
  if (flags.model !== undefined) {
    const model = readModel('--model', flags.model, cwd, problems);
    if (model) settings.model = model;
  }
  if (flags.codebook !== undefined) {
    const codebook = readCodebook(flags.codebook, cwd, problems);
    if (codebook) settings.codebook = codebook;
  }
  if (flags.threshold !== undefined) {
    const t = Number(flags.threshold);
    if (flags.threshold.trim() === '' || !Number.isFinite(t) || t < 0 || t > 1) problems.push(messages.badNumber('--threshold', flags.threshold, 'a number from 0 to 1'));
    else settings.threshold = t;
  }
  return settings;
}

/** The core's options for one transcript (the classifier is added by the caller). */
export function analyzeOptionsFor(settings: AnalysisSettings, source: string): AnalyzeOptions {
  const attributes = settings.rolesFile ? attributesFor(settings.rolesFile, source) : undefined;
  const options: AnalyzeOptions = {
    source,
    merge: settings.merge,
    roles: {
      coach: settings.coach,
      coachee: settings.coachee,
      observer: settings.observer,
      guess: settings.guess,
      ...(attributes ? { speakers: attributes.speakers } : {}),
    },
  };
  if (settings.format) options.format = settings.format;
  if (settings.csv) options.csv = settings.csv;
  if (attributes && Object.keys(attributes.metadata).length > 0) options.metadata = attributes.metadata;
  return options;
}
