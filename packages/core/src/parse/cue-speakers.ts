import type { Utterance } from '../model/transcript.js';
import type { Cue, CueKind } from './cue-blocks.js';
import { parseMessages, ParseIssue } from './messages.js';
import type { IssueLog } from './parse-context.js';
import { acceptsLabel, matchSpeakerLabel } from './speaker-label.js';

const VOICE = /<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/g;
const HAS_VOICE = /<v[ \t.]/;
const VTT_TAG = /<[^>]*>/g;
const SRT_TAG = /<\/?(?:i|b|u|s|c|v|font)\b[^>]*>|\{\\[^}]*\}/gi;
const ENTITY = /&(amp|lt|gt|nbsp|lrm|rlm|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', lrm: '', rlm: '', quot: '"', apos: "'" };

/**
 * A display name as video-call tools write it at the start of a cue (`Angela Smith - Hillside:`,
 * `Dr Ana de la Cruz Ortega:`): anything up to 60 characters without a colon or angle bracket.
 * Such a name, outside the label rule, is taken as a speaker only when it starts cues at least
 * {@link LOOSE_LABEL_USES} times.
 */
const LOOSE_LABEL = /^([^:<>]{1,60}?):[ \t]+(.*)$/;
const LOOSE_LABEL_USES = 3;

/** The speaker used when a cue has no label and no earlier speaker to continue. */
export const UNKNOWN_SPEAKER = 'unknown';

/**
 * A character reference's text: a named one from {@link ENTITIES}; a numeric one (`&#233;`,
 * `&#xE9;`) when it names a Unicode scalar value other than NUL, else U+FFFD (as HTML decodes
 * `&#0;`, `&#xD800;` or `&#99999999;`), never a thrown RangeError.
 */
function decodeEntity(_: string, name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('#')) {
    const n = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : Number(lower.slice(1));
    const scalar = Number.isSafeInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff);
    return scalar ? String.fromCodePoint(n) : '\uFFFD';
  }
  return ENTITIES[lower] ?? '';
}

/** Cue text without markup: tags (`<i>`, `<c.yellow>`, `{\an8}`) removed, entities decoded. */
export function cleanCueText(text: string, kind: CueKind): string {
  let t = text;
  if (t.includes('<') || (kind === 'srt' && t.includes('{'))) t = t.replace(kind === 'vtt' ? VTT_TAG : SRT_TAG, '');
  if (kind === 'vtt' && t.includes('&')) t = t.replace(ENTITY, decodeEntity);
  return t.trim();
}

function append(u: Utterance, text: string): void {
  if (text.length > 0) u.text = u.text.length === 0 ? text : `${u.text} ${text}`;
}

/**
 * Turns cues into utterances. A speaker comes from a voice tag (`<v Angela Smith>…</v>`,
 * Teams) or a `Name:` label at the start of a cue line (Zoom, labelled SRT); a cue without
 * either continues the speaker before it (one long turn split over several cues). Each cue
 * gives at least one utterance, timed with the cue, with the line of its first text line.
 */
export function utterancesFromCues(cues: readonly Cue[], issues: IssueLog, kind: CueKind): Utterance[] {
  // Pass 1: how often each name is used as a label.
  const uses = new Map<string, number>();
  const count = (name: string): void => {
    const key = name.toLowerCase();
    uses.set(key, (uses.get(key) ?? 0) + 1);
  };
  const looseUses = new Map<string, number>();
  for (const cue of cues) {
    cue.payload.forEach((pl, k) => {
      if (HAS_VOICE.test(pl.text)) {
        for (const m of pl.text.matchAll(VOICE)) count((m[1] as string).trim());
        return;
      }
      const text = cleanCueText(pl.text, kind);
      const m = matchSpeakerLabel(text);
      if (m) count(m.speaker);
      else if (k === 0) {
        const loose = LOOSE_LABEL.exec(text);
        if (loose) looseUses.set(loose[1] as string, (looseUses.get(loose[1] as string) ?? 0) + 1);
      }
    });
  }
  /** A `Name:` at the start of a cue line: by the label rule, or a display name used often enough. */
  const labelOf = (text: string, firstLine: boolean): { speaker: string; text: string; uses: number } | undefined => {
    const m = matchSpeakerLabel(text);
    if (m) return { speaker: m.speaker, text: m.text, uses: uses.get(m.speaker.toLowerCase()) ?? 0 };
    if (!firstLine) return undefined;
    const loose = LOOSE_LABEL.exec(text);
    const n = loose ? (looseUses.get(loose[1] as string) ?? 0) : 0;
    return loose && n >= LOOSE_LABEL_USES ? { speaker: (loose[1] as string).trim(), text: loose[2] as string, uses: n } : undefined;
  };
  // Pass 2: utterances.
  const utterances: Utterance[] = [];
  let speaker: string | undefined;
  let unknown = 0;
  let firstUnknownLine = 0;
  let previousLine: string | undefined;
  const open = (cue: Cue, name: string, text: string, line: number): Utterance => {
    const u: Utterance = { speaker: name, text, line };
    if (cue.start !== undefined) u.start = cue.start;
    if (cue.end !== undefined) u.end = cue.end;
    utterances.push(u);
    speaker = name;
    return u;
  };
  const continuing = (cue: Cue, text: string, line: number): Utterance => {
    if (speaker === undefined || speaker === UNKNOWN_SPEAKER) {
      if (unknown++ === 0) firstUnknownLine = line;
      return open(cue, UNKNOWN_SPEAKER, text, line);
    }
    return open(cue, speaker, text, line);
  };
  for (const cue of cues) {
    let current: Utterance | undefined;
    for (const [k, pl] of cue.payload.entries()) {
      if (HAS_VOICE.test(pl.text)) {
        const matches = [...pl.text.matchAll(VOICE)];
        const firstAt = matches[0]?.index ?? pl.text.length;
        const before = cleanCueText(pl.text.slice(0, firstAt), kind);
        if (before.length > 0) {
          if (current) append(current, before);
          else current = continuing(cue, before, pl.line);
        }
        for (let k = 0; k < matches.length; k++) {
          const m = matches[k] as RegExpExecArray;
          const from = (m.index as number) + m[0].length;
          const to = matches[k + 1]?.index ?? pl.text.length;
          current = open(cue, (m[1] as string).trim().replace(/\s+/g, ' '), cleanCueText(pl.text.slice(from, to), 'vtt'), pl.line);
        }
        continue;
      }
      const text = cleanCueText(pl.text, kind);
      if (text.length === 0) continue;
      const m = labelOf(text, k === 0);
      const previous = speaker === undefined || speaker === UNKNOWN_SPEAKER ? undefined : previousLine;
      previousLine = text;
      if (m && acceptsLabel(m.uses, previous, false, false)) {
        current = open(cue, m.speaker, m.text, pl.line);
      } else if (current) {
        append(current, text);
      } else {
        current = continuing(cue, text, pl.line);
      }
    }
  }
  if (unknown > 0) issues.warn(ParseIssue.unknownSpeaker, parseMessages.unknownSpeaker(unknown, 'cue'), firstUnknownLine);
  return utterances;
}
