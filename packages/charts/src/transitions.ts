/** One cell of a transition matrix: how often a turn coded `to` follows a turn coded `from`. */
export interface TransitionCell {
  from: string;
  to: string;
  count: number;
  /** The count expected if the two codes were independent. */
  expected: number;
  /** Adjusted (standardised) residual of `count` against `expected`; beyond ±1.96 is notable at p < .05. */
  residual: number;
}

/** Code-to-code transitions across turns, as the core's sequence analysis produces them. */
export interface Transitions {
  /** Codes in chart order (rows and columns of the matrix). */
  codes: string[];
  matrix: TransitionCell[];
}
