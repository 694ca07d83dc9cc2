import { CoachcodeError } from '../errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { InputFormat, Utterance } from '../model/transcript.js';

/** CSV/TSV options after defaults are applied (see `CsvOptions` in parse-options.ts). */
export interface ResolvedCsvOptions {
  speaker?: string;
  text?: string;
  time?: string;
  codes: string[] | 'auto';
  /** With `codes` `'auto'`: the code ids that name human-code columns. */
  codeIds: readonly string[];
  delimiter?: string;
}

/** What every format parser receives besides the text. */
export interface ParseContext {
  /** The input path as given, or undefined (diagnostics then carry no path). */
  source: string | undefined;
  /** The format being parsed (the CSV parser reads both `csv` and `tsv`). */
  format: InputFormat;
  csv: ResolvedCsvOptions;
}

/** What every format parser returns; errors are thrown as one `CoachcodeError`. */
export interface FormatResult {
  utterances: Utterance[];
  metadata?: Record<string, string | number | boolean>;
  speakerRoles?: Record<string, string>;
  warnings: Diagnostic[];
}

/** A format parser: text with LF line ends in, utterances out; throws `CoachcodeError` with every error found. */
export type FormatParser = (text: string, ctx: ParseContext) => FormatResult;

/** Collects the warnings and errors of one parse, so all problems are reported together. */
export class IssueLog {
  readonly warnings: Diagnostic[] = [];
  readonly errors: Diagnostic[] = [];
  constructor(private readonly source: string | undefined) {}

  warn(code: string, message: string, line?: number): void {
    this.warnings.push(this.make(code, 'warning', message, line));
  }

  error(code: string, message: string, line?: number): void {
    this.errors.push(this.make(code, 'error', message, line));
  }

  /** Throws one `CoachcodeError` carrying every error collected so far, if any. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new CoachcodeError(this.errors);
  }

  private make(code: string, severity: Diagnostic['severity'], message: string, line: number | undefined): Diagnostic {
    const d: Diagnostic = { code, severity, message };
    if (this.source !== undefined) d.source = this.source;
    if (line !== undefined) d.line = line;
    return d;
  }
}
