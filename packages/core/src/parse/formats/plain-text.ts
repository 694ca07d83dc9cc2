import { readLabelledLines } from '../labelled-lines.js';
import { parseMessages, ParseIssue } from '../messages.js';
import { IssueLog, type FormatResult, type ParseContext } from '../parse-context.js';

/**
 * Plain text: one `Name: text` line per utterance, as people type or export transcripts.
 *
 * ```text
 * Transcript of coaching session 3
 * Date: 4 March 2026
 *
 * [00:00:05] Angela: Right, shall we start with the starter? I noticed the group at the
 * back went very quiet.
 * TOM (0:41): Yeah, they do that.
 * ```
 * Labels follow the rule of `isSpeakerName`; time stamps (`[00:01:23]`, `(1:23)`, `00:01:23`)
 * may stand before the label, after the name or right after the colon. Lines without a label
 * continue the utterance before them. Throws `no-speaker-labels` when no line has a label.
 */
export function parsePlainText(text: string, ctx: ParseContext): FormatResult {
  const issues = new IssueLog(ctx.source);
  const lines = text.split('\n');
  const read = readLabelledLines(lines, issues, { from: 0, to: lines.length, skipBareTimes: false });
  if (read.utterances.length === 0) {
    issues.error(ParseIssue.noSpeakerLabels, parseMessages.noSpeakerLabels(read.contentLines, read.firstContent ?? ''), 1);
  }
  issues.throwIfErrors();
  return { utterances: read.utterances, metadata: read.metadata, speakerRoles: read.speakerRoles, warnings: issues.warnings };
}
