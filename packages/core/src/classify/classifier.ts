import type { Codebook } from '../codebook/codebook.js';
import type { CodedTurn, Turn } from '../model/turn.js';
import type { FitOptions } from './fit.js';

/** Options every classifier accepts when coding. */
export interface ClassifyOptions {
  /** Score at or above which a code is assigned (default: the model's own threshold per code). */
  threshold?: number;
}

/**
 * The contract of a turn classifier. Classifiers are immutable: `fit()` returns a new
 * classifier and leaves this one unchanged.
 */
export interface TurnClassifier {
  /** Model identifier written in every record, e.g. `cfbt-default@5`. */
  readonly id: string;
  readonly codebook: Codebook;
  /** Codes a whole conversation; each turn may use the turns before it as context. */
  classify(turns: readonly Turn[], options?: ClassifyOptions): CodedTurn[];
  /** Learns from human-coded turns (their `humanCodes`), returning a new classifier. */
  fit?(conversations: readonly (readonly Turn[])[], options?: FitOptions): TurnClassifier;
}
