// @coachcode/charts/options: the chart kinds, layouts and measures alone, without Vega, so that
// a command-line tool can list and check them without loading the renderer.
export { ChartKind, CHART_KINDS, isChartKind } from './chart-kind.js';
export { CompareLayout, COMPARE_LAYOUTS, isCompareLayout } from './compare-layout.js';
export { Measure, MEASURES, isMeasure } from './measure.js';
// The code colours too (theme.ts loads no Vega), for other renderings of the codes (QDPX).
export { codeColors } from './theme.js';
