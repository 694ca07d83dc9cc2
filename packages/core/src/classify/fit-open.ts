import type { Turn } from '../model/turn.js';
import { own } from '../model/dict.js';
import type { TurnAnalysis } from './features.js';
import type { CodeWeights, Model } from './model.js';
import { isDerived } from './features.js';
import { isOpenFeature } from './open-features.js';

/**
 * Human-coded training data for {@link fitOpenModel}: one conversation, where it comes from, and
 * which codes its coders considered.
 */
export interface OpenTrainingConversation {
  /** The turns; only turns with `humanCodes` are learnt from. */
  turns: readonly Turn[];
  /** Where the conversation comes from (`fixtures`, `mrda`, a researcher's corpus…): sources are weighted and get their own bias. */
  source: string;
  /**
   * The unit that counts for the vocabulary rule (a word is learnt only if it occurs in at least
   * `minConversations` different groups): the conversation, or a larger unit.
   */
  group: string;
  /** Codes the coders considered; a code learns only from turns scored for it (default: every code). */
  scored?: readonly string[];
  /** Weight of each of its turns (default 1), multiplied by its source's weight. */
  weight?: number;
}

/** Options of {@link fitOpenModel}. */
export interface OpenFitOptions {
  /** L2 penalty on every weight, per unit of training weight (default 1e-3). */
  l2?: number;
  /** Passes over the data (default 150). */
  epochs?: number;
  /** Adam step size (default 0.05). */
  learningRate?: number;
  /** Words and word pairs are learnt only if they occur in at least this many groups (default 3). */
  minConversations?: number;
  /**
   * Total weight of each source relative to the first source given (the coaching data): a
   * source of 40,000 turns with weight 1 counts as much as the first source's turns together.
   * Default: each source's turns count 1 each.
   */
  sourceWeights?: Readonly<Record<string, number>>;
  /**
   * Give every source other than `primary` its own copy of each feature (and its own bias), learnt
   * alongside the shared weights and left out of the model: what is peculiar to a corpus's coding
   * goes there, what the sources share stays (Daumé's feature augmentation). `'bias'`: only a
   * bias of their own, so every source's turns shape the shared weights and a source's own base
   * rate of a code goes into its bias. Default true.
   */
  adapt?: boolean | 'bias';
  /** The source whose coding the model follows where sources disagree (default: the first source given). */
  primary?: string;
  /** Per-code thresholds (default 0.5 for every code). */
  thresholds?: Readonly<Record<string, number>>;
  /** Features never learnt (by prefix), e.g. `['word:', 'first']`. */
  exclude?: readonly string[];
  /** Words and word pairs are learnt only if at least this many training turns have them (default 5). */
  minTurns?: number;
  /** Learn at most this many open-vocabulary features, the most frequent (default 30,000). */
  maxVocabulary?: number;
  /**
   * A model to start from (transfer): its weights and biases are the starting point and L2 pulls
   * towards them rather than towards 0 (biases too, which are otherwise free), and codes not in
   * `fit` keep its weights as they are.
   */
  prior?: Model;
  /** Codes to fit (default: all `codes`); with a prior, the others keep the prior's weights. */
  fit?: readonly string[];
  /**
   * Learn, beside each cue and context feature's weight, one per role (`coach|cue:why-question`):
   * what a feature says in a coach's turn and in a coachee's may differ (a question, a bare "yes").
   * The classifier adds a turn's role's weight to the feature's own. Default false.
   */
  roleWeights?: boolean;
}

/** The defaults of {@link OpenFitOptions}. */
export const OPEN_FIT_DEFAULTS = { l2: 1e-3, epochs: 150, learningRate: 0.05, minConversations: 3, minTurns: 5, maxVocabulary: 30_000 } as const;

/** A conversation with its turns' features, as the fit sees it. */
export interface AnalysedTrainingConversation extends OpenTrainingConversation {
  analyses: readonly TurnAnalysis[];
}

interface Rows {
  /** CSR: features of row r are idx[ptr[r]..ptr[r+1]). */
  ptr: Int32Array;
  idx: Int32Array;
  val: Float32Array;
  /** Per row and code: 1 positive, 0 negative, -1 not scored. */
  y: Int8Array;
  w: Float64Array;
  n: number;
}

/**
 * Fits a multi-label linear model (one logistic output per code) from scratch over cue, context
 * and open-vocabulary features. Deterministic full-batch Adam with L2; sources are weighted and,
 * with `adapt`, get feature copies of their own that are learnt but not kept.
 */
export function fitOpenModel(base: Pick<Model, 'id' | 'version' | 'codebook'>, codes: readonly string[], data: readonly AnalysedTrainingConversation[], options: OpenFitOptions = {}): Model {
  const l2 = options.l2 ?? OPEN_FIT_DEFAULTS.l2;
  const epochs = options.epochs ?? OPEN_FIT_DEFAULTS.epochs;
  const lr = options.learningRate ?? OPEN_FIT_DEFAULTS.learningRate;
  const minGroups = options.minConversations ?? OPEN_FIT_DEFAULTS.minConversations;
  const exclude = options.exclude ?? [];
  const primary = options.primary ?? data[0]?.source ?? '';
  const adapt = options.adapt ?? true;
  const K = codes.length;

  // 1. Vocabulary: features with no transcript words are kept; words and word pairs only when
  //    they occur in enough different groups.
  const minTurns = options.minTurns ?? OPEN_FIT_DEFAULTS.minTurns;
  const maxVocabulary = options.maxVocabulary ?? OPEN_FIT_DEFAULTS.maxVocabulary;
  const groupsOf = new Map<string, Set<string>>();
  const turnsWith = new Map<string, number>();
  const byRole = options.roleWeights ?? false;
  const roleNames = new Set<string>();
  for (const c of data) {
    c.turns.forEach((t, i) => {
      const a = c.analyses[i];
      if (!t.humanCodes || !a) return;
      if (byRole) for (const k of a.features.keys()) if (crossesRole(k)) roleNames.add(roleFeature(t.role, k));
      for (const k of a.features.keys()) {
        turnsWith.set(k, (turnsWith.get(k) ?? 0) + 1);
        let g = groupsOf.get(k);
        if (!g) groupsOf.set(k, (g = new Set()));
        if (g.size < minGroups) g.add(c.group);
      }
    });
  }
  const closed: string[] = [];
  const open: string[] = [];
  for (const [k, g] of groupsOf) {
    if (exclude.some((p) => k.startsWith(p))) continue;
    if (!isOpenFeature(k)) closed.push(k);
    else if (g.size >= minGroups && (turnsWith.get(k) ?? 0) >= minTurns) open.push(k);
  }
  for (const k of roleNames) if (!exclude.some((p) => k.slice(k.indexOf(ROLE_SEPARATOR) + 1).startsWith(p))) closed.push(k);
  open.sort((a, b) => (turnsWith.get(b) ?? 0) - (turnsWith.get(a) ?? 0) || (a < b ? -1 : 1));
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const prior = options.prior;
  const toFit = new Set(options.fit ?? codes);
  const priorNames = new Set<string>();
  for (const code of codes) if (toFit.has(code)) for (const k of Object.keys(own(prior?.codes, code)?.weights ?? {})) priorNames.add(k);
  const names = [...new Set([...closed, ...open.slice(0, maxVocabulary), ...priorNames])].sort(byName);
  const D = names.length;
  const index = new Map(names.map((k, j) => [k, j]));
  const sources = [...new Set(data.map((c) => c.source))];
  const others = adapt ? sources.filter((s) => s !== primary) : [];
  // Parameter layout: [shared D | copy for others[0] D | …], then the biases (shared, then one per other source).
  const copies = adapt === 'bias' ? 0 : others.length;
  const P = D * (1 + copies);
  const biasAt = (s: number): number => P + s;
  const total = P + 1 + (adapt ? others.length : 0);

  // 2. Rows, with each source's weight spread over its turns.
  const turnsOf = new Map<string, number>();
  for (const c of data) turnsOf.set(c.source, (turnsOf.get(c.source) ?? 0) + c.turns.filter((t) => t.humanCodes).length * (c.weight ?? 1));
  const primaryTurns = turnsOf.get(sources[0] ?? '') ?? 1;
  const ptr: number[] = [0];
  const idx: number[] = [];
  const val: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (const c of data) {
    const sw = options.sourceWeights?.[c.source];
    const scale = sw === undefined ? 1 : (sw * primaryTurns) / (turnsOf.get(c.source) || 1);
    const copy = others.indexOf(c.source);
    const scored = new Set(c.scored ?? codes);
    c.turns.forEach((t, i) => {
      const a = c.analyses[i];
      if (!t.humanCodes || !a) return;
      for (const [k, h] of a.features) {
        const j = index.get(k);
        if (j === undefined) continue;
        const jr = byRole && crossesRole(k) ? index.get(roleFeature(t.role, k)) : undefined;
        for (const at of jr === undefined ? [j] : [j, jr]) {
          idx.push(at);
          val.push(h.value);
          if (copy >= 0 && copy < copies) {
            idx.push(D * (1 + copy) + at);
            val.push(h.value);
          }
        }
      }
      idx.push(biasAt(0));
      val.push(1);
      if (copy >= 0) {
        idx.push(biasAt(1 + copy));
        val.push(1);
      }
      ptr.push(idx.length);
      const human = new Set(t.humanCodes);
      for (const code of codes) y.push(scored.has(code) && toFit.has(code) ? (human.has(code) ? 1 : 0) : -1);
      w.push((c.weight ?? 1) * scale);
    });
  }
  const rows: Rows = { ptr: Int32Array.from(ptr), idx: Int32Array.from(idx), val: Float32Array.from(val), y: Int8Array.from(y), w: Float64Array.from(w), n: w.length };

  // 3. Full-batch Adam on the weighted log loss of every code at once, plus L2 (not on biases).
  const theta = new Float64Array(total * K);
  codes.forEach((code, k) => {
    const w = own(prior?.codes, code);
    if (!w) return;
    names.forEach((name, j) => {
      const x = w.weights[name];
      if (x !== undefined && Object.hasOwn(w.weights, name)) theta[j * K + k] = x;
    });
    theta[biasAt(0) * K + k] = w.bias;
  });
  // L2 pulls towards where the fit started: the prior's weights, or 0. Biases are free, except
  // when fitting from a prior: a few coded turns (a coding sheet of turns picked because the
  // model was unsure of them) must not move a code's base rate to theirs.
  const theta0 = Float64Array.from(theta);
  const pullBiases = prior !== undefined;
  const m = new Float64Array(total * K);
  const v = new Float64Array(total * K);
  const g = new Float64Array(total * K);
  const wsum = new Float64Array(K);
  for (let r = 0; r < rows.n; r++) for (let k = 0; k < K; k++) if ((rows.y[r * K + k] as number) >= 0) wsum[k] = (wsum[k] as number) + (rows.w[r] as number);
  const z = new Float64Array(K);
  for (let e = 1; e <= epochs; e++) {
    g.fill(0);
    for (let r = 0; r < rows.n; r++) {
      z.fill(0);
      const from = rows.ptr[r] as number;
      const to = rows.ptr[r + 1] as number;
      for (let q = from; q < to; q++) {
        const base = (rows.idx[q] as number) * K;
        const x = rows.val[q] as number;
        for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (theta[base + k] as number) * x;
      }
      const wr = rows.w[r] as number;
      for (let k = 0; k < K; k++) {
        const label = rows.y[r * K + k] as number;
        z[k] = label < 0 ? 0 : (wr * (1 / (1 + Math.exp(-(z[k] as number))) - label)) / (wsum[k] as number);
      }
      for (let q = from; q < to; q++) {
        const base = (rows.idx[q] as number) * K;
        const x = rows.val[q] as number;
        for (let k = 0; k < K; k++) g[base + k] = (g[base + k] as number) + (z[k] as number) * x;
      }
    }
    const b1 = 1 - 0.9 ** e;
    const b2 = 1 - 0.999 ** e;
    for (let p = 0; p < total * K; p++) {
      const gp = (g[p] as number) + (p < P * K || pullBiases ? l2 * ((theta[p] as number) - (theta0[p] as number)) : 0);
      m[p] = 0.9 * (m[p] as number) + 0.1 * gp;
      v[p] = 0.999 * (v[p] as number) + 0.001 * gp * gp;
      theta[p] = (theta[p] as number) - (lr * ((m[p] as number) / b1)) / (Math.sqrt((v[p] as number) / b2) + 1e-8);
    }
  }

  // 4. The shared weights only, rounded; the sources' own copies are dropped.
  const out: Record<string, CodeWeights> = {};
  codes.forEach((code, k) => {
    const kept0 = own(prior?.codes, code);
    if (!toFit.has(code)) {
      if (kept0) out[code] = kept0;
      return;
    }
    const kept = names.map((name, j) => [name, round3(theta[j * K + k] as number)] as const).filter(([, x]) => x !== 0);
    out[code] = { bias: round3(theta[biasAt(0) * K + k] as number), weights: Object.fromEntries(kept), threshold: options.thresholds?.[code] ?? kept0?.threshold ?? 0.5 };
  });
  return { format: 'coachcode-model', id: base.id, version: base.version, codebook: base.codebook, threshold: 0.5, features: 'open', codes: out };
}

/** Between a role and a feature's name in the name of the feature's weight for that role. */
export const ROLE_SEPARATOR = '|';

/** The name of a feature's weight for turns of one role: `coach|cue:why-question`. */
export function roleFeature(role: string, name: string): string {
  return `${role}${ROLE_SEPARATOR}${name}`;
}

/** Whether a feature gets weights per role when a fit asks for them: cue and context features, not words or the previous turn's features. */
function crossesRole(name: string): boolean {
  return !isOpenFeature(name) && !isDerived(name) && !name.includes(ROLE_SEPARATOR);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

