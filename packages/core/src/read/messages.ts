/**
 * User-facing messages of the read stage, as functions (what failed, what was expected, what
 * was received). Kept in one place so the wording stays consistent.
 */
export const readMessages = {
  binaryInput: (offset: number): string =>
    `this looks like a binary file, not a transcript: it contains a NUL byte at offset ${offset}; expected text (UTF-8, UTF-16 with a byte-order mark, or Windows-1252). If it is UTF-16 text without a byte-order mark, save it again as UTF-8`,
  encodingFallback: (byte: number, line: number): string =>
    `the text is not valid UTF-8 (first invalid byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} on line ${line}); read it as Windows-1252 instead. Check accented letters and quotes, or save the file as UTF-8`,
  invalidUtf8WithBom: (byte: number, line: number): string =>
    `the file starts with a UTF-8 byte-order mark but is not valid UTF-8 (first invalid byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} on line ${line}); invalid bytes were replaced with U+FFFD`,
  oddUtf16Length: (encoding: string, length: number): string =>
    `the ${encoding} text has an odd number of bytes (${length}); the last byte was dropped`,
} as const;

/** Stable codes of the diagnostics the read stage reports. */
export const ReadIssue = {
  binaryInput: 'binary-input',
  encodingFallback: 'encoding-fallback',
  invalidUtf8: 'invalid-utf-8',
  oddUtf16Length: 'odd-utf-16-length',
} as const;
export type ReadIssue = (typeof ReadIssue)[keyof typeof ReadIssue];
