import type { Model } from './model.js';

/**
 * The hand-weighted model for the CfBT codebook: weights over cue and context features set by
 * hand from the decision rules in `docs/codebook.md`, checked against the tuning part of the
 * project's coded fixtures and a development part of the MRDA benchmark (see
 * `docs/benchmarks.md`); the held-out parts were not used to set them. It is the prior the
 * default model is fitted from (`scripts/train-default-model.mjs`).
 */
export const handModel: Model = {
  format: 'coachcode-model',
  id: 'cfbt-hand',
  version: 1,
  codebook: 'cfbt@1',
  threshold: 0.5,
  codes: {
    summary: {
      bias: -3,
      weights: {
        'cue:reformulate': 3.6,
        'cue:so-start': 3.2,
        'overlap-recent': 2.5,
        'tag-question': 0.8,
        question: -0.4,
        short: -1,
        'backchannel-only': -3,
        'bare-agree': -3,
      },
    },
    acceptance: {
      bias: -3,
      weights: {
        'cue:agree-explicit': 3.4,
        'cue:commit': 3,
        'no-then-agree': 3,
        'concede-but': 1.5,
        'cue:agree-start': 2.2,
        'agree-after-statement': 1.2,
        'agree-after-proposal': 0.8,
        'agree-after-feedback': 0.6,
        'agree-after-question': -1.2,
        'agree-other-continues': -0.8,
        'bare-agree': 0,
        'backchannel-only': -2,
        'cue:yeah-but': -2.5,
        'cue:disagree': -1.5,
        'cue:no-start': -1.5,
        question: -1.2,
      },
    },
    challenge: {
      bias: -3,
      weights: {
        'cue:why-question': 2.4,
        'cue:how-question': 1.4,
        'cue:what-if': 2.6,
        'cue:evidence-question': 3.2,
        'cue:what-question': 1.2,
        'cue:reflect-question': 2,
        'cue:alternative': 2.4,
        'cue:critical-feedback': 2.2,
        'cue:stretch': 2,
        'cue:because': 1.2,
        'cue:proposal': 2.4,
        'cue:counterfactual': 2.5,
        question: 1.6,
        long: 0.6,
        'tag-question': -1,
        'justified-reply': 3,
        'substantive-reply': 2.4,
        'coach-question': 1.6,
        'reasoned-disagreement': 2.2,
        'answers-coach-question': 1.2,
        'cue:neutral-question': -2.5,
        'cue:account-question': -2.6,
        'cue:info-question': -1.5,
        'cue:agree-explicit': -1.2,
        'cue:reformulate': -1.2,
        'cue:so-start': -0.6,
        short: -1.5,
        'backchannel-only': -3,
      },
    },
    continuity: {
      bias: -3.2,
      weights: {
        'cue:back-reference': 4,
        'cue:earlier-session': 3.6,
        'overlap-earlier': 0.8,
        'after-continuity': 2,
        short: -1,
      },
    },
    dissonance: {
      bias: -3,
      weights: {
        'cue:no-start': 2.2,
        'no-after-question': 0,
        'no-after-statement': 1.2,
        'cue:disagree': 5,
        'cue:yeah-but': 3.2,
        'cue:but-start': 1.6,
        'cue:complaint': 5,
        'cue:hedged-doubt': 5,
        'self-critical': -1.5,
        'cue:agree-explicit': -1,
        'no-then-agree': -2,
        'concede-but': 3,
      },
    },
  },
};
