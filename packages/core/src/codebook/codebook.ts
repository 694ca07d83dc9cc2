import * as z from 'zod/mini';
import { CoachcodeError } from '../errors.js';
import { messages } from '../messages.js';
import { checkSchema } from '../model/schema.js';

/** One code of a codebook. */
export const CodeDefinitionSchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'code ids are lower-case words, e.g. "defence"')),
  label: z.string(),
  definition: z.string(),
  /** Short descriptions of typical surface forms, for documentation. */
  examples: z._default(z.array(z.string()), []),
  /** The code's colour in charts, the report and QDPX (`#RRGGBB`); default: CfBT's own, else the next of a colour-blind-safe palette. */
  color: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as "#CC79A7"'))),
});
export type CodeDefinition = z.output<typeof CodeDefinitionSchema>;

/** A coding scheme: an ordered list of codes (the order is the chart order). */
export const CodebookSchema = z.object({
  id: z.string(),
  version: z.int().check(z.positive()),
  title: z.string(),
  source: z.optional(z.string()),
  codes: z.array(CodeDefinitionSchema).check(
    z.minLength(1),
    z.refine((codes) => new Set(codes.map((c) => c.id)).size === codes.length, 'every code id must be different'),
  ),
});
export type Codebook = z.output<typeof CodebookSchema>;

/** `id@version`, as written in every output record. */
export function codebookTag(codebook: Codebook): string {
  return `${codebook.id}@${codebook.version}`;
}

/** The code ids of a codebook in order. */
export function codeIds(codebook: Codebook): string[] {
  return codebook.codes.map((c) => c.id);
}

/**
 * Validates a codebook object (e.g. a parsed `codebook.json`, see docs/codebook.md); throws a
 * `CoachcodeError` listing every problem, each with its path in the object.
 */
export function parseCodebook(value: unknown, source = 'codebook'): Codebook {
  const r = checkSchema(CodebookSchema, value);
  if (r.success) return r.data;
  throw new CoachcodeError(r.error.issues.map((i) => ({ code: 'codebook-invalid', severity: 'error' as const, message: messages.codebookInvalid(`${i.path.join('.') || '(root)'}: ${i.message}`), source })));
}
