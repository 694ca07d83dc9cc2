import { agreementNotes } from './messages.js';

/** Counts of one binary decision (a code present / absent) by a reference and a predicted coding. */
export interface BinaryConfusion {
  /** Reference yes, predicted yes. */
  tp: number;
  /** Reference no, predicted yes. */
  fp: number;
  /** Reference yes, predicted no. */
  fn: number;
  /** Reference no, predicted no. */
  tn: number;
}

/** Precision, recall, F1 and percent agreement of a {@link BinaryConfusion}; `null` where undefined. */
export interface BinaryScores {
  /** tp / (tp + fp); `null` when nothing was predicted. */
  precision: number | null;
  /** tp / (tp + fn); `null` when the reference has no positives. */
  recall: number | null;
  /** 2tp / (2tp + fp + fn); `null` when the code occurs in neither coding. */
  f1: number | null;
  /** (tp + tn) / n; `null` when n = 0. */
  percentAgreement: number | null;
  /** Why a value is `null`, one note per undefined value. */
  notes: string[];
}

/** An all-zero confusion. */
export function emptyConfusion(): BinaryConfusion {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

/** Adds one item to a confusion in place. */
export function tallyConfusion(c: BinaryConfusion, reference: boolean, predicted: boolean): void {
  if (reference) {
    if (predicted) c.tp++;
    else c.fn++;
  } else if (predicted) c.fp++;
  else c.tn++;
}

/** Counts tp, fp, fn, tn over paired yes/no decisions; the two arrays must have the same length. */
export function countConfusion(reference: readonly boolean[], predicted: readonly boolean[]): BinaryConfusion {
  if (reference.length !== predicted.length) {
    throw new RangeError(`countConfusion: expected two arrays of the same length, received ${reference.length} and ${predicted.length}`);
  }
  const c = emptyConfusion();
  reference.forEach((r, i) => tallyConfusion(c, r, predicted[i] === true));
  return c;
}

/** Number of items in a confusion. */
export function confusionSize(c: BinaryConfusion): number {
  return c.tp + c.fp + c.fn + c.tn;
}

/**
 * Precision, recall, F1 and percent agreement of a confusion. F1 is computed as
 * 2tp / (2tp + fp + fn), which equals the harmonic mean of precision and recall whenever both
 * are defined and is 0 (not undefined) when one of them is 0 or undefined but the code was used.
 */
export function scoreConfusion(c: BinaryConfusion): BinaryScores {
  const notes: string[] = [];
  const n = confusionSize(c);
  const predicted = c.tp + c.fp;
  const support = c.tp + c.fn;
  const f1Denominator = 2 * c.tp + c.fp + c.fn;
  if (n === 0) notes.push(agreementNotes.noItems());
  else {
    if (predicted === 0) notes.push(agreementNotes.precisionNoPredictions());
    if (support === 0) notes.push(agreementNotes.recallNoSupport());
    if (f1Denominator === 0) notes.push(agreementNotes.f1NeverUsed());
  }
  return {
    precision: predicted === 0 ? null : c.tp / predicted,
    recall: support === 0 ? null : c.tp / support,
    f1: f1Denominator === 0 ? null : (2 * c.tp) / f1Denominator,
    percentAgreement: n === 0 ? null : (c.tp + c.tn) / n,
    notes,
  };
}
