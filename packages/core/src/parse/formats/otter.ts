import type { Utterance } from '../../model/transcript.js';
import { parseMessages, ParseIssue } from '../messages.js';
import { IssueLog, type FormatResult, type ParseContext } from '../parse-context.js';
import { isSpeakerName, looksLikeProse, trimInvisible } from '../speaker-label.js';
import { normaliseTime } from '../time-stamp.js';

/** `Angela Smith  0:12` or `Speaker 1  1:02:03`: a name, spaces, a time, nothing else. */
export const OTTER_HEADER = /^(\S.*?)[ \t]+(\d{1,2}:\d{2}(?::\d{2})?)$/;
const FOOTER = /^transcribed by\b.*otter\.ai/i;

/** Reads `line` as an Otter speaker line; undefined when it is not one. */
export function matchOtterHeader(line: string): { speaker: string; start: string } | undefined {
  const m = OTTER_HEADER.exec(line);
  if (!m) return undefined;
  const speaker = (m[1] as string).replace(/[ \t]+/g, ' ');
  const start = normaliseTime(m[2] as string);
  return isSpeakerName(speaker) && start !== undefined ? { speaker, start } : undefined;
}

/**
 * Otter.ai text export: a line with the speaker and the time, the text on the lines below,
 * a blank line between blocks, and an optional `Transcribed by https://otter.ai` footer.
 *
 * ```text
 * Angela Smith  0:12
 * Right, shall we start with the starter?
 *
 * Tom Baker  1:02:03
 * Yeah.
 * ```
 * A paragraph after a blank line without a speaker line continues the speaker before it.
 */
export function parseOtter(text: string, ctx: ParseContext): FormatResult {
  const issues = new IssueLog(ctx.source);
  const lines = text.split('\n');
  const utterances: Utterance[] = [];
  let current: Utterance | undefined;
  let afterBreak = true;
  let firstContent: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = trimInvisible(lines[i] as string);
    if (line.length === 0) {
      afterBreak = true;
      continue;
    }
    firstContent ??= line;
    const header = afterBreak || current === undefined ? matchOtterHeader(line) : undefined;
    afterBreak = false;
    if (header) {
      current = { speaker: header.speaker, text: '', line: i + 1, start: header.start };
      utterances.push(current);
    } else if (FOOTER.test(line)) {
      afterBreak = true;
    } else if (current) {
      current.text = current.text.length === 0 ? line : `${current.text} ${line}`;
    } else if (looksLikeProse(line)) {
      issues.warn(ParseIssue.skippedLine, parseMessages.skippedProse(line), i + 1);
    }
  }
  if (utterances.length === 0) issues.error(ParseIssue.noSpeakerLabels, parseMessages.otterNoHeaders(firstContent ?? ''), 1);
  issues.throwIfErrors();
  return { utterances, warnings: issues.warnings };
}
