import * as z from 'zod/mini';
import { CoachcodeError } from '../errors.js';
import type { Role } from '../model/role.js';
import { isRole } from '../model/role.js';
import { dict } from '../model/dict.js';
import { checkSchema, userRecord, type RecordIssue } from '../model/schema.js';
import { MetadataValue } from '../model/transcript.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { baseName, fileStem } from '../model/source-path.js';
import { messages } from '../messages.js';
import { readCsvRows } from '../parse/csv-rows.js';
import { parseMessages } from '../parse/messages.js';
import { locateJsonPath } from '../parse/json-locate.js';
import { readJson } from '../parse/read-json.js';

/** What a roles file says about one transcript (or about every transcript, under `*`). */
export interface TranscriptAttributes {
  speakers: Record<string, Role>;
  metadata: Record<string, string>;
}

/** A parsed roles/metadata file: transcript key (file name, stem or `*`) → attributes. */
export type RolesFile = Map<string, TranscriptAttributes>;

const LongEntry = z.strictObject({
  speakers: z._default(z.record(z.string(), z.string()), {}),
  metadata: z._default(z.record(z.string(), MetadataValue), {}),
});
const Entry = z.union([LongEntry, z.record(z.string(), z.string())]);
const JsonRolesFile = z.record(z.string(), Entry);

/** A schema problem of a JSON roles file, on the line of its path. */
function schemaProblem(text: string, source: string, issue: RecordIssue): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  return { code: 'roles-file', severity: 'error', message: messages.rolesFileInvalid(`${path.join('.')}: ${issue.message}`), source, line: locateJsonPath(text, path) };
}

function checkRole(role: string, source: string, line?: number): Role {
  const r = role.trim().toLowerCase();
  if (!isRole(r)) throw new CoachcodeError([{ code: 'roles-file', severity: 'error', message: messages.rolesFileRole(role), source, ...(line ? { line } : {}) }]);
  return r;
}

/**
 * Parses a roles file. JSON: `{"angela.vtt": {"Angela": "coach", "Ben": "coachee"}}` or
 * `{"angela.vtt": {"speakers": {...}, "metadata": {"coach": "Angela", "cohort": "2025"}}}`,
 * with `*` for every transcript. CSV: columns `file,speaker,role`; any further column is a
 * transcript attribute (metadata). Throws a `CoachcodeError` naming the line.
 */
export function parseRolesFile(text: string, options: { format: 'json' | 'csv'; source?: string }): RolesFile {
  const source = options.source ?? 'roles';
  const out: RolesFile = new Map();
  if (options.format === 'json') {
    const raw = readJson(text, { source, code: 'roles-file', message: (detail) => messages.rolesFileInvalid(`not valid JSON (${detail})`) });
    const parsed = checkSchema(JsonRolesFile, raw);
    if (!parsed.success) throw new CoachcodeError(parsed.error.issues.map((i) => schemaProblem(text, source, i)));
    // File names, speakers and attributes are names the user chose: read from the JSON itself,
    // every key kept and checked (zod's record leaves `__proto__` out, unchecked).
    const problems: RecordIssue[] = [];
    const record = <T extends Parameters<typeof userRecord>[1]>(input: unknown, value: T, at: PropertyKey[]) => {
      const r = userRecord(input, value);
      problems.push(...r.issues.map((i) => ({ ...i, path: [...at, ...i.path] })));
      return r.data;
    };
    for (const [file, entry] of Object.entries(record(raw, z.unknown(), []))) {
      const long = checkSchema(LongEntry, entry).success;
      const fields = long ? (entry as Record<string, unknown>) : { speakers: entry };
      const speakers = record(fields.speakers, z.string(), long ? [file, 'speakers'] : [file]);
      const metadata = record(fields.metadata, MetadataValue, [file, 'metadata']);
      out.set(file, {
        speakers: dict(Object.entries(speakers).map(([k, v]) => [k, checkRole(v, source)] as const)),
        metadata: dict(Object.entries(metadata).map(([k, v]) => [k, String(v)] as const)),
      });
    }
    if (problems.length > 0) throw new CoachcodeError(problems.map((i) => schemaProblem(text, source, i)));
    return out;
  }
  const fail = (detail: string, line: number): never => {
    throw new CoachcodeError([{ code: 'roles-file', severity: 'error', message: messages.rolesFileInvalid(detail), source, line }]);
  };
  const { rows, unclosedQuoteLine } = readCsvRows(text, { delimiter: ',', trim: true });
  if (unclosedQuoteLine !== undefined) fail(parseMessages.csvUnclosedQuote(), unclosedQuoteLine);
  const [header, ...records] = rows;
  const names = header?.fields.map((c) => c.toLowerCase()) ?? [];
  for (const { fields, line } of records) {
    if (fields.length !== names.length) fail(`this row has ${fields.length} fields, the header has ${names.length}`, line);
    const row = dict(names.map((name, i) => [name, fields[i] ?? ''] as const));
    const file = row.file || '*';
    const entry = out.get(file) ?? { speakers: dict<Role>(), metadata: dict<string>() };
    if (row.speaker) entry.speakers[row.speaker] = checkRole(row.role ?? 'unknown', source, line);
    for (const [k, v] of Object.entries(row)) if (!['file', 'speaker', 'role'].includes(k) && v) entry.metadata[k] = v;
    out.set(file, entry);
  }
  return out;
}

/** What a roles file says about `source`: `*` first, then the stem, the base name and the full path, later ones winning. */
export function attributesFor(rolesFile: RolesFile, source: string): TranscriptAttributes {
  const base = baseName(source);
  const stem = fileStem(source);
  const result: TranscriptAttributes = { speakers: dict(), metadata: dict() };
  for (const key of ['*', stem, base, source]) {
    const e = rolesFile.get(key);
    if (!e) continue;
    Object.assign(result.speakers, e.speakers);
    Object.assign(result.metadata, e.metadata);
  }
  return result;
}
