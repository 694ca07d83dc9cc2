#!/usr/bin/env node
// pnpm validate:recipe — how a recipe for the default model generalises, measured only on data it
// may be chosen by (never the held-out fixtures, coaching-authors or talkmoves):
//  - leave one author out over the coaching fixtures of the tuning part (and any further authors'
//    conversations in it): each author's conversations are coded by a model fitted to everyone
//    else's (plus the codebook's examples and the MRDA training meetings), codes pooled;
//  - leave one source out: the MRDA measuring meetings (Bed*) coded by a model fitted without any
//    MRDA (zero-shot, as on a corpus we have never seen), and with the MRDA training meetings.
// Prints per-code kappa for the recipe and a plain TF-IDF + logistic-regression baseline trained on
// the same data. Usage: node scripts/validate-recipe.mjs [--recipe name] [--quick]
import { CODES, flagValue, loadCore, loadExamples, loadFixtures, loadMrda } from './lib/training-data.mjs';
import { RECIPES } from './lib/recipes.mjs';
import { fitTfidf } from './lib/tfidf-baseline.mjs';
import { kappaTable, scoreModel, useCore } from './lib/scoring.mjs';

const core = await loadCore();
useCore(core);
const arg = flagValue;
const recipeNames = (arg('--recipe') ?? Object.keys(RECIPES).join(',')).split(',');
const baseline = !process.argv.includes('--no-baseline');

const t0 = Date.now();
const analyse = (c) => ({ ...c, analyses: core.analyzeForFit(c.turns) });
const fixtures = loadFixtures('tune').map(analyse);
const examples = loadExamples(core).map(analyse);
const mrdaTrain = (loadMrda(core, 'train') ?? []).map(analyse);
const mrdaMeasure = (loadMrda(core, 'measure') ?? []).map(analyse);
console.error(`loaded in ${Date.now() - t0} ms: ${fixtures.length} fixtures, ${mrdaTrain.length}+${mrdaMeasure.length} MRDA meetings`);

const authors = [...new Set(fixtures.map((c) => c.author))];
const rows = [];
for (const name of recipeNames) {
  const recipe = RECIPES[name];
  const fit = (data) => recipe.fit(core, data);
  // Leave one author out.
  const pooled = [];
  for (const author of authors) {
    const train = fixtures.filter((c) => c.author !== author);
    const model = fit({ coaching: train, examples, mrda: mrdaTrain });
    for (const c of fixtures.filter((x) => x.author === author)) pooled.push(...scoreModel(model, c));
  }
  rows.push([`${name}: fixtures, leave one author out`, kappaTable(pooled, CODES)]);
  // Leave one source out (MRDA).
  if (mrdaMeasure.length) {
    const zero = fit({ coaching: fixtures, examples, mrda: [] });
    rows.push([`${name}: MRDA Bed*, fitted without MRDA`, kappaTable(mrdaMeasure.flatMap((c) => scoreModel(zero, c)), CODES)]);
    const withMrda = fit({ coaching: fixtures, examples, mrda: mrdaTrain });
    rows.push([`${name}: MRDA Bed*, fitted with MRDA train`, kappaTable(mrdaMeasure.flatMap((c) => scoreModel(withMrda, c)), CODES)]);
  }
  console.error(`${name}: ${Date.now() - t0} ms`);
}
/** The baseline's training data: the same conversations and weights as the recipes'. */
const baselineSet = (coaching, mrda) => [
  ...coaching.map((c) => ({ ...c, source: 'coaching' })),
  ...examples.map((c) => ({ ...c, source: 'coaching', weight: 10 })),
  ...mrda.map((c) => ({ ...c, source: 'mrda' })),
];
if (baseline) {
  const pooled = [];
  for (const author of authors) {
    const model = fitTfidf(baselineSet(fixtures.filter((c) => c.author !== author), mrdaTrain), CODES);
    for (const c of fixtures.filter((x) => x.author === author)) pooled.push(...model.score(c));
  }
  rows.push(['TF-IDF+LR: fixtures, leave one author out', kappaTable(pooled, CODES)]);
  if (mrdaMeasure.length) {
    const zero = fitTfidf(baselineSet(fixtures, []), CODES);
    rows.push(['TF-IDF+LR: MRDA Bed*, fitted without MRDA', kappaTable(mrdaMeasure.flatMap((c) => zero.score(c)), CODES)]);
    const withMrda = fitTfidf(baselineSet(fixtures, mrdaTrain), CODES);
    rows.push(['TF-IDF+LR: MRDA Bed*, fitted with MRDA train', kappaTable(mrdaMeasure.flatMap((c) => withMrda.score(c)), CODES)]);
  }
}
console.log(`| data, model | ${CODES.join(' | ')} | macro |`);
console.log(`|---|${CODES.map(() => '---:|').join('')}---:|`);
for (const [label, t] of rows) console.log(`| ${label} | ${CODES.map((c) => t.perCode[c] ?? '–').join(' | ')} | ${t.macro} |`);
