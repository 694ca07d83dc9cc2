import { describe, expect, it } from 'vitest';
import { createClassifier, parseModel } from '../src/classify/linear-classifier.js';
import { defaultModel } from '../src/classify/default-model.js';
import { CoachcodeError } from '../src/errors.js';
import type { Model } from '../src/classify/model.js';
import type { Turn } from '../src/model/turn.js';

const classifier = createClassifier();

function conversation(...texts: string[]): Turn[] {
  return texts.map((text, i) => ({ turn: i + 1, speaker: i % 2 ? 'Ben' : 'Angela', role: i % 2 ? 'coachee' : 'coach', text }));
}

/** Codes of the last turn of a conversation. */
function lastCodes(...texts: string[]): string[] {
  return classifier.classify(conversation(...texts)).at(-1)?.codes ?? [];
}

describe('decision rules of docs/codebook.md', () => {
  it.each([
    // [previous turns..., turn] → must include / must exclude
    [['The group at the back went quiet.', 'Why do you think they went quiet?'], ['challenge'], []],
    [['What evidence do you have that they understood?'], ['challenge'], []],
    [['What would happen if you gave them the answers first?'], ['challenge'], []],
    [['Why do you think they went quiet?', 'Because the instructions were far too long and they had lost the thread by then.'], ['challenge'], []],
    [['Could you try cold calling with 8Y3 next time?', "Yes, that's fair, I'll try that with 8Y3."], ['acceptance'], ['dissonance']],
    [['They were all on task, I think.', 'Mm-hmm.'], [], ['acceptance']],
    [['You could try mini whiteboards.', "Yeah, but I did do that and it didn't work."], ['dissonance'], ['acceptance']],
    [["I don't really agree, that's not how it works with this class."], ['dissonance'], []],
    [['I rushed the plenary, I should have left more time.'], [], ['dissonance']],
    [['Going back to the starter, what did you notice?'], ['continuity'], []],
    [['Last time we agreed you would focus on questioning.'], ['continuity'], []],
    [["I noticed only three students answered.", "So what you're saying is the questions only reached a few of them."], ['summary'], []],
    // A leading "no" that goes on to concede is acceptance, not dissonance.
    [["Quiet isn't the same as improving.", "No, that's fair. I hadn't thought of it like that."], ['acceptance'], ['dissonance']],
    // A plain rejection of a statement is dissonance.
    [['So the marking policy is working for your groups.', 'No.'], ['dissonance'], ['acceptance']],
    // "So I…" tells one's own story, and "So why…?" asks; neither summarises.
    [['How did it go?', 'So I did the three-tier tasks for the whole unit and they picked.'], [], ['summary']],
    [['They finished early.', 'So why wait till Easter to change it?'], ['challenge'], ['summary']],
    // A pull-together restates what was said and links the parts of the conversation.
    [['I could try the sticky notes on Monday.', 'Okay, so, pulling it together: sticky notes from Monday, and the target about table five.'], ['summary', 'continuity'], []],
    // A link to an earlier session counts wherever it comes in the turn.
    [['Mm.', "Honestly I think the thing they found hardest was the apparatus, which is what we saw last term as well."], ['continuity'], []],
    // A concession followed by a reservation is acceptance and dissonance (codebook, acceptance rule 2).
    [['You could give them the lines already drawn.', "Okay, I'll try it with one group. But I still think it's too fast for them."], ['acceptance', 'dissonance'], []],
    // A trailing "though" resists the point just made.
    [['Cold calling would get more of them thinking.', "I've tried cold calling before, though."], ['dissonance'], ['acceptance']],
    // Reassurance after an apology is not rejection.
    [['Sorry, I was late back from duty.', 'No worries, no rush.'], [], ['dissonance']],
    // Proposing a different practice is challenge, whoever does it (codebook, challenge rule 3).
    [['She froze when I asked her.', 'You could tell her before the lesson that you will come to her on question one.'], ['challenge'], []],
    // Reasoning about what would have happened is self-questioning with reasons (challenge rule 4).
    [['What do you make of the redrafts?', "If I'd given them one specific thing to redraft towards, they'd probably have done it."], ['challenge'], ['dissonance']],
    // A question for facts informs; it does not stretch.
    [['We did the practical on Tuesday.', 'How many groups finished?'], [], ['challenge']],
    // A complaint late in a long turn is still discontent.
    [['How are things?', "Fine, I suppose, we've had mocks and reports and parents' evening all in one week, and I'm completely fed up."], ['dissonance'], []],
  ] as const)('%j', (texts, include, exclude) => {
    const codes = lastCodes(...texts);
    for (const c of include) expect(codes).toContain(c);
    for (const c of exclude) expect(codes).not.toContain(c);
  });
});

describe('coded turn contract', () => {
  const coded = classifier.classify(conversation('Why do you think the group at the back went quiet?', 'Yes.'));

  it('scores every code between 0 and 1 and lists codes above threshold', () => {
    for (const t of coded) {
      expect(Object.keys(t.scores)).toEqual(['summary', 'acceptance', 'challenge', 'continuity', 'dissonance']);
      for (const s of Object.values(t.scores)) expect(s).toBeGreaterThanOrEqual(0), expect(s).toBeLessThanOrEqual(1);
      for (const c of t.codes) expect(t.scores[c]).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('gives a primary code and evidence spans inside the text', () => {
    const t = coded[0]!;
    expect(t.primary).toBe('challenge');
    expect(t.evidence.length).toBeGreaterThan(0);
    for (const e of t.evidence) {
      expect(t.codes).toContain(e.code);
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(t.text.length);
      expect(e.end).toBeGreaterThan(e.start);
    }
    expect(t.evidence.some((e) => t.text.slice(e.start, e.end).toLowerCase().startsWith('why do'))).toBe(true);
  });

  it('gives no primary code to an uncoded turn', () => {
    const t = classifier.classify(conversation('Hello.'))[0]!;
    expect(t.codes).toEqual([]);
    expect(t.primary).toBeNull();
  });

  it('uses context: the same words code differently after a question and after a proposal', () => {
    const afterQuestion = lastCodes('Did you mark the books this week?', 'Yeah.');
    const afterProposal = lastCodes('I think you should move the group nearer the front.', 'Yeah, absolutely.');
    expect(afterQuestion).not.toContain('acceptance');
    expect(afterProposal).toContain('acceptance');
  });
});

describe('models', () => {
  it('round-trips the default model through validation', () => {
    expect(parseModel(JSON.parse(JSON.stringify(defaultModel)))).toEqual(defaultModel);
  });

  it.each([
    [{}, /format/],
    [{ ...defaultModel, threshold: 2 }, /threshold/],
    [{ ...defaultModel, codes: { summary: { bias: 'x', weights: {} } } }, /codes\.summary\.bias/],
  ])('rejects an invalid model %#', (model, message) => {
    expect(() => parseModel(model, 'model.json')).toThrow(CoachcodeError);
    expect(() => parseModel(model, 'model.json')).toThrow(message);
  });

  it('fit() returns a new classifier and leaves the old one unchanged', () => {
    const turns = conversation('Right then.', 'Right then.', 'Right then.', 'Right then.').map((t) => ({ ...t, humanCodes: ['continuity'] }));
    const before = JSON.stringify(classifier.model);
    const fitted = classifier.fit!([turns]);
    expect(JSON.stringify(classifier.model)).toBe(before);
    expect(fitted).not.toBe(classifier);
    expect(fitted.classify(turns)[0]?.scores.continuity).toBeGreaterThan(classifier.classify(turns)[0]?.scores.continuity ?? 1);
  });

  /** A one-code model: bias 0, `cue:back-reference` weighed 1, and `word:the` weighed 3, plainly or clipped. */
  function tiny(clipped?: number): Model {
    const weights = { 'cue:back-reference': 1, ...(clipped === undefined ? { 'word:the': 3 } : {}) };
    return { ...defaultModel, codes: { continuity: { bias: 0, weights, ...(clipped === undefined ? {} : { clipped: { limit: clipped, weights: { 'word:the': 3 } } }) } } };
  }

  it('holds the clipped weights\' sum within their limit, and leaves the other weights alone', () => {
    const score = (model: Model, text: string): number | undefined => createClassifier({ model }).classify(conversation(text))[0]?.scores.continuity;
    const sigmoid = (z: number): number => Math.round(100 / (1 + Math.exp(-z))) / 100;
    expect(score(tiny(), 'Going back to the start.')).toBe(sigmoid(4));
    expect(score(tiny(0.5), 'Going back to the start.')).toBe(sigmoid(1.5));
    expect(score(tiny(0.5), 'Going back to it.')).toBe(sigmoid(1));
    expect(() => parseModel(tiny(-1))).toThrow(/limit/);
  });

  it('fit() with clip puts the features the prior does not weigh into clipped weights; keepPrior keeps the prior\'s own', () => {
    const prior: Model = { ...defaultModel, codes: { continuity: { bias: -1, weights: { 'cue:back-reference': 1 } } } };
    const turns = conversation('Going back to the start.', 'Coming back to the target.', 'Right then.', 'Fine then.').map((t, i) => ({ ...t, humanCodes: i < 2 ? ['continuity'] : [] }));
    const base = createClassifier({ model: prior });
    const clipped = base.fit([turns], { clip: 0.4, keepPrior: true, learningRate: 0.2 }).model.codes.continuity;
    expect(clipped?.weights).toEqual({ 'cue:back-reference': 1 });
    expect(clipped?.clipped?.limit).toBe(0.4);
    expect(Object.keys(clipped?.clipped?.weights ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(clipped?.clipped?.weights ?? {})).not.toContain('cue:back-reference');
    const free = base.fit([turns], { learningRate: 0.2 }).model.codes.continuity;
    expect(free?.clipped).toBeUndefined();
    expect(free?.weights['cue:back-reference']).not.toBe(1);
  });
});
