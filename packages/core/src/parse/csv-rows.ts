// CSV rows with the line each starts on: RFC 4180 quoting (delimiters, doubled quotes and line
// breaks inside quotes), forgiving of stray quotes as Papa Parse is, strings in and out.
// Written here rather than taken from a library: core needs each record's line and to know when
// a quoted field is never closed (for messages that name the line), which the small parsers
// (d3-dsv, csv-simple-parser, uDSV) do not report, and Papa Parse, which does, was 7 KB of
// core's 80 KB browser bundle (gzipped) for these 60 lines; csv-parse's browser build is 14 KB.

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
  /** One character (`,` `;` tab …). */
  delimiter: string;
  /** Whether `"` quotes fields (default true); false reads every quote as text. */
  quoted?: boolean;
  /** Trim white space around every field. */
  trim?: boolean;
}

const LINE_BREAK = /\r\n?|\n/g;

/**
 * Reads the records of a CSV (or TSV …) text. Records end at a line break (`\r\n`, `\n` or
 * `\r`) outside quotes; blank lines are skipped; a leading byte-order mark is dropped; rows may
 * have any number of fields. A field that starts with `"` is quoted: it ends at a `"` followed
 * (after spaces) by the delimiter, a line break or the end, and `""` inside it is one `"`; any
 * other quote is text. Never throws.
 */
export function readCsvRows(text: string, options: CsvRowsOptions): CsvRows {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter || ',';
  const quoted = options.quoted !== false;
  const n = body.length;
  const rows: CsvRow[] = [];
  let unclosedQuoteLine: number | undefined;
  const isBreak = (i: number): boolean => body[i] === '\n' || body[i] === '\r';
  const isEnd = (i: number): boolean => i >= n || isBreak(i) || body.startsWith(delimiter, i);
  let i = 0;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;
  for (;;) {
    // 1. One field, from i; i ends at what follows it (a delimiter, a line break or the end).
    let field: string;
    if (quoted && body[i] === '"') {
      let close = body.indexOf('"', i + 1);
      let after = 0;
      for (; close >= 0; close = body.indexOf('"', close + 1)) {
        if (body[close + 1] === '"') {
          close++;
          continue;
        }
        after = close + 1;
        while ((body[after] === ' ' || body[after] === '\t') && body[after] !== delimiter) after++;
        if (isEnd(after)) break;
      }
      if (close < 0) {
        // Never closed: the field runs to the end of the text, as it is.
        unclosedQuoteLine ??= recordLine;
        fields.push(body.slice(i + 1));
        rows.push({ fields, line: recordLine });
        break;
      }
      field = body.slice(i + 1, close).replaceAll('""', '"');
      line += field.match(LINE_BREAK)?.length ?? 0;
      i = after;
    } else {
      const from = i;
      while (!isEnd(i)) i++;
      field = body.slice(from, i);
    }
    fields.push(field);
    // 2. What follows: the next field, or the end of the record (a blank line is no record).
    if (i < n && !isBreak(i)) {
      i += delimiter.length;
      continue;
    }
    if (fields.length > 1 || fields[0] !== '') rows.push({ fields, line: recordLine });
    if (i >= n) break;
    i += body[i] === '\r' && body[i + 1] === '\n' ? 2 : 1;
    line++;
    fields = [];
    recordLine = line;
  }
  if (options.trim) for (const row of rows) row.fields = row.fields.map((f) => f.trim());
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
