import type { FormatResult, ParseContext } from '../parse-context.js';
import { parseWebVtt } from './webvtt.js';

/**
 * Zoom's cloud-recording transcript (`.vtt`): numbered cues whose text starts with the
 * speaker's display name; a long turn is cut into several cues, and a cue without a name
 * continues the speaker before it.
 *
 * ```text
 * WEBVTT
 *
 * 1
 * 00:00:01.020 --> 00:00:05.310
 * Angela Smith: Right, shall we start with the starter? I noticed
 *
 * 2
 * 00:00:05.310 --> 00:00:08.000
 * the group at the back went very quiet.
 * ```
 */
export function parseZoomVtt(text: string, ctx: ParseContext): FormatResult {
  return parseWebVtt(text, ctx);
}
