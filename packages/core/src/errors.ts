import { formatDiagnostic, type Diagnostic } from './model/diagnostic.js';

/** Thrown by the throwing variants (`parseTranscript`, `analyze` …); carries every issue found. */
export class CoachcodeError extends Error {
  readonly issues: Diagnostic[];
  constructor(issues: Diagnostic[]) {
    super(issues.map(formatDiagnostic).join('\n'));
    this.name = 'CoachcodeError';
    this.issues = issues;
  }
  /** The first issue's line, if any. */
  get line(): number | undefined {
    return this.issues[0]?.line;
  }
}

/** Result of a `safeX` function: the zod-like discriminated union. */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: CoachcodeError };

/** Runs `fn`, turning a thrown `CoachcodeError` into `{ success: false }`; other errors propagate (they are bugs). */
export function toSafe<T>(fn: () => T): SafeResult<T> {
  try {
    return { success: true, data: fn() };
  } catch (error) {
    if (error instanceof CoachcodeError) return { success: false, error };
    throw error;
  }
}
