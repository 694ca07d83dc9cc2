import { z } from 'zod';

/** Weights of one code: a logistic model over turn features. */
export const CodeWeightsSchema = z.object({
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  /** Score at or above which the code is assigned (default: the model's threshold). */
  threshold: z.number().min(0).max(1).optional(),
  /**
   * Weights whose summed contribution to the logit is held within ±`limit`: fitted adjustments
   * that can tip a borderline turn but never outweigh the `weights` (a cue, say) on their own.
   */
  clipped: z
    .object({
      limit: z.number().positive(),
      weights: z.record(z.string(), z.number()),
    })
    .optional(),
});
export type CodeWeights = z.infer<typeof CodeWeightsSchema>;

/** A classifier model file (`model.json`), validated on load. */
export const ModelSchema = z.object({
  format: z.literal('coachcode-model'),
  id: z.string(),
  version: z.number().int().positive(),
  /** The codebook this model codes, `id@version`. */
  codebook: z.string(),
  threshold: z.number().min(0).max(1),
  codes: z.record(z.string(), CodeWeightsSchema),
  /** How the weights were obtained, for provenance. */
  trainedOn: z.string().optional(),
});
export type Model = z.infer<typeof ModelSchema>;

/** `id@version` of a model, as written in every record. */
export function modelTag(model: Model): string {
  return `${model.id}@${model.version}`;
}
