import { describe, expect, it } from 'vitest';
import { crossValidate } from '../src/classify/cross-validate.js';
import { createClassifier, type LinearTurnClassifier } from '../src/classify/linear-classifier.js';
import { CoachcodeError } from '../src/errors.js';
import type { Turn } from '../src/model/turn.js';

const base = createClassifier();
const FAST = { epochs: 40, learningRate: 0.2 };

/** An invented conversation; `codes` gives each turn's human codes (undefined: not coded). */
function conversation(texts: readonly string[], codes: readonly (string[] | undefined)[]): Turn[] {
  return texts.map((text, i) => {
    const turn: Turn = { turn: i + 1, speaker: i % 2 ? 'Ben' : 'Angela', role: i % 2 ? 'coachee' : 'coach', text };
    const human = codes[i];
    if (human) turn.humanCodes = human;
    return turn;
  });
}

// Each talk marks every turn with one code, against what the base model would say.
const TALKS: Turn[][] = [
  conversation(['Right then, so it went well.', 'Yes, it did go well.', 'So the starter worked?', 'It did, mostly.'], [['dissonance'], ['dissonance'], [], ['dissonance']]),
  conversation(['Going back to the plan.', 'Fine, the plan was good.', 'Why do you think so?', 'Because they engaged.'], [['summary'], [], ['summary'], ['summary']]),
  conversation(['Okay then.', 'Sure, okay.', 'Then what next?', 'Well, next week.'], [['challenge'], ['challenge'], [], ['challenge']]),
  conversation(['So tell me more.', 'Not really sure.', 'What would help?', 'More time, I think.'], [['acceptance'], [], ['acceptance'], ['acceptance']]),
  conversation(['Where shall we start?', 'With the quiet group.', 'Why them?', 'They never answer.'], [[], ['continuity'], ['continuity'], []]),
];
const UNCODED = conversation(['Hello.', 'Hi.'], [undefined, undefined]);

/** A classifier that records the conversations each fit() is given, and fits like `base`. */
function spyOn(classifier: LinearTurnClassifier): { spy: LinearTurnClassifier; calls: (readonly (readonly Turn[])[])[] } {
  const calls: (readonly (readonly Turn[])[])[] = [];
  const spy: LinearTurnClassifier = {
    id: classifier.id,
    codebook: classifier.codebook,
    model: classifier.model,
    classify: (turns, options) => classifier.classify(turns, options),
    fit: (conversations, options) => {
      calls.push(conversations);
      return classifier.fit(conversations, options);
    },
  };
  return { spy, calls };
}

describe('crossValidate', () => {
  it.each([
    // conversations (c: coded, u: not coded), folds → fold of each coded conversation, in order
    ['ccccc', 2, [0, 1, 0, 1, 0]],
    ['ccccc', 5, [0, 1, 2, 3, 4]],
    ['cucuccu', 3, [0, 1, 2, 0]],
    ['uccc', 3, [0, 1, 2]],
  ] as const)('deals the coded conversations of %s to %i folds in turn, each to exactly one', (layout, folds, expected) => {
    let next = 0;
    const conversations = [...layout].map((k) => (k === 'c' ? (TALKS[next++ % TALKS.length] as Turn[]) : UNCODED));
    const result = crossValidate(base, conversations, { folds, fit: { epochs: 1 } });
    expect(result.folds).toBe(folds);
    expect(result.conversations.map((c) => c.fold)).toEqual(expected);
    const codedIndices = [...layout].flatMap((k, i) => (k === 'c' ? [i] : []));
    expect(result.conversations.map((c) => c.index)).toEqual(codedIndices);
  });

  it('fits each fold to the other folds only: never to its own conversations', () => {
    const { spy, calls } = spyOn(base);
    const result = crossValidate(spy, [...TALKS, UNCODED], { folds: 3, fit: { epochs: 1 } });
    expect(calls).toHaveLength(3);
    calls.forEach((training, fold) => {
      const held = result.conversations.filter((c) => c.fold === fold).map((c) => TALKS[c.index]);
      const others = result.conversations.filter((c) => c.fold !== fold).map((c) => TALKS[c.index]);
      for (const t of held) expect(training).not.toContain(t);
      expect(training).toEqual(others);
      expect(training).not.toContain(UNCODED);
    });
  });

  it('codes each held-out conversation as a fit to the others would, and as the base does', () => {
    const result = crossValidate(base, TALKS, { folds: TALKS.length, fit: FAST });
    let leakWouldShow = false;
    const all = base.fit(TALKS, FAST);
    for (const c of result.conversations) {
      const turns = TALKS[c.index] as Turn[];
      const others = TALKS.filter((_, i) => i !== c.index);
      expect(c.fitted).toEqual(base.fit(others, FAST).classify(turns));
      expect(c.base).toEqual(base.classify(turns));
      expect(c.fitted[0]?.humanCodes).toEqual(turns[0]?.humanCodes);
      if (JSON.stringify(all.classify(turns)) !== JSON.stringify(c.fitted)) leakWouldShow = true;
    }
    // Fitting to every conversation codes them differently: the check above can fail.
    expect(leakWouldShow).toBe(true);
  });

  it('passes the fit options on, and fitFold replaces the fit', () => {
    const { spy, calls } = spyOn(base);
    const folds: (readonly number[])[] = [];
    const result = crossValidate(spy, TALKS, {
      folds: 2,
      fit: FAST,
      fitFold: (classifier, training) => {
        folds.push(training);
        return classifier.fit(training.map((i) => TALKS[i] as Turn[]), { ...FAST, keepBias: true });
      },
    });
    expect(folds).toEqual([
      [1, 3],
      [0, 2, 4],
    ]);
    expect(calls).toHaveLength(2);
    const held = result.conversations[0] as { fitted: unknown };
    expect(held.fitted).toEqual(base.fit([TALKS[1] as Turn[], TALKS[3] as Turn[]], { ...FAST, keepBias: true }).classify(TALKS[0] as Turn[]));
  });

  it.each([
    ['one fold', 1],
    ['no folds', 0],
    ['a fraction', 2.5],
    ['more folds than coded conversations', 6],
  ])('refuses %s with a CoachcodeError', (_name, folds) => {
    expect(() => crossValidate(base, [...TALKS, UNCODED], { folds })).toThrow(CoachcodeError);
    expect(() => crossValidate(base, [...TALKS, UNCODED], { folds })).toThrow(`expected a whole number of folds from 2 to 5 (the conversations with human codes), received ${folds}`);
  });
});
