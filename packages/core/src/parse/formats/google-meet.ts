import { readLabelledLines } from '../labelled-lines.js';
import { dict } from '../../model/dict.js';
import { parseMessages, ParseIssue } from '../messages.js';
import { IssueLog, type FormatResult, type ParseContext } from '../parse-context.js';
import { matchBareStamp } from '../speaker-label.js';
import { normaliseTime } from '../time-stamp.js';

/** `Weekly coaching (2026-03-04 10:02 GMT)`, optionally followed by ` - Transcript`. */
const TITLE = /^(.*?)\s*\((\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})(?:\s+([^)]+))?\)(?:\s*[-–]\s*Transcript)?$/i;
const ENDED = /^meeting ended after (\d{1,2}:\d{2}:\d{2})/i;
/** How far into the file the header may reach. */
const HEADER_LINES = 40;

/**
 * Google Meet transcript (the Google Docs file Meet saves to Drive):
 *
 * ```text
 * Coaching: Angela / Tom (2026-03-04 10:02 GMT)
 * Transcript
 *
 * 00:00:00
 *
 * Angela Smith: Right, shall we start?
 * Tom Baker: Yeah, go on.
 *
 * 00:05:00
 * …
 * Meeting ended after 00:32:14
 * ```
 * The header (title with date, `Transcript`, `Attendees` and the names) runs to the first bare
 * time line and becomes metadata; bare time lines are periodic markers and are skipped; the
 * rest reads like plain text.
 */
export function parseGoogleMeet(text: string, ctx: ParseContext): FormatResult {
  const issues = new IssueLog(ctx.source);
  const lines = text.split('\n');
  const metadata = dict<string>();
  let to = lines.length;
  while (to > 0 && (lines[to - 1] as string).trim() === '') to--;
  const ended = to > 0 ? ENDED.exec((lines[to - 1] as string).trim()) : null;
  if (ended) {
    const duration = normaliseTime(ended[1] as string);
    if (duration !== undefined) metadata.duration = duration;
    to--;
  }
  const from = headerEnd(lines, to);
  const header = lines.slice(0, from).map((l) => l.trim()).filter((l) => l.length > 0);
  for (let i = 0; i < header.length; i++) {
    const line = header[i] as string;
    const title = i === 0 ? TITLE.exec(line) : null;
    if (title) {
      metadata.title = title[1] as string;
      metadata.date = title[2] as string;
      metadata.time = title[3] as string;
      if (title[4] !== undefined) metadata.timezone = title[4];
    } else if (i === 0 && !/^transcript$/i.test(line)) {
      metadata.title = line.replace(/\s*[-–]\s*Transcript$/i, '');
    } else if (/^attendees$/i.test(line) && header[i + 1] !== undefined) {
      metadata.attendees = header[i + 1] as string;
      i++;
    }
  }
  const read = readLabelledLines(lines, issues, { from, to, skipBareTimes: true });
  if (read.utterances.length === 0) {
    issues.error(ParseIssue.noSpeakerLabels, parseMessages.noSpeakerLabels(read.contentLines, read.firstContent ?? ''), from + 1);
  }
  issues.throwIfErrors();
  return { utterances: read.utterances, metadata: { ...read.metadata, ...metadata }, speakerRoles: read.speakerRoles, warnings: issues.warnings };
}

function nextContent(lines: readonly string[], i: number, to: number): number {
  let j = i;
  while (j < to && (lines[j] as string).trim() === '') j++;
  return j;
}

/**
 * Index of the first line after the header: the first bare time line near the top, or, when
 * there is none, the line after the title / `Transcript` / `Attendees` lines.
 */
function headerEnd(lines: readonly string[], to: number): number {
  const limit = Math.min(to, HEADER_LINES);
  for (let i = 0; i < limit; i++) if (matchBareStamp((lines[i] as string).trim()) !== undefined) return i;
  const at = (i: number): string => (lines[i] ?? '').trim();
  let i = nextContent(lines, 0, to);
  const afterTitle = nextContent(lines, i + 1, to);
  if (TITLE.test(at(i)) || /^transcript$/i.test(at(afterTitle))) i = afterTitle;
  if (/^transcript$/i.test(at(i))) i = nextContent(lines, i + 1, to);
  if (/^attendees$/i.test(at(i))) i = nextContent(lines, nextContent(lines, i + 1, to) + 1, to);
  return i;
}
