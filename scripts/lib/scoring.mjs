// Scoring helpers of the quality scripts: code a conversation with a model and pool the turns,
// then Cohen's kappa per code over the turns scored for it.

let core;
export function useCore(c) {
  core = c;
}

/** Codes a conversation (its turns with `humanCodes`) with a model; one item per coded turn. */
const classifiers = new WeakMap();
export function scoreModel(model, conversation) {
  let classifier = classifiers.get(model);
  if (!classifier) classifiers.set(model, (classifier = core.createClassifier({ model })));
  const coded = classifier.classify(conversation.turns);
  const scored = conversation.scored ?? [];
  return coded.flatMap((t, i) => {
    const human = conversation.turns[i].humanCodes;
    return human ? [{ scored: conversation.turns[i].scored ?? scored, human: new Set(human), machine: new Set(t.codes), scores: t.scores }] : [];
  });
}

/** The confusion of one code over pooled items (only those scored for it), by core's countConfusion. */
export function confusionOf(items, code) {
  const its = items.filter((x) => x.scored.includes(code));
  return core.countConfusion(its.map((x) => x.human.has(code)), its.map((x) => x.machine.has(code)));
}

/** Per-code kappa (over the items scored for the code) and their mean, formatted to 2 places. */
export function kappaTable(items, codes) {
  const perCode = {};
  const values = [];
  for (const code of codes) {
    if (!items.some((x) => x.scored.includes(code))) continue;
    const k = core.kappaFromConfusion(confusionOf(items, code)).kappa ?? NaN;
    perCode[code] = k.toFixed(2);
    values.push(k);
  }
  const mean = values.reduce((s, k) => s + k, 0) / values.length;
  return { perCode, macro: mean.toFixed(3), values: perCode, mean };
}
