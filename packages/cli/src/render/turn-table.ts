import type { TurnRecord } from '@coachcode/core';
import type { ChalkInstance } from 'chalk';
import { codeColors } from './code-colors.js';
import { renderTable, textWidth, type Column } from './table.js';
import { terminalText } from './terminal-text.js';

/** Options of {@link renderTurnTable}. */
export interface TurnTableOptions {
  codes: readonly string[];
  colors: ChalkInstance;
  /** Line width to fit (the terminal's); text is cut to fit. Undefined: nothing is cut. */
  width?: number;
}

/** The coded turns of one transcript as a table for the terminal: turn, speaker (role), codes, text. */
export function renderTurnTable(records: readonly TurnRecord[], options: TurnTableOptions): string {
  const { colors } = options;
  const color = codeColors(options.codes, colors);
  const source = records[0]?.source ?? '';
  const heading = colors.bold(terminalText(source)) + colors.dim(` · ${records.length} turn${records.length === 1 ? '' : 's'}`);
  const who = (r: TurnRecord) => `${r.speaker} (${r.role})`;
  const codesOf = (r: TurnRecord) => r.codes.join(', ');
  const fixed: Column[] = [
    { header: 'turn', align: 'right' },
    { header: 'speaker (role)', maxWidth: 28 },
    { header: 'codes', maxWidth: 40 },
  ];
  // Widest cells by a loop: Math.max(...rows) overflows the stack on a long transcript.
  const widest = (min: number, width: (r: TurnRecord) => number) => records.reduce((w, r) => Math.max(w, width(r)), min);
  const widths = [widest(4, (r) => String(r.turn).length), Math.min(28, widest(14, (r) => textWidth(who(r)))), Math.min(40, widest(5, (r) => textWidth(codesOf(r))))];
  const used = widths.reduce((s, w) => s + w + 2, 0);
  const textColumn: Column = { header: 'text', ...(options.width !== undefined ? { maxWidth: Math.max(30, options.width - used) } : {}) };
  const rows = records.map((r) => [
    String(r.turn),
    { text: who(r), ...(r.role === 'coach' ? { style: colors.bold } : {}) },
    // One colour per cell: the primary code's colour (every code is listed in the text).
    { text: codesOf(r), ...(r.primary ? { style: color(r.primary) } : {}) },
    r.text,
  ]);
  return `${heading}\n${renderTable([...fixed, textColumn], rows, colors)}\n`;
}
