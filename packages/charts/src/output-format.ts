import { vocabulary } from '@coachcode/core';

/** The files a chart can be rendered to, named by their file extension. */
export const OutputFormat = {
  svg: 'svg',
  png: 'png',
  html: 'html',
  vegaLite: 'vl.json',
} as const;
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];
export const [OUTPUT_FORMATS, isOutputFormat] = vocabulary(OutputFormat);

/**
 * The output format named by a file path's extension (`chart.vl.json` → `vl.json`, `A.SVG` → `svg`),
 * or `undefined` when the extension is none of {@link OUTPUT_FORMATS}.
 */
export function outputFormatOf(path: string): OutputFormat | undefined {
  const name = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (name.endsWith('.vl.json')) return OutputFormat.vegaLite;
  if (name.endsWith('.htm')) return OutputFormat.html;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  return isOutputFormat(ext) ? ext : undefined;
}
