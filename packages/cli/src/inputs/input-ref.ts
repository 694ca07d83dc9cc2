/** One transcript to process: a file, or standard input. */
export type InputRef =
  | { kind: 'file'; /** The path as the user spelt it (written as `source` in every record). */ path: string }
  | { kind: 'stdin'; /** Name used for standard input in records and for format detection. */ path: string };

/** Extensions of the files a folder or a glob contributes (a file named explicitly is always read). */
export const TRANSCRIPT_EXTENSIONS: readonly string[] = ['.txt', '.vtt', '.srt', '.csv', '.tsv', '.json', '.jsonl'];

/** The summary file `code --out` writes; never read back as a transcript from a folder. */
export const RUN_SUMMARY_NAME = 'run-summary.json';
