import type { AgreementTable, CoderComparison, Evaluation } from '@coachcode/core';
import type { ChalkInstance } from 'chalk';
import { messages } from '../messages.js';
import { renderTable, type Cell, type Column } from './table.js';
import { terminalText } from './terminal-text.js';

/** A statistic with two decimals, or `–` when it is undefined (a code never given by anyone …). */
export function stat(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(2);
}

/** Kappa coloured by the usual bands (≥ 0.6 good, ≥ 0.4 moderate, below that poor). */
export function kappaCell(k: number | null, colors: ChalkInstance): Cell {
  if (k === null) return { text: '–', style: colors.dim };
  return { text: k.toFixed(2), style: k >= 0.6 ? colors.green : k >= 0.4 ? colors.yellow : colors.red };
}

const STAT_COLUMNS: Column[] = [
  { header: 'code' },
  { header: 'n', align: 'right' },
  { header: 'gold', align: 'right' },
  { header: 'coded', align: 'right' },
  { header: 'tp', align: 'right' },
  { header: 'fp', align: 'right' },
  { header: 'fn', align: 'right' },
  { header: 'tn', align: 'right' },
  { header: 'precision', align: 'right' },
  { header: 'recall', align: 'right' },
  { header: 'F1', align: 'right' },
  { header: 'kappa', align: 'right' },
  { header: 'agree', align: 'right' },
];

/** The per-code statistics of one group of turns, with the macro averages as the last row. */
export function renderAgreementTable(table: AgreementTable, colors: ChalkInstance): string {
  const rows = table.perCode.map((c) => [
    c.code,
    String(c.n),
    String(c.support),
    String(c.predicted),
    String(c.tp),
    String(c.fp),
    String(c.fn),
    String(c.tn),
    stat(c.precision),
    stat(c.recall),
    stat(c.f1),
    kappaCell(c.kappa, colors),
    c.percentAgreement === null ? '–' : `${(c.percentAgreement * 100).toFixed(1)}%`,
  ]);
  const m = table.macro;
  rows.push([
    { text: 'macro', style: colors.bold },
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    stat(m.precision.mean),
    stat(m.recall.mean),
    stat(m.f1.mean),
    kappaCell(m.kappa.mean, colors),
    m.percentAgreement.mean === null ? '–' : `${(m.percentAgreement.mean * 100).toFixed(1)}%`,
  ]);
  return renderTable(STAT_COLUMNS, rows, colors);
}

/** The whole evaluation for the terminal: totals, per code, per role, confusion, missing and extra turns. */
export function renderEvaluation(e: Evaluation, colors: ChalkInstance, title: string): string {
  const out: string[] = [];
  out.push(colors.bold(terminalText(title)));
  out.push(colors.dim(`gold turns ${e.turnCounts.gold} · coded turns ${e.turnCounts.predicted} · matched ${e.turnCounts.matched} · files paired ${e.files.length}`));
  out.push('');
  out.push(renderAgreementTable(e, colors));
  for (const [role, table] of Object.entries(e.byRole ?? {})) {
    out.push(colors.bold(terminalText(`role: ${role}`)) + colors.dim(` · ${table.turns} turns`));
    out.push(renderAgreementTable(table, colors));
  }
  const labels = e.confusion.map((r) => r.gold);
  out.push(colors.bold('confusion') + colors.dim(' · rows: gold codes, columns: machine codes (a turn with several codes counts in several cells)'));
  out.push(
    renderTable(
      [{ header: 'gold \\ coded' }, { header: 'turns', align: 'right' }, ...labels.map((l): Column => ({ header: l, align: 'right' }))],
      e.confusion.map((r) => [
        r.gold,
        String(r.turns),
        ...labels.map((l): Cell => {
          const n = r.predicted[l] ?? 0;
          return { text: String(n), ...(l === r.gold && n > 0 ? { style: colors.green } : n === 0 ? { style: colors.dim } : {}) };
        }),
      ]),
      colors,
    ),
  );
  out.push(messages.missingTurns(e.missing.count, e.missing.examples));
  out.push(messages.extraTurns(e.extra.count, e.extra.examples));
  return out.join('\n') + '\n';
}

/** CSV header of evaluation rows. */
export const EVALUATION_CSV_HEADER = ['scope', 'code', 'n', 'gold', 'coded', 'tp', 'fp', 'fn', 'tn', 'precision', 'recall', 'f1', 'kappa', 'percent_agreement'];

const num = (x: number | null) => (x === null ? '' : Math.round(x * 10000) / 10000);

/** Evaluation rows for CSV: per code and macro, for all turns (`all`) and per role (`role:coach` …). */
export function evaluationCsvValues(e: Evaluation): unknown[][] {
  const rows: unknown[][] = [];
  const add = (scope: string, t: AgreementTable) => {
    for (const c of t.perCode) rows.push([scope, c.code, c.n, c.support, c.predicted, c.tp, c.fp, c.fn, c.tn, num(c.precision), num(c.recall), num(c.f1), num(c.kappa), num(c.percentAgreement)]);
    const m = t.macro;
    rows.push([scope, 'macro', t.turns, '', '', '', '', '', '', num(m.precision.mean), num(m.recall.mean), num(m.f1.mean), num(m.kappa.mean), num(m.percentAgreement.mean)]);
  };
  add('all', e);
  for (const [role, t] of Object.entries(e.byRole ?? {})) add(`role:${role}`, t);
  return rows;
}

/** Coder against coder for the terminal: kappa per pair and code, then Krippendorff's alpha per code. */
export function renderCoderComparison(c: CoderComparison, colors: ChalkInstance): string {
  const out: string[] = [colors.bold(terminalText(`agreement between ${c.coders.length} codings: ${c.coders.join(', ')}`)), ''];
  for (const p of c.pairs) {
    out.push(colors.bold(terminalText(`${p.a} vs ${p.b}`)) + colors.dim(` · ${p.turns} turns coded by both`));
    out.push(
      renderTable(
        [{ header: 'code' }, { header: 'n', align: 'right' }, { header: 'kappa', align: 'right' }, { header: 'agree', align: 'right' }, { header: 'note' }],
        p.perCode.map((x) => [x.code, String(x.n), kappaCell(x.kappa, colors), x.percentAgreement === null ? '–' : `${(x.percentAgreement * 100).toFixed(1)}%`, { text: x.note ?? '', style: colors.dim }]),
        colors,
      ),
    );
  }
  out.push(colors.bold("Krippendorff's alpha (nominal) per code, all codings"));
  out.push(
    renderTable(
      [{ header: 'code' }, { header: 'units', align: 'right' }, { header: 'values', align: 'right' }, { header: 'alpha', align: 'right' }, { header: 'note' }],
      c.alpha.map((a) => [a.code, String(a.units), String(a.pairable), kappaCell(a.alpha, colors), { text: a.note ?? '', style: colors.dim }]),
      colors,
    ),
  );
  return out.join('\n') + '\n';
}

export const CODERS_CSV_HEADER = ['statistic', 'coder_a', 'coder_b', 'code', 'n', 'value', 'percent_agreement'];

/** Coder comparison rows for CSV: `kappa` per pair and code, `alpha` per code. */
export function coderCsvValues(c: CoderComparison): unknown[][] {
  const rows: unknown[][] = [];
  for (const p of c.pairs) for (const x of p.perCode) rows.push(['kappa', p.a, p.b, x.code, x.n, num(x.kappa), num(x.percentAgreement)]);
  for (const a of c.alpha) rows.push(['alpha', '', '', a.code, a.units, num(a.alpha), '']);
  return rows;
}
