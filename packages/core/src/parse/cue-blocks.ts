import { parseMessages, ParseIssue } from './messages.js';
import type { IssueLog } from './parse-context.js';
import { normaliseTime, timeToMs } from './time-stamp.js';

/** A line of cue text with its 1-based source line. */
export interface CueLine {
  text: string;
  line: number;
}

/** A timed cue of a WebVTT or SRT file. */
export interface Cue {
  /** The cue identifier (WebVTT) or number (SRT), when present. */
  id?: string;
  start?: string;
  end?: string;
  /** 1-based line of the time line. */
  line: number;
  payload: CueLine[];
}

/** Subtitle kinds that share the cue block structure. */
export type CueKind = 'vtt' | 'srt';

const TIMING = /^\s*(\S+?)\s*-->\s*(\S+)/;
/** A time line with a broken arrow (`->`, `=>`, `--)`): still a time line, so it is reported, not read as text. */
const TIMING_LIKE = /^\s*\d[\d:.,]*\s*(?:-{1,2}|=)>/;
/** Cue times: `[h:]mm:ss.mmm`, with `.` or `,`; hours and minutes may be unpadded (Teams `0:0:13.540`). */
const CUE_TIME = /^(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}$/;

function cueTime(raw: string): string | undefined {
  return CUE_TIME.test(raw) ? normaliseTime(raw) : undefined;
}

function isTimingLine(line: string): boolean {
  return line.includes('-->') || TIMING_LIKE.test(line);
}
const EXPECTED_TIME: Readonly<Record<CueKind, string>> = {
  vtt: 'HH:MM:SS.mmm or MM:SS.mmm, as in `00:01:02.500 --> 00:01:05.000`',
  srt: 'HH:MM:SS,mmm, as in `00:01:02,500 --> 00:01:05,000`',
};
const SKIPPED_VTT_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim().length === 0;
}

/**
 * Splits WebVTT or SRT text into cues: blocks separated by blank lines, each an optional
 * identifier line, a time line `start --> end [settings]` and text lines. The WebVTT header and
 * NOTE / STYLE / REGION blocks are skipped. A bad time is an error (collected, with its line);
 * text outside a cue is added to the cue before it with a warning.
 */
export function readCueBlocks(lines: readonly string[], issues: IssueLog, kind: CueKind): Cue[] {
  const n = lines.length;
  const cues: Cue[] = [];
  let i = 0;
  while (i < n && isBlank(lines[i])) i++;
  if (kind === 'vtt') {
    const first = (lines[i] ?? '').trim();
    if (first.startsWith('WEBVTT')) {
      while (i < n && !isBlank(lines[i])) i++;
    } else {
      issues.warn(ParseIssue.missingWebvttHeader, parseMessages.missingWebvttHeader(first), i + 1);
    }
  }
  while (i < n) {
    while (i < n && isBlank(lines[i])) i++;
    if (i >= n) break;
    const b = i;
    while (i < n && !isBlank(lines[i])) i++;
    const e = i;
    const first = (lines[b] as string).trim();
    if (kind === 'vtt' && SKIPPED_VTT_BLOCK.test(first)) continue;
    let t = -1;
    if (isTimingLine(first)) t = b;
    else if (b + 1 < e && isTimingLine(lines[b + 1] as string)) t = b + 1;
    if (t === -1) {
      const last = cues[cues.length - 1];
      for (let k = b; k < e; k++) {
        const text = (lines[k] as string).trim();
        if (last) last.payload.push({ text, line: k + 1 });
      }
      if (last) issues.warn(ParseIssue.strayText, parseMessages.strayText(first), b + 1);
      else issues.warn(ParseIssue.strayText, parseMessages.strayTextDropped(first), b + 1);
      continue;
    }
    const cue: Cue = { line: t + 1, payload: [] };
    if (t > b) cue.id = first;
    const timing = lines[t] as string;
    const m = TIMING.exec(timing);
    if (!m) {
      issues.error(ParseIssue.badTime, parseMessages.badTimingLine(timing, EXPECTED_TIME[kind]), t + 1);
    } else {
      const start = cueTime(m[1] as string);
      const end = cueTime(m[2] as string);
      if (start === undefined) issues.error(ParseIssue.badTime, parseMessages.badTime(m[1] as string, EXPECTED_TIME[kind]), t + 1);
      if (end === undefined) issues.error(ParseIssue.badTime, parseMessages.badTime(m[2] as string, EXPECTED_TIME[kind]), t + 1);
      if (start !== undefined) cue.start = start;
      if (end !== undefined) cue.end = end;
      if (start !== undefined && end !== undefined && timeToMs(end) < timeToMs(start)) {
        issues.warn(ParseIssue.timeOrder, parseMessages.timeOrder(start, end), t + 1);
      }
    }
    for (let k = t + 1; k < e; k++) cue.payload.push({ text: (lines[k] as string).trim(), line: k + 1 });
    cues.push(cue);
  }
  return cues;
}
