import type { OutputStream } from '../io.js';

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts escape sequences that
 * set the window title, clear the screen or move the cursor; BEL, backspace …), DEL, C1 controls
 * (U+009B is a one-character CSI), line and paragraph separators, and the bidi embeddings,
 * overrides and isolates that reorder the text after them.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_TEST = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text made safe for a terminal: every control character shown as an escape (`\x1b`, `\u202e`),
 * never acted on. One line by default: line breaks and tabs become spaces (a message, a table
 * cell); with `lines`, line breaks and tabs are kept (CSV or JSON lines on a terminal).
 */
export function terminalText(text: string, options: { lines?: boolean } = {}): string {
  if (!CONTROL_TEST.test(text)) return text;
  if (options.lines) return text.replace(CONTROL, (c) => (c === '\n' || c === '\t' ? c : c === '\r' ? '' : escape(c)));
  return text.replace(/(?:\r\n|[\r\n\u2028\u2029\t])+/g, ' ').replace(CONTROL, escape);
}

/**
 * The stream to write data (CSV, JSON lines) to: when it is a terminal, control characters in the
 * data are shown as escapes instead of acting on the terminal; a file or a pipe gets the bytes as
 * they are.
 */
export function dataStream(stream: OutputStream): OutputStream {
  if (!stream.isTTY) return stream;
  const safe: OutputStream = { write: (chunk) => stream.write(terminalText(chunk, { lines: true })), isTTY: true };
  if (stream.columns !== undefined) safe.columns = stream.columns;
  if (stream.once) safe.once = (event, listener) => stream.once?.(event, listener);
  return safe;
}
