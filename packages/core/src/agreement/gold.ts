import * as z from 'zod/mini';
import type { Diagnostic } from '../model/diagnostic.js';
import { checkSchema } from '../model/schema.js';
import { baseName } from '../model/source-path.js';
import { codingKey, type Coding, type CodedUnit } from './coding.js';
import { agreementMessages } from './messages.js';

/** Options of the coding readers. */
export interface ReadCodingOptions {
  /** Name of the file being read, for diagnostics. */
  source?: string;
  /** Transcript the records belong to, when they do not name one themselves. */
  file?: string;
}

/** A coding read from text, with a diagnostic for every record that could not be used. */
export interface CodingReadResult {
  coding: Coding;
  diagnostics: Diagnostic[];
}

const CodingRecordSchema = z.object({
  file: z.optional(z.string().check(z.minLength(1))),
  source: z.optional(z.string().check(z.minLength(1))),
  turn: z.int().check(z.positive()),
  codes: z.array(z.string()),
  scored: z.optional(z.array(z.string())),
  speaker: z.nullish(z.string()),
  role: z.nullish(z.string()),
});

/**
 * Reads a coding from JSON Lines, one turn per line. Accepts both
 * - gold records of `../shared/benchmarks` and of researchers: `{file, turn, codes, scored?, speaker?, role?, text?}`;
 * - coachcode's own coded output: `{source, turn, speaker, role, codes, …}` (so a machine run can be
 *   compared like a coder).
 * The transcript is `file`, else `source`, else `options.file`; only its base name is kept. Blank
 * lines are skipped; a line that is not a usable record is reported (with its line number) and
 * skipped; a repeated (file, turn) keeps the first. Never throws.
 */
export function readCodingJsonl(text: string, options: ReadCodingOptions = {}): CodingReadResult {
  const coding: Coding = new Map();
  const diagnostics: Diagnostic[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const report = (line: number, code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ code, severity, message, line, ...(options.source ? { source: options.source } : {}) });
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      report(line, 'coding-json-invalid', agreementMessages.jsonInvalid(error instanceof Error ? error.message : String(error)));
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      report(line, 'coding-record-invalid', agreementMessages.jsonNotObject(Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value));
      return;
    }
    const parsed = checkSchema(CodingRecordSchema, value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'record'}: ${i.message}`).join('; ');
      report(line, 'coding-record-invalid', agreementMessages.recordInvalid(issues));
      return;
    }
    const r = parsed.data;
    const file = r.file ?? r.source ?? options.file;
    if (!file) {
      report(line, 'coding-record-no-file', agreementMessages.recordNoFile());
      return;
    }
    const unit: CodedUnit = { file: baseName(file), turn: r.turn, codes: [...new Set(r.codes)], line };
    if (r.scored) unit.scored = [...new Set(r.scored)];
    if (r.role) unit.role = r.role;
    if (r.speaker) unit.speaker = r.speaker;
    addUnit(coding, unit, (key, first) => report(line, 'coding-duplicate-turn', agreementMessages.duplicateTurn(key, first), 'warning'));
  });
  return { coding, diagnostics };
}

/** Adds a unit unless its key is taken; calls `onDuplicate` with the key and the first unit's line otherwise. */
export function addUnit(coding: Coding, unit: CodedUnit, onDuplicate: (key: string, firstLine: number | undefined) => void): void {
  const key = codingKey(unit.file, unit.turn);
  const existing = coding.get(key);
  if (existing) onDuplicate(key, existing.line);
  else coding.set(key, unit);
}
