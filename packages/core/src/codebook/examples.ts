import type { Turn } from '../model/turn.js';

/**
 * A worked example of the codebook's decision rules: a short exchange and what its last turn
 * must and must not be coded.
 */
export interface DecisionExample {
  /** The exchange, in order; turns alternate coach, coachee, coach…, starting with the coach. */
  turns: readonly string[];
  /** Codes the last turn must have. */
  codes: readonly string[];
  /** Codes the last turn must not have. */
  notCodes: readonly string[];
  /** The rule it shows, when the example alone does not say. */
  note?: string;
}

/**
 * The decision rules of `docs/codebook.md` as examples. Tests hold the default model to them, and
 * `pnpm train:default` adds them to the turns it fits, so fitted weights keep to the codebook.
 */
export const cfbtDecisionExamples: readonly DecisionExample[] = [
  {
    turns: ['I think you should move the group nearer the front.', 'Yeah, absolutely.'],
    codes: ['acceptance'],
    notCodes: [],
    note: 'acceptance rule 1: an explicit endorsement of a suggestion ("absolutely", "exactly") takes it up',
  },
  {
    turns: ['The group at the back went quiet.', 'Why do you think they went quiet?'],
    codes: ['challenge'],
    notCodes: [],
  },
  {
    turns: ['What evidence do you have that they understood?'],
    codes: ['challenge'],
    notCodes: [],
  },
  {
    turns: ['What would happen if you gave them the answers first?'],
    codes: ['challenge'],
    notCodes: [],
  },
  {
    turns: ['Why do you think they went quiet?', 'Because the instructions were far too long and they had lost the thread by then.'],
    codes: ['challenge'],
    notCodes: [],
  },
  {
    turns: ['Could you try cold calling with 8Y3 next time?', "Yes, that's fair, I'll try that with 8Y3."],
    codes: ['acceptance'],
    notCodes: ['dissonance'],
  },
  {
    turns: ['They were all on task, I think.', 'Mm-hmm.'],
    codes: [],
    notCodes: ['acceptance'],
  },
  {
    turns: ['You could try mini whiteboards.', "Yeah, but I did do that and it didn't work."],
    codes: ['dissonance'],
    notCodes: ['acceptance'],
  },
  {
    turns: ["I don't really agree, that's not how it works with this class."],
    codes: ['dissonance'],
    notCodes: [],
  },
  {
    turns: ['I rushed the plenary, I should have left more time.'],
    codes: [],
    notCodes: ['dissonance'],
  },
  {
    turns: ['Going back to the starter, what did you notice?'],
    codes: ['continuity'],
    notCodes: [],
  },
  {
    turns: ['Last time we agreed you would focus on questioning.'],
    codes: ['continuity'],
    notCodes: [],
  },
  {
    turns: ["I noticed only three students answered.", "So what you're saying is the questions only reached a few of them."],
    codes: ['summary'],
    notCodes: [],
  },
  {
    note: "A leading \"no\" that goes on to concede is acceptance, not dissonance.",
    turns: ["Quiet isn't the same as improving.", "No, that's fair. I hadn't thought of it like that."],
    codes: ['acceptance'],
    notCodes: ['dissonance'],
  },
  {
    note: "A plain rejection of a statement is dissonance.",
    turns: ['So the marking policy is working for your groups.', 'No.'],
    codes: ['dissonance'],
    notCodes: ['acceptance'],
  },
  {
    note: 'The same without punctuation, as speech recognisers write it.',
    turns: ['so that worked for all of them then', 'no'],
    codes: ['dissonance'],
    notCodes: ['acceptance'],
  },
  {
    note: 'A "no" that rejects a claim and corrects it.',
    turns: ['They were all on task by the end.', 'No. Not the back row.'],
    codes: ['dissonance'],
    notCodes: [],
  },
  {
    note: 'A "no" that answers a closed question is an answer, not a rejection (general rule 6).',
    turns: ['Did you get to the plenary?', 'No.'],
    codes: [],
    notCodes: ['dissonance', 'acceptance'],
  },
  {
    note: "\"So I…\" tells one's own story, and \"So why…?\" asks; neither summarises.",
    turns: ['How did it go?', 'So I did the three-tier tasks for the whole unit and they picked.'],
    codes: [],
    notCodes: ['summary'],
  },
  {
    turns: ['They finished early.', 'So why wait till Easter to change it?'],
    codes: ['challenge'],
    notCodes: ['summary'],
  },
  {
    note: "A pull-together restates what was said and links the parts of the conversation.",
    turns: ['I could try the sticky notes on Monday.', 'Okay, so, pulling it together: sticky notes from Monday, and the target about table five.'],
    codes: ['summary', 'continuity'],
    notCodes: [],
  },
  {
    note: "A link to an earlier session counts wherever it comes in the turn.",
    turns: ['Mm.', "Honestly I think the thing they found hardest was the apparatus, which is what we saw last term as well."],
    codes: ['continuity'],
    notCodes: [],
  },
  {
    note: "A concession followed by a reservation is acceptance and dissonance (codebook, acceptance rule 2).",
    turns: ['You could give them the lines already drawn.', "Okay, I'll try it with one group. But I still think it's too fast for them."],
    codes: ['acceptance', 'dissonance'],
    notCodes: [],
  },
  {
    note: "A trailing \"though\" resists the point just made.",
    turns: ['Cold calling would get more of them thinking.', "I've tried cold calling before, though."],
    codes: ['dissonance'],
    notCodes: ['acceptance'],
  },
  {
    note: "Reassurance after an apology is not rejection.",
    turns: ['Sorry, I was late back from duty.', 'No worries, no rush.'],
    codes: [],
    notCodes: ['dissonance'],
  },
  {
    note: "Proposing a different practice is challenge, whoever does it (codebook, challenge rule 3).",
    turns: ['She froze when I asked her.', 'You could tell her before the lesson that you will come to her on question one.'],
    codes: ['challenge'],
    notCodes: [],
  },
  {
    note: "Reasoning about what would have happened is self-questioning with reasons (challenge rule 4).",
    turns: ['What do you make of the redrafts?', "If I'd given them one specific thing to redraft towards, they'd probably have done it."],
    codes: ['challenge'],
    notCodes: ['dissonance'],
  },
  {
    note: "A question for facts informs; it does not stretch.",
    turns: ['We did the practical on Tuesday.', 'How many groups finished?'],
    codes: [],
    notCodes: ['challenge'],
  },
  {
    note: "A complaint late in a long turn is still discontent.",
    turns: ['How are things?', "Fine, I suppose, we've had mocks and reports and parents' evening all in one week, and I'm completely fed up."],
    codes: ['dissonance'],
    notCodes: [],
  },
];

/**
 * An example as a conversation: the coach is Angela and the coachee Ben. With `code`, the last
 * turn carries human codes for fitting: `[code]` when the example requires it, `[]` when it rules
 * it out.
 */
export function exampleConversation(example: DecisionExample, code?: string): Turn[] {
  const turns: Turn[] = example.turns.map((text, i) => ({ turn: i + 1, speaker: i % 2 ? 'Ben' : 'Angela', role: i % 2 ? 'coachee' : 'coach', text }));
  const last = turns.at(-1);
  if (code !== undefined && last) last.humanCodes = example.codes.includes(code) ? [code] : [];
  return turns;
}

/**
 * Training data that holds a fit of `code` to the codebook's rules: each example that requires
 * or rules out `code`, as a conversation coded for that code only, `times` times over.
 */
export function exampleConversationsFor(code: string, times: number, examples: readonly DecisionExample[] = cfbtDecisionExamples): Turn[][] {
  return examples
    .filter((e) => e.codes.includes(code) || e.notCodes.includes(code))
    .flatMap((e) => Array.from({ length: times }, () => exampleConversation(e, code)));
}
