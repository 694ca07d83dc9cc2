import type { BinaryConfusion } from './confusion.js';
import { agreementNotes } from './messages.js';

/** Cohen's kappa with its parts; `kappa` is `null` when it is undefined (see `note`). */
export interface KappaResult {
  kappa: number | null;
  /** Observed agreement p_o: share of items on which the two raters agree. */
  observed: number | null;
  /** Chance agreement p_e: Σ_k p_a(k) · p_b(k) from each rater's own category shares. */
  expected: number | null;
  /** Number of items. */
  n: number;
  /** Why `kappa` is `null`, when it is. */
  note?: string;
}

/**
 * Cohen's kappa from a square contingency table: `table[i][j]` = items rater A put in category
 * i and rater B in category j. κ = (p_o − p_e) / (1 − p_e). Undefined (`null`) when there are
 * no items, or when p_e = 1, which happens only when both raters put every item in one and the
 * same category (then p_o = 1 too, and κ = 0/0).
 */
export function kappaFromTable(table: readonly (readonly number[])[], labels?: readonly string[]): KappaResult {
  const k = table.length;
  for (const row of table) {
    if (row.length !== k) throw new RangeError(`kappaFromTable: expected a square table, received a row of ${row.length} cells in a table of ${k} rows`);
  }
  let n = 0;
  let agree = 0;
  const rowSums = new Array<number>(k).fill(0);
  const colSums = new Array<number>(k).fill(0);
  table.forEach((row, i) =>
    row.forEach((cell, j) => {
      n += cell;
      rowSums[i] = (rowSums[i] ?? 0) + cell;
      colSums[j] = (colSums[j] ?? 0) + cell;
      if (i === j) agree += cell;
    }),
  );
  if (n === 0) return { kappa: null, observed: null, expected: null, n, note: agreementNotes.noItems() };
  const observed = agree / n;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += ((rowSums[i] ?? 0) / n) * ((colSums[i] ?? 0) / n);
  // p_e = 1 exactly iff one category holds all items for both raters; compare on counts to avoid rounding.
  const only = rowSums.findIndex((s, i) => s === n && colSums[i] === n);
  if (only >= 0) {
    return { kappa: null, observed, expected: 1, n, note: agreementNotes.kappaChanceIsOne(labels?.[only] ?? `category ${only + 1}`) };
  }
  return { kappa: (observed - expected) / (1 - expected), observed, expected, n };
}

/** Binary Cohen's kappa of a 2×2 confusion (categories: yes, no). */
export function kappaFromConfusion(c: BinaryConfusion): KappaResult {
  return kappaFromTable(
    [
      [c.tp, c.fn],
      [c.fp, c.tn],
    ],
    ['yes', 'no'],
  );
}

/**
 * Cohen's kappa for two raters over the same items, nominal (any number of categories; booleans
 * for a binary code). `a[i]` and `b[i]` are the two raters' categories for item i; the arrays
 * must have the same length. Categories are compared with `===`.
 */
export function cohenKappa<T extends string | number | boolean>(a: readonly T[], b: readonly T[]): KappaResult {
  if (a.length !== b.length) {
    throw new RangeError(`cohenKappa: expected two arrays of the same length, received ${a.length} and ${b.length}`);
  }
  const categories: T[] = [];
  const index = new Map<T, number>();
  for (const v of [...a, ...b]) {
    if (!index.has(v)) {
      index.set(v, categories.length);
      categories.push(v);
    }
  }
  const table = categories.map(() => new Array<number>(categories.length).fill(0));
  a.forEach((va, i) => {
    const row = table[index.get(va) ?? 0];
    const j = index.get(b[i] as T) ?? 0;
    if (row) row[j] = (row[j] ?? 0) + 1;
  });
  return kappaFromTable(table, categories.map(String));
}
