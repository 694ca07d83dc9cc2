import { vocabulary } from '@coachcode/core';

/** The kinds of chart the package draws (the CLI's `chart --type`). */
export const ChartKind = {
  profile: 'profile',
  compare: 'compare',
  timeline: 'timeline',
  transitions: 'transitions',
} as const;
export type ChartKind = (typeof ChartKind)[keyof typeof ChartKind];
export const [CHART_KINDS, isChartKind] = vocabulary(ChartKind);
