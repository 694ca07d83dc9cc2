/**
 * A problem found while reading, parsing or coding a transcript. Most problems are
 * warnings returned beside the result; errors are collected and thrown together.
 */
export interface Diagnostic {
  /** Stable machine-readable identifier, for example `encoding-fallback`. */
  code: string;
  /** `warning`: the result is usable; `error`: the input could not be processed. */
  severity: 'warning' | 'error';
  /** Human-readable text: what failed, what was expected, what was received. */
  message: string;
  /** The input path as given, when known. */
  source?: string;
  /** 1-based line in the source, when known. */
  line?: number;
}

/** Line breaks, with the spaces around them: a message is folded to one line at each. */
const LINE_BREAKS = /[^\S\r\n\u2028\u2029]*[\r\n\u2028\u2029]+\s*/g;

/**
 * Formats a diagnostic the way compilers do: `path:line: message`, always on one line (a
 * message that quotes several lines of its input, as `JSON.parse`'s do, is folded).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.source ? (d.line ? `${d.source}:${d.line}: ` : `${d.source}: `) : d.line ? `line ${d.line}: ` : '';
  return `${where}${d.severity === 'warning' ? 'warning: ' : ''}${d.message.replace(LINE_BREAKS, ' ')}`;
}
