// Recipes for fitting the default model, compared by scripts/validate-recipe.mjs. The one the
// default model is fitted with is RECIPES[DEFAULT_RECIPE] (scripts/train-default-model.mjs).
const base = { id: 'cfbt-default', version: 5, codebook: 'cfbt@1' };
const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

/** Training conversations of a recipe: the coaching data and examples as one source, MRDA as another. */
function trainingSet({ coaching, examples, mrda }, { exampleWeight = 10 } = {}) {
  return [
    ...coaching.map((c) => ({ ...c, source: 'coaching' })),
    ...examples.map((c) => ({ ...c, source: 'coaching', weight: exampleWeight })),
    ...mrda.map((c) => ({ ...c, source: 'mrda' })),
  ];
}

function openRecipe(fitOptions, setOptions = {}) {
  const next = fitOptions.exclude?.includes('n:') ? '' : ", the next turn's words included";
  return {
    describe: `logistic regression per code over cue, context and open-vocabulary features${next} (fitOpenModel ${JSON.stringify(fitOptions)}); coaching fixtures and decision-rule examples (each ×${setOptions.exampleWeight ?? 10}) as one source, MRDA as another`,
    fit: (core, data) => core.fitOpenModel(base, CODES, trainingSet(data, setOptions), { exclude: ['word:', 'first'], ...fitOptions }),
  };
}

export const RECIPES = {
  // Round 6 (cfbt-default@4): the turn, the previous turn's words, cues and context.
  'open-a': openRecipe({ sourceWeights: { mrda: 1 }, exclude: ['word:', 'first', 'n:', 'no:'] }),
  // Round 7 (cfbt-default@5): and the words of the next turn by another speaker.
  'open-next': openRecipe({ sourceWeights: { mrda: 1 } }),
  'open-next-mrda-half': openRecipe({ sourceWeights: { mrda: 0.5 } }),
  'open-next-l2-high': openRecipe({ sourceWeights: { mrda: 1 }, l2: 3e-3 }),
};
export const DEFAULT_RECIPE = 'open-next';
