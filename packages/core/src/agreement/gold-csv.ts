import { unprotectCsvField } from '../export/csv.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { baseName } from '../model/source-path.js';
import { readCsvRows, sniffDelimiter } from '../parse/csv-rows.js';
import { parseMessages } from '../parse/messages.js';
import { type Coding, type CodedUnit } from './coding.js';
import { addUnit, type CodingReadResult, type ReadCodingOptions } from './gold.js';
import { agreementMessages } from './messages.js';

/** Options of {@link readCodingCsv}. */
export interface ReadCodingCsvOptions extends ReadCodingOptions {
  /**
   * The code columns, when the CSV has one 0/1 column per code. Without it, every column that is
   * not a known field (file, turn, speaker, role, text, times …) and holds only 0/1 values is a code.
   */
  codes?: string[];
  /** Field delimiter; by default the most frequent of `,` `;` tab in the header line. */
  delimiter?: string;
}

/** Column names (lower case) with a fixed meaning; any other column may be a code column. */
const FILE_COLUMNS = ['file', 'source', 'transcript'];
const FIELD_COLUMNS = new Set([
  ...FILE_COLUMNS,
  'turn', 'codes', 'scored', 'role', 'speaker', 'text', 'start', 'end', 'time', 'timestamp',
  'line', 'primary', 'id', 'coder', 'note', 'notes', 'comment', 'comments', 'previous', 'machine',
]);
const YES = new Set(['1', 'true', 'yes', 'y']);
const NO = new Set(['0', 'false', 'no', 'n']);
const CODE_LIST_SEPARATOR = /[;,|]/;

/**
 * Reads a human coding from CSV (or TSV / semicolon-separated). The header names the columns
 * (case-insensitive): `turn` (required); `file` or `source` (optional when `options.file` names
 * the one transcript); optional `speaker`, `role`; and the codes, either
 * - a `codes` column listing the codes of the turn separated by `;` (or `,` `|`), blank for none,
 *   with an optional `scored` column in the same form; or
 * - one column per code holding 1 (also true/yes) or 0 (false/no); a blank cell means the code
 *   was not coded on that turn, so `scored` lists the code columns with a value. In a coding
 *   sheet of `coachcode suggest` (it has `previous` and `machine` columns), a row with every
 *   code cell blank is not coded yet and is skipped, and in the other rows a blank cell is 0.
 * Rows that cannot be used are reported with their line numbers and skipped. Never throws.
 */
export function readCodingCsv(text: string, options: ReadCodingCsvOptions = {}): CodingReadResult {
  const coding: Coding = new Map();
  const diagnostics: Diagnostic[] = [];
  const where = options.source ? { source: options.source } : {};
  const report = (line: number | undefined, code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ code, severity, message, ...where, ...(line ? { line } : {}) });

  const { rows, unclosedQuoteLine } = readCsvRows(text, { delimiter: options.delimiter ?? sniffDelimiter(text), trim: true });
  if (unclosedQuoteLine !== undefined) {
    report(unclosedQuoteLine, 'coding-csv-unreadable', agreementMessages.csvUnreadable(parseMessages.csvUnclosedQuote()));
    return { coding, diagnostics };
  }

  const header = rows.shift();
  if (!header) {
    report(undefined, 'coding-csv-empty', agreementMessages.csvEmpty());
    return { coding, diagnostics };
  }
  const names = header.fields.map((c) => c.trim().toLowerCase());
  const column = (...candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  const turnAt = column('turn');
  const fileAt = column(...FILE_COLUMNS);
  const codesAt = column('codes');
  const scoredAt = column('scored');
  const roleAt = column('role');
  const speakerAt = column('speaker');
  // `coachcode suggest` writes `previous` and `machine` columns beside the code columns.
  const sheet = column('previous') >= 0 && column('machine') >= 0;
  if (turnAt < 0) {
    report(header.line, 'coding-csv-no-turn', agreementMessages.csvNoTurnColumn(header.fields));
    return { coding, diagnostics };
  }
  if (fileAt < 0 && !options.file) {
    report(header.line, 'coding-csv-no-file', agreementMessages.csvNoFile());
    return { coding, diagnostics };
  }

  // Which columns hold codes, when there is no `codes` column: code id → column index.
  const codeColumns = new Map<string, number>();
  if (codesAt < 0) {
    if (options.codes) {
      for (const code of options.codes) {
        const at = names.indexOf(code.toLowerCase());
        if (at >= 0) codeColumns.set(code, at);
        else report(header.line, 'coding-csv-no-code-column', agreementMessages.csvMissingCodeColumn(code));
      }
    } else {
      names.forEach((name, at) => {
        if (FIELD_COLUMNS.has(name) || name === '') return;
        const bad = rows.find((r) => {
          const v = (r.fields[at] ?? '').toLowerCase();
          return v !== '' && !YES.has(v) && !NO.has(v);
        });
        if (bad) report(bad.line, 'coding-csv-column-ignored', agreementMessages.csvColumnNotBinary(header.fields[at] ?? name, bad.fields[at] ?? '', bad.line), 'warning');
        else codeColumns.set(name, at);
      });
    }
    if (codeColumns.size === 0) {
      report(header.line, 'coding-csv-no-codes', agreementMessages.csvNoCodes(header.fields));
      return { coding, diagnostics };
    }
  }

  for (const row of rows) {
    // A cell of coachcode's own CSV may carry the `'` that kept a spreadsheet from running it.
    const cell = (at: number) => (at >= 0 ? unprotectCsvField((row.fields[at] ?? '').trim()) : '');
    const turnText = cell(turnAt);
    if (!/^\d+(?:\.0+)?$/.test(turnText) || Number(turnText) < 1) {
      report(row.line, 'coding-csv-bad-turn', agreementMessages.csvBadTurn(turnText));
      continue;
    }
    const file = cell(fileAt) || options.file;
    if (!file) {
      report(row.line, 'coding-csv-no-file', agreementMessages.csvEmptyFile());
      continue;
    }
    const unit: CodedUnit = { file: baseName(file), turn: Number(turnText), codes: [], line: row.line };
    if (codesAt >= 0) {
      unit.codes = splitCodes(cell(codesAt));
      if (scoredAt >= 0 && cell(scoredAt) !== '') unit.scored = splitCodes(cell(scoredAt));
    } else {
      // A coding sheet (`coachcode suggest`): a row with no code cell filled is not coded yet;
      // in a row with one filled, a blank cell is 0.
      if (sheet && [...codeColumns.values()].every((at) => cell(at) === '')) continue;
      const scored: string[] = [];
      for (const [code, at] of codeColumns) {
        const value = cell(at).toLowerCase() || (sheet ? '0' : '');
        if (value === '') continue;
        if (YES.has(value)) unit.codes.push(code);
        else if (!NO.has(value)) {
          report(row.line, 'coding-csv-bad-code-value', agreementMessages.csvBadCodeValue(header.fields[at] ?? code, cell(at)), 'warning');
          continue;
        }
        scored.push(code);
      }
      unit.scored = scored;
    }
    if (cell(roleAt)) unit.role = cell(roleAt);
    if (cell(speakerAt)) unit.speaker = cell(speakerAt);
    addUnit(coding, unit, (key, first) => report(row.line, 'coding-duplicate-turn', agreementMessages.duplicateTurn(key, first), 'warning'));
  }
  return { coding, diagnostics };
}

function splitCodes(value: string): string[] {
  return [...new Set(value.split(CODE_LIST_SEPARATOR).map((c) => c.trim()).filter((c) => c !== ''))];
}

