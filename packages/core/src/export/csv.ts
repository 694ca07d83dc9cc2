import type { TurnRecord } from './record.js';

/** Quotes a CSV field when it needs it (RFC 4180). */
export function csvField(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (with `\n`). */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** The CSV header for turn records: fixed columns, then one 0/1 column per code. */
export function turnCsvHeader(codes: readonly string[]): string {
  return csvRow(['source', 'turn', 'speaker', 'role', 'start', 'text', ...codes, 'primary', 'codebook', 'model']);
}

/** Turn records as CSV rows (no header): one row per turn, one 0/1 column per code. */
export function turnCsvRows(records: readonly TurnRecord[], codes: readonly string[]): string {
  let out = '';
  for (const r of records) {
    out += csvRow([r.source, r.turn, r.speaker, r.role, r.start ?? '', r.text, ...codes.map((c) => (r.codes.includes(c) ? 1 : 0)), r.primary ?? '', r.codebook, r.model]);
  }
  return out;
}
