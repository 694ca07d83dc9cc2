import { vocabulary } from '@coachcode/core';

/** Formats the `code` command writes. */
export const OutputFormat = {
  jsonl: 'jsonl',
  csv: 'csv',
  json: 'json',
  table: 'table',
} as const;
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];
export const [OUTPUT_FORMATS, isOutputFormat] = vocabulary(OutputFormat);

/** Formats of the summary commands (`profile`, `evaluate`, `compare`): no JSON lines. */
export const ReportFormat = { table: 'table', csv: 'csv', json: 'json' } as const;
export type ReportFormat = (typeof ReportFormat)[keyof typeof ReportFormat];
export const [REPORT_FORMATS, isReportFormat] = vocabulary(ReportFormat);

/** Formats of `profile`: the summary formats and the long (tidy) CSV, one row per transcript, role, speaker and code. */
export const ProfileFormat = { ...ReportFormat, csvLong: 'csv-long' } as const;
export type ProfileFormat = (typeof ProfileFormat)[keyof typeof ProfileFormat];
export const [PROFILE_FORMATS, isProfileFormat] = vocabulary(ProfileFormat);

/** The extension of an output file of each format (`table` goes to plain text, without colour). */
export const FORMAT_EXTENSION: Readonly<Record<OutputFormat, string>> = {
  jsonl: '.jsonl',
  csv: '.csv',
  json: '.json',
  table: '.txt',
};

/** Formats of `coachcode export`: projects for qualitative-analysis packages. */
export const ExportFormat = { qdpx: 'qdpx' } as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];
export const [EXPORT_FORMATS, isExportFormat] = vocabulary(ExportFormat);
