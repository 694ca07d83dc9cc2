import { CFBT_CODES } from '../codebook/cfbt.js';
import { INPUT_FORMATS, isInputFormat, type InputFormat } from '../model/transcript.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { parseMessages, ParseIssue } from './messages.js';
import type { ResolvedCsvOptions } from './parse-context.js';

/** Column options for CSV and TSV input. */
export interface CsvOptions {
  /** Header of the speaker column (default: the first of speaker, name, who …). */
  speaker?: string;
  /** Header of the text column (default: the first of text, utterance, transcript, content …). */
  text?: string;
  /** Header of the start-time column (default: a column named time, start or timestamp, if any). */
  time?: string;
  /**
   * Human-code columns: a list of headers, each a 0/1 column named after its code; or `'auto'`
   * (default): a `codes` column (`challenge;dissonance`) and 0/1 columns named after a code of the
   * codebook (`ParseOptions.codeIds`).
   */
  codes?: string[] | 'auto';
  /** Field delimiter (default: tab for TSV; for CSV the most frequent of `,` `;` tab in the header). */
  delimiter?: string;
}

/** Options of `parseTranscript`. */
export interface ParseOptions {
  /** The input path as given; used for format detection (extension) and in diagnostics. */
  source?: string;
  /** The input format; detected from `source` and the content when not given. */
  format?: InputFormat;
  csv?: CsvOptions;
  /** The codebook's code ids: with `csv.codes` `'auto'`, columns named after one hold human codes (default: the CfBT codes). */
  codeIds?: readonly string[];
}

/** Options after defaults and checks, or the problems found (all of them). */
export interface ResolvedParseOptions {
  source: string | undefined;
  format: InputFormat | undefined;
  csv: ResolvedCsvOptions;
  errors: Diagnostic[];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Applies defaults to `options` and checks them once, at the entry of `parseTranscript`. */
export function resolveParseOptions(options: ParseOptions): ResolvedParseOptions {
  const errors: Diagnostic[] = [];
  const source = options.source;
  const fail = (message: string): void => {
    const d: Diagnostic = { code: ParseIssue.invalidOption, severity: 'error', message };
    if (source !== undefined) d.source = source;
    errors.push(d);
  };
  let format: InputFormat | undefined;
  if (options.format !== undefined) {
    if (isInputFormat(options.format)) format = options.format;
    else fail(parseMessages.unknownFormat(String(options.format), INPUT_FORMATS));
  }
  const csvIn: CsvOptions = options.csv ?? {};
  const csv: ResolvedCsvOptions = { codes: 'auto', codeIds: options.codeIds ?? CFBT_CODES };
  for (const key of ['speaker', 'text', 'time'] as const) {
    const value: unknown = csvIn[key];
    if (value === undefined) continue;
    if (typeof value === 'string' && value.trim() !== '') csv[key] = value;
    else fail(parseMessages.invalidOption(`csv.${key}`, 'a column header (a non-empty string)', describe(value)));
  }
  const codes: unknown = csvIn.codes;
  if (codes === 'auto' || codes === undefined) csv.codes = 'auto';
  else if (Array.isArray(codes) && codes.every((c) => typeof c === 'string' && c.trim() !== '')) csv.codes = codes as string[];
  else fail(parseMessages.invalidOption('csv.codes', "'auto' or a list of column headers", describe(codes)));
  const delimiter: unknown = csvIn.delimiter;
  if (delimiter !== undefined) {
    if (typeof delimiter === 'string' && delimiter.length === 1 && delimiter !== '"' && delimiter !== '\n') csv.delimiter = delimiter;
    else fail(parseMessages.invalidOption('csv.delimiter', 'one character such as "," ";" or "\\t"', describe(delimiter)));
  }
  return { source, format, csv, errors };
}
