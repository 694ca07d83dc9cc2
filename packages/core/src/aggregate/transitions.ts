import type { CodedTurn } from '../model/turn.js';

/** One cell of a transition table: turns coded `from` answered by the other speaker with `to`. */
export interface TransitionCell {
  from: string;
  to: string;
  /** Observed count. */
  count: number;
  /** Expected count under independence of rows and columns: row total × column total / total. */
  expected: number;
  /**
   * Haberman's adjusted residual (o − e) / √(e (1 − r/N) (1 − c/N)); about N(0, 1) under
   * independence, so |residual| > 1.96 marks a transition more (or less) frequent than chance.
   * 0 when the denominator is 0 (a row or column total of 0 or of N), where o = e exactly.
   */
  residual: number;
}

/** Code-to-code transitions across speakers, with expected counts and adjusted residuals. */
export interface Transitions {
  /** The codes, in the order given (rows and columns). */
  codes: string[];
  /** Every (from, to) pair, row by row in code order, zeros included. */
  matrix: TransitionCell[];
  /** Sum of all counts (N of the table). */
  total: number;
  /** Turn → reply links considered (a turn and the next turn by another speaker), coded or not. */
  links: number;
}

function isNested(turns: readonly CodedTurn[] | readonly (readonly CodedTurn[])[]): turns is readonly (readonly CodedTurn[])[] {
  return turns.length > 0 && Array.isArray(turns[0]);
}

/**
 * Counts how often a turn coded A is followed by the next turn of a different speaker coded B.
 * Multi-label: a turn with codes {A, A'} answered by {B, B'} adds one to each of the four cells.
 * Only `codes` are counted; turns with none of them add nothing. Pass several transcripts as an
 * array of arrays: the last turn of one is never linked to the first turn of the next.
 *
 * Because one turn can add to several cells, the cells are not independent observations; read the
 * residuals as a descriptive guide to which sequences stand out, not as exact tests.
 */
export function countTransitions(turns: readonly CodedTurn[] | readonly (readonly CodedTurn[])[], codes: readonly string[]): Transitions {
  const order = [...new Set(codes)];
  const index = new Map(order.map((c, i) => [c, i]));
  const k = order.length;
  const counts = order.map(() => new Array<number>(k).fill(0));
  const transcripts = isNested(turns) ? turns : [turns as readonly CodedTurn[]];
  let links = 0;
  for (const transcript of transcripts) {
    for (let i = 0; i < transcript.length; i++) {
      const turn = transcript[i];
      if (!turn) continue;
      let j = i + 1;
      while (j < transcript.length && transcript[j]?.speaker === turn.speaker) j++;
      const reply = transcript[j];
      if (!reply) continue;
      links++;
      const from = uniqueIndexes(turn.codes, index);
      const to = uniqueIndexes(reply.codes, index);
      for (const a of from) {
        const row = counts[a];
        if (row) for (const b of to) row[b] = (row[b] ?? 0) + 1;
      }
    }
  }
  const rowTotals = counts.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = order.map((_c, b) => counts.reduce((s, row) => s + (row[b] ?? 0), 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  const matrix: TransitionCell[] = [];
  order.forEach((from, a) =>
    order.forEach((to, b) => {
      const count = counts[a]?.[b] ?? 0;
      const r = rowTotals[a] ?? 0;
      const c = colTotals[b] ?? 0;
      const expected = total ? (r * c) / total : 0;
      const variance = total ? expected * (1 - r / total) * (1 - c / total) : 0;
      matrix.push({ from, to, count, expected, residual: variance > 0 ? (count - expected) / Math.sqrt(variance) : 0 });
    }),
  );
  return { codes: order, matrix, total, links };
}

function uniqueIndexes(codes: readonly string[], index: ReadonlyMap<string, number>): number[] {
  const out = new Set<number>();
  for (const c of codes) {
    const i = index.get(c);
    if (i !== undefined) out.add(i);
  }
  return [...out];
}
