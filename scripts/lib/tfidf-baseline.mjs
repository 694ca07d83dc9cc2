// The plain baseline every number is printed beside: TF-IDF over word 1–2-grams of the turn and
// word unigrams of the previous turn by another speaker, one L2-regularised logistic regression
// per code (trained only on turns scored for it), threshold 0.5. Deliberately simple; it lives in
// the scripts, not in the product.
const WORD = /[\p{L}\p{N}']+/gu;

function terms(turns, i) {
  const t = turns[i];
  const w = (t.text.toLowerCase().match(WORD) ?? []);
  const out = new Set();
  for (let j = 0; j < w.length; j++) {
    out.add(`w:${w[j]}`);
    if (j + 1 < w.length) out.add(`b:${w[j]} ${w[j + 1]}`);
  }
  let p = i - 1;
  while (p >= 0 && turns[p].speaker === t.speaker) p--;
  if (p >= 0) for (const x of turns[p].text.toLowerCase().match(WORD) ?? []) out.add(`p:${x}`);
  return out;
}

/** Fits the baseline to conversations ({turns with humanCodes, scored}); returns {score(conversation)}. */
export function fitTfidf(conversations, codes, { minDf = 2, l2 = 1e-4, epochs = 8, lr = 0.5 } = {}) {
  // Each source's turns together weigh as much as the first source's (a large corpus does not
  // drown the coaching data), as in the recipes; a conversation's own weight multiplies in.
  const docs = [];
  const totals = new Map();
  for (const c of conversations) totals.set(c.source, (totals.get(c.source) ?? 0) + c.turns.filter((t) => t.humanCodes).length * (c.weight ?? 1));
  const first = totals.get(conversations[0]?.source) ?? 1;
  for (const c of conversations) {
    const weight = ((c.weight ?? 1) * first) / totals.get(c.source);
    c.turns.forEach((t, i) => t.humanCodes && docs.push({ terms: terms(c.turns, i), y: new Set(t.humanCodes), scored: t.scored ?? c.scored ?? codes, weight }));
  }
  const meanWeight = docs.reduce((s, d) => s + d.weight, 0) / Math.max(1, docs.length);
  const df = new Map();
  for (const d of docs) for (const t of d.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = new Map();
  for (const [t, n] of df) if (n >= minDf) vocab.set(t, vocab.size);
  const idf = new Float64Array(vocab.size);
  for (const [t, j] of vocab) idf[j] = Math.log((1 + docs.length) / (1 + df.get(t))) + 1;
  const vec = (set) => {
    const idx = [];
    for (const t of set) {
      const j = vocab.get(t);
      if (j !== undefined) idx.push(j);
    }
    const norm = Math.sqrt(idx.reduce((s, j) => s + idf[j] ** 2, 0)) || 1;
    return idx.map((j) => [j, idf[j] / norm]);
  };
  const X = docs.map((d) => vec(d.terms));
  const models = {};
  for (const code of codes) {
    const rows = docs.map((d, i) => (d.scored.includes(code) ? i : -1)).filter((i) => i >= 0);
    const w = new Float64Array(vocab.size);
    let b = 0;
    // Deterministic order shuffle (fixed stride) for SGD.
    for (let e = 0; e < epochs; e++) {
      const step = lr / (1 + e);
      for (let k = 0; k < rows.length; k++) {
        const i = rows[(k * 7919) % rows.length];
        let z = b;
        for (const [j, x] of X[i]) z += w[j] * x;
        const err = ((1 / (1 + Math.exp(-z)) - (docs[i].y.has(code) ? 1 : 0)) * docs[i].weight) / meanWeight;
        b -= step * err;
        for (const [j, x] of X[i]) w[j] -= step * (err * x + l2 * w[j]);
      }
    }
    models[code] = { w, b };
  }
  return {
    score(conversation) {
      return conversation.turns.flatMap((t, i) => {
        if (!t.humanCodes) return [];
        const x = vec(terms(conversation.turns, i));
        const machine = new Set();
        for (const code of codes) {
          const { w, b } = models[code];
          let z = b;
          for (const [j, v] of x) z += w[j] * v;
          if (z >= 0) machine.add(code);
        }
        return [{ scored: t.scored ?? conversation.scored ?? codes, human: new Set(t.humanCodes), machine }];
      });
    },
  };
}
