#!/usr/bin/env node
// pnpm validate:recipe — how a recipe for the default model generalises, measured only on data it
// may be chosen by (never the held-out fixtures, coaching-authors or talkmoves):
//  - leave one author out over the coaching fixtures of the tuning part (and any further authors'
//    conversations in it): each author's conversations are coded by a model fitted to everyone
//    else's (plus the codebook's examples and the MRDA training meetings), codes pooled;
//  - leave one source out: the MRDA measuring meetings (Bed*) coded by a model fitted without any
//    MRDA (zero-shot, as on a corpus we have never seen), and with the MRDA training meetings.
// Prints per-code kappa for the recipe and a plain TF-IDF + logistic-regression baseline trained on
// the same data. Usage: node scripts/validate-recipe.mjs [--recipe a,b] [--parts tune,next] [--quick]
// [--no-baseline]. --quick fits to every fourth MRDA training meeting and leaves out the MRDA
// Bed* rows: about four times faster, for comparing recipes with one another; instead it codes
// another fourth of the MRDA training meetings zero-shot (a model fitted without MRDA), and with a
// model fitted with the first fourth.
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
// --parts tune,next: the fixture parts whose authors are left out in turn (default: tune).
const fixtures = (arg('--parts') ?? 'tune').split(',').flatMap((part) => loadFixtures(part)).map(analyse);
const examples = loadExamples(core).map(analyse);
const quick = process.argv.includes('--quick');
const mrdaTrain = (loadMrda(core, 'train') ?? []).filter((_, i) => !quick || i % 4 === 0).map(analyse);
const mrdaMeasure = quick ? [] : (loadMrda(core, 'measure') ?? []).map(analyse);
// --quick: the MRDA training meetings it does not fit to (every fourth, from the second) coded by a
// model fitted without MRDA: a zero-shot check on real talk that the recipes may be chosen by.
const mrdaUnseen = quick ? (loadMrda(core, 'train') ?? []).filter((_, i) => i % 4 === 1) : [];
console.error(`loaded in ${Date.now() - t0} ms: ${fixtures.length} fixtures, ${mrdaTrain.length}+${mrdaMeasure.length} MRDA meetings`);

/** Items recoded at the per-code threshold that fits their own scores best (an upper bound, for comparing recipes). */
function atPooledThresholds(items) {
  return atThresholdsOf(items, items);
}
/** `items` recoded at the per-code thresholds that fit the scores of `from` best (as the default model's are chosen). */
function atThresholdsOf(from, items) {
  const thresholds = Object.fromEntries(CODES.map((code) => {
    const its = from.filter((x) => x.scored.includes(code));
    return [code, core.chooseThreshold(its.map((x) => ({ score: x.scores[code] ?? 0, human: x.human.has(code) })))];
  }));
  return items.map((x) => ({ ...x, machine: new Set(CODES.filter((c) => (x.scores[c] ?? 0) >= thresholds[c])) }));
}

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
    for (const c of fixtures.filter((x) => x.author === author)) pooled.push(...scoreModel(model, c).map((x) => ({ ...x, author })));
  }
  rows.push([`${name}: fixtures, leave one author out`, kappaTable(pooled, CODES)]);
  rows.push([`${name}: the same, at thresholds chosen on these scores (optimistic)`, kappaTable(atPooledThresholds(pooled), CODES)]);
  const count = (items, code, side) => items.filter((x) => x.scored.includes(code) && x[side].has(code)).length;
  console.error(`${name}, pooled leave-one-author-out: ${CODES.map((c) => `${c} ${count(pooled, c, 'human')} coded, ${count(pooled, c, 'machine')} predicted`).join('; ')}`);
  for (const author of authors) {
    const own = pooled.filter((x) => x.author === author);
    rows.push([`  ${name}: author ${author} left out (${own.length} turns)`, kappaTable(own, CODES)]);
  }
  // Leave one source out (MRDA): the recipe fitted without any MRDA, and with the MRDA it fits to.
  if (mrdaUnseen.length || mrdaMeasure.length) {
    const zero = fit({ coaching: fixtures, examples, mrda: [] });
    const withMrda = fit({ coaching: fixtures, examples, mrda: mrdaTrain });
    if (mrdaUnseen.length) {
      const items = mrdaUnseen.flatMap((c) => scoreModel(zero, c));
      rows.push([`${name}: MRDA training meetings not fitted (${mrdaUnseen.length}), fitted without MRDA, thresholds chosen on the leave-one-author-out scores`, kappaTable(atThresholdsOf(pooled, items), CODES)]);
      // The same meetings coded by a model fitted with the quick MRDA part: how much of MRDA's
      // coding a recipe lets into the model it ships (where the codebook and MRDA agree).
      const seen = mrdaUnseen.flatMap((c) => scoreModel(withMrda, c));
      rows.push([`${name}: the same meetings, fitted with the other quarter of MRDA's training meetings, at the same thresholds`, kappaTable(atThresholdsOf(pooled, seen), CODES)]);
    }
    if (mrdaMeasure.length) {
      rows.push([`${name}: MRDA Bed*, fitted without MRDA`, kappaTable(mrdaMeasure.flatMap((c) => scoreModel(zero, c)), CODES)]);
      rows.push([`${name}: MRDA Bed*, fitted with MRDA train`, kappaTable(mrdaMeasure.flatMap((c) => scoreModel(withMrda, c)), CODES)]);
    }
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
  if (mrdaUnseen.length || mrdaMeasure.length) {
    const zero = fitTfidf(baselineSet(fixtures, []), CODES);
    const withMrda = fitTfidf(baselineSet(fixtures, mrdaTrain), CODES);
    if (mrdaUnseen.length) {
      rows.push([`TF-IDF+LR: MRDA training meetings not fitted (${mrdaUnseen.length}), fitted without MRDA`, kappaTable(mrdaUnseen.flatMap((c) => zero.score(c)), CODES)]);
      rows.push([`TF-IDF+LR: the same meetings, fitted with the other quarter of MRDA's training meetings`, kappaTable(mrdaUnseen.flatMap((c) => withMrda.score(c)), CODES)]);
    }
    if (mrdaMeasure.length) {
      rows.push(['TF-IDF+LR: MRDA Bed*, fitted without MRDA', kappaTable(mrdaMeasure.flatMap((c) => zero.score(c)), CODES)]);
      rows.push(['TF-IDF+LR: MRDA Bed*, fitted with MRDA train', kappaTable(mrdaMeasure.flatMap((c) => withMrda.score(c)), CODES)]);
    }
  }
}
console.log(`| data, model | ${CODES.join(' | ')} | macro |`);
console.log(`|---|${CODES.map(() => '---:|').join('')}---:|`);
for (const [label, t] of rows) console.log(`| ${label} | ${CODES.map((c) => t.perCode[c] ?? '–').join(' | ')} | ${t.macro} |`);
