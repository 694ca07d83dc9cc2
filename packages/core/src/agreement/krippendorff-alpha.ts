import { agreementNotes } from './messages.js';

/** A value a coder gave a unit; `null` or `undefined` = the coder did not code it (missing). */
export type CoderValue = string | number | boolean | null | undefined;

/** Krippendorff's alpha with its parts; `alpha` is `null` when it is undefined (see `note`). */
export interface AlphaResult {
  alpha: number | null;
  /** Observed disagreement D_o (share of mismatching pairable values). */
  observedDisagreement: number | null;
  /** Expected disagreement D_e (mismatch rate if values were paired at random). */
  expectedDisagreement: number | null;
  /** n: number of pairable values (values in units coded by two or more coders). */
  pairable: number;
  /** Units with at least two values. */
  units: number;
  note?: string;
}

/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed.
 * `units[u]` lists the values the coders gave unit u (one entry per coder, `null`/`undefined`
 * when missing). Units with fewer than two values are not pairable and are left out.
 *
 * Coincidences: o_ck = Σ_u (number of ordered pairs (c, k) of values in u, from different
 * coders) / (m_u − 1); n_c = Σ_k o_ck; n = Σ_c n_c.
 * D_o = Σ_{c≠k} o_ck / n, D_e = Σ_{c≠k} n_c n_k / (n (n − 1)), α = 1 − D_o / D_e.
 * Undefined (`null`) when no unit is pairable, or when D_e = 0 (a single value throughout).
 */
export function krippendorffAlpha(units: readonly (readonly CoderValue[])[]): AlphaResult {
  // For nominal data only the mismatching mass matters: Σ_{c≠k} o_ck and the n_c.
  const valueCounts = new Map<string, number>();
  let mismatched = 0;
  let n = 0;
  let pairableUnits = 0;
  for (const unit of units) {
    const values = unit.filter((v): v is string | number | boolean => v !== null && v !== undefined).map((v) => `${typeof v}:${String(v)}`);
    const m = values.length;
    if (m < 2) continue;
    pairableUnits++;
    const inUnit = new Map<string, number>();
    for (const v of values) inUnit.set(v, (inUnit.get(v) ?? 0) + 1);
    // ordered pairs of different values in the unit: m² − Σ_v count_v²
    let same = 0;
    for (const [v, count] of inUnit) {
      same += count * count;
      valueCounts.set(v, (valueCounts.get(v) ?? 0) + count);
    }
    mismatched += (m * m - same) / (m - 1);
    n += m;
  }
  const base = { pairable: n, units: pairableUnits };
  if (n === 0) return { alpha: null, observedDisagreement: null, expectedDisagreement: null, ...base, note: agreementNotes.alphaNoPairable() };
  let sumSquares = 0;
  for (const count of valueCounts.values()) sumSquares += count * count;
  const expectedMass = n * n - sumSquares; // Σ_{c≠k} n_c n_k
  const observedDisagreement = mismatched / n;
  if (expectedMass === 0) {
    const only = [...valueCounts.keys()][0] ?? '';
    return {
      alpha: null,
      observedDisagreement,
      expectedDisagreement: 0,
      ...base,
      note: agreementNotes.alphaNoVariation(only.slice(only.indexOf(':') + 1)),
    };
  }
  const expectedDisagreement = expectedMass / (n * (n - 1));
  return { alpha: 1 - observedDisagreement / expectedDisagreement, observedDisagreement, expectedDisagreement, ...base };
}
