import { normaliseTime } from './time-stamp.js';

/** A `Name: text` label found at the start of a line. */
export interface LabelMatch {
  /** The speaker name, trimmed, inner white space collapsed. */
  speaker: string;
  /** The text after the label (may be empty: the text then follows on the next lines). */
  text: string;
  /** A time stamp written before or after the label, normalised to `HH:MM:SS.mmm`. */
  start?: string;
  /** A role written in brackets after the name (`Angela (coach):`), as a coachcode role. */
  role?: string;
}

const STAMP = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const WORD = String.raw`[^\s:\[\]()]+`;
const LABEL = new RegExp(
  String.raw`^(?:[\[(](${STAMP})[\])][ \t]*(?:[-–—][ \t]*)?|(${STAMP})[ \t]+(?:[-–—][ \t]*)?)?` +
    String.raw`(${WORD}(?:[ \t]+${WORD}){0,3})[ \t]*(?:[\[(]([^\[\]()]{1,24})[\])][ \t]*)?:(?:[ \t]+(.*))?$`,
);
const TEXT_STAMP = new RegExp(String.raw`^[\[(](${STAMP})[\])][ \t]*`);
const BARE_STAMP = new RegExp(String.raw`^[\[(]?(${STAMP})[\])]?$`);
const NAME_WORD = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-_]*$/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** The longest name (in characters) read as a speaker label. */
export const MAX_LABEL_LENGTH = 40;
/** The most words a speaker label may have. */
export const MAX_LABEL_WORDS = 4;

/** Lower-case words that may stand lower-case inside a name (`Ana de la Cruz`, `Head of Science`). */
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'bin', 'al', 'el', 'ten', 'ter', 'of']);

/** Transcriber's notes: a line starting with one of these is skipped with a warning. */
export const NOTE_KEYS: ReadonlySet<string> = new Set(['note', 'notes', 'nb', 'n.b', 'comment', 'comments', 'transcriber note', "transcriber's note", "editor's note", 'ps']);

/** Header fields: before the first speaker, `Date: 4 March 2026` is metadata, not talk. */
export const METADATA_KEYS: ReadonlySet<string> = new Set([
  'title', 'date', 'time', 'duration', 'location', 'venue', 'school', 'session', 'recorded', 'recording',
  'participants', 'attendees', 'present', 'subject', 'topic', 'meeting', 'transcript', 'language', 'kind',
]);

/** Words that introduce a clause rather than name a speaker (`So: …`, `Example: …`). */
const NOT_NAMES = new Set([
  'so', 'well', 'and', 'but', 'or', 'then', 'yes', 'no', 'ok', 'okay', 'right', 'also', 'plus', 'because', 'example',
  'e.g', 'eg', 'i.e', 'ie', 'update', 'reminder', 'warning', 'important', 'tip', 'http', 'https', 'www', 'mailto',
  're', 'fw', 'fwd', 'answer is', 'the answer', 'remember',
]);

const ROLE_WORDS: ReadonlyMap<string, string> = new Map([
  ['coach', 'coach'],
  ['mentor', 'coach'],
  ['coachee', 'coachee'],
  ['mentee', 'coachee'],
  ['observer', 'observer'],
]);

/** Lower-cased key of a label name, as used by the word lists above. */
function keyOf(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function isLowerCaseLetter(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * The label rule: a speaker name is 1–4 words and at most 40 characters, starts with a letter,
 * has words of letters, digits, `'`, `’`, `.`, `-` and `_`, every word after the first starts
 * with a capital or a digit (or is a particle such as `de`, `van`, `of`), and is not a word
 * that introduces a clause (`So`, `Note`, `Example` …). `Angela`, `Angela Smith`, `COACH`,
 * `Speaker 1`, `Mrs O'Neil` pass; `The thing is`, `Note`, `So what I said was` do not.
 */
export function isSpeakerName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_LABEL_LENGTH || !STARTS_WITH_LETTER.test(name)) return false;
  const words = name.split(' ');
  if (words.length > MAX_LABEL_WORDS) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!NAME_WORD.test(w)) return false;
    if (i > 0 && isLowerCaseLetter(w[0] as string) && !PARTICLES.has(w)) return false;
  }
  const key = keyOf(name);
  return !NOT_NAMES.has(key) && !NOTE_KEYS.has(key) && !METADATA_KEYS.has(key);
}

/** Invisible format characters (bidi marks and isolates, zero-width spaces and joiners, BOM, soft hyphen) and spaces at the edges. */
const LEADING_INVISIBLE = /^[\p{Cf}\s]+/u;
const TRAILING_INVISIBLE = /[\p{Cf}\s]+$/u;

/**
 * A line (or a name) without white space and invisible format characters at its edges: a
 * right-to-left mark or a zero-width space that an editor or a caption tool put before
 * `Angela: …` does not hide the label. Characters inside the text are kept.
 */
export function trimInvisible(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // Most lines start and end with ASCII other than a space: nothing to do.
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return text;
  return text.replace(LEADING_INVISIBLE, '').replace(TRAILING_INVISIBLE, '');
}

const FORMAT_CHAR = /\p{Cf}/u;
const FORMAT_CHARS = /\p{Cf}/gu;
/** The colon that ends a label: followed by a space, a tab or the end of the line (not a time's). */
const LABEL_COLON = /:(?=[ \t]|$)/;

/**
 * The line with invisible format characters taken out of the label before its colon
 * (`\u2067Ben\u2069: …`, `Angela\u200e: …`, as right-to-left editing writes them); the text after
 * the colon keeps them (a zero-width joiner inside an emoji, a non-joiner in Persian).
 */
function withoutMarksInLabel(line: string): string {
  const colon = LABEL_COLON.exec(line);
  if (!colon) return line;
  const label = line.slice(0, colon.index);
  return FORMAT_CHAR.test(label) ? label.replace(FORMAT_CHARS, '') + line.slice(colon.index) : line;
}

/** Matches a `Name: text` label with optional time stamps (`[00:01:23] Name:`, `Name (1:23):`, `Name: [00:01:23] text`). */
export function matchSpeakerLabel(raw: string): LabelMatch | undefined {
  if (!raw.includes(':')) return undefined;
  const line = withoutMarksInLabel(trimInvisible(raw));
  const m = LABEL.exec(line);
  if (!m) return undefined;
  const name = (m[3] as string).replace(/[ \t]+/g, ' ');
  if (!isSpeakerName(name)) return undefined;
  let speaker = name;
  let start = m[1] ?? m[2];
  let role: string | undefined;
  const bracket = m[4]?.trim();
  if (bracket !== undefined) {
    const asRole = ROLE_WORDS.get(bracket.toLowerCase());
    if (asRole !== undefined) role = asRole;
    else if (start === undefined && normaliseTime(bracket) !== undefined) start = bracket;
    else {
      speaker = `${name} (${bracket})`;
      if (speaker.length > MAX_LABEL_LENGTH) return undefined;
    }
  }
  let text = m[5] ?? '';
  if (start === undefined && (text.charCodeAt(0) === 0x5b || text.charCodeAt(0) === 0x28)) {
    const s = TEXT_STAMP.exec(text);
    if (s) {
      start = s[1];
      text = text.slice(s[0].length);
    }
  }
  const result: LabelMatch = { speaker, text: text.trim() };
  const time = start === undefined ? undefined : normaliseTime(start);
  if (time !== undefined) result.start = time;
  if (role !== undefined) result.role = role;
  return result;
}

/** A header field (`Date: 4 March 2026`) or a transcriber's note (`Note: …`) at the start of a line. */
export interface FieldLine {
  kind: 'note' | 'metadata';
  /** The field name, lower-cased. */
  key: string;
  value: string;
}

/** Reads `line` as a note or header field (see {@link NOTE_KEYS} and {@link METADATA_KEYS}); undefined when it is neither. */
export function fieldKeyOf(line: string): FieldLine | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 24) return undefined;
  const key = keyOf(line.slice(0, colon).trim().replace(/[ \t]+/g, ' '));
  const kind = NOTE_KEYS.has(key) ? 'note' : METADATA_KEYS.has(key) ? 'metadata' : undefined;
  return kind === undefined ? undefined : { kind, key, value: line.slice(colon + 1).trim() };
}

/** A line that is only a time stamp (`00:05:00`, `[00:01:23]`, `(1:23)`), normalised; else undefined. */
export function matchBareStamp(line: string): string | undefined {
  if (line.length > 16) return undefined;
  const m = BARE_STAMP.exec(line);
  return m ? normaliseTime(m[1] as string) : undefined;
}

const TERMINAL = /[.?!…"'”’)\]]$/;

/** True when `text` ends a sentence (so a label on the next line is not a wrapped clause). */
export function endsSentence(text: string): boolean {
  return TERMINAL.test(text);
}

/** A line at least this long that does not end a sentence was probably wrapped to a width. */
export const WRAPPED_LINE_LENGTH = 48;

/**
 * Whether a matched label starts a new utterance or is a wrapped clause that happens to look
 * like one (`… we did the starter with` / `Year 9: they were quiet.`). A name used as a label
 * twice or more in the file is a speaker. A one-off name is a speaker too, unless the line
 * before it looks wrapped: at least 48 characters long and not ending a sentence, with no
 * blank line or time stamp between.
 */
export function acceptsLabel(uses: number, previousLine: string | undefined, afterBreak: boolean, stamped: boolean): boolean {
  if (uses >= 2 || stamped || afterBreak || previousLine === undefined) return true;
  return previousLine.length < WRAPPED_LINE_LENGTH || endsSentence(previousLine);
}

/** A skipped line that reads like talk rather than a heading: worth a warning. */
export function looksLikeProse(line: string): boolean {
  let words = 1;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 0x20) words++;
  return words >= 10 || (words >= 5 && /[.?!]$/.test(line));
}
