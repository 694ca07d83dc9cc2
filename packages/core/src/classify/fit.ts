import type { Turn } from '../model/turn.js';
import { own } from '../model/dict.js';
import type { TurnAnalysis } from './features.js';
import type { CodeWeights, Model } from './model.js';

/** Options of fitting a model to human-coded turns. */
export interface FitOptions {
  /** Passes over the data (default 300). */
  epochs?: number;
  /** Step size of the Adam updates (default 0.05). */
  learningRate?: number;
  /** Pull of each weight the prior model sets towards its prior value (L2, default 0.01). */
  prior?: number;
  /** Pull towards 0 of the weights of features the prior does not weigh (L2, default: `prior`). */
  priorNew?: number;
  /** Keep each code's bias at the prior's value instead of fitting it (default false). */
  keepBias?: boolean;
  /** Keep the weights the prior sets, and fit only the features it does not weigh (default false). */
  keepPrior?: boolean;
  /**
   * Hold what the features the prior does not weigh add to a fitted code's logit within ±`clip`
   * (the model's `clipped` weights), so they tip borderline turns but never outweigh the prior's
   * cues (default: no limit, or the prior's own).
   */
  clip?: number;
  /** Codes to fit; the others keep the prior's weights (default: every code). */
  codes?: readonly string[];
  /** A feature the prior does not weigh gets a weight only if at least this many turns have it (default 2). */
  minCount?: number;
  /** `id` of the fitted model (default: the prior's id with `-fitted`). */
  id?: string;
  /** Provenance written to the model's `trainedOn` (default: the number of turns). */
  trainedOn?: string;
}

/** The defaults of {@link FitOptions}, for tools that document them. */
export const FIT_DEFAULTS = { epochs: 300, learningRate: 0.05, prior: 0.01, minCount: 2 } as const;

/** A conversation with its analysed turns. */
export interface FitConversation {
  turns: readonly Turn[];
  analyses: readonly TurnAnalysis[];
}

interface Row {
  /** Feature indices and values. */
  x: [number, number][];
  y: ReadonlySet<string>;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Fits logistic weights per code, starting from the prior model's weights and pulled towards
 * them (L2), so a small coded corpus adjusts the prior rather than replacing it. Features the
 * prior does not weigh (lexical `word:` features, for example) start at 0 and are pulled
 * towards 0. Full-batch Adam; deterministic. Only turns with `humanCodes` are used.
 */
export function fitModel(prior: Model, codes: readonly string[], data: readonly FitConversation[], options: FitOptions = {}): Model {
  const epochs = options.epochs ?? FIT_DEFAULTS.epochs;
  const lr = options.learningRate ?? FIT_DEFAULTS.learningRate;
  const l2 = options.prior ?? FIT_DEFAULTS.prior;
  const l2New = options.priorNew ?? l2;
  const minCount = options.minCount ?? FIT_DEFAULTS.minCount;
  const toFit = new Set(options.codes ?? codes);

  // Feature index: the prior's features, and others seen in at least `minCount` turns.
  const counts = new Map<string, number>();
  for (const c of data) {
    c.turns.forEach((t, i) => {
      const a = c.analyses[i];
      if (t.humanCodes && a) for (const k of a.features.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
    });
  }
  const names: string[] = [];
  const index = new Map<string, number>();
  const add = (k: string): void => {
    if (!index.has(k)) index.set(k, names.push(k) - 1);
  };
  for (const code of codes) {
    const w = own(prior.codes, code);
    for (const k of [...Object.keys(w?.weights ?? {}), ...Object.keys(w?.clipped?.weights ?? {})]) add(k);
  }
  for (const [k, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) if (n >= minCount) add(k);

  const rows: Row[] = [];
  for (const c of data) {
    c.turns.forEach((t, i) => {
      const a = c.analyses[i];
      if (!t.humanCodes || !a) return;
      const x: [number, number][] = [];
      for (const [k, h] of a.features) {
        const j = index.get(k);
        if (j !== undefined) x.push([j, h.value]);
      }
      rows.push({ x, y: new Set(t.humanCodes) });
    });
  }

  const out: Record<string, CodeWeights> = {};
  for (const code of codes) {
    const p = own(prior.codes, code) ?? { bias: -3, weights: {} };
    if (!toFit.has(code) || rows.length === 0) {
      if (own(prior.codes, code)) out[code] = p;
      continue;
    }
    const d = names.length;
    const limit = options.clip ?? p.clipped?.limit ?? Infinity;
    const p0 = Float64Array.from(names, (k) => p.weights[k] ?? p.clipped?.weights[k] ?? 0);
    const pull = Float64Array.from(names, (k) => (k in p.weights ? l2 : l2New));
    const fixed = names.map((k) => options.keepPrior === true && k in p.weights);
    const clipped = names.map((k) => limit !== Infinity && !(k in p.weights));
    const w = Float64Array.from(p0);
    const m = new Float64Array(d + 1);
    const v = new Float64Array(d + 1);
    const g = new Float64Array(d + 1);
    let bias = p.bias;
    const n = rows.length;
    for (let e = 1; e <= epochs; e++) {
      g.fill(0);
      for (const r of rows) {
        // The clipped sum passes no gradient to its features while it is at the limit.
        let z = bias;
        let adjust = 0;
        for (const [j, x] of r.x) {
          if (clipped[j]) adjust += (w[j] as number) * x;
          else z += (w[j] as number) * x;
        }
        const open = Math.abs(adjust) < limit;
        z += open ? adjust : Math.sign(adjust) * limit;
        const err = 1 / (1 + Math.exp(-z)) - (r.y.has(code) ? 1 : 0);
        g[d] = (g[d] as number) + err;
        for (const [j, x] of r.x) if (open || !clipped[j]) g[j] = (g[j] as number) + err * x;
      }
      const b1 = 1 - 0.9 ** e;
      const b2 = 1 - 0.999 ** e;
      for (let j = 0; j <= d; j++) {
        if (j === d ? options.keepBias : fixed[j]) continue;
        const gj = (g[j] as number) / n + (j < d ? (pull[j] as number) * ((w[j] as number) - (p0[j] as number)) : 0);
        m[j] = 0.9 * (m[j] as number) + 0.1 * gj;
        v[j] = 0.999 * (v[j] as number) + 0.001 * gj * gj;
        const step = (lr * ((m[j] as number) / b1)) / (Math.sqrt((v[j] as number) / b2) + 1e-8);
        if (j === d) bias -= step;
        else w[j] = (w[j] as number) - step;
      }
    }
    const weights: Record<string, number> = {};
    const adjustments: Record<string, number> = {};
    names.forEach((k, j) => {
      const x = round2(w[j] as number);
      // A weight the prior sets stays listed even at 0 (so a later fit still treats it as the prior's).
      if (x !== 0 || k in p.weights) (clipped[j] ? adjustments : weights)[k] = x;
    });
    out[code] = {
      bias: round2(bias),
      weights,
      ...(p.threshold !== undefined ? { threshold: p.threshold } : {}),
      ...(limit !== Infinity ? { clipped: { limit, weights: adjustments } } : {}),
    };
  }
  return { ...prior, id: options.id ?? `${prior.id}-fitted`, codes: out, trainedOn: options.trainedOn ?? `${rows.length} human-coded turns` };
}
