import { messages } from './messages.js';

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

/** A usage error as printed: each problem as `coachcode: …`, then that nothing was processed. */
export function usageErrorLines(problems: readonly string[]): string[] {
  return [...problems, messages.nothingProcessed()].map((p) => `coachcode: ${p}`);
}

/**
 * The problems in one of commander's messages (`error: unknown option '--fromat'` and a line
 * `(Did you mean --format?)`): without `error: `, each suggestion on the line of its problem.
 */
export function commanderProblems(message: string): string[] {
  return message
    .replace(/\n\(Did you mean ([^)]*)\)/g, ' (did you mean $1)')
    .split('\n')
    .map((line) => line.replace(/^error: /, '').trim())
    .filter((line) => line !== '');
}
