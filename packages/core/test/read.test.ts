import { describe, expect, it } from 'vitest';
import { CoachcodeError } from '../src/errors.js';
import { decodeBytes, safeDecodeBytes } from '../src/read/decode-bytes.js';
import { findInvalidUtf8 } from '../src/read/find-invalid-utf8.js';
import { decodeWindows1252 } from '../src/read/windows-1252.js';

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
function utf16(s: string, endian: 'le' | 'be'): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (endian === 'le') out.push(u & 0xff, u >> 8);
    else out.push(u >> 8, u & 0xff);
  }
  return out;
}
const bytes = (...parts: number[][]): Uint8Array => new Uint8Array(parts.flat());

describe('decodeBytes', () => {
  const text = 'Angela: Café “quoted”\nTom: Yes';
  it.each([
    ['UTF-8', bytes(utf8(text)), 'utf-8', text],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], utf8(text)), 'utf-8-bom', text],
    ['UTF-16 LE with BOM', bytes([0xff, 0xfe], utf16(text, 'le')), 'utf-16le', text],
    ['UTF-16 BE with BOM', bytes([0xfe, 0xff], utf16(text, 'be')), 'utf-16be', text],
    ['CRLF', bytes(utf8('a: 1\r\nb: 2\r\n')), 'utf-8', 'a: 1\nb: 2\n'],
    ['lone CR', bytes(utf8('a: 1\rb: 2\r')), 'utf-8', 'a: 1\nb: 2\n'],
    ['UTF-16 LE with CRLF', bytes([0xff, 0xfe], utf16('a: 1\r\nb: 2', 'le')), 'utf-16le', 'a: 1\nb: 2'],
    ['empty', bytes([]), 'utf-8', ''],
  ] as const)('%s', (_name, input, encoding, expected) => {
    const decoded = decodeBytes(input);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(expected);
    expect(decoded.warnings).toEqual([]);
  });

  it.each([
    // [bytes, expected text, line named in the warning]
    [bytes(utf8('Angela: it'), [0x92], utf8('s fine')), 'Angela: it’s fine', 1],
    [bytes(utf8('a: 1\nb: 2\r\nc: '), [0x93, 0x68, 0x69, 0x94]), 'a: 1\nb: 2\nc: “hi”', 3],
    [bytes(utf8('Zo'), [0xeb, 0x20, 0x96], utf8(' no')), 'Zoë – no', 1],
    [bytes([0x80, 0x85, 0x96, 0x97, 0x99]), '€…–—™', 1],
  ])('reads invalid UTF-8 as Windows-1252 with a warning naming the line (%#)', (input, expected, line) => {
    const decoded = decodeBytes(input, { source: 'a.txt' });
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(expected);
    expect(decoded.warnings).toHaveLength(1);
    expect(decoded.warnings[0]).toMatchObject({ code: 'encoding-fallback', severity: 'warning', source: 'a.txt', line });
    expect(decoded.warnings[0]?.message).toContain(`line ${line}`);
  });

  it('leaves no mojibake: a cp1252 apostrophe never becomes â€™', () => {
    const decoded = decodeBytes(bytes(utf8('I don'), [0x92], utf8('t agree')));
    expect(decoded.text).toBe('I don’t agree');
    expect(decoded.text).not.toContain('â');
  });

  it.each([
    ['NUL in the middle', bytes(utf8('PK'), [0x03, 0x04, 0x00, 0x00]), 4],
    ['PNG header', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), 8],
    ['UTF-16 LE without BOM', bytes(utf16('Angela: hi', 'le')), 1],
  ])('refuses a binary file: %s', (_name, input, offset) => {
    const run = (): unknown => decodeBytes(input, { source: 'x.bin' });
    expect(run).toThrow(CoachcodeError);
    try {
      run();
    } catch (error) {
      const e = error as CoachcodeError;
      expect(e.issues[0]).toMatchObject({ code: 'binary-input', severity: 'error', source: 'x.bin' });
      expect(e.message).toContain(`NUL byte at offset ${offset}`);
      expect(e.message).toContain('x.bin');
    }
  });

  it('does not call UTF-16 text with a BOM binary, although it has NUL bytes', () => {
    expect(decodeBytes(bytes([0xff, 0xfe], utf16('A: b', 'le'))).text).toBe('A: b');
  });

  it('warns and replaces when a UTF-8 BOM is followed by invalid bytes', () => {
    const decoded = decodeBytes(bytes([0xef, 0xbb, 0xbf], utf8('a: b\nc: '), [0xff]));
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text).toBe('a: b\nc: \ufffd');
    expect(decoded.warnings[0]).toMatchObject({ code: 'invalid-utf-8', line: 2 });
  });

  it('warns about an odd number of UTF-16 bytes', () => {
    const decoded = decodeBytes(bytes([0xff, 0xfe], utf16('A: b', 'le'), [0x41]));
    expect(decoded.text).toBe('A: b');
    expect(decoded.warnings[0]?.code).toBe('odd-utf-16-length');
  });
});

describe('safeDecodeBytes', () => {
  it.each([
    [bytes(utf8('a: b')), true],
    [bytes([0x41, 0x00]), false],
  ])('%# success=%s', (input, success) => {
    expect(safeDecodeBytes(input).success).toBe(success);
  });
});

describe('findInvalidUtf8', () => {
  it.each([
    [utf8('plain ascii'), -1],
    [utf8('é ü 日本 😀'), -1],
    [[0x61, 0x80], 1], // stray continuation byte
    [[0x61, 0xc3], 1], // truncated sequence
    [[0xc0, 0xaf], 0], // overlong
    [[0xe0, 0x80, 0xaf], 0], // overlong, three bytes
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x61, 0x62, 0xff], 2],
  ])('%j → %i', (input, expected) => {
    expect(findInvalidUtf8(new Uint8Array(input))).toBe(expected);
  });
});

describe('decodeWindows1252', () => {
  it.each([
    [[0x41, 0xe9], 'Aé'],
    [[0x93, 0x94, 0x91, 0x92], '“”‘’'],
    [[0x81, 0x8d, 0x8f, 0x90, 0x9d], '\u0081\u008d\u008f\u0090\u009d'],
    [[0xa0, 0xff], '\u00a0ÿ'],
  ])('%j → %s', (input, expected) => {
    expect(decodeWindows1252(new Uint8Array(input))).toBe(expected);
  });

  it('decodes inputs longer than one chunk', () => {
    const input = new Uint8Array(20_000).fill(0x80);
    expect(decodeWindows1252(input)).toBe('€'.repeat(20_000));
  });
});
