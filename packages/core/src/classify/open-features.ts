import { stem } from '../language/index.js';
import type { FeatureHit, TurnFeatures } from './features.js';

/**
 * Open-vocabulary features of a turn, for models that learn words rather than a closed list:
 *
 * | name | what | span |
 * |---|---|---|
 * | `w:<word>` | a word of the turn (lower case, digits as `0`) | its first use |
 * | `w2:<word> <word>` | two words in a row | their first use |
 * | `s:<stem>` | the Porter stem of a word, where it differs from the word | its first use |
 * | `o:<word>`, `o2:<word> <word>` | the turn's first word and first two words | them |
 * | `p:<word>` | a word of the previous turn by another speaker | none |
 * | `n:<word>`, `no:<word>` | a word, and the first word, of the next turn by another speaker (how the turn was taken up) | none |
 * | `role:<role>`, `len:<band>`, `pos:<band>` | the turn's role; its length in words (1, 2–3, 4–9, 10–24, 25+); its position (turns 1–2, 3–10, later) | none |
 *
 * A fitted model keeps only words and pairs seen in several training conversations, so no name
 * or rare phrase of one transcript is ever a feature.
 */
export type OpenFeatureNames = OpenScorer | 'all';

/** Whether open features of this kind look at the next turn. */
export function looksAhead(names: OpenFeatureNames): boolean {
  return names === 'all' || names.vocabulary.lookahead;
}

/** Whether a feature name is an open-vocabulary one (words of a transcript, or the turn's role, length and position bands). */
export function isOpenFeature(name: string): boolean {
  return OPEN_NAME.test(name);
}
const OPEN_NAME = /^(?:w|w2|s|o|o2|p|n|no|role|len|pos):/;

/**
 * The open features a model weighs, indexed by the words they are made of (so coding a turn
 * builds no strings), each with its weight per code.
 */
export class OpenVocabulary {
  readonly names: string[] = [];
  private readonly w = new Map<string, number>();
  private readonly s = new Map<string, number>();
  private readonly o = new Map<string, number>();
  private readonly p = new Map<string, number>();
  private readonly n = new Map<string, number>();
  private readonly no = new Map<string, number>();
  private readonly w2 = new Map<string, Map<string, number>>();
  private readonly o2 = new Map<string, Map<string, number>>();
  private readonly other = new Map<string, number>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const i = this.names.push(name) - 1;
      const colon = name.indexOf(':');
      const kind = name.slice(0, colon);
      const rest = name.slice(colon + 1);
      if (kind === 'w2' || kind === 'o2') {
        const pairs = kind === 'w2' ? this.w2 : this.o2;
        const space = rest.indexOf(' ');
        const a = rest.slice(0, space);
        let second = pairs.get(a);
        if (!second) pairs.set(a, (second = new Map()));
        second.set(rest.slice(space + 1), i);
      } else if (kind === 'w') this.w.set(rest, i);
      else if (kind === 's') this.s.set(rest, i);
      else if (kind === 'o') this.o.set(rest, i);
      else if (kind === 'p') this.p.set(rest, i);
      else if (kind === 'n') this.n.set(rest, i);
      else if (kind === 'no') this.no.set(rest, i);
      else this.other.set(name, i);
    }
    this.lookahead = this.n.size > 0 || this.no.size > 0;
  }

  get size(): number {
    return this.names.length;
  }

  word(w: string): number | undefined {
    return this.w.get(w);
  }
  stemOf(s: string): number | undefined {
    return this.s.get(s);
  }
  opening(w: string): number | undefined {
    return this.o.get(w);
  }
  previous(w: string): number | undefined {
    return this.p.get(w);
  }
  next(w: string): number | undefined {
    return this.n.get(w);
  }
  nextOpening(w: string): number | undefined {
    return this.no.get(w);
  }
  pair(a: string, b: string): number | undefined {
    return this.w2.get(a)?.get(b);
  }
  openingPair(a: string, b: string): number | undefined {
    return this.o2.get(a)?.get(b);
  }
  named(name: string): number | undefined {
    return this.other.get(name);
  }
  /** Whether any stem feature is weighed (stemming is skipped otherwise). */
  get stems(): boolean {
    return this.s.size > 0;
  }
  /** Whether any feature of the next turn is weighed (it is not read otherwise). */
  readonly lookahead: boolean;
}

/** What the open features of one turn add to each code's logit, and where they are in the text. */
export interface OpenScore {
  /** Per code (in the classifier's order), the summed weights of the turn's open features. */
  z: Float64Array;
  /** The features that fired, as triples: vocabulary index, start, end (end = start when spanless). */
  hits: Int32Array;
}

/**
 * Adds up the open features of turns as they are found, without building a feature map: each
 * vocabulary entry counts once per turn. One per classifier; `begin` a turn, `finish` it.
 */
export class OpenScorer implements OpenFeatureSink {
  readonly vocabulary: OpenVocabulary;
  /** Weights, `K` per vocabulary entry (codes in the classifier's order). */
  readonly rows: Float64Array;
  private readonly K: number;
  private readonly seen: Int32Array;
  private turn = 0;
  private z: Float64Array;
  /** The turn's hits so far (triples), in a buffer that grows and is reused from turn to turn. */
  private hits = new Int32Array(192);
  private n = 0;

  constructor(vocabulary: OpenVocabulary, rows: Float64Array, K: number) {
    this.vocabulary = vocabulary;
    this.rows = rows;
    this.K = K;
    this.seen = new Int32Array(vocabulary.size);
    this.z = new Float64Array(K);
  }

  begin(): void {
    this.turn++;
    this.z = new Float64Array(this.K);
    this.n = 0;
  }

  private hit(i: number | undefined, start: number, end: number): void {
    if (i === undefined || this.seen[i] === this.turn) return;
    this.seen[i] = this.turn;
    const K = this.K;
    const z = this.z;
    for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (this.rows[i * K + k] as number);
    if (this.n + 3 > this.hits.length) {
      const grown = new Int32Array(this.hits.length * 2);
      grown.set(this.hits);
      this.hits = grown;
    }
    this.hits[this.n++] = i;
    this.hits[this.n++] = start;
    this.hits[this.n++] = end;
  }

  get stems(): boolean {
    return this.vocabulary.stems;
  }
  word(w: string, start: number, end: number): void {
    this.hit(this.vocabulary.word(w), start, end);
  }
  stem(s: string, start: number, end: number): void {
    this.hit(this.vocabulary.stemOf(s), start, end);
  }
  opening(w: string, start: number, end: number): void {
    this.hit(this.vocabulary.opening(w), start, end);
  }
  pair(a: string, b: string, start: number, end: number): void {
    this.hit(this.vocabulary.pair(a, b), start, end);
  }
  openingPair(a: string, b: string, start: number, end: number): void {
    this.hit(this.vocabulary.openingPair(a, b), start, end);
  }
  previous(w: string): void {
    this.hit(this.vocabulary.previous(w), 0, 0);
  }
  next(w: string): void {
    this.hit(this.vocabulary.next(w), 0, 0);
  }
  nextOpening(w: string): void {
    this.hit(this.vocabulary.nextOpening(w), 0, 0);
  }
  named(name: string): void {
    this.hit(this.vocabulary.named(name), 0, 0);
  }

  finish(): OpenScore {
    return { z: this.z, hits: this.hits.slice(0, this.n) };
  }
}

const PLAIN: FeatureHit = Object.freeze({ value: 1, start: 0, end: 0 });

/**
 * Adds a turn's open-vocabulary features to `f`: every one (`'all'`, for fitting) or those of a
 * model's vocabulary. `tokens` are the turn's lower-cased words, `starts` where each begins.
 */
export function addOpenFeatures(
  tokens: readonly string[],
  starts: readonly number[],
  previous: readonly string[] | undefined,
  next: readonly string[] | undefined,
  role: string,
  index: number,
  f: TurnFeatures,
  names: OpenFeatureNames,
): void {
  walkOpenFeatures(tokens, starts, previous, next, role, index, names === 'all' ? new FeatureNames(f) : names);
}

/** Where {@link walkOpenFeatures} puts each feature it finds: a fitting's feature map, or a coding's scorer. */
interface OpenFeatureSink {
  /** Whether stems are wanted (stemming is skipped otherwise). */
  readonly stems: boolean;
  word(w: string, start: number, end: number): void;
  stem(s: string, start: number, end: number): void;
  opening(w: string, start: number, end: number): void;
  pair(a: string, b: string, start: number, end: number): void;
  openingPair(a: string, b: string, start: number, end: number): void;
  previous(w: string): void;
  next(w: string): void;
  nextOpening(w: string): void;
  named(name: string): void;
}

/** The open features of a turn, one by one, in one walk for fitting and coding alike. */
function walkOpenFeatures(
  tokens: readonly string[],
  starts: readonly number[],
  previous: readonly string[] | undefined,
  following: readonly string[] | undefined,
  role: string,
  index: number,
  sink: OpenFeatureSink,
): void {
  const n = tokens.length;
  let next = n > 0 ? norm(tokens[0] as string) : '';
  for (let i = 0; i < n; i++) {
    const w = next;
    const start = starts[i] as number;
    const end = start + (tokens[i] as string).length;
    sink.word(w, start, end);
    if (sink.stems) {
      const s = stem(w);
      if (s !== w) sink.stem(s, start, end);
    }
    if (i === 0) sink.opening(w, start, end);
    if (i + 1 < n) {
      next = norm(tokens[i + 1] as string);
      const pairEnd = (starts[i + 1] as number) + (tokens[i + 1] as string).length;
      sink.pair(w, next, start, pairEnd);
      if (i === 0) sink.openingPair(w, next, start, pairEnd);
    }
  }
  if (previous) for (const w of previous) sink.previous(norm(w));
  if (following) {
    for (const w of following) sink.next(norm(w));
    if (following.length > 0) sink.nextOpening(norm(following[0] as string));
  }
  sink.named(`role:${role}`);
  sink.named(lengthBand(n));
  sink.named(positionBand(index));
}

/** For fitting: every open feature by name into a turn's feature map (first use kept). */
class FeatureNames implements OpenFeatureSink {
  readonly stems = true;
  constructor(private readonly f: TurnFeatures) {}
  private put(name: string, start: number, end: number): void {
    if (!this.f.has(name)) this.f.set(name, end > start ? { value: 1, start, end } : PLAIN);
  }
  word(w: string, start: number, end: number): void {
    this.put(`w:${w}`, start, end);
  }
  stem(s: string, start: number, end: number): void {
    this.put(`s:${s}`, start, end);
  }
  opening(w: string, start: number, end: number): void {
    this.put(`o:${w}`, start, end);
  }
  pair(a: string, b: string, start: number, end: number): void {
    this.put(`w2:${a} ${b}`, start, end);
  }
  openingPair(a: string, b: string, start: number, end: number): void {
    this.put(`o2:${a} ${b}`, start, end);
  }
  previous(w: string): void {
    this.put(`p:${w}`, 0, 0);
  }
  next(w: string): void {
    this.put(`n:${w}`, 0, 0);
  }
  nextOpening(w: string): void {
    this.put(`no:${w}`, 0, 0);
  }
  named(name: string): void {
    this.put(name, 0, 0);
  }
}

const LENGTH_BANDS = ['len:1', 'len:1', 'len:2-3', 'len:2-3', 'len:4-9'];
function lengthBand(n: number): string {
  return n < 5 ? (LENGTH_BANDS[n] as string) : n <= 9 ? 'len:4-9' : n <= 24 ? 'len:10-24' : 'len:25+';
}
function positionBand(index: number): string {
  return index < 2 ? 'pos:opening' : index < 10 ? 'pos:early' : 'pos:later';
}

const DIGIT = /\d/;
const DIGITS = /\d/g;

/** A token as a feature sees it: digits written `0`, so numbers and times do not become vocabulary. */
function norm(token: string): string {
  return DIGIT.test(token) ? token.replace(DIGITS, '0') : token;
}
