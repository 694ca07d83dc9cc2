import { CoachcodeError } from '../errors.js';
import { dict } from '../model/dict.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { ROLES } from '../model/role.js';
import { kappaFromConfusion } from './cohen-kappa.js';
import { codingFiles, type Coding, type CodedUnit } from './coding.js';
import { confusionSize, emptyConfusion, scoreConfusion, tallyConfusion, type BinaryConfusion } from './confusion.js';
import { averageMacro, type MacroAverage } from './macro-average.js';
import { matchFiles, type FileMatch } from './match-files.js';
import { agreementMessages } from './messages.js';

/** Options of {@link evaluateCodings}. */
export interface EvaluateOptions {
  /** The codes to evaluate, in report order (usually the codebook's). */
  codes: readonly string[];
  /** Also report every statistic per role (the gold role, else the predicted one, else `unknown`). */
  byRole?: boolean;
  /** How many keys of missing / extra turns to list (default 5). */
  examples?: number;
  /** Also list every paired turn whose codes differ (`Evaluation.disagreements`). */
  disagreements?: boolean;
}

/** Agreement on one code over the turns where it was compared. */
export interface CodeAgreement extends BinaryConfusion {
  code: string;
  /** Turns on which the code was compared (tp + fp + fn + tn). */
  n: number;
  /** Gold positives (tp + fn). */
  support: number;
  /** Predicted positives (tp + fp). */
  predicted: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  kappa: number | null;
  percentAgreement: number | null;
  /** Why a statistic is `null`, when one is. */
  notes: string[];
}

/** Unweighted means over codes of each statistic (undefined values left out, see `codes`). */
export interface MacroScores {
  precision: MacroAverage;
  recall: MacroAverage;
  f1: MacroAverage;
  kappa: MacroAverage;
  percentAgreement: MacroAverage;
}

/** Per-code agreement over one group of turns. */
export interface AgreementTable {
  /** Matched turns in the group. */
  turns: number;
  perCode: CodeAgreement[];
  macro: MacroScores;
}

/**
 * One row of the confusion table: over the turns where the gold coding gave `gold` (or no code:
 * `none`), how often the predicted coding gave each code (or no code: `none`). Multi-label: a turn
 * with two gold codes counts in two rows; a turn with two predicted codes counts in two columns.
 */
export interface ConfusionRow {
  gold: string;
  /** Turns in this row. */
  turns: number;
  /** Predicted code (or `none`) → number of those turns on which it was given. */
  predicted: Record<string, number>;
}

/** Turns present in one coding only: how many, and the first few keys. */
export interface TurnMismatch {
  count: number;
  /** The first keys, `file#turn`, in the order of their coding. */
  examples: string[];
}

/** A turn on which the two codings differ, on the codes compared there. */
export interface Disagreement {
  gold: CodedUnit;
  predicted: CodedUnit;
  /** Codes the gold gives and the predicted coding does not (false negatives), in `codes` order. */
  missed: string[];
  /** Codes the predicted coding gives and the gold does not (false positives), in `codes` order. */
  extra: string[];
}

/** Everything `coachcode evaluate` reports. */
export interface Evaluation extends AgreementTable {
  codes: string[];
  turnCounts: { gold: number; predicted: number; matched: number };
  /** Per role (coach, coachee, observer, unknown first, then any other role name in order). */
  byRole?: Record<string, AgreementTable>;
  confusion: ConfusionRow[];
  /** How gold files were paired with predicted files. */
  files: FileMatch[];
  /** Turns in the gold coding with no predicted turn (never silently dropped). */
  missing: TurnMismatch;
  /** Predicted turns with no gold turn. */
  extra: TurnMismatch;
  diagnostics: Diagnostic[];
  /** With `options.disagreements`: every paired turn whose codes differ, in gold order. */
  disagreements?: Disagreement[];
}

/** The label of "no code" in the confusion table. */
export const NO_CODE = 'none';

/** A gold turn paired with its predicted turn. */
interface MatchedTurn {
  gold: CodedUnit;
  predicted: CodedUnit;
}

/**
 * Compares a predicted coding (the machine, or a second coder) with a gold coding, turn by turn.
 * Turns are paired by file (base name, then stem as a fallback: see {@link matchFiles}) and
 * turn number. A code is compared on a turn only when neither side's `scored` leaves it out.
 * Throws a {@link CoachcodeError} when `codes` is empty; everything else is reported in
 * `diagnostics`.
 */
export function evaluateCodings(gold: Coding, predicted: Coding, options: EvaluateOptions): Evaluation {
  const codes = [...new Set(options.codes)];
  if (codes.length === 0) throw new CoachcodeError([{ code: 'evaluate-no-codes', severity: 'error', message: agreementMessages.noCodes() }]);
  const examples = options.examples ?? 5;
  const diagnostics: Diagnostic[] = [];

  const goldFiles = codingFiles(gold);
  const predictedFiles = codingFiles(predicted);
  const matching = matchFiles([...goldFiles.keys()], [...predictedFiles.keys()]);
  diagnostics.push(...matching.diagnostics);
  const predictedFileOf = new Map(matching.matches.map((m) => [m.reference, m.other]));
  const goldFileOf = new Map(matching.matches.map((m) => [m.other, m.reference]));

  // 1. Pair turns; list what is on one side only.
  const matched: MatchedTurn[] = [];
  const missing: TurnMismatch = { count: 0, examples: [] };
  const missingByFile = new Map<string, number[]>();
  for (const [key, unit] of gold) {
    const otherFile = predictedFileOf.get(unit.file);
    const other = otherFile === undefined ? undefined : predicted.get(`${otherFile}#${unit.turn}`);
    if (other) matched.push({ gold: unit, predicted: other });
    else {
      note(missing, key, examples);
      if (otherFile !== undefined) push(missingByFile, unit.file, unit.turn);
    }
  }
  const extra: TurnMismatch = { count: 0, examples: [] };
  const extraByFile = new Map<string, number[]>();
  for (const [key, unit] of predicted) {
    const goldFile = goldFileOf.get(unit.file);
    if (goldFile !== undefined && gold.has(`${goldFile}#${unit.turn}`)) continue;
    note(extra, key, examples);
    if (goldFile !== undefined) push(extraByFile, unit.file, unit.turn);
  }
  for (const file of matching.unmatchedReference) {
    diagnostics.push({ code: 'evaluate-missing-file', severity: 'warning', source: file, message: agreementMessages.missingFile(file, goldFiles.get(file) ?? 0) });
  }
  for (const [file, turns] of missingByFile) {
    diagnostics.push({ code: 'evaluate-missing-turns', severity: 'warning', source: file, message: agreementMessages.missingTurns(file, turns.length, turns.slice(0, examples)) });
  }
  for (const file of matching.unmatchedOther) {
    diagnostics.push({ code: 'evaluate-extra-file', severity: 'warning', source: file, message: agreementMessages.extraFile(file, predictedFiles.get(file) ?? 0) });
  }
  for (const [file, turns] of extraByFile) {
    diagnostics.push({ code: 'evaluate-extra-turns', severity: 'warning', source: file, message: agreementMessages.extraTurns(file, turns.length, turns.slice(0, examples)) });
  }

  // 2. Codes outside the evaluated list are reported, not silently ignored.
  diagnostics.push(...reportUnknownCodes('gold', matched.map((m) => m.gold), codes));
  diagnostics.push(...reportUnknownCodes('predicted', matched.map((m) => m.predicted), codes));

  // 3. Statistics, overall and per role.
  const table = tabulate(matched, codes);
  const evaluation: Evaluation = {
    codes,
    turnCounts: { gold: gold.size, predicted: predicted.size, matched: matched.length },
    ...table,
    confusion: confuse(matched, codes),
    files: matching.matches,
    missing,
    extra,
    diagnostics,
  };
  if (options.disagreements) evaluation.disagreements = disagree(matched, codes);
  if (options.byRole) {
    const groups = new Map<string, MatchedTurn[]>();
    for (const m of matched) push(groups, m.gold.role ?? m.predicted.role ?? 'unknown', m);
    const order = (r: string) => {
      const i = (ROLES as readonly string[]).indexOf(r);
      return i < 0 ? ROLES.length : i;
    };
    const roles = [...groups.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    evaluation.byRole = dict(roles.map((r) => [r, tabulate(groups.get(r) ?? [], codes)] as const));
  }
  return evaluation;
}

/** The paired turns whose codes differ on a code compared there. */
function disagree(matched: readonly MatchedTurn[], codes: readonly string[]): Disagreement[] {
  const out: Disagreement[] = [];
  for (const m of matched) {
    const compared = codes.filter((c) => isCompared(c, m.gold, m.predicted));
    const missed = compared.filter((c) => m.gold.codes.includes(c) && !m.predicted.codes.includes(c));
    const extra = compared.filter((c) => !m.gold.codes.includes(c) && m.predicted.codes.includes(c));
    if (missed.length > 0 || extra.length > 0) out.push({ gold: m.gold, predicted: m.predicted, missed, extra });
  }
  return out;
}

/** Whether `code` is compared on this pair of turns: neither side's `scored` leaves it out. */
export function isCompared(code: string, ...units: readonly CodedUnit[]): boolean {
  return units.every((u) => u.scored === undefined || u.scored.includes(code));
}

function tabulate(matched: readonly MatchedTurn[], codes: readonly string[]): AgreementTable {
  const perCode = codes.map((code) => {
    const c = emptyConfusion();
    for (const m of matched) {
      if (isCompared(code, m.gold, m.predicted)) tallyConfusion(c, m.gold.codes.includes(code), m.predicted.codes.includes(code));
    }
    return agreeOnCode(code, c);
  });
  return {
    turns: matched.length,
    perCode,
    macro: {
      precision: averageMacro(perCode.map((r) => r.precision)),
      recall: averageMacro(perCode.map((r) => r.recall)),
      f1: averageMacro(perCode.map((r) => r.f1)),
      kappa: averageMacro(perCode.map((r) => r.kappa)),
      percentAgreement: averageMacro(perCode.map((r) => r.percentAgreement)),
    },
  };
}

/** All statistics of one code from its confusion. */
export function agreeOnCode(code: string, c: BinaryConfusion): CodeAgreement {
  const scores = scoreConfusion(c);
  const kappa = kappaFromConfusion(c);
  const notes = [...scores.notes];
  if (kappa.note && !notes.includes(kappa.note)) notes.push(kappa.note);
  return {
    code,
    ...c,
    n: confusionSize(c),
    support: c.tp + c.fn,
    predicted: c.tp + c.fp,
    precision: scores.precision,
    recall: scores.recall,
    f1: scores.f1,
    kappa: kappa.kappa,
    percentAgreement: scores.percentAgreement,
    notes,
  };
}

function confuse(matched: readonly MatchedTurn[], codes: readonly string[]): ConfusionRow[] {
  const labels = [...codes, NO_CODE];
  const rows = new Map<string, ConfusionRow>(labels.map((l) => [l, { gold: l, turns: 0, predicted: dict(labels.map((p) => [p, 0] as const)) }]));
  for (const m of matched) {
    const compared = codes.filter((c) => isCompared(c, m.gold, m.predicted));
    if (compared.length === 0) continue;
    const g = compared.filter((c) => m.gold.codes.includes(c));
    const p = compared.filter((c) => m.predicted.codes.includes(c));
    for (const gl of g.length ? g : [NO_CODE]) {
      const row = rows.get(gl);
      if (!row) continue;
      row.turns++;
      for (const pl of p.length ? p : [NO_CODE]) row.predicted[pl] = (row.predicted[pl] ?? 0) + 1;
    }
  }
  return [...rows.values()];
}

function reportUnknownCodes(side: string, units: readonly CodedUnit[], codes: readonly string[]): Diagnostic[] {
  const known = new Set(codes);
  const unknown = new Map<string, number>();
  for (const u of units) for (const c of u.codes) if (!known.has(c)) unknown.set(c, (unknown.get(c) ?? 0) + 1);
  return [...unknown].map(([code, turns]) => ({
    code: 'evaluate-unknown-code',
    severity: 'warning' as const,
    message: agreementMessages.unknownCode(side, code, turns, [...codes]),
  }));
}

function note(m: TurnMismatch, key: string, examples: number): void {
  m.count++;
  if (m.examples.length < examples) m.examples.push(key);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
