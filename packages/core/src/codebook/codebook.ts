import { z } from 'zod';

/** One code of a codebook. */
export const CodeDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'code ids are lower-case words, e.g. "defence"'),
  label: z.string(),
  definition: z.string(),
  /** Short descriptions of typical surface forms, for documentation. */
  examples: z.array(z.string()).default([]),
});
export type CodeDefinition = z.infer<typeof CodeDefinitionSchema>;

/** A coding scheme: an ordered list of codes (the order is the chart order). */
export const CodebookSchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  title: z.string(),
  source: z.string().optional(),
  codes: z.array(CodeDefinitionSchema).min(1),
});
export type Codebook = z.infer<typeof CodebookSchema>;

/** `id@version`, as written in every output record. */
export function codebookTag(codebook: Codebook): string {
  return `${codebook.id}@${codebook.version}`;
}

/** The code ids of a codebook in order. */
export function codeIds(codebook: Codebook): string[] {
  return codebook.codes.map((c) => c.id);
}
