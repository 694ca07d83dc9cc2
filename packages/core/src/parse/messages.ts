/**
 * User-facing messages of the parse stage, as functions: what failed, what was expected, what
 * was received. The line number is not part of the text; it travels in `Diagnostic.line` and
 * `formatDiagnostic` puts it in front (`angela.vtt:12: …`).
 */

/** Shortens `text` for quoting in a message. */
export function quote(text: string, max = 60): string {
  const t = text.trim();
  return JSON.stringify(t.length > max ? `${t.slice(0, max - 1)}…` : t);
}

/** The columns of a header, quoted: the first twelve, then how many more. */
function headerList(columns: readonly string[]): string {
  const shown = columns.slice(0, 12).map((c) => quote(c, 30)).join(', ');
  return columns.length > 12 ? `${shown} … (${columns.length} columns)` : shown;
}

const LABEL_EXAMPLE = '`Name: text` (optionally with a time stamp such as `[00:01:23] Name: text`)';

export const parseMessages = {
  emptyInput: (): string => 'the transcript is empty: expected at least one line of talk',
  unknownFormat: (format: string, known: readonly string[]): string =>
    `unknown input format ${quote(format)}: expected one of ${known.join(', ')}`,
  invalidOption: (name: string, expected: string, received: string): string =>
    `invalid option ${name}: expected ${expected}, received ${received}`,
  noUtterances: (format: string): string =>
    `no speaker turns found in this ${format} file: expected at least one utterance with a speaker and text`,
  noSpeakerLabels: (lines: number, first: string): string =>
    `no speaker labels found in ${lines} line${lines === 1 ? '' : 's'} of text: expected lines like ${LABEL_EXAMPLE}; the first line reads ${quote(first)}`,
  skippedProse: (text: string): string =>
    `skipped text before the first speaker label: ${quote(text)}; expected ${LABEL_EXAMPLE}. If this is talk, add the speaker's name in front`,
  skippedNote: (text: string): string => `skipped a transcriber's note: ${quote(text)}`,
  longUtterance: (speaker: string, length: number): string =>
    `${speaker} has an utterance of ${length.toLocaleString('en-GB')} characters starting here; a turn this long usually means the speaker labels were not recognised (expected ${LABEL_EXAMPLE} or a supported format)`,
  emptyUtterance: (speaker: string): string => `${speaker} has a label but no text here; the empty utterance was dropped`,
  unknownSpeaker: (count: number, what: string): string =>
    `${count} ${what}${count === 1 ? ' has' : 's have'} no speaker label and no earlier speaker to continue; speaker set to "unknown" (the first is here)`,
  badTime: (received: string, expected: string): string => `bad time ${quote(received, 30)}: expected ${expected}`,
  badTimingLine: (received: string, expected: string): string =>
    `bad cue time line ${quote(received)}: expected ${expected}`,
  timeOrder: (start: string, end: string): string => `the cue ends (${end}) before it starts (${start})`,
  missingWebvttHeader: (first: string): string =>
    `the file does not start with "WEBVTT" (it starts with ${quote(first, 40)}); read it as WebVTT anyway`,
  strayText: (text: string): string =>
    `text outside a cue: ${quote(text)}; expected a cue time line such as \`00:00:01.000 --> 00:00:04.000\` before it. It was added to the previous cue`,
  strayTextDropped: (text: string): string =>
    `text before the first cue: ${quote(text)}; expected a cue time line such as \`00:00:01.000 --> 00:00:04.000\` before it. It was skipped`,
  otterNoHeaders: (first: string): string =>
    `no Otter speaker lines found: expected lines like "Angela Smith  0:12" followed by the text; the first line reads ${quote(first)}`,
  csvUnclosedQuote: (): string =>
    `unbalanced quotes: the quoted field that starts on this line is never closed; expected a closing " (write a literal quote inside a quoted field as "")`,
  csvEmpty: (): string => 'the CSV has no header row: expected a first row naming the columns, such as speaker,text',
  csvMissingColumn: (role: string, wanted: string, columns: readonly string[]): string =>
    `no ${role} column: expected ${wanted}; the header has ${headerList(columns)}. Name the column with the csv.${role} option (--${role}-column)`,
  csvMissingCodeColumn: (code: string, columns: readonly string[]): string =>
    `no column for code ${quote(code, 30)}: expected a header equal to the code; the header has ${headerList(columns)}`,
  csvFieldCount: (expected: number, received: number): string =>
    `this row has ${received} field${received === 1 ? '' : 's'}, the header has ${expected}; missing fields are read as empty, extra ones are ignored`,
  csvCodeValue: (code: string, received: string): string =>
    `code column ${quote(code, 30)}: expected 0 or 1 (or empty), received ${quote(received, 20)}; read as 0`,
  csvMissingSpeaker: (): string => 'this row has no speaker; speaker set to "unknown"',
  tsvQuotesIgnored: (): string =>
    'a quoted field is never closed, so quotes in this TSV are read as ordinary characters (tab-separated files need no quoting)',
  jsonSyntax: (detail: string): string => `not valid JSON (${detail}); expected a coachcode transcript object`,
  jsonlSyntax: (detail: string): string => `this line is not valid JSON (${detail}); expected one JSON object per line`,
  jsonlRecord: (detail: string): string =>
    `the record does not have the expected fields: ${detail}; expected {"speaker": "…", "text": "…"} with optional turn, role, codes, start`,
  jsonlMixedSources: (sources: readonly string[]): string =>
    `the records come from ${sources.length} transcripts (${sources.slice(0, 3).map((s) => quote(s, 40)).join(', ')}${sources.length > 3 ? ', …' : ''}); they are read as one transcript. Split the file to read them separately`,
} as const;

/** Stable codes of the diagnostics the parse stage reports. */
export const ParseIssue = {
  emptyInput: 'empty-input',
  invalidOption: 'invalid-option',
  noUtterances: 'no-utterances',
  noSpeakerLabels: 'no-speaker-labels',
  skippedLine: 'skipped-line',
  skippedNote: 'skipped-note',
  emptyUtterance: 'empty-utterance',
  longUtterance: 'long-utterance',
  unknownSpeaker: 'unknown-speaker',
  badTime: 'bad-time',
  timeOrder: 'time-order',
  missingWebvttHeader: 'missing-webvtt-header',
  strayText: 'stray-text',
  csvQuote: 'csv-quote',
  csvHeader: 'csv-header',
  csvFieldCount: 'csv-field-count',
  csvCodeValue: 'csv-code-value',
  jsonSyntax: 'json-syntax',
  jsonSchema: 'json-schema',
  jsonlSyntax: 'jsonl-syntax',
  jsonlRecord: 'jsonl-record',
  jsonlMixedSources: 'jsonl-mixed-sources',
} as const;
export type ParseIssue = (typeof ParseIssue)[keyof typeof ParseIssue];
