import type { Codebook } from './codebook.js';
import { vocabulary } from '../model/vocabulary.js';

/** CfBT interaction functions, the five codes of the default codebook. */
export const CfbtCode = {
  summary: 'summary',
  acceptance: 'acceptance',
  challenge: 'challenge',
  continuity: 'continuity',
  dissonance: 'dissonance',
} as const;
export type CfbtCode = (typeof CfbtCode)[keyof typeof CfbtCode];
export const [CFBT_CODES, isCfbtCode] = vocabulary(CfbtCode);

/**
 * The default codebook: interaction functions of the CfBT coaching research (Lofthouse, Leat,
 * Towler, Hall and Cummings 2010). Definitions as summarised in the Welsh Government booklet
 * *Coaching and mentoring*; decision rules in `docs/codebook.md`.
 */
export const cfbtCodebook: Codebook = {
  id: 'cfbt',
  version: 1,
  title: 'CfBT interaction functions',
  source: 'Lofthouse, Leat, Towler, Hall and Cummings (2010), Improving Coaching: Evolution not revolution, CfBT Education Trust',
  codes: [
    {
      id: CfbtCode.summary,
      label: 'Summary',
      definition: 'A summary of information imparted, what has been learnt, etc.',
      examples: ["So what you're saying is…", 'So the plan is…', "a restatement of the other speaker's points"],
    },
    {
      id: CfbtCode.acceptance,
      label: 'Acceptance',
      definition:
        'The coachee indicates that they accept the feedback about them (and, by extension, a speaker accepts a point or suggestion).',
      examples: ["Yes, that's fair", "You're right, I hadn't seen that", "I'll try that with 8Y3"],
    },
    {
      id: CfbtCode.challenge,
      label: 'Challenge',
      definition: 'Coach and/or coachee introduce and/or respond to some form of challenge.',
      examples: ['Why do you think they went quiet?', 'What evidence do you have?', 'What would happen if…'],
    },
    {
      id: CfbtCode.continuity,
      label: 'Continuity',
      definition: 'Clear links between different parts or activities within the coaching conversation.',
      examples: ['Going back to the starter…', 'Last time we agreed…', 'That links to your target'],
    },
    {
      id: CfbtCode.dissonance,
      label: 'Dissonance',
      definition: 'Signs of disagreement or discontent within the conversation.',
      examples: ["I don't really agree", "That's not how it works with this class", 'but I did do that'],
    },
  ],
};
