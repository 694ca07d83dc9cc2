import { readCueBlocks } from '../cue-blocks.js';
import { utterancesFromCues } from '../cue-speakers.js';
import { IssueLog, type FormatResult, type ParseContext } from '../parse-context.js';

/**
 * SubRip subtitles (`.srt`): numbered cues, times `HH:MM:SS,mmm`, text wrapped over lines.
 * A cue may start with `Name:`; a cue without one continues the speaker before it, and cues
 * before the first name get the speaker `unknown` (one warning says how many).
 *
 * ```text
 * 1
 * 00:00:01,000 --> 00:00:04,200
 * Angela: Right, shall we start
 * with the starter?
 * ```
 */
export function parseSrt(text: string, ctx: ParseContext): FormatResult {
  const issues = new IssueLog(ctx.source);
  const cues = readCueBlocks(text.split('\n'), issues, 'srt');
  const utterances = utterancesFromCues(cues, issues, 'srt');
  issues.throwIfErrors();
  return { utterances, warnings: issues.warnings };
}
