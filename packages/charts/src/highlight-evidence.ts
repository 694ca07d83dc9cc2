import type { Evidence } from '@coachcode/core';
import { escapeHtml } from './escape-html.js';

/** How a highlighted span looks: its CSS class and its hover text. */
export interface EvidenceStyle {
  className: string;
  title: string;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Clamps an offset into `[0, text.length]` and off the middle of a surrogate pair (moving by `dir`). */
function boundary(text: string, offset: number, dir: -1 | 1): number {
  let b = Math.min(Math.max(Math.trunc(Number.isFinite(offset) ? offset : 0), 0), text.length);
  if (b > 0 && b < text.length && isHigh(text.charCodeAt(b - 1)) && isLow(text.charCodeAt(b))) b += dir;
  return b;
}

/**
 * A turn's text as HTML with every evidence span wrapped in `<mark>`: each piece of text is
 * escaped on its own, spans may overlap (the overlap gets one mark naming all its codes), and
 * spans outside the text or empty are left out.
 */
export function highlightEvidence(
  text: string,
  evidence: readonly Evidence[],
  style: (spans: readonly Evidence[]) => EvidenceStyle,
): string {
  const spans = evidence
    .map((e) => ({ ...e, start: boundary(text, e.start, -1), end: boundary(text, e.end, 1) }))
    .filter((e) => e.end > e.start);
  if (spans.length === 0) return escapeHtml(text);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((e) => [e.start, e.end])])].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] ?? 0;
    const to = cuts[i + 1] ?? text.length;
    const piece = escapeHtml(text.slice(from, to));
    const covering = spans.filter((e) => e.start <= from && e.end >= to);
    if (covering.length === 0) {
      html += piece;
      continue;
    }
    const { className, title } = style(covering);
    html += `<mark class="${escapeHtml(className)}" title="${escapeHtml(title)}">${piece}</mark>`;
  }
  return html;
}
