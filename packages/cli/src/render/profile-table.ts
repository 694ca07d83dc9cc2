import { own, type Profile, type ProfileRow } from '@coachcode/core';
import type { ChalkInstance } from 'chalk';
import { codeColors } from './code-colors.js';
import { renderTable, type Cell, type Column } from './table.js';
import { terminalText } from './terminal-text.js';

/** One row of a profile as laid out in tables and CSV: a role, a speaker, or the whole transcript. */
export interface ProfileLine {
  level: 'role' | 'speaker' | 'total';
  name: string;
  role: string;
  row: ProfileRow;
}

/** The lines of a profile in display order: roles, then (optionally) speakers, then the total. */
export function profileLines(profile: Profile, bySpeaker: boolean): ProfileLine[] {
  const lines: ProfileLine[] = Object.entries(profile.byRole).map(([role, row]) => ({ level: 'role', name: role, role, row: row as ProfileRow }));
  if (bySpeaker) for (const [speaker, row] of Object.entries(profile.bySpeaker)) lines.push({ level: 'speaker', name: speaker, role: row.role, row });
  lines.push({ level: 'total', name: 'total', role: '', row: profile.total });
  return lines;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** A profile as a terminal table: per role (and speaker), turns, words, share of talk, questions, code counts. */
export function renderProfileTable(profile: Profile, options: { title: string; bySpeaker: boolean; colors: ChalkInstance }): string {
  const { colors } = options;
  const color = codeColors(profile.codes, colors);
  const columns: Column[] = [
    { header: 'who' },
    { header: 'turns', align: 'right' },
    { header: 'words', align: 'right' },
    { header: 'talk', align: 'right' },
    { header: 'open q', align: 'right' },
    { header: 'closed q', align: 'right' },
    ...profile.codes.map((c): Column => ({ header: c, align: 'right' })),
  ];
  const rows = profileLines(profile, options.bySpeaker).map((l) => {
    const name: Cell =
      l.level === 'speaker' ? { text: `  ${l.name} (${l.role})` } : l.level === 'total' ? { text: 'total', style: colors.bold } : { text: l.name, style: colors.bold };
    return [
      name,
      String(l.row.turns),
      String(l.row.words),
      percent(l.row.wordShare),
      String(l.row.questions.open),
      String(l.row.questions.closed),
      ...profile.codes.map((c): Cell => {
        const n = own(l.row.counts, c) ?? 0;
        return n > 0 ? { text: String(n), style: color(c) } : { text: '0', style: colors.dim };
      }),
    ];
  });
  const heading = colors.bold(terminalText(options.title)) + colors.dim(` · ${profile.total.turns} turns · ${profile.codebook}`);
  return `${heading}\n${renderTable(columns, rows, colors)}\n`;
}

/** The CSV header of profile rows: fixed columns, then each code's count, then each code per 100 turns. */
export function profileCsvHeader(codes: readonly string[]): unknown[] {
  return ['source', 'level', 'name', 'role', 'turns', 'words', 'word_share', 'turn_share', 'open_questions', 'closed_questions', ...codes, ...codes.map((c) => `${c}_per100`)];
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** The CSV values of one profile row, from `turns` on: shared by the profile and comparison tables. */
export function profileRowValues(row: ProfileRow, codes: readonly string[]): unknown[] {
  return [
    row.turns,
    row.words,
    round4(row.wordShare),
    round4(row.turnShare),
    row.questions.open,
    row.questions.closed,
    ...codes.map((c) => own(row.counts, c) ?? 0),
    ...codes.map((c) => round4(own(row.per100, c) ?? 0)),
  ];
}

/** Which rows the wide profile CSV holds. */
export interface ProfileCsvRows {
  /** One row per speaker instead of one per role. */
  bySpeaker: boolean;
  /** The transcript's `total` row too (it counts every turn again). */
  totals: boolean;
}

/**
 * The wide CSV rows (as value lists) of one profile: one per role, or one per speaker, so that
 * every turn is in exactly one row and a column sums to the batch's count; the `total` row only
 * when asked.
 */
export function profileCsvValues(profile: Profile, source: string, rows: ProfileCsvRows): unknown[][] {
  return profileLines(profile, rows.bySpeaker)
    .filter((l) => (l.level === 'total' ? rows.totals : l.level === (rows.bySpeaker ? 'speaker' : 'role')))
    .map((l) => [source, l.level, l.name, l.role, ...profileRowValues(l.row, profile.codes)]);
}

/** The header of the long (tidy) profile CSV. */
export const PROFILE_LONG_CSV_HEADER: readonly string[] = ['source', 'role', 'speaker', 'code', 'count', 'turns'];

/**
 * The long (tidy) CSV rows of one profile: one per speaker and code (zeros too), with the number
 * of the speaker's turns carrying the code and the speaker's turns. Every turn belongs to one
 * speaker, so `count` sums to the number of (turn, code) pairs.
 */
export function profileLongCsvValues(profile: Profile, source: string): unknown[][] {
  return Object.entries(profile.bySpeaker).flatMap(([speaker, row]) => profile.codes.map((code) => [source, row.role, speaker, code, row.counts[code] ?? 0, row.turns]));
}
