import { describe, expect, it } from 'vitest';
import type { Coding, CodedUnit } from '../src/agreement/coding.js';
import { compareCoders } from '../src/agreement/compare-coders.js';
import { evaluateCodings } from '../src/agreement/evaluate.js';
import { CoachcodeError } from '../src/errors.js';

function coding(units: Omit<CodedUnit, 'line'>[]): Coding {
  return new Map(units.map((u) => [`${u.file}#${u.turn}`, u]));
}

// An invented exchange, hand-counted. Gold a.txt turns 1–6 (+ b.txt, which the machine never saw);
// predicted a.vtt (paired with a.txt by stem) turns 1–5 and 7 (+ c.vtt, which has no gold).
const gold = coding([
  { file: 'a.txt', turn: 1, role: 'coach', codes: ['challenge'] },
  { file: 'a.txt', turn: 2, role: 'coachee', codes: ['dissonance', 'challenge'] },
  { file: 'a.txt', turn: 3, role: 'coach', codes: [] },
  { file: 'a.txt', turn: 4, role: 'coachee', codes: ['summary'], scored: ['challenge', 'summary'] },
  { file: 'a.txt', turn: 5, role: 'coach', codes: ['challenge'] },
  { file: 'a.txt', turn: 6, role: 'coachee', codes: [] },
  { file: 'b.txt', turn: 1, role: 'coach', codes: ['summary'] },
]);
const predicted = coding([
  { file: 'a.vtt', turn: 1, codes: ['challenge'] },
  { file: 'a.vtt', turn: 2, codes: ['dissonance'] },
  { file: 'a.vtt', turn: 3, codes: ['challenge'] },
  { file: 'a.vtt', turn: 4, codes: ['summary', 'dissonance'] }, // dissonance not scored on gold turn 4
  { file: 'a.vtt', turn: 5, codes: ['continuity'] }, // not an evaluated code
  { file: 'a.vtt', turn: 7, codes: [] },
  { file: 'c.vtt', turn: 1, codes: [] },
]);
const codes = ['challenge', 'dissonance', 'summary'];

describe('evaluateCodings', () => {
  const e = evaluateCodings(gold, predicted, { codes, byRole: true });

  // challenge over turns 1–5: gold yes 1, 2, 5; predicted yes 1, 3 → tp 1, fn 2, fp 1, tn 1.
  //   p_o = 2/5, p_e = 0.6·0.4 + 0.4·0.6 = 0.48, κ = −0.08/0.52 = −2/13; P = 1/2, R = 1/3, F1 = 2/5.
  // dissonance over turns 1, 2, 3, 5 (not scored on 4): tp 1, tn 3 → κ = 1.
  // summary over turns 1–5: tp 1 (turn 4), tn 4 → κ = 1.
  const rows: [string, number[], (number | null)[]][] = [
    // code, [tp, fp, fn, tn, n, support, predicted], [precision, recall, f1, kappa, percent agreement]
    ['challenge', [1, 1, 2, 1, 5, 3, 2], [1 / 2, 1 / 3, 2 / 5, -2 / 13, 2 / 5]],
    ['dissonance', [1, 0, 0, 3, 4, 1, 1], [1, 1, 1, 1, 1]],
    ['summary', [1, 0, 0, 4, 5, 1, 1], [1, 1, 1, 1, 1]],
  ];
  it.each(rows)('per code: %s', (code, counts, stats) => {
    const r = e.perCode.find((p) => p.code === code)!;
    expect([r.tp, r.fp, r.fn, r.tn, r.n, r.support, r.predicted]).toEqual(counts);
    [r.precision, r.recall, r.f1, r.kappa, r.percentAgreement].forEach((v, i) => expect(v).toBeCloseTo(stats[i]!, 12));
  });
  it('macro averages', () => {
    expect(e.macro.kappa.mean).toBeCloseTo((-2 / 13 + 2) / 3, 12);
    expect(e.macro.f1.mean).toBeCloseTo(0.8, 12);
    expect(e.macro.kappa.codes).toBe(3);
  });
  it('counts and lists turns on one side only', () => {
    expect(e.turnCounts).toEqual({ gold: 7, predicted: 7, matched: 5 });
    expect(e.turns).toBe(5);
    expect(e.missing).toEqual({ count: 2, examples: ['a.txt#6', 'b.txt#1'] });
    expect(e.extra).toEqual({ count: 2, examples: ['a.vtt#7', 'c.vtt#1'] });
    expect(e.files).toEqual([{ reference: 'a.txt', other: 'a.vtt', rule: 'stem' }]);
    expect(e.diagnostics.map((d) => [d.code, d.source ?? null])).toEqual([
      ['file-matched-by-stem', 'a.txt'],
      ['evaluate-missing-file', 'b.txt'],
      ['evaluate-missing-turns', 'a.txt'],
      ['evaluate-extra-file', 'c.vtt'],
      ['evaluate-extra-turns', 'a.vtt'],
      ['evaluate-unknown-code', null],
    ]);
    expect(e.diagnostics[5]?.message).toMatch(/predicted coding uses the code "continuity" \(1 turns\)/);
  });
  it('lists a limited number of example keys', () => {
    const few = evaluateCodings(gold, predicted, { codes, examples: 1 });
    expect(few.missing).toEqual({ count: 2, examples: ['a.txt#6'] });
  });
  it('builds the multi-label confusion table', () => {
    // turn 1: challenge → challenge; turn 2: challenge + dissonance → dissonance; turn 3: none → challenge;
    // turn 4: summary → summary (dissonance not scored); turn 5: challenge → none.
    expect(e.confusion).toEqual([
      { gold: 'challenge', turns: 3, predicted: { challenge: 1, dissonance: 1, summary: 0, none: 1 } },
      { gold: 'dissonance', turns: 1, predicted: { challenge: 0, dissonance: 1, summary: 0, none: 0 } },
      { gold: 'summary', turns: 1, predicted: { challenge: 0, dissonance: 0, summary: 1, none: 0 } },
      { gold: 'none', turns: 1, predicted: { challenge: 1, dissonance: 0, summary: 0, none: 0 } },
    ]);
  });
  it('per role, with undefined statistics explained', () => {
    expect(Object.keys(e.byRole ?? {})).toEqual(['coach', 'coachee']);
    const coach = e.byRole!.coach!;
    const coachee = e.byRole!.coachee!;
    expect(coach.turns).toBe(3);
    // coach challenge: turns 1 tp, 3 fp, 5 fn → p_o 1/3, p_e 5/9, κ = −1/2
    expect(coach.perCode[0]!.kappa).toBeCloseTo(-0.5, 12);
    // coachee challenge: turn 2 fn, turn 4 tn → never predicted: precision null, κ = 0
    expect(coachee.perCode[0]).toMatchObject({ tp: 0, fn: 1, fp: 0, tn: 1, precision: null, recall: 0, f1: 0, kappa: 0 });
    // coach dissonance: three turns, all tn → nothing defined but percent agreement
    expect(coach.perCode[1]).toMatchObject({ n: 3, precision: null, recall: null, f1: null, kappa: null, percentAgreement: 1 });
    expect(coach.perCode[1]!.notes.join(' ')).toMatch(/chance agreement is 1/);
    // coachee dissonance: only turn 2 (tp) is compared → both raters constant "yes"
    expect(coachee.perCode[1]).toMatchObject({ n: 1, tp: 1, kappa: null, f1: 1 });
  });
  it('respects the predicted side\'s scored codes too (coder against coder)', () => {
    const second = coding([{ file: 'a.txt', turn: 1, codes: [], scored: ['summary'] }]);
    const r = evaluateCodings(gold, second, { codes });
    expect(r.perCode.map((p) => p.n)).toEqual([0, 0, 1]);
    expect(r.perCode[0]!.notes).toEqual(['no items to compare: the statistic is undefined']);
  });
  it('refuses an empty code list', () => {
    expect(() => evaluateCodings(gold, predicted, { codes: [] })).toThrow(CoachcodeError);
  });
});

describe('compareCoders', () => {
  it("two coders: Krippendorff's example A as one code", () => {
    // Krippendorff (2011) example A: α = 0.095. Cohen's κ of the same table: tp 1, A-only 1,
    // B-only 3, neither 5 → p_o 0.6, p_e 0.2·0.4 + 0.8·0.6 = 0.56 → κ = 0.04/0.44 = 1/11.
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const toCoding = (values: number[]) => coding(values.map((v, i) => ({ file: 'x.txt', turn: i + 1, codes: v ? ['challenge'] : [] })));
    const r = compareCoders([toCoding(a), toCoding(b)], { codes: ['challenge'], names: ['A', 'B'] });
    expect(r.coders).toEqual(['A', 'B']);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ a: 'A', b: 'B', turns: 10 });
    expect(r.pairs[0]!.perCode[0]!.kappa).toBeCloseTo(1 / 11, 12);
    expect(r.alpha[0]!.alpha?.toFixed(3)).toBe('0.095');
  });
  it('three coders with a missing turn and a file named differently', () => {
    // turn:    1  2  3  4
    // coder 1: 1  0  1  0
    // coder 2: 1  0  0  0
    // coder 3: 1  –  1  0   (file x.csv, paired with x.txt by stem; turn 2 not coded)
    // α: n = 11 values (5 ones, 6 zeros); only turn 3 disagrees: (9 − 5)/(3 − 1) = 2 mismatching
    //    coincidences; α = 1 − (n − 1)·2 / (n² − 25 − 36) = 1 − 20/60 = 2/3.
    // κ: 1–2 over 4 turns = 0.5; 1–3 over 3 turns = 1; 2–3 over 3 turns = (2/3 − 4/9)/(5/9) = 0.4.
    const c1 = coding([1, 0, 1, 0].map((v, i) => ({ file: 'x.txt', turn: i + 1, codes: v ? ['challenge'] : [] })));
    const c2 = coding([1, 0, 0, 0].map((v, i) => ({ file: 'x.txt', turn: i + 1, codes: v ? ['challenge'] : [] })));
    const c3 = coding([
      { file: 'x.csv', turn: 1, codes: ['challenge'] },
      { file: 'x.csv', turn: 2, codes: [], scored: ['summary'] },
      { file: 'x.csv', turn: 3, codes: ['challenge'] },
      { file: 'x.csv', turn: 4, codes: [] },
    ]);
    const r = compareCoders([c1, c2, c3], { codes: ['challenge'] });
    expect(r.coders).toEqual(['coder 1', 'coder 2', 'coder 3']);
    expect(r.pairs.map((p) => [p.a, p.b, p.perCode[0]!.n])).toEqual([
      ['coder 1', 'coder 2', 4],
      ['coder 1', 'coder 3', 3],
      ['coder 2', 'coder 3', 3],
    ]);
    [0.5, 1, 0.4].forEach((k, i) => expect(r.pairs[i]!.perCode[0]!.kappa).toBeCloseTo(k, 12));
    expect(r.alpha[0]!.alpha).toBeCloseTo(2 / 3, 12);
    expect(r.alpha[0]).toMatchObject({ units: 4, pairable: 11 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['file-matched-by-stem']);
    expect(r.diagnostics[0]!.message).toMatch(/^coder 3: /);
  });
  it('refuses fewer than two codings and no codes, reporting both', () => {
    const issues = (error: unknown) => (error instanceof CoachcodeError ? error.issues.map((i) => i.code) : []);
    expect(() => compareCoders([new Map()], { codes: [] })).toThrow(CoachcodeError);
    expect(() => compareCoders([new Map()], { codes: [] })).toThrow(
      expect.toSatisfy((e: unknown) => issues(e).join() === 'compare-too-few-coders,compare-no-codes'),
    );
  });
});
