import { baseName, codingKey, crossValidate, evaluateCodings, type AgreementTable, type Coding, type LinearTurnClassifier, type Turn } from '@coachcode/core';
import { scores, type LabelledTranscript, type Labelling } from './label-turns.js';
import { machineUnits } from './units.js';

/** How a fit agreed with the human codes on transcripts it did not see, beside the base model. */
export interface CrossValidationReport {
  folds: number;
  /** Transcripts cross-validated: those with a turn coded for one of the codes. */
  transcripts: number;
  /** Their human-coded turns (coded for at least one of the codes). */
  turns: number;
  /** The base model as it is, per code, on those turns. */
  base: AgreementTable;
  /** Each transcript coded by the model fitted to the other folds, per code. */
  fitted: AgreementTable;
}

/**
 * Cross-validates a fit by transcript with core's `crossValidate`: the transcripts that have a
 * turn coded for one of `codes` are dealt to `folds` folds in input order; each fold is fitted
 * by `fitTo` (given indices into `labelling.transcripts`, so it can fit as the final fit does)
 * and codes its held-out transcripts. Agreement per code is `evaluateCodings`' over the human-
 * coded turns, each code counted only on the turns whose coding scores it.
 */
export function crossValidateLabelling(
  base: LinearTurnClassifier,
  labelling: Labelling,
  codes: readonly string[],
  folds: number,
  fitTo: (classifier: LinearTurnClassifier, transcripts: readonly number[]) => LinearTurnClassifier,
): CrossValidationReport {
  // The human coding of turn j, when it scores one of the codes.
  const scoredGold = (t: LabelledTranscript, j: number) => {
    const g = t.gold[j];
    return g !== undefined && codes.some((c) => scores(g, c)) ? g : undefined;
  };
  const conversations = labelling.transcripts.map((t) =>
    t.turns.map((turn, j): Turn => {
      const g = scoredGold(t, j);
      return g ? { ...turn, humanCodes: [...g.codes] } : turn;
    }),
  );
  const result = crossValidate(base, conversations, { folds, fitFold: fitTo });

  const gold: Coding = new Map();
  const byBase: Coding = new Map();
  const byFit: Coding = new Map();
  for (const c of result.conversations) {
    const t = labelling.transcripts[c.index] as LabelledTranscript;
    const file = baseName(t.source);
    const baseUnits = machineUnits(t.source, c.base);
    const fitUnits = machineUnits(t.source, c.fitted);
    t.turns.forEach((turn, j) => {
      const g = scoredGold(t, j);
      const key = codingKey(file, turn.turn);
      if (!g || gold.has(key)) return;
      gold.set(key, { file, turn: turn.turn, codes: g.codes, ...(g.scored ? { scored: g.scored } : {}) });
      byBase.set(key, baseUnits[j] as (typeof baseUnits)[number]);
      byFit.set(key, fitUnits[j] as (typeof fitUnits)[number]);
    });
  }
  return {
    folds,
    transcripts: result.conversations.length,
    turns: gold.size,
    base: evaluateCodings(gold, byBase, { codes }),
    fitted: evaluateCodings(gold, byFit, { codes }),
  };
}
