import { own, type CodedTurn } from '@coachcode/core';

/** A turn that could be hand-coded next, with the machine's coding of it. */
export interface Candidate {
  source: string;
  turn: CodedTurn;
  /** The turn before it, if any (shown on the coding sheet). */
  previous?: CodedTurn;
}

/** Options of {@link selectTurns}. */
export interface SelectOptions {
  /** How many turns to pick. */
  n: number;
  /** The codes, in the order their turns take turns. */
  codes: readonly string[];
  /** Each code's threshold: the score at which the model assigns it. */
  thresholds: Readonly<Record<string, number>>;
}

const logit = (p: number): number => {
  const q = Math.min(0.995, Math.max(0.005, p));
  return Math.log(q / (1 - q));
};

/** A turn's words, lower case, for the near-duplicate test. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
}

/** Whether two word sets are near-duplicates: Jaccard similarity at least 0.8 (identical short turns such as "yeah" too). */
function nearDuplicate(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 && b.size === 0) return true;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared) >= 0.8;
}

/**
 * Picks the turns whose hand codes would teach the model most: for each code, the turns whose
 * score is nearest the code's threshold (distance in log-odds, where the model is least sure
 * whether to assign it), the codes taking turns so that every code gets its share; no
 * transcript gives more than twice its share of the turns (while others have candidates left),
 * and no turn is a near-duplicate of one already picked (the same words, Jaccard ≥ 0.8).
 * Deterministic: ties go to the earlier turn. Returns the picks in input order.
 */
export function selectTurns(candidates: readonly Candidate[], options: SelectOptions): Candidate[] {
  const n = Math.min(options.n, candidates.length);
  if (n <= 0 || options.codes.length === 0) return [];
  const sources = new Set(candidates.map((c) => c.source));
  const quota = Math.max(1, Math.ceil((2 * n) / sources.size));
  // Per code, candidates by closeness to its threshold.
  const queues = options.codes.map((code) => {
    const t = logit(options.thresholds[code] ?? 0.5);
    return candidates
      .map((c, i) => ({ i, d: Math.abs(logit(own(c.turn.scores, code) ?? 0) - t) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .map((x) => x.i);
  });
  const chosen = new Set<number>();
  const chosenWords: Set<string>[] = [];
  const perSource = new Map<string, number>();
  const wordsOf = new Map<number, Set<string>>();
  const fits = (i: number, withQuota: boolean): boolean => {
    if (chosen.has(i)) return false;
    const c = candidates[i] as Candidate;
    if (withQuota && (perSource.get(c.source) ?? 0) >= quota) return false;
    let w = wordsOf.get(i);
    if (!w) wordsOf.set(i, (w = words(c.turn.text)));
    return !chosenWords.some((x) => nearDuplicate(w, x));
  };
  // First within each transcript's quota, then (if turns are still wanted) without it.
  for (const withQuota of [true, false]) {
    const done = options.codes.map(() => false);
    const cursor = options.codes.map(() => 0);
    for (let k = 0; chosen.size < n && done.includes(false); k = (k + 1) % options.codes.length) {
      if (done[k]) continue;
      const queue = queues[k] as number[];
      let at = cursor[k] as number;
      while (at < queue.length && !fits(queue[at] as number, withQuota)) at++;
      cursor[k] = at + 1;
      if (at >= queue.length) {
        done[k] = true;
        continue;
      }
      const i = queue[at] as number;
      chosen.add(i);
      chosenWords.push(wordsOf.get(i) as Set<string>);
      const source = (candidates[i] as Candidate).source;
      perSource.set(source, (perSource.get(source) ?? 0) + 1);
    }
    if (chosen.size >= n) break;
  }
  return [...chosen].sort((a, b) => a - b).map((i) => candidates[i] as Candidate);
}
