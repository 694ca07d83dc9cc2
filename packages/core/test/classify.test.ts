import { describe, expect, it } from 'vitest';
import { createClassifier, parseModel } from '../src/classify/linear-classifier.js';
import { defaultModel } from '../src/classify/builtin-models.js';
import { cuesModel } from '../src/models/cues.js';
import { CoachcodeError } from '../src/errors.js';
import type { Model } from '../src/classify/model.js';
import { cfbtDecisionExamples, exampleConversation } from '../src/codebook/examples.js';
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
  it.each(cfbtDecisionExamples.map((e) => [e.turns.at(-1), e] as const))('%j', (_, example) => {
    const codes = classifier.classify(exampleConversation(example)).at(-1)?.codes ?? [];
    for (const c of example.codes) expect(codes).toContain(c);
    for (const c of example.notCodes) expect(codes).not.toContain(c);
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
    const prior: Model = { ...cuesModel, codes: { continuity: { bias: -1, weights: { 'cue:back-reference': 1 } } } };
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
