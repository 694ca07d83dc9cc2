import { CoachcodeError, toSafe, type SafeResult } from '../errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { decodeWindows1252 } from './windows-1252.js';
import { findInvalidUtf8, lineOfByte } from './find-invalid-utf8.js';
import { normaliseLineEnds } from './line-ends.js';
import { readMessages, ReadIssue } from './messages.js';
import { TextEncodingName } from './text-encoding.js';

/** Options of {@link decodeBytes}. */
export interface DecodeOptions {
  /** The input path as given, used in diagnostics. */
  source?: string;
}

/** Text decoded from bytes, with the encoding that was found and any warnings. */
export interface DecodedText {
  /** The text with LF line ends and no byte-order mark. */
  text: string;
  encoding: TextEncodingName;
  warnings: Diagnostic[];
}

function diagnostic(code: string, severity: Diagnostic['severity'], message: string, source?: string, line?: number): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (source !== undefined) d.source = source;
  if (line !== undefined) d.line = line;
  return d;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', source: string | undefined, warnings: Diagnostic[]): string {
  let body = bytes;
  if (bytes.length % 2 === 1) {
    warnings.push(diagnostic(ReadIssue.oddUtf16Length, 'warning', readMessages.oddUtf16Length(encoding.toUpperCase(), bytes.length), source));
    body = bytes.subarray(0, bytes.length - 1);
  }
  // The decoder drops the byte-order mark itself (ignoreBOM defaults to false).
  return new TextDecoder(encoding).decode(body);
}

/**
 * Step 1 of the pipeline: bytes to text. Recognises UTF-8 (with or without a byte-order mark)
 * and UTF-16 LE/BE with a byte-order mark; bytes that are not valid UTF-8 are read as
 * Windows-1252 with a warning naming the first bad line. Guarantees to the next step: LF line
 * ends only and no byte-order mark. Throws a `CoachcodeError` (`binary-input`) for a file with
 * NUL bytes and no UTF-16 byte-order mark. Uses only `TextDecoder`, so it runs in browsers too.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const source = options.source;
  const warnings: Diagnostic[] = [];
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: normaliseLineEnds(decodeUtf16(bytes, 'utf-16le', source, warnings)), encoding: TextEncodingName.utf16le, warnings };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: normaliseLineEnds(decodeUtf16(bytes, 'utf-16be', source, warnings)), encoding: TextEncodingName.utf16be, warnings };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new CoachcodeError([diagnostic(ReadIssue.binaryInput, 'error', readMessages.binaryInput(nul), source, lineOfByte(bytes, nul))]);
  }
  const hasBom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: normaliseLineEnds(text), encoding: hasBom ? TextEncodingName.utf8Bom : TextEncodingName.utf8, warnings };
  } catch {
    const bad = findInvalidUtf8(bytes, hasBom ? 3 : 0);
    const at = bad === -1 ? 0 : bad;
    const line = lineOfByte(bytes, at);
    const byte = bytes[at] ?? 0;
    if (hasBom) {
      warnings.push(diagnostic(ReadIssue.invalidUtf8, 'warning', readMessages.invalidUtf8WithBom(byte, line), source, line));
      return { text: normaliseLineEnds(new TextDecoder('utf-8').decode(bytes)), encoding: TextEncodingName.utf8Bom, warnings };
    }
    warnings.push(diagnostic(ReadIssue.encodingFallback, 'warning', readMessages.encodingFallback(byte, line), source, line));
    return { text: normaliseLineEnds(decodeWindows1252(bytes)), encoding: TextEncodingName.windows1252, warnings };
  }
}

/** {@link decodeBytes} without throwing: `{ success: true, data }` or `{ success: false, error }`. */
export function safeDecodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): SafeResult<DecodedText> {
  return toSafe(() => decodeBytes(bytes, options));
}
