import { readCueBlocks } from '../cue-blocks.js';
import { utterancesFromCues } from '../cue-speakers.js';
import { IssueLog, type FormatResult, type ParseContext } from '../parse-context.js';

/**
 * Generic WebVTT: cues with voice tags (`<v Name>`) or `Name:` labels, or neither (then the
 * speaker is `unknown` until a label appears). Zoom and Teams files are WebVTT too; their own
 * parsers share this one and differ only in what detection expects.
 */
export function parseWebVtt(text: string, ctx: ParseContext): FormatResult {
  const issues = new IssueLog(ctx.source);
  const cues = readCueBlocks(text.split('\n'), issues, 'vtt');
  const utterances = utterancesFromCues(cues, issues, 'vtt');
  issues.throwIfErrors();
  return { utterances, warnings: issues.warnings };
}
