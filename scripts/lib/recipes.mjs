// Recipes for fitting the default model, compared by scripts/validate-recipe.mjs. The one the
// default model is fitted with is RECIPES[DEFAULT_RECIPE] (scripts/train-default-model.mjs).
const base = { id: 'cfbt-default', version: 4, codebook: 'cfbt@1' };
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
  return {
    describe: `logistic regression per code over cue, context and open-vocabulary features (fitOpenModel ${JSON.stringify(fitOptions)}); coaching fixtures and decision-rule examples (each ×${setOptions.exampleWeight ?? 10}) as one source, MRDA as another`,
    fit: (core, data) => core.fitOpenModel(base, CODES, trainingSet(data, setOptions), { exclude: ['word:', 'first'], ...fitOptions }),
  };
}

export const RECIPES = {
  'open-a': openRecipe({ sourceWeights: { mrda: 1 } }),
  'open-noadapt': openRecipe({ sourceWeights: { mrda: 1 }, adapt: false }),
  'open-mrda-half': openRecipe({ sourceWeights: { mrda: 0.5 } }),
  'open-mrda-2': openRecipe({ sourceWeights: { mrda: 2 } }),
};
export const DEFAULT_RECIPE = 'open-a';
