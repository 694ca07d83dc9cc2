import type { FormatResult, ParseContext } from '../parse-context.js';
import { parseWebVtt } from './webvtt.js';

/**
 * Microsoft Teams transcript (`.vtt`): cue identifiers like
 * `9a1c3f2e-8b7d-4c1a-9e2f-1d3b5a7c9e0b/12-0`, times written `00:00:13.540` or, in older
 * exports, `0:0:13.540`, and the speaker in a voice tag.
 *
 * ```text
 * WEBVTT
 *
 * 9a1c3f2e-8b7d-4c1a-9e2f-1d3b5a7c9e0b/12-0
 * 0:0:13.540 --> 0:0:17.210
 * <v Angela Smith>Right, shall we start with the starter?</v>
 * ```
 */
export function parseTeamsVtt(text: string, ctx: ParseContext): FormatResult {
  return parseWebVtt(text, ctx);
}
