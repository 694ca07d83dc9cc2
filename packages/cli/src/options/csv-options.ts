import type { CsvWriteOptions } from '@coachcode/core';

/** The CSV flag of the commands that write CSV (code, profile, compare, evaluate, suggest). */
export interface CsvFlags {
  /** `--no-csv-protect` sets it to false: cells are written raw, formulas and all. */
  csvProtect?: boolean;
}

/** The core's CSV options for the flags given: protected unless `--no-csv-protect`. */
export function csvOptions(flags: CsvFlags): CsvWriteOptions {
  return { protect: flags.csvProtect !== false };
}
