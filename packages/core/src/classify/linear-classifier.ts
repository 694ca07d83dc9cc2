import type { Codebook } from '../codebook/codebook.js';
import { own } from '../model/dict.js';
import { codebookTag, codeIds } from '../codebook/codebook.js';
import { cfbtCodebook } from '../codebook/cfbt.js';
import { CoachcodeError } from '../errors.js';
import { messages } from '../messages.js';
import { checkSchema } from '../model/schema.js';
import type { CodedTurn, Evidence, Turn } from '../model/turn.js';
import type { ClassifyOptions, TurnClassifier } from './classifier.js';
import { defaultModel } from './builtin-models.js';
import type { FeatureHit, TurnAnalysis, TurnContext } from './features.js';
import { extractFeatures, isDerived } from './features.js';
import { words } from '../language/index.js';
import { handModel } from './hand-model.js';
import { isOpenFeature, looksAhead, OpenScorer, OpenVocabulary, type OpenFeatureNames } from './open-features.js';
import type { Model } from './model.js';
import { ModelSchema, modelTag } from './model.js';
import { CompactModelSchema, expandModel, isCompactModel } from './compact-model.js';
import { fitModel, type FitOptions } from './fit.js';
import { fitOpenModel, ROLE_SEPARATOR, type OpenFitOptions } from './fit-open.js';
import { kappaFromConfusion } from '../agreement/cohen-kappa.js';
import { chooseThreshold, type HeldOutScore } from './thresholds.js';

/** Options of {@link createClassifier}. */
export interface ClassifierOptions {
  /** The model (weights); default: the built-in CfBT model. */
  model?: Model;
  /** The codebook; default: CfBT. Codes without weights in the model are never assigned. */
  codebook?: Codebook;
}

const PUNCTUATION = /[.?!,]/;

/** Least contribution to a code's logit for which a feature of an open model is listed as evidence. */
const OPEN_EVIDENCE = 0.25;
/** Most evidence spans listed per code of an open model. */
const MAX_EVIDENCE = 6;

/** How a feature is named in evidence: a cue by its id, a word feature by its name (`w2:do you`). */
function evidenceName(name: string): string {
  return name.startsWith('cue:') ? name.slice(4) : name;
}

/** Least contribution to a code's score for which a `word:` feature is listed as evidence. */
const WORD_EVIDENCE = 0.5;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Whether most turns of a conversation carry punctuation (speech-recogniser output often has none). */
export function isPunctuated(turns: readonly Turn[]): boolean {
  let with_ = 0;
  const n = Math.min(turns.length, 200);
  for (let i = 0; i < n; i++) if (PUNCTUATION.test(turns[i]?.text ?? '')) with_++;
  return n === 0 || with_ / n >= 0.3;
}

/**
 * Walks a conversation in order, extracting every turn's features in context, and hands each
 * turn's analysis to `visit`, which returns the turn's challenge score: later turns use it (a
 * reasoned reply to a challenge is itself challenge). Only the analyses that later turns still
 * read as context are kept (the last few turns, and the nearest one by another speaker), so that
 * coding a long meeting does not hold every turn's features at once: they die young, which the
 * garbage collector makes cheap.
 */
function walkConversation(turns: readonly Turn[], visit: (a: TurnAnalysis, index: number) => number, lexical?: ReadonlySet<string>, open?: OpenFeatureNames): void {
  const punctuated = isPunctuated(turns);
  const lastSeen = new Map<string, number>();
  const kept: (TurnAnalysis | undefined)[] = [];
  const challenge: number[] = [];
  // The next turn's words, when open features look ahead: each turn is still cut into words once.
  const ahead = open !== undefined && looksAhead(open);
  let upcoming: { index: number; words: ReturnType<typeof words> } | undefined;
  let p = -1;
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i] as Turn;
    // The nearest earlier turn by another speaker: the one before, or else (the one before is by
    // the same speaker) the one the turn before had.
    if (i > 0 && turns[i - 1]?.speaker !== turn.speaker) {
      if (p >= 0 && p < i - RECENT) kept[p] = undefined;
      p = i - 1;
    }
    const recentOther: Set<string>[] = [];
    for (let j = i - 1; j >= 0 && j >= i - RECENT && recentOther.length < 3; j--) {
      if (turns[j]?.speaker !== turn.speaker) recentOther.push((kept[j] as TurnAnalysis).stems);
    }
    const next = turns[i + 1];
    const ctx: TurnContext = {
      recentOther,
      lastSeen,
      index: i,
      otherContinues: p >= 0 && next !== undefined && next.speaker === turns[p]?.speaker,
      punctuated,
    };
    if (lexical) ctx.lexical = lexical;
    if (open) ctx.open = open;
    if (upcoming?.index === i) ctx.words = upcoming.words;
    if (ahead && next !== undefined && next.speaker !== turn.speaker) {
      upcoming = { index: i + 1, words: words(next.text) };
      ctx.next = upcoming.words.tokens;
    }
    if (p >= 0) {
      const pa = kept[p] as TurnAnalysis;
      ctx.previous = { turn: turns[p] as Turn, features: pa.features, challenge: challenge[p] ?? 0, tokens: pa.tokens };
    }
    const a = extractFeatures(turn, ctx);
    kept.push(a);
    challenge.push(visit(a, i));
    for (const s of a.stems) lastSeen.set(s, i);
    // Let go of the turn that has left the window, unless it is still the nearest by another speaker.
    const old = i - RECENT;
    if (old >= 0 && old !== p) kept[old] = undefined;
  }
}

/** How many turns back a turn looks for the other speakers' recent words. */
const RECENT = 6;

/** Every turn's features in context (see {@link walkConversation}), all kept: for fitting. */
export function analyzeConversation(turns: readonly Turn[], score: (a: TurnAnalysis) => number, lexical?: ReadonlySet<string>, open?: OpenFeatureNames): TurnAnalysis[] {
  const out: TurnAnalysis[] = [];
  walkConversation(
    turns,
    (a) => {
      out.push(a);
      return score(a);
    },
    lexical,
    open,
  );
  return out;
}

const HAND_CHALLENGE_BIAS = handModel.codes.challenge?.bias ?? 0;
const HAND_CHALLENGE = new Map(Object.entries(handModel.codes.challenge?.weights ?? {}));

/** The hand model's challenge score of an analysed turn: the context every `open` model is fitted and coded with. */
export function handChallenge(a: TurnAnalysis): number {
  let z = HAND_CHALLENGE_BIAS;
  for (const [name, hit] of a.features) {
    const w = HAND_CHALLENGE.get(name);
    if (w !== undefined) z += w * hit.value;
  }
  return sigmoid(z);
}

/** Every feature of a conversation's turns (cues, context, closed-list and open words), for fitting an `open` model. */
export function analyzeForFit(turns: readonly Turn[]): TurnAnalysis[] {
  return analyzeConversation(turns, handChallenge, undefined, 'all');
}

/** A turn classifier with explainable weights: its model, and a `fit` that returns another like it. */
export interface LinearTurnClassifier extends TurnClassifier {
  readonly model: Model;
  fit(conversations: readonly (readonly Turn[])[], options?: FitOptions): LinearTurnClassifier;
}

/** The linear (logistic) turn classifier: explainable weights over cue and context features. */
class LinearClassifier implements LinearTurnClassifier {
  readonly id: string;
  readonly codebook: Codebook;
  readonly model: Model;
  private readonly codes: string[];
  /** Feature name → its weight for each code (in `codes` order), for one lookup per feature. */
  private readonly table = new Map<string, Float64Array>();
  /** The same weights split for scoring: those summed as they are, and those summed then clipped. */
  private readonly direct = new Map<string, Float64Array>();
  /**
   * For each role the model has weights of its own for (`coach|cue:why-question`), `table` and
   * `direct` with those added to the features' own weights: a turn looks up its role's tables.
   */
  private readonly byRole = new Map<string, { table: Map<string, Float64Array>; direct: Map<string, Float64Array> }>();
  private readonly clipped = new Map<string, Float64Array>();
  /** Per code, the limit of its clipped weights' sum (Infinity: none). */
  private readonly clips: Float64Array;
  private readonly biases: Float64Array;
  /** Per code, its threshold, or NaN when the model has no weights for it (never assigned). */
  private readonly thresholds: Float64Array;
  /** The lexical and previous-turn features the model weighs (only these are computed). */
  private readonly lexical = new Set<string>();
  /** The open-vocabulary features the model weighs, when it is an `open` model. */
  private readonly open: OpenScorer | undefined;
  private readonly challenge: number;

  constructor(model: Model, codebook: Codebook) {
    this.model = model;
    this.codebook = codebook;
    this.id = modelTag(model);
    this.codes = codeIds(codebook);
    this.biases = Float64Array.from(this.codes, (c) => own(model.codes, c)?.bias ?? 0);
    this.clips = Float64Array.from(this.codes, (c) => own(model.codes, c)?.clipped?.limit ?? Infinity);
    this.thresholds = Float64Array.from(this.codes, (c) => (own(model.codes, c) ? (own(model.codes, c)?.threshold ?? model.threshold) : NaN));
    const put = (table: Map<string, Float64Array>, name: string, i: number, weight: number): void => {
      let row = table.get(name);
      if (!row) table.set(name, (row = new Float64Array(this.codes.length)));
      row[i] = (row[i] as number) + weight;
    };
    // An open model's words reach the logits through its scorer, not through the feature map.
    const open = model.features === 'open' ? new Map<string, Float64Array>() : undefined;
    const roleDelta = new Map<string, Map<string, Float64Array>>();
    this.codes.forEach((code, i) => {
      const w = own(model.codes, code);
      for (const [group, weights] of [
        [this.direct, w?.weights ?? {}],
        [this.clipped, w?.clipped?.weights ?? {}],
      ] as const) {
        for (const [name, weight] of Object.entries(weights)) {
          const role = roleOf(name);
          if (role !== undefined) {
            put(roleDelta.get(role) ?? roleDelta.set(role, new Map()).get(role)!, name.slice(role.length + 1), i, weight);
            continue;
          }
          if (open && isOpenFeature(name)) {
            put(open, name, i, weight);
            continue;
          }
          if (isDerived(name)) this.lexical.add(name);
          put(this.table, name, i, weight);
          put(group, name, i, weight);
        }
      }
    });
    for (const [role, delta] of roleDelta) {
      const table = new Map(this.table);
      const direct = new Map(this.direct);
      for (const [name, row] of delta) {
        const sum = Float64Array.from(row, (x, i) => x + ((this.table.get(name)?.[i] as number | undefined) ?? 0));
        table.set(name, sum);
        direct.set(name, Float64Array.from(row, (x, i) => x + ((this.direct.get(name)?.[i] as number | undefined) ?? 0)));
      }
      this.byRole.set(role, { table, direct });
    }
    if (open) {
      const vocabulary = new OpenVocabulary(open.keys());
      const K = this.codes.length;
      const rows = new Float64Array(vocabulary.size * K);
      vocabulary.names.forEach((name, v) => rows.set(open.get(name) as Float64Array, v * K));
      this.open = new OpenScorer(vocabulary, rows, K);
    }
    this.challenge = this.codes.indexOf('challenge');
  }

  /** Logits of every code (in `codes` order) for analysed features. */
  private logits(a: TurnAnalysis, role: string | undefined): Float64Array {
    const z = new Float64Array(this.biases.length);
    z.set(this.biases);
    if (a.open) for (let i = 0; i < z.length; i++) z[i] = (z[i] as number) + (a.open.z[i] as number);
    const direct = (role !== undefined && this.byRole.size > 0 ? this.byRole.get(role)?.direct : undefined) ?? this.direct;
    for (const [name, hit] of a.features) {
      const row = direct.get(name);
      if (row) for (let i = 0; i < z.length; i++) z[i] = (z[i] as number) + (row[i] as number) * hit.value;
    }
    if (this.clipped.size === 0) return z;
    const d = new Float64Array(z.length);
    for (const [name, hit] of a.features) {
      const row = this.clipped.get(name);
      if (row) for (let i = 0; i < d.length; i++) d[i] = (d[i] as number) + (row[i] as number) * hit.value;
    }
    for (let i = 0; i < z.length; i++) {
      const c = this.clips[i] as number;
      z[i] = (z[i] as number) + Math.max(-c, Math.min(c, d[i] as number));
    }
    return z;
  }

  /** The challenge score (0–1) from a turn's logits; later turns use it as context. */
  private challengeOf(z: Float64Array): number {
    return this.challenge < 0 || !this.model.codes.challenge ? 0 : sigmoid(z[this.challenge] as number);
  }

  private challengeScore = (a: TurnAnalysis, role?: string): number => this.challengeOf(this.logits(a, role));

  /**
   * The challenge score later turns see as context: the model's own, or for an `open` model the
   * hand model's (so the context features it was fitted on are the ones it sees when coding).
   */
  private contextScore(z: Float64Array, a: TurnAnalysis): number {
    return this.open ? handChallenge(a) : this.challengeOf(z);
  }

  classify(turns: readonly Turn[], options: ClassifyOptions = {}): CodedTurn[] {
    // Each turn is coded as soon as it is analysed, so its features need not outlive it.
    const coded: CodedTurn[] = [];
    walkConversation(
      turns,
      (a, i) => {
        const turn = turns[i] as Turn;
        const z = this.logits(a, turn.role);
        coded.push(this.code(turn, a, z, options));
        return this.contextScore(z, a);
      },
      this.lexical,
      this.open,
    );
    return coded;
  }

  private code(turn: Turn, a: TurnAnalysis, z: Float64Array, options: ClassifyOptions): CodedTurn {
    const scores: Record<string, number> = {};
    const codes: string[] = [];
    const evidence: Evidence[] = [];
    let primary: string | null = null;
    let best = -1;
    // Features that can be evidence: weighed by the model, with a span of text.
    let spans: [string, FeatureHit, Float64Array][] | undefined;
    const table = (this.byRole.size > 0 ? this.byRole.get(turn.role)?.table : undefined) ?? this.table;
    for (let i = 0; i < this.codes.length; i++) {
      const code = this.codes[i] as string;
      const own = this.thresholds[i] as number;
      const weighted = !Number.isNaN(own);
      const s = weighted ? sigmoid(z[i] as number) : 0;
      scores[code] = round2(s);
      if (!weighted || s < (options.threshold ?? own)) continue;
      codes.push(code);
      if (s > best) {
        best = s;
        primary = code;
      }
      if (!spans) {
        spans = [];
        for (const [name, hit] of a.features) {
          const row = hit.end > hit.start ? table.get(name) : undefined;
          if (row) spans.push([name, hit, row]);
        }
      }
      if (this.open) {
        // An open model: the spans that pushed the code up most, strongest first, with their weight.
        const pushed: Evidence[] = [];
        for (const [name, hit, row] of spans) {
          const push = (row[i] as number) * hit.value;
          if (push >= OPEN_EVIDENCE) pushed.push({ code, cue: evidenceName(name), start: hit.start, end: hit.end, weight: round2(push) });
        }
        const hits = a.open?.hits;
        const rows = this.open.rows;
        const K = this.codes.length;
        if (hits) {
          for (let h = 0; h < hits.length; h += 3) {
            const [v, start, end] = [hits[h] as number, hits[h + 1] as number, hits[h + 2] as number];
            const push = rows[v * K + i] as number;
            if (end > start && push >= OPEN_EVIDENCE) pushed.push({ code, cue: this.open.vocabulary.names[v] as string, start, end, weight: round2(push) });
          }
        }
        pushed.sort((x, y) => (y.weight as number) - (x.weight as number) || x.start - y.start);
        evidence.push(...pushed.slice(0, MAX_EVIDENCE));
        continue;
      }
      for (const [name, hit, row] of spans) {
        const weight = row[i] as number;
        // A listed word is evidence only when it weighs enough to matter on its own.
        if (weight > 0 && (!name.startsWith('word:') || weight * hit.value >= WORD_EVIDENCE)) {
          evidence.push({ code, cue: name.startsWith('cue:') ? name.slice(4) : name, start: hit.start, end: hit.end });
        }
      }
    }
    // The Turn fields written out one by one: an object spread here cost a tenth of classify().
    // Keys in the order a spread gave: the turn's, then the codes.
    const coded: Turn = { turn: turn.turn, speaker: turn.speaker, role: turn.role, text: turn.text };
    if (turn.line !== undefined) coded.line = turn.line;
    if (turn.start !== undefined) coded.start = turn.start;
    if (turn.end !== undefined) coded.end = turn.end;
    if (turn.humanCodes !== undefined) coded.humanCodes = turn.humanCodes;
    return Object.assign(coded, { codes, primary, scores, evidence });
  }

  fit(conversations: readonly (readonly Turn[])[], options: FitOptions = {}): LinearTurnClassifier {
    if (this.open) return fitOpenTo(this, conversations, options);
    const data = conversations.map((turns) => ({ turns, analyses: analyzeConversation(turns, this.challengeScore) }));
    return new LinearClassifier(fitModel(this.model, this.codes, data, options), this.codebook);
  }
}

/**
 * Fits an `open` model to a researcher's coded conversations, from this model's weights (a blank
 * model fits from scratch). Each code's threshold, and the L2 strength unless `options.prior`
 * gives it (from {@link OPEN_L2_GRID}), are chosen by grouped cross-validation on the same
 * conversations ({@link OPEN_THRESHOLD_FOLDS} folds, when there are that many): the
 * conversations are dealt to folds, each fold is coded by a fit to the others, and the threshold
 * with the best pooled kappa is kept (the base model's, for a code with fewer than
 * {@link OPEN_THRESHOLD_MIN_POSITIVES} coded turns), then the strength with the best macro kappa.
 */
function fitOpenTo(self: LinearClassifier, conversations: readonly (readonly Turn[])[], options: FitOptions): LinearClassifier {
  const data = conversations.map((turns, i) => ({ turns, analyses: analyzeForFit(turns), source: 'data', group: String(i) }));
  const codes = codeIds(self.codebook);
  const toFit = (options.codes ?? codes).filter((c) => codes.includes(c));
  const openOptions: OpenFitOptions = {
    prior: self.model,
    fit: toFit,
    exclude: ['word:', 'first'],
    ...(options.prior !== undefined ? { l2: options.prior } : {}),
    ...(options.epochs !== undefined ? { epochs: options.epochs } : {}),
    ...(options.learningRate !== undefined ? { learningRate: options.learningRate } : {}),
    ...(options.minCount !== undefined ? { minTurns: options.minCount } : {}),
    // Weights per role are learnt again where the base model has them (the default does); from
    // scratch they are not: on meetings, whose speakers' roles say little, they did not help.
    roleWeights: Object.values(self.model.codes).some((w) => Object.keys(w?.weights ?? {}).some((name) => roleOf(name) !== undefined)),
  };
  const coded = data.filter((c) => c.turns.some((t) => t.humanCodes));
  /** Held-out scores of every code to fit, by grouped cross-validation of the fit with `l2`. */
  const heldOut = (l2: number | undefined): Record<string, HeldOutScore[]> => {
    const held: Record<string, HeldOutScore[]> = Object.fromEntries(toFit.map((c) => [c, []]));
    for (let fold = 0; fold < OPEN_THRESHOLD_FOLDS; fold++) {
      const model = fitOpenModel(self.model, codes, coded.filter((_, i) => i % OPEN_THRESHOLD_FOLDS !== fold), l2 === undefined ? openOptions : { ...openOptions, l2 });
      const classifier = new LinearClassifier(model, self.codebook);
      coded.forEach((c, i) => {
        if (i % OPEN_THRESHOLD_FOLDS !== fold) return;
        classifier.classify(c.turns).forEach((t, j) => {
          const human = c.turns[j]?.humanCodes;
          if (human) for (const code of toFit) held[code]?.push({ score: t.scores[code] ?? 0, human: human.includes(code) });
        });
      });
    }
    return held;
  };
  /**
   * Each code's threshold from held-out scores; with fewer than OPEN_THRESHOLD_MIN_POSITIVES
   * coded turns of a code there is too little to choose by, and the base model's threshold stays.
   */
  const thresholdsOf = (held: Record<string, HeldOutScore[]>): Record<string, number> =>
    Object.fromEntries(toFit.map((code) => {
      const scores = held[code] ?? [];
      const base = own(self.model.codes, code)?.threshold ?? self.model.threshold;
      return [code, scores.filter((x) => x.human).length >= OPEN_THRESHOLD_MIN_POSITIVES ? chooseThreshold(scores) : base];
    }));
  const macroKappa = (held: Record<string, HeldOutScore[]>, thresholds: Record<string, number>): number => {
    const kappas = toFit.map((code) => {
      let tp = 0, fp = 0, fn = 0, tn = 0;
      for (const x of held[code] ?? []) {
        const machine = x.score >= (thresholds[code] ?? 0.5);
        if (machine && x.human) tp++;
        else if (machine) fp++;
        else if (x.human) fn++;
        else tn++;
      }
      return kappaFromConfusion({ tp, fp, fn, tn }).kappa ?? 0;
    });
    return kappas.reduce((a, k) => a + k, 0) / Math.max(1, kappas.length);
  };
  let thresholds: Record<string, number> = {};
  if (coded.length >= OPEN_THRESHOLD_FOLDS) {
    // The L2 strength, unless given, is chosen by the same cross-validation: a few coded turns
    // need a strong pull towards the base model, thousands a weak one.
    const grid = options.prior !== undefined ? [options.prior] : OPEN_L2_GRID;
    let best = -Infinity;
    for (const l2 of grid) {
      const held = heldOut(l2);
      const t = thresholdsOf(held);
      const k = macroKappa(held, t);
      if (k > best + 1e-9) {
        best = k;
        thresholds = t;
        openOptions.l2 = l2;
      }
    }
  }
  const model = fitOpenModel(self.model, codes, data, { ...openOptions, thresholds });
  return new LinearClassifier({ ...model, id: options.id ?? `${self.model.id}-fitted`, version: 1, trainedOn: options.trainedOn ?? `${coded.reduce((n, c) => n + c.turns.filter((t) => t.humanCodes).length, 0)} human-coded turns` }, self.codebook);
}

/** The role of a weight that is a role's own (`coach|cue:why-question` → `coach`), else undefined. */
function roleOf(name: string): string | undefined {
  const bar = name.indexOf(ROLE_SEPARATOR);
  if (bar <= 0) return undefined;
  const colon = name.indexOf(':');
  return colon < 0 || bar < colon ? name.slice(0, bar) : undefined;
}

/** Folds of the cross-validation that chooses an `open` fit's thresholds and L2 strength. */
export const OPEN_THRESHOLD_FOLDS = 3;
/** L2 strengths tried by that cross-validation when none is given (the first wins ties). */
export const OPEN_L2_GRID: readonly number[] = [1e-3, 1e-2, 1e-1];
/** Fewest held-out turns coded with a code for its threshold to be chosen from them. */
export const OPEN_THRESHOLD_MIN_POSITIVES = 10;

/** A model with no weights over open features: `train --base none` fits from it, from scratch. */
export function blankModel(codebook: Codebook = cfbtCodebook): Model {
  return { format: 'coachcode-model', id: 'custom', version: 1, codebook: codebookTag(codebook), threshold: 0.5, features: 'open', codes: {} };
}

/**
 * Validates a model object (e.g. a parsed `model.json`), in either file format: the JSON of
 * `ModelSchema`, or the compact one (`CompactModelSchema`), which it expands. Throws a
 * `CoachcodeError` listing every problem.
 */
export function parseModel(value: unknown, source = 'model'): Model {
  if (isCompactModel(value)) {
    const r = checkSchema(CompactModelSchema, value);
    if (r.success) return expandModel(r.data, source);
    throw schemaError(r.error.issues, source);
  }
  const r = checkSchema(ModelSchema, value);
  if (r.success) return r.data;
  throw schemaError(r.error.issues, source);
}

function schemaError(issues: readonly { path: PropertyKey[]; message: string }[], source: string): CoachcodeError {
  return new CoachcodeError(issues.map((i) => ({ code: 'model-invalid', severity: 'error' as const, message: messages.modelInvalid(`${i.path.map(String).join('.') || '(root)'}: ${i.message}`), source })));
}

/** Creates a turn classifier; without options, the default CfBT model. */
export function createClassifier(options: ClassifierOptions = {}): LinearTurnClassifier {
  return new LinearClassifier(options.model ?? defaultModel, options.codebook ?? cfbtCodebook);
}
