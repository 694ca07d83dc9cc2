// Recipes for fitting the default model, compared by scripts/validate-recipe.mjs. The one the
// default model is fitted with is RECIPES[DEFAULT_RECIPE] (scripts/train-default-model.mjs).
const base = { id: 'cfbt-default', version: 9, codebook: 'cfbt@1' };
const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

/** Training conversations of a recipe: the coaching data and examples as one source, MRDA as another. */
function trainingSet({ coaching, examples, mrda }, { exampleWeight = 10 } = {}) {
  return [
    ...coaching.map((c) => ({ ...c, source: 'coaching' })),
    ...examples.map((c) => ({ ...c, source: 'coaching', weight: exampleWeight })),
    ...mrda.map((c) => ({ ...c, source: 'mrda' })),
  ];
}

/**
 * A fitted model with the hand model's weights blended in: each code's logit becomes
 * (1 − share) × the fitted one + share × the hand model's. Both are linear over the same cue and
 * context features, so the blend is again one linear model (the hand model has no clipped group).
 * The hand weights were set from the codebook, not fitted to anyone's writing; a share of them
 * keeps the model closer to the codebook's cues on talk unlike the training data.
 */
export function blendHand(core, model, share) {
  const hand = core.handModel;
  const codes = {};
  for (const [code, own] of Object.entries(model.codes)) {
    const h = hand.codes[code];
    const weights = {};
    for (const [name, w] of Object.entries(own.weights)) weights[name] = (1 - share) * w;
    for (const [name, w] of Object.entries(h?.weights ?? {})) weights[name] = (weights[name] ?? 0) + share * w;
    codes[code] = { ...own, bias: (1 - share) * own.bias + share * (h?.bias ?? 0), weights };
  }
  return { ...model, codes };
}

function openRecipe(fitOptions, setOptions = {}) {
  const next = fitOptions.exclude?.includes('n:') ? '' : ", the next turn's words included";
  const { handShare = 0, ...options } = fitOptions;
  const blend = handShare > 0 ? `, blended with ${handShare} of cfbt-hand@1's logits` : '';
  const mrda = options.adapt === 'bias' ? 'MRDA as another, with a bias of its own' : options.adapt === false ? 'MRDA as another, sharing every weight' : 'MRDA as another, with its own copy of every feature';
  return {
    describe: `logistic regression per code over cue, context and open-vocabulary features${next} (fitOpenModel ${JSON.stringify(options)})${blend}; coaching fixtures and decision-rule examples (each ×${setOptions.exampleWeight ?? 10}) as one source, ${mrda}`,
    fit: (core, data) => {
      const fitted = core.fitOpenModel(base, CODES, trainingSet(data, setOptions), { exclude: ['word:', 'first'], ...options });
      return handShare > 0 ? blendHand(core, fitted, handShare) : fitted;
    },
  };
}

export const RECIPES = {
  // Round 6 (cfbt-default@4): the turn, the previous turn's words, cues and context.
  'open-a': openRecipe({ sourceWeights: { mrda: 1 }, exclude: ['word:', 'first', 'n:', 'no:'] }),
  // Round 7 (cfbt-default@5): and the words of the next turn by another speaker.
  'open-next': openRecipe({ sourceWeights: { mrda: 1 } }),
  // Round 8 (cfbt-default@6): and a fifth of the hand model's logits blended in.
  'open-next-hand': openRecipe({ sourceWeights: { mrda: 1 }, handShare: 0.2 }),
  // Round 9 (cfbt-default@7): MRDA's turns shape the shared weights, with only a bias of its own
  // (where MRDA's mapping and the codebook disagree on a code's base rate, the bias takes it), at
  // half the coaching data's weight.
  'open-next-hand-bias-half': openRecipe({ sourceWeights: { mrda: 0.5 }, handShare: 0.2, adapt: 'bias' }),
  // Round 10 (cfbt-default@8): and cue and context features weighed per role as well.
  'open-next-hand-bias-half-role': openRecipe({ sourceWeights: { mrda: 0.5 }, handShare: 0.2, adapt: 'bias', roleWeights: true }),
  'open-next-hand-bias': openRecipe({ sourceWeights: { mrda: 1 }, handShare: 0.2, adapt: 'bias' }),
  'open-next-hand-shared': openRecipe({ sourceWeights: { mrda: 1 }, handShare: 0.2, adapt: false }),
  'open-next-hand-shared-half': openRecipe({ sourceWeights: { mrda: 0.5 }, handShare: 0.2, adapt: false }),
  'open-next-hand-0.1': openRecipe({ sourceWeights: { mrda: 1 }, handShare: 0.1 }),
  'open-next-hand-0.3': openRecipe({ sourceWeights: { mrda: 1 }, handShare: 0.3 }),
  'open-next-mrda-half': openRecipe({ sourceWeights: { mrda: 0.5 } }),
  'open-next-l2-high': openRecipe({ sourceWeights: { mrda: 1 }, l2: 3e-3 }),
};
export const DEFAULT_RECIPE = 'open-next-hand-bias-half-role';
