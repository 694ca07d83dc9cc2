import type { Role } from './role.js';

/** A speaker turn: consecutive utterances of one speaker merged (unless merging is off). */
export interface Turn {
  /** 1-based turn number within the transcript. */
  turn: number;
  speaker: string;
  role: Role;
  text: string;
  /** 1-based source line of the first utterance. */
  line?: number;
  start?: string;
  end?: string;
  /** Human codes from the source, when it carried them. */
  humanCodes?: string[];
}

/** A span of `text` that made the classifier assign `code`. */
export interface Evidence {
  code: string;
  /** Identifier of the cue or feature that fired, e.g. `why-do-you-think`. */
  cue: string;
  /** Offsets into the turn's `text` (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /**
   * What the feature added to the code's logit (its weight times its value), for models that
   * weigh words (`features: "open"`); absent for cue models.
   */
  weight?: number;
}

/** A turn with machine codes. */
export interface CodedTurn extends Turn {
  codes: string[];
  primary: string | null;
  scores: Record<string, number>;
  evidence: Evidence[];
}
