import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { terminalText } from './terminal-text.js';

/** One cell: its plain text and how to colour it (colour never changes the width). */
export interface Cell {
  text: string;
  style?: (text: string) => string;
}

/** A column of a text table. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Cut longer text to this many terminal columns, ending with `…`. */
  maxWidth?: number;
}

/**
 * The columns plain text takes on a terminal (string-width: CJK and most emoji take two,
 * combining marks and zero-width characters none).
 */
export function textWidth(text: string): number {
  return stringWidth(text);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts text to `width` terminal columns, ending with `…` when it was cut; never splits a character. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const gap = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'right' ? gap + text : text + gap;
}

/**
 * Lays rows out in aligned columns separated by two spaces, with a bold header; cells are cut to
 * their column's `maxWidth`. Trailing spaces are trimmed from each line.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly (Cell | string)[])[], colors: ChalkInstance): string {
  const cells = rows.map((row) =>
    columns.map((col, i) => {
      const raw = row[i] ?? '';
      const cell: Cell = typeof raw === 'string' ? { text: raw } : raw;
      const plain = terminalText(cell.text);
      const text = col.maxWidth !== undefined ? truncate(plain, col.maxWidth) : plain;
      return { text, ...(cell.style ? { style: cell.style } : {}) };
    }),
  );
  const widths = columns.map((col, i) => cells.reduce((w, r) => Math.max(w, textWidth(r[i]?.text ?? '')), textWidth(col.header)));
  // trimEnd, not /\s+$/: the regex tries every space of a long padding as a start (quadratic).
  const line = (parts: string[]) => parts.join('  ').trimEnd();
  const header = line(columns.map((c, i) => colors.bold(pad(c.header, widths[i] ?? 0, c.align ?? 'left'))));
  const body = cells.map((r) =>
    line(
      r.map((cell, i) => {
        const padded = pad(cell.text, widths[i] ?? 0, columns[i]?.align ?? 'left');
        return cell.style ? cell.style(padded) : padded;
      }),
    ),
  );
  return [header, ...body].join('\n') + '\n';
}
