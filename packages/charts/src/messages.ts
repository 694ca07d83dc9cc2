import { OUTPUT_FORMATS } from './output-format.js';

/**
 * Every user-facing message of the charts package, as functions: what failed, what was
 * expected, what was received.
 */
export const messages = {
  noGroups: () => 'compare chart: no groups were given; expected at least one { group, profile }',
  unknownOutputFormat: (path: string) =>
    `cannot tell the chart format of "${path}": expected a file name ending in ${OUTPUT_FORMATS.map((f) => `.${f}`).join(', ')}`,
  compileWarning: (message: string) => `chart: Vega-Lite warned: ${message}`,
  renderWarning: (message: string) => `chart: Vega warned: ${message}`,
  fontMissing: (path: string) => `chart font not found at ${path}; expected the TTF shipped in @coachcode/charts/fonts (reinstall the package)`,
  vegaBundleMissing: (path: string) => `vega browser build not found at ${path}; expected node_modules/vega/build/vega.min.js (reinstall @coachcode/charts)`,
} as const;
