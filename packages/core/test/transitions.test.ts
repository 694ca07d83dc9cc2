import { describe, expect, it } from 'vitest';
import { countTransitions } from '../src/aggregate/transitions.js';
import type { CodedTurn } from '../src/model/turn.js';

function turns(rows: [string, string[]][]): CodedTurn[] {
  return rows.map(([speaker, codes], i) => ({
    turn: i + 1, speaker, role: speaker === 'Coach' ? 'coach' : 'coachee', text: '…', codes, primary: codes[0] ?? null, scores: {}, evidence: [],
  }));
}

const codes = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];
// Invented session 1 (turns merged): challenge, pushback, challenge, reasoned pushback, summary, acceptance.
const first = turns([
  ['Coach', ['challenge']],
  ['Coachee', ['dissonance']],
  ['Coach', ['challenge']],
  ['Coachee', ['dissonance', 'challenge']],
  ['Coach', ['summary']],
  ['Coachee', ['acceptance']],
]);
// Invented session 2 (turns not merged: the coach speaks twice in a row).
const second = turns([
  ['Coach', ['challenge']],
  ['Coach', ['continuity']],
  ['Coachee', ['acceptance']],
]);

describe('countTransitions', () => {
  // Hand count. Session 1: 1→2 C→D; 2→3 D→C; 3→4 C→D, C→C; 4→5 D→S, C→S; 5→6 S→A.
  // Session 2: 1→3 C→A (the next turn by another speaker); 2→3 continuity→A.
  // Rows: challenge 5, dissonance 2, summary 1, continuity 1 → N = 9.
  // Columns: acceptance 3, challenge 2, dissonance 2, summary 2, continuity 0.
  const t = countTransitions([first, second], codes);
  const cell = (from: string, to: string) => t.matrix.find((c) => c.from === from && c.to === to)!;
  const rows: [string, string, number, number, number][] = [
    // from, to, observed, expected, adjusted residual
    // C→D: e = 5·2/9 = 10/9; (2 − 10/9)/√(10/9 · 4/9 · 7/9) = 24/√280
    ['challenge', 'dissonance', 2, 10 / 9, 24 / Math.sqrt(280)],
    // S→A: e = 1·3/9 = 1/3; (2/3)/√(1/3 · 8/9 · 6/9) = (2/3)/(4/9) = 1.5
    ['summary', 'acceptance', 1, 1 / 3, 1.5],
    // D→D: e = 2·2/9 = 4/9; (−4/9)/√(4/9 · 7/9 · 7/9) = (−4/9)/(14/27) = −6/7
    ['dissonance', 'dissonance', 0, 4 / 9, -6 / 7],
    ['challenge', 'challenge', 1, 10 / 9, (1 - 10 / 9) / Math.sqrt((10 / 9) * (4 / 9) * (7 / 9))],
    ['continuity', 'acceptance', 1, 1 / 3, 1.5],
    // an empty column: e = 0, residual defined as 0
    ['challenge', 'continuity', 0, 0, 0],
  ];
  it.each(rows)('%s → %s', (from, to, count, expected, residual) => {
    const c = cell(from, to);
    expect(c.count).toBe(count);
    expect(c.expected).toBeCloseTo(expected, 12);
    expect(c.residual).toBeCloseTo(residual, 12);
  });
  it('totals, links and the full table', () => {
    expect(t.total).toBe(9);
    expect(t.links).toBe(7);
    expect(t.codes).toEqual(codes);
    expect(t.matrix).toHaveLength(25);
    expect(t.matrix.slice(0, 5).map((c) => c.to)).toEqual(codes);
    const nonZero = t.matrix.filter((c) => c.count > 0).map((c) => `${c.from}>${c.to}:${c.count}`);
    expect(nonZero.sort()).toEqual([
      'challenge>acceptance:1', 'challenge>challenge:1', 'challenge>dissonance:2', 'challenge>summary:1',
      'continuity>acceptance:1', 'dissonance>challenge:1', 'dissonance>summary:1', 'summary>acceptance:1',
    ]);
    const sumExpected = t.matrix.reduce((s, c) => s + c.expected, 0);
    expect(sumExpected).toBeCloseTo(9, 12);
  });
  it('never links the last turn of one transcript to the first of the next', () => {
    const joined = countTransitions([...first, ...second], codes);
    // As one flat list, session 1's last turn (coachee, acceptance) would lead to session 2's first (coach, challenge).
    expect(joined.total).toBe(10);
    expect(joined.matrix.find((c) => c.from === 'acceptance' && c.to === 'challenge')?.count).toBe(1);
    expect(cell('acceptance', 'challenge').count).toBe(0);
  });
  it('takes a single transcript as a flat list', () => {
    expect(countTransitions(first, codes).total).toBe(7);
    expect(countTransitions([first], codes).matrix).toEqual(countTransitions(first, codes).matrix);
  });
  it('counts only the listed codes, each once per turn', () => {
    const t2 = countTransitions(turns([['Coach', ['challenge', 'challenge', 'defence']], ['Coachee', ['defence', 'dissonance']]]), ['challenge', 'dissonance']);
    expect(t2.matrix.map((c) => c.count)).toEqual([0, 1, 0, 0]);
    expect(t2.links).toBe(1);
  });
  it('handles degenerate tables: nothing coded, and a single row holding every count', () => {
    const empty = countTransitions([], codes);
    expect(empty.total).toBe(0);
    expect(empty.matrix.every((c) => c.count === 0 && c.expected === 0 && c.residual === 0)).toBe(true);
    // only x leads anywhere: row total = N, so o = e in every cell and the residual is 0 (not NaN)
    const one = countTransitions(turns([['Coach', ['x']], ['Coachee', ['x', 'y']]]), ['x', 'y']);
    expect(one.matrix.map((c) => [c.count, c.expected, c.residual])).toEqual([[1, 1, 0], [1, 1, 0], [0, 0, 0], [0, 0, 0]]);
  });
});
