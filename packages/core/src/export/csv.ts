import type { TurnRecord } from './record.js';

/** How CSV cells are written. */
export interface CsvWriteOptions {
  /**
   * Neutralise text that a spreadsheet would run as a formula (default `true`): a text cell that
   * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front and is quoted
   * (the OWASP rule against CSV injection). Numbers are written as they are. `false` writes
   * every value raw, for tools that read CSV as data only.
   */
  protect?: boolean;
}

/** The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Quotes a CSV field when it needs it (RFC 4180), and neutralises a text that starts like a
 * formula (see {@link CsvWriteOptions.protect}).
 */
export function csvField(value: unknown, options: CsvWriteOptions = {}): string {
  const s = value === undefined || value === null ? '' : String(value);
  if (options.protect !== false && typeof value === 'string' && FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The text of a cell written by {@link csvField} with protection: the `'` put before a text
 * that starts like a formula is taken off again (`'=SUM(A1)` → `=SUM(A1)`); anything else is
 * returned as it is. For reading coachcode's own CSV back (a coding sheet from `suggest`).
 */
export function unprotectCsvField(text: string): string {
  return text.charCodeAt(0) === 0x27 && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One CSV line (with `\n`). */
export function csvRow(values: readonly unknown[], options: CsvWriteOptions = {}): string {
  return values.map((v) => csvField(v, options)).join(',') + '\n';
}

/** The CSV header for turn records: fixed columns, then one 0/1 column per code. */
export function turnCsvHeader(codes: readonly string[], options: CsvWriteOptions = {}): string {
  return csvRow(['source', 'turn', 'speaker', 'role', 'start', 'text', ...codes, 'primary', 'codebook', 'model'], options);
}

/** Turn records as CSV rows (no header): one row per turn, one 0/1 column per code. */
export function turnCsvRows(records: readonly TurnRecord[], codes: readonly string[], options: CsvWriteOptions = {}): string {
  let out = '';
  for (const r of records) {
    out += csvRow([r.source, r.turn, r.speaker, r.role, r.start ?? '', r.text, ...codes.map((c) => (r.codes.includes(c) ? 1 : 0)), r.primary ?? '', r.codebook, r.model], options);
  }
  return out;
}
