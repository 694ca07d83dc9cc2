import type { InputFormat } from '../model/transcript.js';
import { parseCodedJsonl } from './formats/coded-jsonl.js';
import { parseCsv } from './formats/csv.js';
import { parseGoogleMeet } from './formats/google-meet.js';
import { parseJsonTranscript } from './formats/json-transcript.js';
import { parseOtter } from './formats/otter.js';
import { parsePlainText } from './formats/plain-text.js';
import { parseSrt } from './formats/srt.js';
import { parseTeamsVtt } from './formats/teams-vtt.js';
import { parseTsv } from './formats/tsv.js';
import { parseWebVtt } from './formats/webvtt.js';
import { parseZoomVtt } from './formats/zoom-vtt.js';
import type { FormatParser } from './parse-context.js';

/** The parser of each input format; a new format without a parser is a compile error. */
export const FORMAT_PARSERS: Readonly<Record<InputFormat, FormatParser>> = {
  text: parsePlainText,
  'zoom-vtt': parseZoomVtt,
  'teams-vtt': parseTeamsVtt,
  vtt: parseWebVtt,
  srt: parseSrt,
  otter: parseOtter,
  meet: parseGoogleMeet,
  csv: parseCsv,
  tsv: parseTsv,
  json: parseJsonTranscript,
  jsonl: parseCodedJsonl,
};
