/** Text encodings `decodeBytes` recognises; `utf-8-bom` is UTF-8 that starts with a byte-order mark. */
export const TextEncodingName = {
  utf8: 'utf-8',
  utf8Bom: 'utf-8-bom',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  windows1252: 'windows-1252',
} as const;
export type TextEncodingName = (typeof TextEncodingName)[keyof typeof TextEncodingName];
export const TEXT_ENCODING_NAMES: readonly TextEncodingName[] = Object.values(TextEncodingName);
export function isTextEncodingName(value: unknown): value is TextEncodingName {
  return typeof value === 'string' && (TEXT_ENCODING_NAMES as readonly string[]).includes(value);
}
