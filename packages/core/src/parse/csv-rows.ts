// CSV rows with the line each starts on, read by Papa Parse: RFC 4180 quoting (delimiters,
// doubled quotes and line breaks inside quotes), forgiving of stray quotes, and strings in,
// strings out, so it runs in a browser as it is (7 KB gzipped; csv-parse's browser build,
// used before, is 14 KB with the Buffer shim it needs there).
import Papa from 'papaparse';

/** One record of a CSV file. */
export interface CsvRow {
  fields: string[];
  /** 1-based line where the record starts (quoted line breaks make a record span lines). */
  line: number;
}

/** What {@link readCsvRows} found. */
export interface CsvRows {
  rows: CsvRow[];
  /**
   * The line of the record whose quoted field is never closed, if one is; that field then runs
   * to the end of the text, and is the last of `rows`.
   */
  unclosedQuoteLine?: number;
}

export interface CsvRowsOptions {
  delimiter: string;
  /** Whether `"` quotes fields (default true); false reads every quote as text. */
  quoted?: boolean;
  /** Trim white space around every field. */
  trim?: boolean;
}

/** A quote character that does not occur in `text`, to read it with quoting off. */
function absentCharacter(text: string): string {
  for (const c of ['\u0000', '\uE000', '\uFFFF', '\uFDD0']) if (!text.includes(c)) return c;
  return '\uFDD1';
}

/**
 * Reads the records of a CSV (or TSV …) text. Blank lines are skipped; a leading byte-order mark
 * is dropped; rows may have any number of fields. Never throws.
 */
export function readCsvRows(text: string, options: CsvRowsOptions): CsvRows {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let unclosedQuoteLine: number | undefined;
  // Papa Parse gives the offset just past each record; its start is the first character after
  // the previous record that is not a line break (blank lines between records are skipped).
  let from = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(body, {
    delimiter: options.delimiter,
    quoteChar: options.quoted === false ? absentCharacter(body) : '"',
    skipEmptyLines: true,
    step: (result) => {
      let start = from;
      while (start < body.length && (body[start] === '\n' || body[start] === '\r')) start++;
      for (; counted < start; counted++) {
        const c = body[counted];
        if (c === '\n' || (c === '\r' && body[counted + 1] !== '\n')) line++;
      }
      from = result.meta.cursor;
      const fields = options.trim ? result.data.map((f) => f.trim()) : result.data;
      rows.push({ fields, line });
      if (unclosedQuoteLine === undefined && result.errors.some((e) => e.code === 'MissingQuotes')) unclosedQuoteLine = line;
    },
  });
  return unclosedQuoteLine === undefined ? { rows } : { rows, unclosedQuoteLine };
}

/**
 * The delimiter of a CSV text: the most frequent of comma, semicolon and tab in its first line,
 * quoted parts left out (comma on a tie).
 */
export function sniffDelimiter(text: string): string {
  const first = (text.split(/\r\n|\r|\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = first.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
