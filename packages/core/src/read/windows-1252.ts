/**
 * Code points of bytes 0x80–0x9F in Windows-1252 (the WHATWG mapping: the five unassigned bytes
 * map to the C1 control of the same value). Bytes below 0x80 and from 0xA0 up are Latin-1.
 * Written out by hand because Node's `TextDecoder('windows-1252')` decodes 0x80–0x9F as
 * Latin-1 controls (0x93 → U+0093 instead of “), which is exactly the mojibake to avoid.
 */
const HIGH_CONTROLS: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

const CHUNK = 8192;

/** Decodes Windows-1252 bytes to a string; every byte maps to exactly one UTF-16 code unit. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(bytes.length, CHUNK));
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(bytes.length, offset + CHUNK);
    for (let i = offset; i < end; i++) {
      const b = bytes[i] as number;
      units[i - offset] = b >= 0x80 && b <= 0x9f ? (HIGH_CONTROLS[b - 0x80] as number) : b;
    }
    parts.push(String.fromCharCode.apply(null, Array.from(units.subarray(0, end - offset))));
  }
  return parts.join('');
}
