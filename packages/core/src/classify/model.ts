import * as z from 'zod/mini';

/** Weights of one code: a logistic model over turn features. */
export const CodeWeightsSchema = z.object({
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  /** Score at or above which the code is assigned (default: the model's threshold). */
  threshold: z.optional(z.number().check(z.gte(0), z.lte(1))),
  /**
   * Weights whose summed contribution to the logit is held within ±`limit`: fitted adjustments
   * that can tip a borderline turn but never outweigh the `weights` (a cue, say) on their own.
   */
  clipped: z.optional(
    z.object({
      limit: z.number().check(z.positive()),
      weights: z.record(z.string(), z.number()),
    }),
  ),
});
export type CodeWeights = z.output<typeof CodeWeightsSchema>;

/** A model's card: its recipe, its training data, and its scores on data it did not see. */
export const ModelCardSchema = z.object({
  /** The recipe, in words and by name. */
  recipe: z.string(),
  /** The training data: per source, conversations and turns. */
  data: z.array(z.object({ source: z.string(), conversations: z.int(), turns: z.int() })),
  /** A hash of the training data and recipe, so a check can tell whether the model is in step with them. */
  dataHash: z.optional(z.string()),
  /** How the per-code thresholds were chosen. */
  thresholds: z.optional(z.string()),
  /** Kappa per code (and `macro`) on held-out data, by what was held out. */
  validation: z.optional(z.record(z.string(), z.record(z.string(), z.number()))),
});
export type ModelCard = z.output<typeof ModelCardSchema>;

/** What a model file says besides its weights, in either file format (the compact one: compact-model.ts). */
export const modelHeader = {
  id: z.string(),
  version: z.int().check(z.positive()),
  /** The codebook this model codes, `id@version`. */
  codebook: z.string(),
  threshold: z.number().check(z.gte(0), z.lte(1)),
  /**
   * The features the model weighs: `cues` (cue, context and closed-list word features; the
   * default) or `open` (the same plus open-vocabulary words and word pairs of the turn and the
   * previous turn, see open-features.ts).
   */
  features: z.optional(z.enum(['cues', 'open'])),
  /** How the weights were obtained, for provenance. */
  trainedOn: z.optional(z.string()),
  /** The model's card: what it was trained on, with which recipe, and what it scored where. */
  card: z.optional(ModelCardSchema),
};

/** A classifier model file (`model.json`), validated on load. */
export const ModelSchema = z.object({
  format: z.literal('coachcode-model'),
  ...modelHeader,
  codes: z.record(z.string(), CodeWeightsSchema),
});
export type Model = z.output<typeof ModelSchema>;

/** `id@version` of a model, as written in every record. */
export function modelTag(model: Model): string {
  return `${model.id}@${model.version}`;
}
