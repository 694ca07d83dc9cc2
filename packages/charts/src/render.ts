import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { CoachcodeError } from '@coachcode/core';
import { collectingLogger, compileChart } from './compile.js';
import { escapeHtml } from './escape-html.js';
import { renderHtml } from './html-page.js';
import { messages } from './messages.js';
import { OutputFormat, outputFormatOf } from './output-format.js';
import { FONT_FAMILY } from './theme.js';

/** Options shared by the renderers. */
export interface RenderOptions {
  /** Called with each warning of the Vega-Lite compiler or the Vega view (nothing is printed). */
  onWarning?: (message: string) => void;
}

/** Options of {@link renderPng}. */
export interface PngOptions extends RenderOptions {
  /** Pixels per SVG pixel (default 2, for sharp text on high-density screens and print). */
  scale?: number;
  /** TTF/OTF files to draw text with (default: the DejaVu Sans files shipped in `fonts/`). */
  fontFiles?: string[];
  /** The family used when a font list names nothing available (default `DejaVu Sans`). */
  defaultFontFamily?: string;
}

/** The font files shipped with the package: DejaVu Sans regular and bold. */
export function bundledFontFiles(): string[] {
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) => fileURLToPath(new URL(`../fonts/${name}`, import.meta.url)));
}

/** Vega numbers clip paths and gradients with module-wide counters; this resets them before each render. */
const resetSvgIds = (vega as unknown as { resetSVGDefIds?: () => void }).resetSVGDefIds;

/** Renders run one at a time, so the id counters reset above cannot interleave between two renders. */
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Gives a standalone SVG its accessible name and description (`<title>`, `<desc>`) from the spec. */
function describeSvg(svg: string, title: string, description: string | undefined): string {
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  if (open < 0) return svg;
  const desc = description ? `<desc>${escapeHtml(description)}</desc>` : '';
  return `${svg.slice(0, open)} role="img">${`<title>${escapeHtml(title)}</title>`}${desc}${svg.slice(open + 1)}`;
}

/**
 * Renders a Vega-Lite spec to an SVG document with Vega's headless renderer (no canvas, no
 * browser). The same spec always gives the same bytes: no random ids, no time stamps.
 */
export function renderSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  return serialised(async () => {
    const compiled = compileChart(spec);
    const warnings = [...compiled.warnings.map(messages.compileWarning)];
    const viewWarnings: string[] = [];
    const view = new vega.View(vega.parse(compiled.spec), {
      renderer: 'none',
      logger: collectingLogger(viewWarnings),
    });
    try {
      resetSvgIds?.();
      const svg = describeSvg(await view.toSVG(), specTitle(spec), spec.description);
      warnings.push(...viewWarnings.map(messages.renderWarning));
      for (const w of warnings) options.onWarning?.(w);
      return svg.endsWith('\n') ? svg : `${svg}\n`;
    } finally {
      view.finalize();
    }
  });
}

/**
 * Renders a Vega-Lite spec to PNG bytes: the SVG of {@link renderSvg} rasterised by resvg with
 * the bundled DejaVu Sans (system fonts are never loaded, so the picture is the same everywhere).
 */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Uint8Array> {
  const svg = await renderSvg(spec, options);
  const fontFiles = options.fontFiles ?? bundledFontFiles();
  for (const file of fontFiles) {
    if (!existsSync(file)) throw new CoachcodeError([{ code: 'chart-font-missing', severity: 'error', message: messages.fontMissing(file) }]);
  }
  const family = options.defaultFontFamily ?? FONT_FAMILY;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: family, sansSerifFamily: family, serifFamily: family },
    shapeRendering: 2,
    logLevel: 'off',
    textRendering: 1,
  });
  return new Uint8Array(resvg.render().asPng());
}

/** The Vega-Lite spec as the text of a `.vl.json` file (two-space indent, final newline). */
export function renderVegaLiteJson(spec: TopLevelSpec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/** Options of {@link renderChart}. */
export interface RenderChartOptions extends PngOptions {
  /** Title of an HTML page (default: the chart's title). */
  title?: string;
}

function specTitle(spec: TopLevelSpec): string {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && 'text' in t) {
    const text = (t as { text: unknown }).text;
    return Array.isArray(text) ? text.join(' ') : String(text);
  }
  return 'coachcode chart';
}

/**
 * Renders a chart in the format named by `path`'s extension — `.svg`, `.png`, `.html` or
 * `.vl.json` — and returns the file's content (text, or bytes for PNG). Writing it is the caller's job.
 * Throws a CoachcodeError for any other extension.
 */
export async function renderChart(spec: TopLevelSpec, path: string, options: RenderChartOptions = {}): Promise<string | Uint8Array> {
  const format = outputFormatOf(path);
  switch (format) {
    case OutputFormat.svg:
      return renderSvg(spec, options);
    case OutputFormat.png:
      return renderPng(spec, options);
    case OutputFormat.html:
      return renderHtml(spec, { title: options.title ?? specTitle(spec), onWarning: options.onWarning });
    case OutputFormat.vegaLite:
      return renderVegaLiteJson(spec);
    default:
      throw new CoachcodeError([{ code: 'chart-format-unknown', severity: 'error', message: messages.unknownOutputFormat(path), source: path }]);
  }
}
