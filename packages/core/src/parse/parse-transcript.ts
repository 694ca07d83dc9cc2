import { CoachcodeError, toSafe, type SafeResult } from '../errors.js';
import { dict } from '../model/dict.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Transcript, Utterance } from '../model/transcript.js';
import { normaliseLineEnds } from '../read/line-ends.js';
import { UNKNOWN_SPEAKER } from './cue-speakers.js';
import { trimInvisible } from './speaker-label.js';
import { detectFormat } from './detect-format.js';
import { FORMAT_PARSERS } from './format-parsers.js';
import { parseMessages, ParseIssue } from './messages.js';
import { IssueLog, type ParseContext } from './parse-context.js';
import { resolveParseOptions, type ParseOptions } from './parse-options.js';
import { normaliseSpace } from '../segment/segment-turns.js';

export type { CsvOptions, ParseOptions } from './parse-options.js';

/** A parsed transcript and the warnings found on the way. */
export interface ParsedTranscript {
  transcript: Transcript;
  warnings: Diagnostic[];
}

/** The transcript name used when the caller gives no `source`. */
export const UNNAMED_SOURCE = '<input>';

/** Utterances longer than this (in characters) get a `long-utterance` warning. */
export const LONG_UTTERANCE = 20_000;


/**
 * Step 2 of the pipeline: text to a `Transcript`. Detects the format (or takes
 * `options.format`), parses it, and guarantees to the next step: utterances in source order,
 * each with a trimmed speaker name, non-empty text with white space collapsed to single
 * spaces, the 1-based source line where it starts, and `start` as `HH:MM:SS.mmm` when the
 * source gives a time. Throws one `CoachcodeError` listing every error (with lines); returns
 * warnings beside the result.
 */
export function parseTranscript(text: string, options: ParseOptions = {}): ParsedTranscript {
  const resolved = resolveParseOptions(options);
  if (resolved.errors.length > 0) throw new CoachcodeError(resolved.errors);
  const source = resolved.source;
  const issues = new IssueLog(source);
  const body = normaliseLineEnds(text);
  if (body.trim().length === 0) {
    issues.error(ParseIssue.emptyInput, parseMessages.emptyInput(), 1);
    issues.throwIfErrors();
  }
  const format = resolved.format ?? detectFormat(source ?? '', body);
  const ctx: ParseContext = { source, format, csv: resolved.csv };
  const result = FORMAT_PARSERS[format](body, ctx);
  const utterances: Utterance[] = [];
  for (const u of result.utterances) {
    const speaker = normaliseSpace(trimInvisible(u.speaker)) || UNKNOWN_SPEAKER;
    const clean = normaliseSpace(u.text);
    if (clean.length === 0) {
      issues.warn(ParseIssue.emptyUtterance, parseMessages.emptyUtterance(speaker), u.line);
      continue;
    }
    if (clean.length > LONG_UTTERANCE) issues.warn(ParseIssue.longUtterance, parseMessages.longUtterance(speaker, clean.length), u.line);
    utterances.push(speaker === u.speaker && clean === u.text ? u : { ...u, speaker, text: clean });
  }
  if (utterances.length === 0) {
    issues.error(ParseIssue.noUtterances, parseMessages.noUtterances(format), 1);
    throw new CoachcodeError([...issues.errors]);
  }
  const transcript: Transcript = {
    source: source ?? UNNAMED_SOURCE,
    format,
    utterances,
    metadata: result.metadata ?? dict(),
    speakerRoles: result.speakerRoles ?? dict(),
  };
  return { transcript, warnings: [...result.warnings, ...issues.warnings] };
}

/** {@link parseTranscript} without throwing: `{ success: true, data }` or `{ success: false, error }`. */
export function safeParseTranscript(text: string, options: ParseOptions = {}): SafeResult<ParsedTranscript> {
  return toSafe(() => parseTranscript(text, options));
}
