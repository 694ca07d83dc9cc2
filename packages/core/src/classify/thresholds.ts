import { kappaFromConfusion } from '../agreement/cohen-kappa.js';

/** A turn coded while it was held out: its score for a code and the human's decision. */
export interface HeldOutScore {
  score: number;
  human: boolean;
}

/** Thresholds tried, from 0.1 to 0.9 in steps of 0.025. */
const GRID = Array.from({ length: 33 }, (_, i) => Math.round((0.1 + i * 0.025) * 1000) / 1000);

/**
 * The threshold at which held-out scores agree best with the human codes (Cohen's kappa), from
 * 0.1 to 0.9; among equally good ones, the nearest to 0.5. Give it scores of turns coded by
 * models that did not see them (grouped cross-validation), never of the turns a model was fitted to.
 */
export function chooseThreshold(scores: readonly HeldOutScore[]): number {
  let best = 0.5;
  let bestKappa = -Infinity;
  for (const t of GRID) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const s of scores) {
      const machine = s.score >= t;
      if (machine && s.human) tp++;
      else if (machine) fp++;
      else if (s.human) fn++;
      else tn++;
    }
    const k = kappaFromConfusion({ tp, fp, fn, tn }).kappa ?? -Infinity;
    if (k > bestKappa + 1e-9 || (Math.abs(k - bestKappa) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
      best = t;
      bestKappa = k;
    }
  }
  return best;
}
