import type { TopLevelSpec } from 'vega-lite';
import { chartFigureHtml, pageChart } from './chart-figure.js';
import { escapeHtml } from './escape-html.js';
import { FONT_STACK } from './theme.js';
import { vegaBrowserScript } from './vega-bundle.js';

/**
 * Self-contained HTML pages: charts are drawn in the browser by Vega's own build, inlined with the
 * compiled Vega specs, so a page opened from disk shows interactive charts (tooltips) without a
 * single network request. A Content-Security-Policy forbids any fetch, image, font or frame from
 * elsewhere.
 */

/** The page's Content-Security-Policy: inline code only, no request of any kind leaves the page. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

/** Styles shared by chart pages and reports: readable, printable, no external font. */
export const PAGE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 15px; line-height: 1.45; color: #1a1a1a; background: #ffffff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.7rem; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.3rem; margin: 1.8em 0 0.5em; padding-bottom: 0.2em; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.08rem; margin: 1.4em 0 0.4em; }
p.lead { color: #444; margin-top: 0; }
nav.toc ol { margin: 0.3em 0 0; padding-left: 1.3em; }
figure.chart { margin: 0.6em 0 1.4em; break-inside: avoid; page-break-inside: avoid; }
.chart-view { overflow-x: auto; min-height: 40px; }
.chart-view svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 0.9rem; color: #444; margin-top: 0.3em; }
details.chart-description { font-size: 0.85rem; color: #444; margin-top: 0.2em; }
details.chart-description summary { cursor: pointer; }
.chart-error { color: #a40000; font-weight: bold; }
table { border-collapse: collapse; margin: 0.5em 0 1.2em; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; white-space: nowrap; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: #f3f5f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.transcript { width: 100%; }
table.transcript td.text { min-width: 20em; }
table.transcript tr { break-inside: avoid; page-break-inside: avoid; }
.code-label { display: inline-block; border-radius: 3px; padding: 0 6px; margin: 1px 2px 1px 0; font-size: 0.8rem; font-weight: bold; white-space: nowrap; border: 1px solid rgba(0,0,0,0.25); }
mark.evidence { color: inherit; padding: 0 1px; border-radius: 2px; }
.no-code { color: #666; font-style: italic; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 3em; font-size: 0.8rem; color: #555; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc, details.chart-description summary { display: none; }
  h2 { break-before: auto; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .chart-view { overflow: visible; }
  mark.evidence, .code-label { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * `coachcodeDraw(root)` draws every `[data-vega-spec]` element under `root` with Vega and marks
 * each `data-rendered="true"` (or `error`); it is called on the whole page at load, and again on a
 * report's session when it is opened. When every chart of the page at load is drawn,
 * `<html data-charts-ready>` holds the milliseconds since navigation (what `pnpm bench` reads).
 */
const BOOTSTRAP = `
(function () {
  function draw(root) {
    var views = root.querySelectorAll('[data-vega-spec]:not([data-rendered])');
    return Promise.all(Array.prototype.map.call(views, function (el) {
      var source = document.getElementById(el.getAttribute('data-vega-spec'));
      try {
        var spec = JSON.parse(source.textContent);
        var view = new vega.View(vega.parse(spec), { renderer: 'svg', container: el, hover: true });
        return view.runAsync().then(function () {
          el.setAttribute('data-rendered', 'true');
        }, function (error) { fail(el, error); });
      } catch (error) { fail(el, error); return null; }
    }));
  }
  function fail(el, error) {
    el.setAttribute('data-rendered', 'error');
    el.innerHTML = '';
    var p = document.createElement('p');
    p.className = 'chart-error';
    p.textContent = 'This chart could not be drawn: ' + (error && error.message ? error.message : String(error));
    el.appendChild(p);
    console.error(error);
  }
  window.coachcodeDraw = draw;
  draw(document).then(function () {
    document.documentElement.setAttribute('data-charts-ready', String(Math.round(performance.now())));
  });
})();
`;

/** Options of {@link htmlDocument}. */
export interface HtmlDocumentOptions {
  title: string;
  /** The page's content, placed inside `<main>`. */
  body: string;
  /** Whether the page holds charts (inlines Vega and its start-up script). Default true. */
  charts?: boolean;
  /** Further CSS for this page. */
  css?: string;
  /** Further script, run after Vega and the chart start-up (the report's session viewer). */
  script?: string;
}

/** A complete, self-contained HTML document. */
export function htmlDocument(options: HtmlDocumentOptions): string {
  const scripts =
    (options.charts === false ? '' : `<script>\n${vegaBrowserScript()}\n</script>\n<script>${BOOTSTRAP}</script>\n`) +
    (options.script ? `<script>\n${options.script}\n</script>\n` : '');
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="coachcode">\n` +
    `<title>${escapeHtml(options.title)}</title>\n<style>${PAGE_CSS}${options.css ?? ''}</style>\n</head>\n<body>\n<main>\n` +
    `${options.body}\n</main>\n${scripts}</body>\n</html>\n`
  );
}

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  title: string;
  /** A paragraph under the title. */
  intro?: string;
  onWarning?: (message: string) => void;
}

/**
 * One self-contained HTML page showing one or more charts, interactive (tooltips) and drawn with
 * no network request; it works opened straight from disk.
 */
export function renderHtml(specs: TopLevelSpec | readonly TopLevelSpec[], options: HtmlOptions): string {
  const list: readonly TopLevelSpec[] = Array.isArray(specs) ? specs : [specs as TopLevelSpec];
  const figures = list.map((spec, i) => chartFigureHtml(pageChart(spec, `chart-${i + 1}`, options.onWarning)));
  const body = [
    `<h1>${escapeHtml(options.title)}</h1>`,
    options.intro ? `<p class="lead">${escapeHtml(options.intro)}</p>` : '',
    ...figures,
  ]
    .filter(Boolean)
    .join('\n');
  return htmlDocument({ title: options.title, body });
}
