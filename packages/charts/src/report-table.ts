import { escapeHtml } from './escape-html.js';

/** A table for the report, e.g. agreement statistics: a title, column names and rows of cells. */
export interface ReportTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

/** A cell's text: numbers with at most three decimals, a missing or non-finite number as a dash. */
export function formatCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '—';
  return String(Math.round(value * 1000) / 1000);
}

/** A table as accessible HTML: a caption, column headers (`scope="col"`), numbers right-aligned. */
export function reportTableHtml(table: ReportTable, className = 'data'): string {
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = table.columns.map((_, i) => {
        const v = row[i];
        const cls = typeof v === 'number' ? ' class="num"' : '';
        return `<td${cls}>${escapeHtml(formatCell(v))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table class="${escapeHtml(className)}">\n<caption>${escapeHtml(table.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
