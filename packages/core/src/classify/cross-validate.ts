import { CoachcodeError } from '../errors.js';
import { messages } from '../messages.js';
import type { CodedTurn, Turn } from '../model/turn.js';
import type { FitOptions } from './fit.js';
import type { LinearTurnClassifier } from './linear-classifier.js';

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions {
  /**
   * How many folds: a whole number from 2 to the number of conversations with human codes
   * (that many folds leaves one conversation out at a time).
   */
  folds: number;
  /** Options of each fold's `classifier.fit(training, fit)`: give the final fit's, to measure it. */
  fit?: FitOptions;
  /**
   * Fits one fold instead of `classifier.fit(training, fit)`, for callers that fit in several
   * steps (`coachcode train` fits codes scored on different turns one group at a time): called
   * with the classifier and the indices, into `conversations`, of the fold's training
   * conversations; `fit` is then not used.
   */
  fitFold?: (classifier: LinearTurnClassifier, training: readonly number[]) => LinearTurnClassifier;
}

/** One conversation coded while it was held out. */
export interface CrossValidatedConversation {
  /** Its index in the conversations given. */
  index: number;
  /** The fold it was held out in (0-based). */
  fold: number;
  /** Coded by the classifier as given (the base), with the human codes it carried. */
  base: CodedTurn[];
  /** Coded by the classifier fitted to the other folds' conversations. */
  fitted: CodedTurn[];
}

/** What {@link crossValidate} returns. */
export interface CrossValidation {
  folds: number;
  /** The conversations with human codes, in the order given (the others are in no fold). */
  conversations: CrossValidatedConversation[];
}

/**
 * k-fold cross-validation grouped by conversation: the conversations that carry human codes
 * (`humanCodes` on at least one turn) are dealt to `folds` folds in turn, in the order given
 * (the 1st to fold 0, the 2nd to fold 1 …, the (k+1)th to fold 0 again), so each is in exactly
 * one fold and never split. For each fold, the classifier is fitted to the other folds'
 * conversations and codes the fold's; each conversation is also coded by the classifier as
 * given. Compare both with the human codes (for example with `evaluateCodings`) to see how a
 * fit agrees on conversations it did not see. Throws a {@link CoachcodeError} when `folds` is
 * not a whole number from 2 to the number of conversations with human codes.
 */
export function crossValidate(classifier: LinearTurnClassifier, conversations: readonly (readonly Turn[])[], options: CrossValidateOptions): CrossValidation {
  const coded = conversations.flatMap((turns, index) => (turns.some((t) => t.humanCodes !== undefined) ? [index] : []));
  const { folds } = options;
  if (!Number.isInteger(folds) || folds < 2 || folds > coded.length) {
    throw new CoachcodeError([{ code: 'cross-validate-folds', severity: 'error', message: messages.crossValidateFolds(folds, coded.length) }]);
  }
  const foldOf = new Map(coded.map((index, i) => [index, i % folds]));
  const fitted: LinearTurnClassifier[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const training = coded.filter((index) => foldOf.get(index) !== fold);
    fitted.push(
      options.fitFold
        ? options.fitFold(classifier, training)
        : classifier.fit(
            training.map((index) => conversations[index] as readonly Turn[]),
            options.fit,
          ),
    );
  }
  return {
    folds,
    conversations: coded.map((index) => {
      const fold = foldOf.get(index) as number;
      const turns = conversations[index] as readonly Turn[];
      return { index, fold, base: classifier.classify(turns), fitted: (fitted[fold] as LinearTurnClassifier).classify(turns) };
    }),
  };
}
