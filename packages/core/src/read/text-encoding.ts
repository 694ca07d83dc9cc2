import { vocabulary } from '../model/vocabulary.js';

/** Text encodings `decodeBytes` recognises; `utf-8-bom` is UTF-8 that starts with a byte-order mark. */
export const TextEncodingName = {
  utf8: 'utf-8',
  utf8Bom: 'utf-8-bom',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  windows1252: 'windows-1252',
} as const;
export type TextEncodingName = (typeof TextEncodingName)[keyof typeof TextEncodingName];
export const [TEXT_ENCODING_NAMES, isTextEncodingName] = vocabulary(TextEncodingName);
