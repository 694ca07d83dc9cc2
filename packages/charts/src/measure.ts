import { vocabulary } from '@coachcode/core';

/** What a bar's height counts: turns carrying the code, or such turns per 100 turns of the role. */
export const Measure = {
  count: 'count',
  per100: 'per100',
} as const;
export type Measure = (typeof Measure)[keyof typeof Measure];
export const [MEASURES, isMeasure] = vocabulary(Measure);

/** The y-axis title of a measure. */
export function measureTitle(measure: Measure): string {
  return measure === Measure.per100 ? 'Turns with the code per 100 turns' : 'Number of turns with the code';
}

/**
 * The top of the y scale for bars up to `max`: 15% headroom so the value labels above the
 * tallest bar stay inside the plot (and small multiples line up), at least 1.
 */
export function valueDomainMax(max: number): number {
  return Math.max(1, Math.ceil(max * 1.15 * 10) / 10);
}
