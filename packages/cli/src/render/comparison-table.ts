import { own, type ProfileGroup, type ProfileRow } from '@coachcode/core';
import type { ChalkInstance } from 'chalk';
import { codeColors } from './code-colors.js';
import { profileRowValues } from './profile-table.js';
import { renderTable, type Cell, type Column } from './table.js';

/** One line of a comparison: a group and one of its roles (or its total). */
interface ComparisonLine {
  group: string;
  sessions: number;
  role: string;
  row: ProfileRow;
}

function comparisonLines(groups: readonly ProfileGroup[]): ComparisonLine[] {
  const lines: ComparisonLine[] = [];
  for (const g of groups) {
    for (const [role, row] of Object.entries(g.profile.byRole)) lines.push({ group: g.group, sessions: g.sessions, role, row: row as ProfileRow });
    lines.push({ group: g.group, sessions: g.sessions, role: 'total', row: g.profile.total });
  }
  return lines;
}

/** Groups side by side on the terminal: per group and role, turns and each code (counts, or per 100 turns). */
export function renderComparisonTable(groups: readonly ProfileGroup[], options: { codes: readonly string[]; per100: boolean; colors: ChalkInstance; by: string }): string {
  const { colors, codes } = options;
  const color = codeColors(codes, colors);
  const columns: Column[] = [
    { header: options.by },
    { header: 'sessions', align: 'right' },
    { header: 'role' },
    { header: 'turns', align: 'right' },
    { header: 'talk', align: 'right' },
    ...codes.map((c): Column => ({ header: options.per100 ? `${c}/100` : c, align: 'right' })),
  ];
  let last = '';
  const rows = comparisonLines(groups).map((l) => {
    const first = l.group !== last;
    last = l.group;
    return [
      first ? { text: l.group, style: colors.bold } : '',
      first ? String(l.sessions) : '',
      l.role === 'total' ? { text: 'total', style: colors.dim } : l.role,
      String(l.row.turns),
      `${Math.round(l.row.wordShare * 100)}%`,
      ...codes.map((c): Cell => {
        const v = (options.per100 ? own(l.row.per100, c) : own(l.row.counts, c)) ?? 0;
        const text = options.per100 ? v.toFixed(1) : String(v);
        return v > 0 ? { text, style: color(c) } : { text, style: colors.dim };
      }),
    ];
  });
  return renderTable(columns, rows, colors);
}

export function comparisonCsvHeader(codes: readonly string[]): string[] {
  return ['group', 'sessions', 'role', 'turns', 'words', 'word_share', 'turn_share', 'open_questions', 'closed_questions', ...codes, ...codes.map((c) => `${c}_per100`)];
}

/** The CSV rows of a comparison: one per group and role; each group's `total` row only with `totals` (it counts the group's turns again). */
export function comparisonCsvValues(groups: readonly ProfileGroup[], codes: readonly string[], totals: boolean): unknown[][] {
  return comparisonLines(groups).filter((l) => totals || l.role !== 'total').map((l) => [
    l.group,
    l.sessions,
    l.role,
    ...profileRowValues(l.row, codes),
  ]);
}
