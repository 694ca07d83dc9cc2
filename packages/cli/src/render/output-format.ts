/** Formats the `code` command writes. */
export const OutputFormat = {
  jsonl: 'jsonl',
  csv: 'csv',
  json: 'json',
  table: 'table',
} as const;
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];
export const OUTPUT_FORMATS: readonly OutputFormat[] = Object.values(OutputFormat);
export function isOutputFormat(value: unknown): value is OutputFormat {
  return typeof value === 'string' && (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/** Formats of the summary commands (`profile`, `evaluate`, `compare`): no JSON lines. */
export const ReportFormat = { table: 'table', csv: 'csv', json: 'json' } as const;
export type ReportFormat = (typeof ReportFormat)[keyof typeof ReportFormat];
export const REPORT_FORMATS: readonly ReportFormat[] = Object.values(ReportFormat);
export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The extension of an output file of each format (`table` goes to plain text, without colour). */
export const FORMAT_EXTENSION: Readonly<Record<OutputFormat, string>> = {
  jsonl: '.jsonl',
  csv: '.csv',
  json: '.json',
  table: '.txt',
};
