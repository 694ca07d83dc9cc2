import type { ChalkInstance } from 'chalk';
import type { CrossValidationReport } from '../agreement/cross-validate-labelling.js';
import { messages } from '../messages.js';
import { kappaCell } from './agreement-report.js';
import { renderTable, type Cell, type Column } from './table.js';

const COLUMNS: Column[] = [
  { header: 'code' },
  { header: 'turns', align: 'right' },
  { header: 'given', align: 'right' },
  { header: 'base kappa', align: 'right' },
  { header: 'fitted kappa', align: 'right' },
  { header: 'change', align: 'right' },
];

/** Fitted minus base kappa as shown (two decimals), signed, or `–` when either is undefined. */
function changeCell(base: number | null, fitted: number | null, colors: ChalkInstance): Cell {
  if (base === null || fitted === null) return { text: '–', style: colors.dim };
  const d = (Math.round(fitted * 100) - Math.round(base * 100)) / 100;
  return { text: `${d > 0 ? '+' : ''}${d.toFixed(2)}`, ...(d > 0 ? { style: colors.green } : d < 0 ? { style: colors.red } : {}) };
}

/**
 * The cross-validation of `coachcode train --folds`: per code, the human-coded turns compared
 * (`turns`), those the humans gave the code (`given`), the kappa of the base model and of the
 * models fitted to the other folds on the held-out transcripts, and the macro means.
 */
export function renderCrossValidation(r: CrossValidationReport, baseId: string, colors: ChalkInstance): string {
  const rows = r.base.perCode.map((b, i) => {
    const f = r.fitted.perCode[i];
    return [b.code, String(b.n), String(b.support), kappaCell(b.kappa, colors), kappaCell(f?.kappa ?? null, colors), changeCell(b.kappa, f?.kappa ?? null, colors)];
  });
  const [mb, mf] = [r.base.macro.kappa.mean, r.fitted.macro.kappa.mean];
  rows.push([{ text: 'macro', style: colors.bold }, '', '', kappaCell(mb, colors), kappaCell(mf, colors), changeCell(mb, mf, colors)]);
  const title = colors.bold(messages.crossValidationTitle(r.folds, r.transcripts, r.turns));
  return [title, colors.dim(messages.crossValidationModels(baseId)), '', renderTable(COLUMNS, rows, colors)].join('\n');
}
