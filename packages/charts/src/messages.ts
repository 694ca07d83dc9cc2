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
  reportClientMissing: (path: string) => `the report's page script was not found at ${path}; build @coachcode/charts first (pnpm build)`,
  sessionsLeftOut: (shown: number, total: number, limitMb: number) =>
    `report: ${total - shown} of ${total} sessions have no section of their own (their data would take the file past ${limitMb} MB); the overview counts them all`,
  vegaBundleMissing: (path: string) => `vega browser build not found at ${path}; expected node_modules/vega/build/vega.min.js (reinstall @coachcode/charts)`,
} as const;
