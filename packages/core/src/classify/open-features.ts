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

  named(name: string): number | undefined {
    return this.other.get(name);
  }
  /** Whether any feature of the next turn is weighed (it is not read otherwise). */
  readonly lookahead: boolean;

  /**
   * What the vocabulary holds for a token of a transcript, every kind at once: looked up once
   * per distinct token and kept (up to {@link MAX_ENTRIES} tokens), so that coding a turn costs
   * one lookup per word, not one per kind, plus a stemming.
   */
  entry(token: string): TokenEntry {
    let e = this.entries.get(token);
    if (e === undefined) {
      const w = norm(token);
      const s = this.s.size > 0 ? stem(w) : w;
      e = {
        norm: w,
        w: this.w.get(w) ?? -1,
        s: s === w ? -1 : (this.s.get(s) ?? -1),
        o: this.o.get(w) ?? -1,
        p: this.p.get(w) ?? -1,
        n: this.n.get(w) ?? -1,
        no: this.no.get(w) ?? -1,
        w2: this.w2.get(w),
        o2: this.o2.get(w),
      };
      if (this.entries.size < MAX_ENTRIES) this.entries.set(token, e);
    }
    return e;
  }
  private readonly entries = new Map<string, TokenEntry>();
}

/** How many distinct tokens a vocabulary remembers its entries for (about 20 MB at most). */
const MAX_ENTRIES = 100_000;

/** A token's vocabulary indices per kind of feature (−1: not in the vocabulary), and the second words of its pairs. */
interface TokenEntry {
  readonly norm: string;
  readonly w: number;
  readonly s: number;
  readonly o: number;
  readonly p: number;
  readonly n: number;
  readonly no: number;
  readonly w2: ReadonlyMap<string, number> | undefined;
  readonly o2: ReadonlyMap<string, number> | undefined;
}

/** What the open features of one turn add to each code's logit, and where they are in the text. */
export interface OpenScore {
  /** Per code (in the classifier's order), the summed weights of the turn's open features. */
  z: number[];
  /** The features that fired, as triples: vocabulary index, start, end (end = start when spanless). */
  hits: number[];
}

/**
 * Adds up the open features of turns as they are found, without building a feature map: each
 * vocabulary entry counts once per turn. One per classifier; `begin` a turn, `finish` it.
 */
export class OpenScorer implements OpenFeatureSink<TokenEntry> {
  readonly vocabulary: OpenVocabulary;
  /** Weights, `K` per vocabulary entry (codes in the classifier's order). */
  readonly rows: Float64Array;
  private readonly K: number;
  private readonly seen: Int32Array;
  private turn = 0;
  // Plain arrays, not typed ones: a turn's two are small and short-lived, and typed arrays cost
  // more to make than to fill.
  private z: number[] = [];
  private hits: number[] = [];

  constructor(vocabulary: OpenVocabulary, rows: Float64Array, K: number) {
    this.vocabulary = vocabulary;
    this.rows = rows;
    this.K = K;
    this.seen = new Int32Array(vocabulary.size);
  }

  begin(): void {
    this.turn++;
    this.z = new Array<number>(this.K).fill(0);
    this.hits = [];
  }

  private hit(i: number | undefined, start: number, end: number): void {
    if (i === undefined || i < 0 || this.seen[i] === this.turn) return;
    this.seen[i] = this.turn;
    const K = this.K;
    const z = this.z;
    for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (this.rows[i * K + k] as number);
    this.hits.push(i, start, end);
  }

  /**
   * A turn's words as vocabulary entries. The words of the last few turns are kept by identity:
   * a turn's words come again as the next turn's previous words and the last turn's next ones.
   */
  resolve(tokens: readonly string[]): readonly TokenEntry[] {
    for (const [t, e] of this.recent) if (t === tokens) return e;
    const entries = tokens.map((t) => this.vocabulary.entry(t));
    this.recent[this.slot] = [tokens, entries];
    this.slot = (this.slot + 1) % 4;
    return entries;
  }
  private readonly recent: [readonly string[], readonly TokenEntry[]][] = [];
  private slot = 0;

  word(e: TokenEntry, start: number, end: number, first: boolean): void {
    this.hit(e.w, start, end);
    this.hit(e.s, start, end);
    if (first) this.hit(e.o, start, end);
  }
  pair(a: TokenEntry, b: TokenEntry, start: number, end: number, first: boolean): void {
    if (a.w2) this.hit(a.w2.get(b.norm), start, end);
    if (first && a.o2) this.hit(a.o2.get(b.norm), start, end);
  }
  previous(e: TokenEntry): void {
    this.hit(e.p, 0, 0);
  }
  next(e: TokenEntry): void {
    this.hit(e.n, 0, 0);
  }
  nextOpening(e: TokenEntry): void {
    this.hit(e.no, 0, 0);
  }
  named(name: string): void {
    this.hit(this.vocabulary.named(name), 0, 0);
  }

  finish(): OpenScore {
    return { z: this.z, hits: this.hits };
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
  if (names === 'all') walkOpenFeatures(tokens, starts, previous, next, role, index, new FeatureNames(f));
  else walkOpenFeatures(tokens, starts, previous, next, role, index, names);
}

/**
 * Where {@link walkOpenFeatures} puts each feature it finds: a fitting's feature map, or a
 * coding's scorer. Tokens come as the turn's words are cut; each sink writes digits as `0` and
 * stems as it needs (the scorer once per distinct word, not once per use).
 */
interface OpenFeatureSink<T> {
  /** The turn's words as this sink needs them (`T` per token). */
  resolve(tokens: readonly string[]): readonly T[];
  /** A word of the turn (and, for the first, the turn's opening). */
  word(token: T, start: number, end: number, first: boolean): void;
  /** Two words in a row (and, for the first two, the turn's opening pair). */
  pair(a: T, b: T, start: number, end: number, first: boolean): void;
  previous(token: T): void;
  next(token: T): void;
  nextOpening(token: T): void;
  named(name: string): void;
}

/** The open features of a turn, one by one, in one walk for fitting and coding alike. */
function walkOpenFeatures<T>(
  tokens: readonly string[],
  starts: readonly number[],
  previous: readonly string[] | undefined,
  following: readonly string[] | undefined,
  role: string,
  index: number,
  sink: OpenFeatureSink<T>,
): void {
  const n = tokens.length;
  const resolved = sink.resolve(tokens);
  for (let i = 0; i < n; i++) {
    const start = starts[i] as number;
    const token = resolved[i] as T;
    sink.word(token, start, start + (tokens[i] as string).length, i === 0);
    if (i + 1 < n) sink.pair(token, resolved[i + 1] as T, start, (starts[i + 1] as number) + (tokens[i + 1] as string).length, i === 0);
  }
  if (previous) for (const w of sink.resolve(previous)) sink.previous(w);
  if (following) {
    const after = sink.resolve(following);
    for (const w of after) sink.next(w);
    if (after.length > 0) sink.nextOpening(after[0] as T);
  }
  sink.named(ROLE_FEATURE[role] ?? `role:${role}`);
  sink.named(lengthBand(n));
  sink.named(positionBand(index));
}

/** For fitting: every open feature by name into a turn's feature map (first use kept). */
class FeatureNames implements OpenFeatureSink<string> {
  constructor(private readonly f: TurnFeatures) {}
  private put(name: string, start: number, end: number): void {
    if (!this.f.has(name)) this.f.set(name, end > start ? { value: 1, start, end } : PLAIN);
  }
  resolve(tokens: readonly string[]): readonly string[] {
    return tokens.map(norm);
  }
  word(w: string, start: number, end: number, first: boolean): void {
    this.put(`w:${w}`, start, end);
    const s = stem(w);
    if (s !== w) this.put(`s:${s}`, start, end);
    if (first) this.put(`o:${w}`, start, end);
  }
  pair(a: string, b: string, start: number, end: number, first: boolean): void {
    const pair = `${a} ${b}`;
    this.put(`w2:${pair}`, start, end);
    if (first) this.put(`o2:${pair}`, start, end);
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

/** `role:<role>` for the usual roles, made once. */
const ROLE_FEATURE: Readonly<Record<string, string>> = { coach: 'role:coach', coachee: 'role:coachee', observer: 'role:observer' };
