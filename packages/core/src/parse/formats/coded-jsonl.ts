import * as z from 'zod/mini';
import { dict } from '../../model/dict.js';
import { checkSchema } from '../../model/schema.js';
import type { Utterance } from '../../model/transcript.js';
import { parseMessages, ParseIssue } from '../messages.js';
import { IssueLog, type FormatResult, type ParseContext } from '../parse-context.js';
import { describeSchemaIssue } from '../zod-issue.js';

/** One record of coded JSONL: `coachcode code` output or a gold file; other fields are ignored. */
export const CodedRecordSchema = z.object({
  speaker: z.string(),
  text: z.string(),
  turn: z.optional(z.int().check(z.positive())),
  role: z.optional(z.string()),
  codes: z.optional(z.array(z.string())),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
  /** `coachcode code` output names the transcript `source`; gold files name it `file`. */
  source: z.optional(z.string()),
  file: z.optional(z.string()),
  /** Gold files: the codes the human coder scored. */
  scored: z.optional(z.array(z.string())),
});
export type CodedRecord = z.output<typeof CodedRecordSchema>;

/** The most bad lines reported for one file. */
const MAX_ISSUES = 20;

/**
 * Coded JSONL, one JSON object per turn — coachcode's own `code` output and the gold files
 * of `fixtures/gold`, so coded output can be read again:
 *
 * ```json
 * {"source":"angela.vtt","turn":1,"speaker":"Angela","role":"coach","text":"Shall we start?","codes":["challenge"]}
 * ```
 * Keeps `codes` (as human codes), `role` and `start`; each utterance's line is its JSONL line.
 */
export function parseCodedJsonl(text: string, ctx: ParseContext): FormatResult {
  const issues = new IssueLog(ctx.source);
  const lines = text.split('\n');
  const utterances: Utterance[] = [];
  const speakerRoles = dict<string>();
  const sources: string[] = [];
  let scored: string | undefined;
  let scoredSame = true;
  for (let i = 0; i < lines.length && issues.errors.length < MAX_ISSUES; i++) {
    const line = (lines[i] as string).trim();
    if (line.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issues.error(ParseIssue.jsonlSyntax, parseMessages.jsonlSyntax(error instanceof Error ? error.message : String(error)), i + 1);
      continue;
    }
    const parsed = checkSchema(CodedRecordSchema, value);
    if (!parsed.success) {
      const detail = parsed.error.issues.map(describeSchemaIssue).join('; ');
      issues.error(ParseIssue.jsonlRecord, parseMessages.jsonlRecord(detail), i + 1);
      continue;
    }
    const r = parsed.data;
    const u: Utterance = { speaker: r.speaker.trim(), text: r.text, line: i + 1 };
    if (r.start !== undefined) u.start = r.start;
    if (r.end !== undefined) u.end = r.end;
    if (r.codes !== undefined) u.codes = r.codes;
    if (r.role !== undefined) {
      u.role = r.role;
      speakerRoles[u.speaker] ??= r.role;
    }
    const from = r.source ?? r.file;
    if (from !== undefined && !sources.includes(from)) sources.push(from);
    const s = r.scored?.join(';');
    if (scored === undefined) scored = s;
    else if (s !== scored) scoredSame = false;
    utterances.push(u);
  }
  issues.throwIfErrors();
  if (sources.length > 1) issues.warn(ParseIssue.jsonlMixedSources, parseMessages.jsonlMixedSources(sources), 1);
  const metadata = dict<string>();
  if (sources.length === 1) metadata.source = sources[0] as string;
  if (scored !== undefined && scoredSame) metadata.scored = scored;
  return { utterances, metadata, speakerRoles, warnings: issues.warnings };
}
