import { dict } from '../../model/dict.js';
import { readCsvRows, sniffDelimiter, type CsvRow } from '../csv-rows.js';
import type { Utterance } from '../../model/transcript.js';
import { parseMessages, ParseIssue, quote } from '../messages.js';
import { IssueLog, type FormatResult, type ParseContext, type ResolvedCsvOptions } from '../parse-context.js';
import { normaliseTime } from '../time-stamp.js';

/** Header names (lower-cased, letters and digits only) recognised for each column, in order of preference. */
export const CSV_HEADER_NAMES = {
  speaker: ['speaker', 'speakername', 'name', 'who', 'participant', 'person'],
  text: ['text', 'utterance', 'transcript', 'content', 'message', 'words', 'speech', 'utterancetext', 'turntext'],
  time: ['time', 'start', 'starttime', 'timestamp', 'begin'],
  role: ['role', 'speakerrole'],
  codes: ['codes', 'code', 'humancodes', 'labels'],
} as const;

/** Falls back to the first header containing one of these, when no header equals a name above. */
const HEADER_FRAGMENTS = { speaker: ['speaker', 'name'], text: ['text', 'utterance'] } as const;

function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Finds the column for `role`: the option's name (case-insensitive), else the first header in the list. */
function findColumn(headers: readonly string[], wanted: string | undefined, names: readonly string[], fragments: readonly string[] = []): number {
  const keys = headers.map(headerKey);
  if (wanted !== undefined) {
    const lower = wanted.trim().toLowerCase();
    const exact = headers.findIndex((h) => h.trim().toLowerCase() === lower);
    return exact !== -1 ? exact : keys.indexOf(headerKey(wanted));
  }
  for (const name of names) {
    const at = keys.indexOf(name);
    if (at !== -1) return at;
  }
  for (const fragment of fragments) {
    const at = keys.findIndex((k) => k.includes(fragment));
    if (at !== -1) return at;
  }
  return -1;
}

const ON = new Set(['1', 'true', 'yes', 'y', 'x']);
const OFF = new Set(['', '0', 'false', 'no', 'n']);
const SECONDS = /^\d+(?:\.\d+)?$/;

function timeOf(value: string): string | undefined {
  const v = value.trim();
  if (SECONDS.test(v)) {
    const ms = Math.round(Number(v) * 1000);
    const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
    return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
  }
  return normaliseTime(v);
}

/**
 * CSV (and TSV, see `parseTsv`): a header row, then one row per utterance. Speaker and text
 * columns are found by name (options `csv.speaker` / `csv.text`, else the first header such
 * as `speaker`, `name`, `who` / `text`, `utterance`, `transcript`, `content`); an optional
 * time column; optional human codes either as one 0/1 column per code (header = code id) or a
 * `codes` column (`challenge;dissonance`); an optional `role` column. Quoted fields may hold
 * commas, doubled quotes and line breaks; each utterance keeps the line its row starts on.
 */
export function parseCsv(text: string, ctx: ParseContext): FormatResult {
  const issues = new IssueLog(ctx.source);
  const options: ResolvedCsvOptions = ctx.csv;
  const isTsv = ctx.format === 'tsv';
  const delimiter = options.delimiter ?? (isTsv ? '\t' : sniffDelimiter(text));
  let { rows, unclosedQuoteLine } = readCsvRows(text, { delimiter });
  if (unclosedQuoteLine !== undefined && isTsv) {
    // In TSV a quote is more often text than quoting: read the file again with quotes as text.
    issues.warn(ParseIssue.csvQuote, parseMessages.tsvQuotesIgnored(), unclosedQuoteLine);
    rows = readCsvRows(text, { delimiter, quoted: false }).rows;
  } else if (unclosedQuoteLine !== undefined) {
    issues.error(ParseIssue.csvQuote, parseMessages.csvUnclosedQuote(), unclosedQuoteLine);
    issues.throwIfErrors();
  }
  const header = rows[0];
  if (header === undefined) {
    issues.error(ParseIssue.csvHeader, parseMessages.csvEmpty(), 1);
    issues.throwIfErrors();
    return { utterances: [], warnings: issues.warnings };
  }
  const headers = header.fields.map((h) => h.trim());
  const speakerAt = findColumn(headers, options.speaker, CSV_HEADER_NAMES.speaker, HEADER_FRAGMENTS.speaker);
  const textAt = findColumn(headers, options.text, CSV_HEADER_NAMES.text, HEADER_FRAGMENTS.text);
  const timeAt = findColumn(headers, options.time, CSV_HEADER_NAMES.time);
  const roleAt = findColumn(headers, undefined, CSV_HEADER_NAMES.role);
  if (speakerAt === -1) {
    const wanted = options.speaker !== undefined ? `a column named ${quote(options.speaker, 30)}` : 'a column named speaker, name or who';
    issues.error(ParseIssue.csvHeader, parseMessages.csvMissingColumn('speaker', wanted, headers), header.line);
  }
  if (textAt === -1) {
    const wanted = options.text !== undefined ? `a column named ${quote(options.text, 30)}` : 'a column named text, utterance, transcript or content';
    issues.error(ParseIssue.csvHeader, parseMessages.csvMissingColumn('text', wanted, headers), header.line);
  }
  if (options.time !== undefined && timeAt === -1) {
    issues.error(ParseIssue.csvHeader, parseMessages.csvMissingColumn('time', `a column named ${quote(options.time, 30)}`, headers), header.line);
  }
  // Code columns: [column index, code id].
  const codeColumns: [number, string][] = [];
  let codesAt = -1;
  if (options.codes === 'auto') {
    codesAt = findColumn(headers, undefined, CSV_HEADER_NAMES.codes);
    const known = new Map<string, string>(options.codeIds.map((c) => [c.toLowerCase(), c]));
    headers.forEach((h, i) => {
      const code = known.get(h.toLowerCase());
      if (code !== undefined) codeColumns.push([i, code]);
    });
  } else {
    for (const code of options.codes) {
      const at = headers.findIndex((h) => h.toLowerCase() === code.trim().toLowerCase());
      if (at === -1) issues.error(ParseIssue.csvHeader, parseMessages.csvMissingCodeColumn(code, headers), header.line);
      else codeColumns.push([at, code.trim()]);
    }
  }
  issues.throwIfErrors();

  const utterances: Utterance[] = [];
  const speakerRoles = dict<string>();
  let extraFields = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as CsvRow;
    const f = row.fields;
    if (f.every((v) => v.trim() === '')) continue;
    if (f.length > headers.length && f.slice(headers.length).some((v) => v.trim() !== '')) {
      issues.error(ParseIssue.csvFieldCount, parseMessages.csvFieldCount(headers.length, f.length), row.line);
      if (++extraFields >= 20) break;
      continue;
    }
    if (f.length < headers.length) issues.warn(ParseIssue.csvFieldCount, parseMessages.csvFieldCount(headers.length, f.length), row.line);
    let speaker = (f[speakerAt] ?? '').trim();
    if (speaker === '') {
      issues.warn(ParseIssue.unknownSpeaker, parseMessages.csvMissingSpeaker(), row.line);
      speaker = 'unknown';
    }
    const u: Utterance = { speaker, text: f[textAt] ?? '', line: row.line };
    if (timeAt !== -1) {
      const raw = (f[timeAt] ?? '').trim();
      const start = raw === '' ? undefined : timeOf(raw);
      if (start !== undefined) u.start = start;
      else if (raw !== '') issues.warn(ParseIssue.badTime, parseMessages.badTime(raw, 'HH:MM:SS(.mmm), MM:SS or seconds; the time was ignored'), row.line);
    }
    if (roleAt !== -1) {
      const role = (f[roleAt] ?? '').trim().toLowerCase();
      if (role !== '') {
        u.role = role;
        speakerRoles[speaker] ??= role;
      }
    }
    if (codesAt !== -1 || codeColumns.length > 0) {
      const codes: string[] = [];
      if (codesAt !== -1) {
        for (const c of (f[codesAt] ?? '').split(/[;,|]/)) {
          const code = c.trim();
          if (code !== '' && !codes.includes(code)) codes.push(code);
        }
      }
      for (const [at, code] of codeColumns) {
        const v = (f[at] ?? '').trim().toLowerCase();
        if (ON.has(v)) {
          if (!codes.includes(code)) codes.push(code);
        } else if (!OFF.has(v)) {
          issues.warn(ParseIssue.csvCodeValue, parseMessages.csvCodeValue(code, f[at] ?? ''), row.line);
        }
      }
      u.codes = codes;
    }
    utterances.push(u);
  }
  issues.throwIfErrors();
  return { utterances, speakerRoles, warnings: issues.warnings };
}
