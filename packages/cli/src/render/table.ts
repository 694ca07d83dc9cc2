import type { ChalkInstance } from 'chalk';
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
  /** Cut longer text to this many characters, ending with `…`. */
  maxWidth?: number;
}

/** The displayed width of plain text (code points; wide scripts are rare in transcripts). */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Cuts text to `width` characters, ending with `…` when it was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, Math.max(0, width - 1)).join('') + '…';
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
  const line = (parts: string[]) => parts.join('  ').replace(/\s+$/, '');
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
