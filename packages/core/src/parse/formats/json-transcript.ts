import * as z from 'zod/mini';
import { MetadataValue, TranscriptSchema, type Utterance } from '../../model/transcript.js';
import { checkSchema, userRecord } from '../../model/schema.js';
import { jsonArrayElementLines, jsonErrorLine, locateJsonPath, type JsonPathStep } from '../json-locate.js';
import { parseMessages, ParseIssue } from '../messages.js';
import { IssueLog, type FormatResult, type ParseContext } from '../parse-context.js';
import { describeSchemaIssue } from '../zod-issue.js';

/** The most schema problems reported for one file. */
const MAX_ISSUES = 20;

/**
 * The project's own JSON transcript format (`TranscriptSchema`, documented in docs/formats.md):
 *
 * ```json
 * { "format": "coachcode-transcript", "version": 1,
 *   "metadata": { "coach": "Angela", "session": 3 },
 *   "speakers": { "Angela": "coach", "Tom": "coachee" },
 *   "utterances": [ { "speaker": "Angela", "text": "Shall we start?", "start": "00:00:05.000" } ] }
 * ```
 * A bare array of utterances is read as `{ "utterances": [...] }`. Every schema problem is
 * reported with its path and line. An utterance without `line` gets the line where its object
 * starts in the JSON file.
 */
export function parseJsonTranscript(text: string, ctx: ParseContext): FormatResult {
  const issues = new IssueLog(ctx.source);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issues.error(ParseIssue.jsonSyntax, parseMessages.jsonSyntax(message), jsonErrorLine(text, message));
    issues.throwIfErrors();
  }
  const bare = Array.isArray(value);
  const prefix: JsonPathStep[] = bare ? [] : ['utterances'];
  const parsed = checkSchema(TranscriptSchema, bare ? { utterances: value } : value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, MAX_ISSUES)) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const located = bare ? path.slice(1) : path;
      issues.error(ParseIssue.jsonSchema, describeSchemaIssue(issue), locateJsonPath(text, located));
    }
    issues.throwIfErrors();
  }
  const data = parsed.data as NonNullable<typeof parsed.data>;
  const lines = jsonArrayElementLines(text, prefix);
  const utterances: Utterance[] = data.utterances.map((u, i) => {
    const line = lines[i];
    return u.line === undefined && line !== undefined ? { ...u, line } : u;
  });
  // Speakers and attributes are keyed by names the user chose: read from the JSON itself, every
  // key kept and checked (zod's record leaves `__proto__` out).
  const object = bare ? {} : (value as Record<string, unknown>);
  const metadata = userRecord(object.metadata, MetadataValue);
  const speakers = userRecord(object.speakers, z.string());
  for (const [record, prefix] of [[metadata, 'metadata'], [speakers, 'speakers']] as const) {
    for (const issue of record.issues) {
      const path = [prefix, ...issue.path].filter((p): p is string | number => typeof p !== 'symbol');
      issues.error(ParseIssue.jsonSchema, describeSchemaIssue({ ...issue, path }), locateJsonPath(text, path));
    }
  }
  issues.throwIfErrors();
  const result: FormatResult = { utterances, warnings: issues.warnings };
  if (data.metadata) result.metadata = metadata.data;
  if (data.speakers) result.speakerRoles = speakers.data;
  return result;
}
