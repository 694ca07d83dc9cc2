/**
 * A mistake in the command line itself (a bad flag value, an output that would overwrite an
 * input): reported with every problem found, and exit status 2. Thrown by commands before any
 * file is processed; `run.ts` maps it to its exit status.
 */
export class UsageError extends Error {
  readonly problems: string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'UsageError';
    this.problems = [...problems];
  }
}

/** Throws one `UsageError` with every problem collected, if there is any. */
export function throwIfProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new UsageError(problems);
}
