import type { FormatResult, ParseContext } from '../parse-context.js';
import { parseCsv } from './csv.js';

/**
 * Tab-separated values: the same columns as CSV, separated by tabs (Excel's "Unicode Text"
 * export, which is UTF-16 with a byte-order mark). Quotes work as in CSV; if a quote is never
 * closed, quotes are read as ordinary characters instead, with a warning.
 */
export function parseTsv(text: string, ctx: ParseContext): FormatResult {
  return parseCsv(text, { ...ctx, format: 'tsv' });
}
