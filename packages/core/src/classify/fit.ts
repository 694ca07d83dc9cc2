import type { Turn } from '../model/turn.js';
import type { TurnAnalysis } from './features.js';
import type { CodeWeights, Model } from './model.js';

/** Options of fitting a model to human-coded turns. */
export interface FitOptions {
  /** Passes over the data (default 300). */
  epochs?: number;
  /** Step size (default 0.1). */
  learningRate?: number;
  /** Pull of each weight towards its prior value (L2, default 0.05). */
  prior?: number;
  /** `id` of the fitted model (default: the prior's id with `-fitted`). */
  id?: string;
}

/** A conversation with its analysed turns. */
export interface FitConversation {
  turns: readonly Turn[];
  analyses: readonly TurnAnalysis[];
}

/**
 * Fits logistic weights per code by full-batch gradient descent, starting from (and pulled
 * towards) the prior model's weights, so a small coded corpus adjusts the hand-set weights
 * rather than replacing them. Only turns with `humanCodes` are used.
 */
export function fitModel(prior: Model, codes: readonly string[], data: readonly FitConversation[], options: FitOptions = {}): Model {
  const epochs = options.epochs ?? 300;
  const lr = options.learningRate ?? 0.1;
  const l2 = options.prior ?? 0.05;
  const rows: { x: [string, number][]; y: Set<string> }[] = [];
  for (const c of data) {
    c.turns.forEach((t, i) => {
      if (!t.humanCodes) return;
      const a = c.analyses[i];
      if (!a) return;
      rows.push({ x: [...a.features].map(([k, h]) => [k, h.value]), y: new Set(t.humanCodes) });
    });
  }
  const out: Record<string, CodeWeights> = {};
  for (const code of codes) {
    const p = prior.codes[code] ?? { bias: -3, weights: {} };
    const w = new Map<string, number>(Object.entries(p.weights));
    let bias = p.bias;
    for (const r of rows) for (const [k] of r.x) if (!w.has(k)) w.set(k, 0);
    const n = Math.max(rows.length, 1);
    for (let e = 0; e < epochs; e++) {
      const grad = new Map<string, number>();
      let gb = 0;
      for (const r of rows) {
        let z = bias;
        for (const [k, v] of r.x) z += (w.get(k) ?? 0) * v;
        const err = 1 / (1 + Math.exp(-z)) - (r.y.has(code) ? 1 : 0);
        gb += err;
        for (const [k, v] of r.x) grad.set(k, (grad.get(k) ?? 0) + err * v);
      }
      bias -= (lr * gb) / n;
      for (const [k, value] of w) {
        const g = (grad.get(k) ?? 0) / n + l2 * (value - (p.weights[k] ?? 0));
        w.set(k, value - lr * g * 10);
      }
    }
    const weights: Record<string, number> = {};
    for (const [k, v] of [...w].sort(([a], [b]) => a.localeCompare(b))) if (Math.abs(v) >= 0.01) weights[k] = Math.round(v * 100) / 100;
    out[code] = { bias: Math.round(bias * 100) / 100, weights, ...(p.threshold !== undefined ? { threshold: p.threshold } : {}) };
  }
  return { ...prior, id: options.id ?? `${prior.id}-fitted`, codes: out, trainedOn: `${rows.length} human-coded turns` };
}
