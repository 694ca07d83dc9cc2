import { CoachcodeError } from '../errors.js';
import { jsonErrorLine } from './json-locate.js';

/**
 * Parses JSON text (a roles file, a model, a codebook). A syntax error throws a `CoachcodeError`
 * whose issue names `source` and the line where the text breaks, on one line (`JSON.parse`'s own
 * message quotes the input, line breaks and all).
 */
export function readJson(text: string, options: { source?: string; code?: string; message?: (detail: string) => string } = {}): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    const line = jsonErrorLine(text, detail);
    throw new CoachcodeError([
      {
        code: options.code ?? 'json-syntax',
        severity: 'error',
        message: (options.message ?? ((d: string) => `not valid JSON (${d})`))(detail),
        ...(options.source !== undefined ? { source: options.source } : {}),
        ...(line !== undefined ? { line } : {}),
      },
    ]);
  }
}
