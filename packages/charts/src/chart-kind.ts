/** The kinds of chart the package draws (the CLI's `chart --type`). */
export const ChartKind = {
  profile: 'profile',
  compare: 'compare',
  timeline: 'timeline',
  transitions: 'transitions',
} as const;
export type ChartKind = (typeof ChartKind)[keyof typeof ChartKind];
export const CHART_KINDS: readonly ChartKind[] = Object.values(ChartKind);
export function isChartKind(value: unknown): value is ChartKind {
  return typeof value === 'string' && (CHART_KINDS as readonly string[]).includes(value);
}
