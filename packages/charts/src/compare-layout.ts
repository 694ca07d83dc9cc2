import { vocabulary } from '@coachcode/core';

/** How a comparison is laid out. */
export const CompareLayout = {
  /** Small multiples: one profile chart per group, all on one y scale. */
  facets: 'facets',
  /** One chart for one role: per code, one bar per group. */
  grouped: 'grouped',
} as const;
export type CompareLayout = (typeof CompareLayout)[keyof typeof CompareLayout];
export const [COMPARE_LAYOUTS, isCompareLayout] = vocabulary(CompareLayout);
