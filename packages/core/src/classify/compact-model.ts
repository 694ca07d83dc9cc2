// The compact model file: the same model as `ModelSchema`'s JSON in about a seventh of the bytes
// once gzipped (cfbt-default@4: 47 KB → 21 KB), so that the default model fits in core's browser
// bundle. `compactModel` writes it, `expandModel` reads it back into the in-memory `Model`;
// `parseModel` reads both shapes. docs/library.md describes the format.
//
// What makes it small (each measured on cfbt-default@4, gzipped):
//  - feature names are written once, not once per code, and as tokens: the words of all names
//    form one sorted dictionary, front-coded (a word shares its start with the one before), and
//    each name is its kind (`w2`, `cue` …) with the dictionary numbers of its words, as a trie
//    of gaps (names 17 KB as sorted text, 12 KB front-coded, 8.6 KB as tokens);
//  - weights are integers at a fixed `scale` (weight × scale), lossless whenever weights have at
//    most that many decimals (the default model's have two), one printable character each for
//    most, in a column per name with which codes weigh it (10.5 KB, against 14 KB as decimals).
import * as z from 'zod/mini';
import { CoachcodeError } from '../errors.js';
import { messages } from '../messages.js';
import type { CodeWeights, Model } from './model.js';
import { modelHeader } from './model.js';

const COMPACT = 'coachcode-model-compact';
/** Most words in one feature name (a bound on how deep a name trie goes). */
const MAX_TOKENS = 1000;

/** Which codes weigh each name (`present`) and what (`values`): see {@link CompactModelSchema}. */
const WeightColumnsSchema = z.object({ present: z.string(), values: z.string() });

/**
 * A model in the compact file format (`format: "coachcode-model-compact"`). The header (id,
 * version, codebook, threshold, features, trainedOn, card) is the model's own. Then:
 * - `scale`: a weight is an integer divided by it;
 * - `codes`: the codes in column order, each with its bias and, if it has them, its threshold
 *   and the limit of its clipped weights (`clip`);
 * - `names.words`: the words of the feature names (a name's text after its first `:`, split at
 *   spaces), sorted, each written as one digit (how many characters it shares with the word
 *   before) and the rest of it, separated by spaces;
 * - `names.groups`: the names, by kind (the text before the first `:`; left out for names without
 *   one) and number of words (`tokens`): `trie` lists the words' dictionary numbers as a trie of
 *   gaps (per node, the number of children − 1, then per child the gap from the one before − 1
 *   and its own children);
 * - `weights`: per name in that order, `present` has ⌈codes / 6⌉ digits, bit i for the i-th code
 *   that weighs it, and `values` the weights of those codes in code order, as zig-zag integers
 *   (0, −1, 1, −2 … as 0, 1, 2, 3 …); `clipped`, the same for clipped weights.
 * Digits are the 92 printable ASCII characters other than `"` and `\` (`!` is 0, `~` is 91).
 * A number is one digit below 80; from 80, a digit 80–91 holds (n − 80) mod 12 and the number
 * ⌊(n − 80) / 12⌋ follows.
 */
export const CompactModelSchema = z.object({
  format: z.literal(COMPACT),
  ...modelHeader,
  scale: z.number().check(z.positive()),
  codes: z.array(
    z.object({
      code: z.string(),
      bias: z.number(),
      threshold: z.optional(z.number().check(z.gte(0), z.lte(1))),
      clip: z.optional(z.number().check(z.positive())),
    }),
  ),
  names: z.object({
    words: z.string(),
    groups: z.array(z.object({ kind: z.optional(z.string()), tokens: z.int().check(z.positive(), z.lte(MAX_TOKENS)), trie: z.string() })),
  }),
  weights: WeightColumnsSchema,
  clipped: z.optional(WeightColumnsSchema),
});
export type CompactModel = z.output<typeof CompactModelSchema>;

/** Whether a value claims to be a compact model (its `format`), valid or not. */
export function isCompactModel(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === COMPACT;
}

// ── digits ───────────────────────────────────────────────────────────────────────────────────

/** Digits below this are a whole number; the 12 above continue it. */
const SINGLE = 80;
const MORE = 92 - SINGLE;

function digit(d: number): string {
  const c = d + 33;
  return String.fromCharCode(c + (c >= 34 ? 1 : 0) + (c >= 91 ? 1 : 0));
}

/** The value of a digit character, or -1. */
function valueOf(c: number): number {
  if (c < 33 || c > 126 || c === 34 || c === 92) return -1;
  return c - 33 - (c > 34 ? 1 : 0) - (c > 92 ? 1 : 0);
}

function writeNumber(n: number): string {
  let out = '';
  while (n >= SINGLE) {
    out += digit(SINGLE + ((n - SINGLE) % MORE));
    n = Math.floor((n - SINGLE) / MORE);
  }
  return out + digit(n);
}

/** Reads numbers from a string of digits; `fail` says where it went wrong. */
class DigitReader {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly field: string,
    private readonly source: string,
  ) {}

  digit(): number {
    const d = this.at < this.text.length ? valueOf(this.text.charCodeAt(this.at)) : -1;
    if (d < 0) this.fail(this.at < this.text.length ? `${JSON.stringify(this.text[this.at])} is not a digit` : 'ends too soon');
    this.at++;
    return d;
  }

  number(): number {
    let n = 0;
    let unit = 1;
    for (;;) {
      const d = this.digit();
      // A digit d ≥ 80 stands for d + 12 × (the number that follows).
      if (d < SINGLE) return n + d * unit;
      n += d * unit;
      unit *= MORE;
      if (unit > Number.MAX_SAFE_INTEGER) this.fail('holds a number too large');
    }
  }

  end(): void {
    if (this.at !== this.text.length) this.fail(`has ${this.text.length - this.at} characters too many`);
  }

  fail(what: string): never {
    throw invalid(`${this.field} ${what} (at character ${this.at + 1})`, this.source);
  }
}

function invalid(detail: string, source = 'model'): CoachcodeError {
  return new CoachcodeError([{ code: 'model-invalid', severity: 'error', message: messages.modelInvalid(detail), source }]);
}

const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (u: number): number => (u % 2 === 0 ? u / 2 : -(u + 1) / 2);

// ── writing ──────────────────────────────────────────────────────────────────────────────────

/** Options of {@link compactModel}. */
export interface CompactOptions {
  /**
   * Weights are written as integers at this scale (rounded to 1/scale). Default: the least power
   * of ten up to a million at which every weight is exact, so the file holds the same model.
   */
  scale?: number;
}

/** A name split into its kind (before the first `:`) and its words (after it, split at spaces). */
function splitName(name: string): [kind: string | undefined, words: string[]] {
  const colon = name.indexOf(':');
  return colon < 0 ? [undefined, name.split(' ')] : [name.slice(0, colon), name.slice(colon + 1).split(' ')];
}

function joinName(kind: string | undefined, words: readonly string[]): string {
  return (kind === undefined ? '' : `${kind}:`) + words.join(' ');
}

function exactScale(weights: readonly number[]): number {
  for (let scale = 1; scale < 1e6; scale *= 10) if (weights.every((w) => Math.round(w * scale) / scale === w)) return scale;
  return 1e6;
}

type Tuple = { ids: number[]; name: string };

/** Writes a model in the compact format (see {@link CompactModelSchema}). */
export function compactModel(model: Model, options: CompactOptions = {}): CompactModel {
  const { format: _format, codes: byCode, ...header } = model;
  const codes = Object.keys(byCode);
  const layers = [codes.map((c) => byCode[c]?.weights ?? {}), codes.map((c) => byCode[c]?.clipped?.weights ?? {})] as const;
  const scale = options.scale ?? exactScale(layers.flatMap((l) => l.flatMap((w) => Object.values(w))));
  if (!(scale > 0)) throw invalid(`scale must be positive, received ${scale}`);

  // 1. The dictionary: every word of every name, sorted, front-coded.
  const names = [...new Set(layers.flatMap((l) => l.flatMap((w) => Object.keys(w))))];
  const split = names.map(splitName);
  const words = [...new Set(split.flatMap(([, w]) => w))].sort();
  const number = new Map(words.map((w, i) => [w, i]));
  let previous = '';
  const written = words.map((w) => {
    let shared = 0;
    while (shared < previous.length && shared < w.length && shared < SINGLE - 1 && previous[shared] === w[shared]) shared++;
    previous = w;
    return digit(shared) + w.slice(shared);
  });

  // 2. The names by kind and length, each group a trie of word numbers; `order` is the names'
  //    order in the weight columns (the order in which a reader meets them).
  const groups = new Map<string, { kind: string | undefined; tokens: number; tuples: Tuple[] }>();
  split.forEach(([kind, ws], i) => {
    const key = `${kind === undefined ? '' : `:${kind}`}\n${ws.length}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind, tokens: ws.length, tuples: [] }));
    g.tuples.push({ ids: ws.map((w) => number.get(w) as number), name: names[i] as string });
  });
  const order: string[] = [];
  const trieOf = (tuples: readonly Tuple[], depth: number, tokens: number): string => {
    const children: [number, Tuple[]][] = [];
    for (const t of tuples) {
      const id = t.ids[depth] as number;
      const last = children[children.length - 1];
      if (last && last[0] === id) last[1].push(t);
      else children.push([id, [t]]);
    }
    let out = writeNumber(children.length - 1);
    let before = -1;
    for (const [id, below] of children) {
      out += writeNumber(id - before - 1);
      before = id;
      if (depth + 1 < tokens) out += trieOf(below, depth + 1, tokens);
      else order.push((below[0] as Tuple).name);
    }
    return out;
  };
  const byIds = (a: Tuple, b: Tuple): number => {
    for (let j = 0; j < a.ids.length; j++) if (a.ids[j] !== b.ids[j]) return (a.ids[j] as number) - (b.ids[j] as number);
    return 0;
  };
  const nameGroups = [...groups.keys()].sort().map((key) => {
    const g = groups.get(key) as { kind: string | undefined; tokens: number; tuples: Tuple[] };
    return { ...(g.kind === undefined ? {} : { kind: g.kind }), tokens: g.tokens, trie: trieOf(g.tuples.sort(byIds), 0, g.tokens) };
  });

  // 3. The weights, per name: which codes weigh it, then what.
  const columns = (layer: readonly Record<string, number>[]): { present: string; values: string } => {
    let present = '';
    let values = '';
    for (const name of order) {
      for (let from = 0; from < codes.length; from += 6) {
        let bits = 0;
        for (let j = 0; j < 6 && from + j < codes.length; j++) if (Object.hasOwn(layer[from + j] as object, name)) bits |= 1 << j;
        present += digit(bits);
      }
      for (const w of layer) if (Object.hasOwn(w, name)) values += writeNumber(zigzag(Math.round((w[name] as number) * scale)));
    }
    return { present, values };
  };
  const clipped = codes.some((c) => byCode[c]?.clipped);
  return {
    format: COMPACT,
    ...header,
    scale,
    codes: codes.map((c) => {
      const w = byCode[c] as CodeWeights;
      return { code: c, bias: w.bias, ...(w.threshold !== undefined ? { threshold: w.threshold } : {}), ...(w.clipped ? { clip: w.clipped.limit } : {}) };
    }),
    names: { words: written.join(' '), groups: nameGroups },
    weights: columns(layers[0]),
    ...(clipped ? { clipped: columns(layers[1]) } : {}),
  };
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────

/** The feature names of a compact model, in column order. */
function readNames(names: CompactModel['names'], source: string): string[] {
  const words: string[] = [];
  if (names.words !== '') {
    let previous = '';
    for (const entry of names.words.split(' ')) {
      const shared = valueOf(entry.charCodeAt(0));
      if (shared < 0 || shared >= SINGLE || shared > previous.length) throw invalid(`names.words: word ${words.length + 1} does not start with a digit saying how much it shares with the word before`, source);
      previous = previous.slice(0, shared) + entry.slice(1);
      words.push(previous);
    }
  }
  const out: string[] = [];
  names.groups.forEach((g, i) => {
    const reader: DigitReader = new DigitReader(g.trie, `names.groups.${i}.trie`, source);
    const ids: string[] = [];
    const node = (depth: number): void => {
      const children = reader.number() + 1;
      let id = -1;
      for (let c = 0; c < children; c++) {
        id += reader.number() + 1;
        const word = words[id];
        if (word === undefined) reader.fail(`refers to word ${id + 1} of ${words.length}`);
        ids[depth] = word;
        if (depth + 1 < g.tokens) node(depth + 1);
        else out.push(joinName(g.kind, ids));
      }
    };
    node(0);
    reader.end();
  });
  if (new Set(out).size !== out.length) throw invalid('names: a feature name is listed twice', source);
  return out;
}

/**
 * One layer of weights (`weights` or `clipped`): per code, its weights by name. Made with
 * Object.fromEntries, as JSON.parse makes objects: a name such as `__proto__` is a key like any other.
 */
function readColumns(columns: { present: string; values: string }, field: string, names: readonly string[], codes: number, scale: number, source: string): Record<string, number>[] {
  const out = Array.from({ length: codes }, (): [string, number][] => []);
  const present = new DigitReader(columns.present, `${field}.present`, source);
  const values = new DigitReader(columns.values, `${field}.values`, source);
  for (const name of names) {
    for (let from = 0; from < codes; from += 6) {
      const bits = present.digit();
      if (bits >= 1 << Math.min(6, codes - from)) present.fail(`marks a code beyond the ${codes} of the model`);
      for (let j = 0; j < 6; j++) if (bits & (1 << j)) out[from + j]?.push([name, unzigzag(values.number()) / scale]);
    }
  }
  present.end();
  values.end();
  return out.map((entries) => Object.fromEntries(entries));
}

/**
 * Reads a compact model (as validated by `CompactModelSchema`) back into a `Model`: weights are
 * the integers divided by `scale`. Throws a `CoachcodeError` naming the field when a name or
 * weight column is broken. `parseModel` validates and reads either shape.
 */
export function expandModel(compact: CompactModel, source = 'model'): Model {
  const { format: _format, scale, codes, names: compactNames, weights, clipped, ...header } = compact;
  if (new Set(codes.map((c) => c.code)).size !== codes.length) throw invalid('codes: a code is listed twice', source);
  const names = readNames(compactNames, source);
  const direct = readColumns(weights, 'weights', names, codes.length, scale, source);
  const clips = clipped ? readColumns(clipped, 'clipped', names, codes.length, scale, source) : undefined;
  const out: [string, CodeWeights][] = [];
  codes.forEach((c, i) => {
    if (c.clip === undefined && Object.keys(clips?.[i] ?? {}).length > 0) throw invalid(`clipped: code ${c.code} has clipped weights but no clip limit`, source);
    const w: CodeWeights = { bias: c.bias, weights: direct[i] as Record<string, number> };
    if (c.threshold !== undefined) w.threshold = c.threshold;
    if (c.clip !== undefined) w.clipped = { limit: c.clip, weights: clips?.[i] ?? {} };
    out.push([c.code, w]);
  });
  return { format: 'coachcode-model', ...header, codes: Object.fromEntries(out) };
}
