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

/** Cohen's kappa of two binary codings (arrays of 0/1). */
export function kappa(a, b) {
  const n = a.length;
  if (n === 0) return NaN;
  let both = 0, onlyA = 0, onlyB = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] && b[i]) both++;
    else if (a[i]) onlyA++;
    else if (b[i]) onlyB++;
  }
  const neither = n - both - onlyA - onlyB;
  const po = (both + neither) / n;
  const pa = (both + onlyA) / n;
  const pb = (both + onlyB) / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return pe === 1 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
}

/** Per-code kappa (over the items scored for the code) and their mean, formatted to 2 places. */
export function kappaTable(items, codes) {
  const perCode = {};
  const values = [];
  for (const code of codes) {
    const its = items.filter((x) => x.scored.includes(code));
    if (its.length === 0) continue;
    const k = kappa(its.map((x) => (x.human.has(code) ? 1 : 0)), its.map((x) => (x.machine.has(code) ? 1 : 0)));
    perCode[code] = k.toFixed(2);
    values.push(k);
  }
  const mean = values.reduce((s, k) => s + k, 0) / values.length;
  return { perCode, macro: mean.toFixed(3), values: perCode, mean };
}
