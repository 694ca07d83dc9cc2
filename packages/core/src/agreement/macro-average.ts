/** A mean over codes, with how many codes had a defined value. */
export interface MacroAverage {
  /** Unweighted mean of the defined values; `null` when none is defined. */
  mean: number | null;
  /** Codes that contributed (their value was not `null`). */
  codes: number;
}

/** Unweighted mean over codes; `null` values (undefined statistics) are left out and counted. */
export function averageMacro(values: readonly (number | null)[]): MacroAverage {
  const defined = values.filter((v): v is number => v !== null && !Number.isNaN(v));
  return { mean: defined.length ? defined.reduce((s, v) => s + v, 0) / defined.length : null, codes: defined.length };
}
