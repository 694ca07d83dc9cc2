import type { Spec as VegaSpec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileChart } from './compile.js';
import { escapeHtml, scriptJson } from './escape-html.js';
import { messages } from './messages.js';

// A chart as a page holds it: its compiled Vega spec in a JSON script beside an empty view that
// the page's script draws. No Node API here: the report's page script builds sessions with it too.

/** A chart placed on a page. */
export interface PageChart {
  /** Unique element id on the page (letters, digits, `-`). */
  id: string;
  vega: VegaSpec;
  /** Short visible caption. */
  caption: string;
  /** The full screen-reader description (also shown under "Description"). */
  description: string;
}

/** A `<figure>` holding one chart, its caption, its description and its compiled spec. */
export function chartFigureHtml(chart: PageChart): string {
  const id = escapeHtml(chart.id);
  return [
    `<figure class="chart" id="${id}">`,
    `<div class="chart-view" data-vega-spec="${id}-spec" aria-describedby="${id}-description">`,
    `<noscript><p>This chart needs JavaScript; its description follows.</p></noscript>`,
    `</div>`,
    `<figcaption class="visually-hidden">${escapeHtml(chart.caption)}</figcaption>`,
    `<details class="chart-description"><summary>Description</summary><p id="${id}-description">${escapeHtml(chart.description)}</p></details>`,
    `<script type="application/json" id="${id}-spec">${scriptJson(chart.vega)}</script>`,
    `</figure>`,
  ].join('\n');
}

/** A Vega-Lite spec compiled for a page, with its title and description taken from the spec. */
export function pageChart(spec: TopLevelSpec, id: string, onWarning?: (message: string) => void): PageChart {
  const compiled = compileChart(spec);
  for (const w of compiled.warnings) onWarning?.(messages.compileWarning(w));
  const title = (spec as { title?: unknown }).title;
  const caption =
    typeof title === 'string' ? title : title && typeof title === 'object' && 'text' in title ? String((title as { text: unknown }).text) : '';
  return { id, vega: compiled.spec, caption, description: spec.description ?? caption };
}
