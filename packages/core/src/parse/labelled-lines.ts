import { dict } from '../model/dict.js';
import type { Utterance } from '../model/transcript.js';
import { parseMessages, ParseIssue } from './messages.js';
import type { IssueLog } from './parse-context.js';
import { acceptsLabel, endsSentence, trimInvisible, fieldKeyOf, looksLikeProse, matchBareStamp, matchSpeakerLabel, type LabelMatch } from './speaker-label.js';

/** Options of {@link readLabelledLines}. */
export interface LabelledLinesOptions {
  /** First line to read (0-based index into `lines`). */
  from: number;
  /** Line after the last one to read. */
  to: number;
  /** Bare time lines (`00:05:00`) are markers to skip (Google Meet), not the start of the next utterance. */
  skipBareTimes: boolean;
}

/** Utterances read from `Name: text` lines, plus header fields found before the first one. */
export interface LabelledLines {
  utterances: Utterance[];
  metadata: Record<string, string>;
  speakerRoles: Record<string, string>;
  /** The first line with content, for the "no labels" message. */
  firstContent: string | undefined;
  contentLines: number;
}

const RULE = /^([=\-*_~#])\1{2,}$/;

/**
 * Reads lines of `Name: text` talk (plain text and Google Meet): a line with a label starts an
 * utterance; a line without one continues the utterance before it (wrapped lines, paragraphs);
 * `# headings`, rules (`=====`), bare time stamps and transcriber's notes are skipped; lines
 * before the first label are a header (`Date: …` fields become metadata; other lines are
 * skipped, with a warning when they read like talk).
 */
export function readLabelledLines(lines: readonly string[], issues: IssueLog, options: LabelledLinesOptions): LabelledLines {
  const { from, to } = options;
  // Pass 1: labels on every line, and how often each name is used as a label.
  const labels: (LabelMatch | undefined)[] = new Array(to - from);
  const uses = new Map<string, number>();
  // Whether a line ends a sentence only tells a wrapped clause from a turn in punctuated text;
  // in unpunctuated speech-recogniser output every one-off label is taken as a speaker.
  let labelled = 0;
  let ended = 0;
  for (let i = from; i < to; i++) {
    const line = trimInvisible(lines[i] as string);
    const m = line.length > 0 ? matchSpeakerLabel(line) : undefined;
    labels[i - from] = m;
    if (m) {
      labelled++;
      if (endsSentence(m.text)) ended++;
      const key = m.speaker.toLowerCase();
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  const unpunctuated = ended < labelled * 0.2;
  // Pass 2: utterances.
  const utterances: Utterance[] = [];
  const metadata = dict<string>();
  const speakerRoles = dict<string>();
  let current: Utterance | undefined;
  let afterBreak = true;
  let pendingStart: string | undefined;
  let firstContent: string | undefined;
  let previousLine: string | undefined;
  let contentLines = 0;
  for (let i = from; i < to; i++) {
    const line = trimInvisible(lines[i] as string);
    if (line.length === 0) {
      afterBreak = true;
      continue;
    }
    contentLines++;
    firstContent ??= line;
    const lineNo = i + 1;
    const before = previousLine;
    previousLine = line;
    if (RULE.test(line) || line.charCodeAt(0) === 0x23 /* # */) {
      afterBreak = true;
      continue;
    }
    const stamp = matchBareStamp(line);
    if (stamp !== undefined) {
      if (!options.skipBareTimes) pendingStart = stamp;
      afterBreak = true;
      continue;
    }
    const m = labels[i - from];
    if (m && acceptsLabel(unpunctuated ? Infinity : (uses.get(m.speaker.toLowerCase()) ?? 0), current === undefined ? undefined : before, afterBreak, m.start !== undefined)) {
      current = { speaker: m.speaker, text: m.text, line: lineNo };
      const start = m.start ?? pendingStart;
      if (start !== undefined) current.start = start;
      if (m.role !== undefined) speakerRoles[m.speaker] = m.role;
      pendingStart = undefined;
      utterances.push(current);
      afterBreak = false;
      continue;
    }
    const field = m ? undefined : fieldKeyOf(line);
    if (field?.kind === 'note') {
      issues.warn(ParseIssue.skippedNote, parseMessages.skippedNote(line), lineNo);
      afterBreak = true;
      continue;
    }
    if (current === undefined) {
      if (field) metadata[field.key] = field.value;
      else if (looksLikeProse(line)) issues.warn(ParseIssue.skippedLine, parseMessages.skippedProse(line), lineNo);
    } else {
      current.text = current.text.length === 0 ? line : `${current.text} ${line}`;
    }
    afterBreak = false;
  }
  return { utterances, metadata, speakerRoles, firstContent, contentLines };
}
