import { InputFormat } from '../model/transcript.js';
import { CSV_HEADER_NAMES } from './formats/csv.js';
import { matchOtterHeader } from './formats/otter.js';
import { matchBareStamp, matchSpeakerLabel } from './speaker-label.js';

/** How much of the start of a file detection looks at. */
const SNIFF_CHARS = 16_384;
const SNIFF_LINES = 120;

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  srt: InputFormat.srt,
  csv: InputFormat.csv,
  tsv: InputFormat.tsv,
  tab: InputFormat.tsv,
  json: InputFormat.json,
  jsonl: InputFormat.jsonl,
  ndjson: InputFormat.jsonl,
};

const SRT_TIMING = /^\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/;
const MEET_TITLE = /\(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}[^)]*\)(?:\s*[-–]\s*Transcript)?$/i;

function extensionOf(source: string): string {
  const base = source.slice(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function headLines(text: string): string[] {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  const lines = head.split('\n', SNIFF_LINES + 1);
  // The last line of a cut head may be partial.
  if (text.length > SNIFF_CHARS && lines.length > 1) lines.pop();
  return lines.map((l) => l.trim());
}

/** Teams when any cue has a voice tag; Zoom when a cue starts with a `Name:` label; else generic WebVTT. */
function vttFlavour(lines: readonly string[]): InputFormat {
  let labelled = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.includes('<v ') || line.includes('<v.')) return InputFormat.teamsVtt;
    if (!labelled && line.includes('-->')) labelled = matchSpeakerLabel(lines[i + 1] ?? '') !== undefined;
  }
  return labelled ? InputFormat.zoomVtt : InputFormat.vtt;
}

function looksLikeCsvHeader(line: string): InputFormat | undefined {
  const delimiter = line.includes('\t') ? '\t' : line.includes(',') ? ',' : line.includes(';') ? ';' : undefined;
  if (delimiter === undefined) return undefined;
  const keys = line.split(delimiter).map((h) => h.replace(/^"|"$/g, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
  const has = (names: readonly string[]): boolean => keys.some((k) => names.includes(k));
  if (!has(CSV_HEADER_NAMES.speaker) || !has(CSV_HEADER_NAMES.text)) return undefined;
  return delimiter === '\t' ? InputFormat.tsv : InputFormat.csv;
}

/**
 * Guesses the format of a transcript from its file extension and its first lines:
 * `.vtt` → Teams if a cue has a voice tag (`<v Name>`), Zoom if a cue starts with `Name:`,
 * else generic WebVTT; `.srt`, `.csv`, `.tsv`, `.json`, `.jsonl` by extension; any other
 * file by content: a `WEBVTT` first line, an SRT cue number and time line, a JSON object or
 * array, JSON lines, a CSV/TSV header with speaker and text columns, a Google Meet header
 * (title with date, or a `Transcript` line, plus bare `00:05:00` time lines), Otter speaker
 * lines (`Name  0:12`); plain text otherwise.
 */
export function detectFormat(source: string, text: string): InputFormat {
  const ext = extensionOf(source);
  const lines = headLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (ext === 'vtt' || ext === 'webvtt') return vttFlavour(lines);
  const byExtension = BY_EXTENSION[ext];
  if (byExtension !== undefined) return byExtension;
  const content = lines.filter((l) => l.length > 0);
  const first = content[0] ?? '';
  if (first.startsWith('WEBVTT')) return vttFlavour(lines);
  if (first.startsWith('{') || /^\[\s*(?:[{\]]|$)/.test(first)) {
    const objects = content.slice(0, 5);
    const perLine = objects.length > 1 && objects.every((l) => l.startsWith('{') && l.endsWith('}'));
    return perLine ? InputFormat.jsonl : InputFormat.json;
  }
  if (/^\d+$/.test(first) && SRT_TIMING.test(content[1] ?? '')) return InputFormat.srt;
  const csv = looksLikeCsvHeader(first);
  if (csv !== undefined) return csv;
  const hasBareTime = content.some((l) => /^\d{2}:\d{2}:\d{2}$/.test(l) && matchBareStamp(l) !== undefined);
  const meetHeader = MEET_TITLE.test(first) || content.slice(0, 6).some((l) => /^transcript$/i.test(l));
  if (hasBareTime && meetHeader) return InputFormat.meet;
  let otter = 0;
  let labels = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.length === 0) continue;
    if ((i === 0 || lines[i - 1] === '') && matchOtterHeader(line)) otter++;
    else if (matchSpeakerLabel(line)) labels++;
  }
  return otter >= 2 && otter > labels ? InputFormat.otter : InputFormat.text;
}
