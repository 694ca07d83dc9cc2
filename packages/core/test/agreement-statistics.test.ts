import { describe, expect, it } from 'vitest';
import { cohenKappa, kappaFromConfusion, kappaFromTable } from '../src/agreement/cohen-kappa.js';
import { countConfusion, scoreConfusion } from '../src/agreement/confusion.js';
import { krippendorffAlpha, type CoderValue } from '../src/agreement/krippendorff-alpha.js';
import { averageMacro } from '../src/agreement/macro-average.js';

/** Expands a 2×2 table into paired yes/no decisions (rater A = reference, rater B = predicted). */
function expand(t: { yy: number; yn: number; ny: number; nn: number }): [boolean[], boolean[]] {
  const a: boolean[] = [];
  const b: boolean[] = [];
  const push = (count: number, va: boolean, vb: boolean) => {
    for (let i = 0; i < count; i++) {
      a.push(va);
      b.push(vb);
    }
  };
  push(t.yy, true, true);
  push(t.yn, true, false);
  push(t.ny, false, true);
  push(t.nn, false, false);
  return [a, b];
}

describe('Cohen kappa, binary (textbook 2×2 tables)', () => {
  // Wikipedia "Cohen's kappa": 50 grant proposals, 20 yes/yes, 15 no/no, A yes B no 5, A no B yes 10.
  // p_o = 35/50 = 0.7; A says yes 25/50, B says yes 30/50; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.4.
  // Same article, "same percentages, different numbers": (45, 15 / 25, 15) → 0.1304; (25, 35 / 5, 35) → 0.2593.
  const rows: [string, { yy: number; yn: number; ny: number; nn: number }, number, number, number][] = [
    ['grant proposals', { yy: 20, yn: 5, ny: 10, nn: 15 }, 0.7, 0.5, 0.4],
    ['balanced marginals', { yy: 45, yn: 15, ny: 25, nn: 15 }, 0.6, 0.54, 0.06 / 0.46],
    ['unbalanced marginals', { yy: 25, yn: 35, ny: 5, nn: 35 }, 0.6, 0.46, 0.14 / 0.54],
  ];
  it.each(rows)('%s', (_name, t, po, pe, kappa) => {
    const [a, b] = expand(t);
    const fromArrays = cohenKappa(a, b);
    expect(fromArrays.observed).toBeCloseTo(po, 12);
    expect(fromArrays.expected).toBeCloseTo(pe, 12);
    expect(fromArrays.kappa).toBeCloseTo(kappa, 12);
    const fromConfusion = kappaFromConfusion(countConfusion(a, b));
    expect(fromConfusion.kappa).toBeCloseTo(kappa, 12);
    expect(fromConfusion.n).toBe(t.yy + t.yn + t.ny + t.nn);
  });
  it('rounds the published values', () => {
    expect(kappaFromConfusion({ tp: 45, fn: 15, fp: 25, tn: 15 }).kappa?.toFixed(4)).toBe('0.1304');
    expect(kappaFromConfusion({ tp: 25, fn: 35, fp: 5, tn: 35 }).kappa?.toFixed(4)).toBe('0.2593');
  });
});

describe('Cohen kappa, nominal', () => {
  // Hand-computed 3-category table, n = 50: diagonal 10 + 12 + 17 = 39 → p_o = 0.78;
  // rows (A) 15, 15, 20; columns (B) 13, 15, 22; p_e = (15·13 + 15·15 + 20·22) / 2500 = 0.344;
  // κ = (0.78 − 0.344) / (1 − 0.344) = 436/656 = 109/164.
  const table = [
    [10, 2, 3],
    [1, 12, 2],
    [2, 1, 17],
  ];
  const labels = ['x', 'y', 'z'];
  it('from a table', () => {
    const r = kappaFromTable(table);
    expect(r.observed).toBeCloseTo(0.78, 12);
    expect(r.expected).toBeCloseTo(0.344, 12);
    expect(r.kappa).toBeCloseTo(109 / 164, 12);
  });
  it('from two label arrays gives the same value', () => {
    const a: string[] = [];
    const b: string[] = [];
    table.forEach((row, i) => row.forEach((count, j) => {
      for (let k = 0; k < count; k++) {
        a.push(labels[i]!);
        b.push(labels[j]!);
      }
    }));
    expect(cohenKappa(a, b).kappa).toBeCloseTo(109 / 164, 12);
  });
  it('perfect agreement on varied categories is 1; systematic disagreement is negative', () => {
    expect(cohenKappa(['x', 'y', 'z', 'x'], ['x', 'y', 'z', 'x']).kappa).toBe(1);
    // p_o = 0; p_e = 0.5·0.5·2 = 0.5 → κ = −1
    expect(cohenKappa([true, false], [false, true]).kappa).toBe(-1);
  });
});

describe('Cohen kappa, degenerate cases', () => {
  it('no items: null with a note', () => {
    const r = cohenKappa([], []);
    expect(r.kappa).toBeNull();
    expect(r.n).toBe(0);
    expect(r.note).toMatch(/no items/);
  });
  it('both raters constant and identical: p_e = 1, kappa null, percent agreement 1', () => {
    const r = cohenKappa([false, false, false], [false, false, false]);
    expect(r.kappa).toBeNull();
    expect(r.observed).toBe(1);
    expect(r.expected).toBe(1);
    expect(r.note).toMatch(/chance agreement is 1/);
    expect(kappaFromConfusion({ tp: 0, fp: 0, fn: 0, tn: 9 }).kappa).toBeNull();
    expect(kappaFromConfusion({ tp: 4, fp: 0, fn: 0, tn: 0 }).kappa).toBeNull();
  });
  it('one rater constant, the other not: kappa is 0, not undefined', () => {
    // A always no; B yes once in 4: p_o = 0.75, p_e = 1·0.75 = 0.75 → κ = 0
    const r = cohenKappa([false, false, false, false], [true, false, false, false]);
    expect(r.kappa).toBe(0);
    expect(r.note).toBeUndefined();
  });
  it('refuses arrays of different lengths', () => {
    expect(() => cohenKappa([true], [true, false])).toThrow(/same length/);
  });
});

describe('precision, recall, F1, percent agreement', () => {
  const rows: [string, { tp: number; fp: number; fn: number; tn: number }, (number | null)[]][] = [
    // [precision, recall, f1, percent agreement]
    ['ordinary', { tp: 6, fp: 2, fn: 4, tn: 8 }, [6 / 8, 6 / 10, 12 / 18, 14 / 20]],
    ['perfect', { tp: 3, fp: 0, fn: 0, tn: 7 }, [1, 1, 1, 1]],
    ['never predicted', { tp: 0, fp: 0, fn: 5, tn: 5 }, [null, 0, 0, 0.5]],
    ['never in the reference', { tp: 0, fp: 3, fn: 0, tn: 7 }, [0, null, 0, 0.7]],
    ['used by neither', { tp: 0, fp: 0, fn: 0, tn: 10 }, [null, null, null, 1]],
    ['no items', { tp: 0, fp: 0, fn: 0, tn: 0 }, [null, null, null, null]],
  ];
  it.each(rows)('%s', (_name, c, [p, r, f, a]) => {
    const s = scoreConfusion(c);
    for (const [got, want] of [[s.precision, p], [s.recall, r], [s.f1, f], [s.percentAgreement, a]] as const) {
      if (want === null) expect(got).toBeNull();
      else expect(got).toBeCloseTo(want as number, 12);
    }
    expect(s.notes.length).toBe([p, r, f, a].filter((v) => v === null).length === 4 ? 1 : [p, r, f].filter((v) => v === null).length);
  });
  it('F1 equals the harmonic mean when precision and recall are defined', () => {
    const s = scoreConfusion({ tp: 6, fp: 2, fn: 4, tn: 8 });
    expect(s.f1).toBeCloseTo((2 * s.precision! * s.recall!) / (s.precision! + s.recall!), 12);
  });
  it('counts a confusion from paired decisions', () => {
    expect(countConfusion([true, true, false, false, true], [true, false, true, false, true])).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1 });
  });
});

describe('Krippendorff alpha, nominal', () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example A: two observers,
  // ten units, binary values. Coincidences o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6, n = 20;
  // α = 1 − (n − 1)·o01 / (n0·n1) = 1 − 19·4/84 = 0.0952.
  it('two coders, binary data (published 0.095)', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r = krippendorffAlpha(a.map((v, i) => [v, b[i]]));
    expect(r.alpha).toBeCloseTo(1 - 76 / 84, 12);
    expect(r.alpha?.toFixed(3)).toBe('0.095');
    expect(r.pairable).toBe(20);
    expect(r.units).toBe(10);
  });
  // Same paper, example C: four observers, twelve units, nominal values 1–5, with missing values;
  // unit 12 has a single value and is not pairable. Published nominal α = 0.743.
  it('four coders, nominal data with missing values (published 0.743)', () => {
    const _ = null;
    const observers: CoderValue[][] = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const units = observers[0]!.map((_v, u) => observers.map((o) => o[u]));
    const r = krippendorffAlpha(units);
    expect(r.alpha?.toFixed(3)).toBe('0.743');
    expect(r.pairable).toBe(40);
    expect(r.units).toBe(11);
  });
  it('equals Cohen-like perfect agreement (1) when every unit agrees and values vary', () => {
    expect(krippendorffAlpha([['a', 'a'], ['b', 'b'], ['a', 'a', 'a']]).alpha).toBe(1);
  });
  it('treats strings, numbers and booleans as distinct values', () => {
    // "1" (string) vs 1 (number) disagree: all three units disagree → D_o = 1
    const r = krippendorffAlpha([['1', 1], ['1', 1], [true, 'true']]);
    expect(r.observedDisagreement).toBe(1);
  });
  it('undefined without pairable values', () => {
    const r = krippendorffAlpha([[1, null], [undefined, 2], []]);
    expect(r.alpha).toBeNull();
    expect(r.pairable).toBe(0);
    expect(r.note).toMatch(/pairable/);
  });
  it('undefined when a single value is used throughout', () => {
    const r = krippendorffAlpha([[0, 0], [0, 0, null], [0, 0, 0]]);
    expect(r.alpha).toBeNull();
    expect(r.expectedDisagreement).toBe(0);
    expect(r.note).toMatch(/\(0\)/);
  });
});

describe('macro averages', () => {
  const rows: [(number | null)[], number | null, number][] = [
    [[0.2, 0.4, 0.9], 0.5, 3],
    [[0.2, null, 0.4], 0.3, 2],
    [[null, null], null, 0],
    [[], null, 0],
  ];
  it.each(rows)('%j → %s over %s codes', (values, mean, codes) => {
    const m = averageMacro(values);
    if (mean === null) expect(m.mean).toBeNull();
    else expect(m.mean).toBeCloseTo(mean, 12);
    expect(m.codes).toBe(codes);
  });
});
