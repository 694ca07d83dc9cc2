import { describe, expect, it } from 'vitest';
import { fitOpenModel, type AnalysedTrainingConversation } from '../src/classify/fit-open.js';
import { analyzeForFit, createClassifier } from '../src/classify/linear-classifier.js';
import { chooseThreshold } from '../src/classify/thresholds.js';
import type { Turn } from '../src/model/turn.js';

const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

/** An invented conversation: the coach suggests, the coachee accepts with `accept` or just says "ok". */
function conversation(accept: string, n = 8): Turn[] {
  const turns: Turn[] = [];
  for (let k = 0; k < n; k++) {
    turns.push({ turn: 2 * k + 1, speaker: 'Ann', role: 'coach', text: `Could you try pairs for task ${k}?`, humanCodes: [] });
    const yes = k % 2 === 0;
    turns.push({ turn: 2 * k + 2, speaker: 'Ben', role: 'coachee', text: yes ? accept : 'ok', humanCodes: yes ? ['acceptance'] : [] });
  }
  return turns;
}

function training(texts: readonly string[], source = 'a'): AnalysedTrainingConversation[] {
  return texts.map((text, i) => {
    const turns = conversation(text);
    return { turns, analyses: analyzeForFit(turns), source, group: `${source}${i}` };
  });
}

const base = { id: 'test', version: 1, codebook: 'cfbt@1' };

describe('the open-vocabulary model', () => {
  it('codes with exactly the logistic of its weights over the features it was fitted on', () => {
    const data = training(['sure, bagsy that one', 'bagsy, good plan', 'right, bagsy', 'bagsy it is then']);
    const model = fitOpenModel(base, CODES, data, { epochs: 40 });
    const classifier = createClassifier({ model });
    for (const c of data) {
      const coded = classifier.classify(c.turns);
      c.analyses.forEach((a, i) => {
        for (const code of CODES) {
          const w = model.codes[code];
          let z = w?.bias ?? 0;
          for (const [k, h] of a.features) if (w && Object.hasOwn(w.weights, k)) z += (w.weights[k] as number) * h.value;
          expect(coded[i]?.scores[code]).toBeCloseTo(1 / (1 + Math.exp(-z)), 2);
        }
      });
    }
  });

  it('learns a word only when it is in at least 3 conversations', () => {
    const inTwo = fitOpenModel(base, CODES, training(['bagsy', 'bagsy', 'righto', 'righto', 'righto']), { epochs: 20 });
    const names = Object.keys(inTwo.codes.acceptance?.weights ?? {});
    expect(names).toContain('w:righto');
    expect(names).not.toContain('w:bagsy');
  });

  it('learns a code only from the turns scored for it', () => {
    const data = training(['bagsy', 'bagsy', 'bagsy']).map((c) => ({ ...c, scored: ['challenge'] }));
    const model = fitOpenModel(base, CODES, data, { epochs: 40 });
    // Acceptance was never scored: it learns nothing from "bagsy".
    expect(model.codes.acceptance?.weights['w:bagsy'] ?? 0).toBe(0);
    expect(Math.abs(model.codes.challenge?.weights['w:bagsy'] ?? 0)).toBeGreaterThan(0);
  });

  it('gives a second source its own copies with adapt, so its different coding moves the shared weights less', () => {
    // Source a: "yeah right" is acceptance; source b (larger) codes it never.
    const a = training(['yeah right', 'yeah right', 'yeah right'], 'a');
    const b = training(['yeah right', 'yeah right', 'yeah right', 'yeah right'], 'b').map((c) => ({ ...c, turns: c.turns.map((t) => ({ ...t, humanCodes: [] })) }));
    const weight = (adapt: boolean) => {
      const m = fitOpenModel(base, CODES, [...a, ...b], { epochs: 60, adapt });
      return createClassifier({ model: m }).classify(a[0]?.turns ?? [])[1]?.scores.acceptance ?? 0;
    };
    expect(weight(true)).toBeGreaterThan(weight(false) + 0.1);
  });

  it("with adapt 'bias', takes a second source's base rate into its own bias, not the shared one", () => {
    // Source b codes every turn of the coachee as acceptance, "ok" too: a different base rate.
    const a = training(['yeah right', 'yeah right', 'yeah right'], 'a');
    const b = training(['yeah right', 'yeah right', 'yeah right', 'yeah right'], 'b').map((c) => ({
      ...c,
      turns: c.turns.map((t) => ({ ...t, humanCodes: t.role === 'coachee' ? ['acceptance'] : [] })),
    }));
    const okScore = (adapt: boolean | 'bias') => {
      const m = fitOpenModel(base, CODES, [...a, ...b], { epochs: 60, adapt });
      // Turn 4 is source a's uncoded "ok".
      return createClassifier({ model: m }).classify(a[0]?.turns ?? [])[3]?.scores.acceptance ?? 0;
    };
    expect(okScore('bias')).toBeLessThan(okScore(false) - 0.1);
  });

  it('starts from a prior and keeps the codes it does not fit', () => {
    const prior = fitOpenModel(base, CODES, training(['bagsy', 'bagsy', 'bagsy']), { epochs: 40 });
    const data = training(['righto', 'righto', 'righto']);
    const fitted = fitOpenModel(base, CODES, data, { epochs: 40, prior, fit: ['acceptance'] });
    expect(fitted.codes.challenge).toEqual(prior.codes.challenge);
    expect(fitted.codes.acceptance?.weights['w:bagsy']).toBeDefined();
    expect(fitted.codes.acceptance?.weights['w:righto'] ?? 0).toBeGreaterThan(0);
  });
});

describe('weights per role', () => {
  /** Both speakers say the same thing after the other's proposal; only the coachee's is acceptance. */
  function sameWords(i: number): AnalysedTrainingConversation {
    const turns: Turn[] = [];
    for (let k = 0; k < 6; k++) {
      turns.push({ turn: 4 * k + 1, speaker: 'Ann', role: 'coach', text: `Could you try pairs for task ${k}?`, humanCodes: [] });
      turns.push({ turn: 4 * k + 2, speaker: 'Ben', role: 'coachee', text: "Yes, let's do that.", humanCodes: ['acceptance'] });
      turns.push({ turn: 4 * k + 3, speaker: 'Ann', role: 'coach', text: `Shall I bring the cards for task ${k}?`, humanCodes: [] });
      turns.push({ turn: 4 * k + 4, speaker: 'Ben', role: 'coachee', text: 'Could you check my seating plan too?', humanCodes: [] });
    }
    // The coach agrees to the coachee's request in the same words: not acceptance in this data.
    turns.push({ turn: 25, speaker: 'Ann', role: 'coach', text: "Yes, let's do that.", humanCodes: [] });
    return { turns, analyses: analyzeForFit(turns), source: 'a', group: `c${i}` };
  }
  const data = [0, 1, 2, 3].map(sameWords);
  it('learns what a cue says in each role (and nothing per role unless asked)', () => {
    const shared = fitOpenModel(base, CODES, data, { epochs: 80 });
    expect(Object.keys(shared.codes.acceptance!.weights).some((n) => n.includes('|'))).toBe(false);
    const byRole = fitOpenModel(base, CODES, data, { epochs: 80, roleWeights: true }).codes.acceptance!.weights;
    expect(byRole['coachee|cue:agree-start']).toBeGreaterThan(0);
    expect(byRole['coach|cue:agree-start']).toBeLessThan(0);
  });

  it('codes with the logistic of the feature weights plus those of the turn\'s role, and shows their sum as evidence', () => {
    const model = { format: 'coachcode-model' as const, id: 'roles', version: 1, codebook: 'cfbt@1', threshold: 0.5, features: 'open' as const, codes: { acceptance: { bias: -1, weights: { 'cue:agree-start': 1, 'coachee|cue:agree-start': 2, 'coach|cue:agree-start': -1 } } } };
    const turns: Turn[] = [
      { turn: 1, speaker: 'Ann', role: 'coach', text: 'Could you try pairs?' },
      { turn: 2, speaker: 'Ben', role: 'coachee', text: "Yes, let's do that." },
      { turn: 3, speaker: 'Ann', role: 'coach', text: "Yes, let's do that." },
      { turn: 4, speaker: 'Cat', role: 'observer', text: "Yes, let's do that." },
    ];
    const coded = createClassifier({ model }).classify(turns);
    const logistic = (z: number) => Math.round(100 / (1 + Math.exp(-z))) / 100;
    expect(coded[1]!.scores.acceptance).toBe(logistic(-1 + 1 + 2));
    expect(coded[2]!.scores.acceptance).toBe(logistic(-1 + 1 - 1));
    expect(coded[3]!.scores.acceptance).toBe(logistic(-1 + 1));
    expect(coded[1]!.evidence.find((e) => e.cue === 'agree-start')?.weight).toBe(3);
  });
});

describe('the reply as context', () => {
  /** The coach restates; the turn is a summary exactly when the coachee's reply confirms it. */
  function restatements(confirmed: boolean, n = 6): Turn[] {
    const turns: Turn[] = [];
    for (let k = 0; k < n; k++) {
      const yes = confirmed || k % 2 === 0;
      turns.push({ turn: 2 * k + 1, speaker: 'Ann', role: 'coach', text: `You would rather start with group ${k} then.`, humanCodes: yes ? ['summary'] : [] });
      turns.push({ turn: 2 * k + 2, speaker: 'Ben', role: 'coachee', text: yes ? 'Exactly, yes.' : 'Not really, no.', humanCodes: [] });
    }
    return turns;
  }

  it('learns from the next turn by another speaker, and codes a turn by its reply', () => {
    const data = [0, 1, 2, 3].map((i) => {
      const turns = restatements(false);
      return { turns, analyses: analyzeForFit(turns), source: 'a', group: `g${i}` };
    });
    const model = fitOpenModel(base, CODES, data, { epochs: 60 });
    expect(model.codes.summary?.weights['no:exactly'] ?? 0).toBeGreaterThan(0);
    const classifier = createClassifier({ model });
    const restate = { turn: 1, speaker: 'Ann', role: 'coach' as const, text: 'You would rather start with group 9 then.' };
    const [confirmed] = classifier.classify([restate, { turn: 2, speaker: 'Ben', role: 'coachee', text: 'Exactly, yes.' }]);
    const [denied] = classifier.classify([restate, { turn: 2, speaker: 'Ben', role: 'coachee', text: 'Not really, no.' }]);
    const [alone] = classifier.classify([restate]);
    expect(confirmed?.scores.summary).toBeGreaterThan(alone?.scores.summary ?? 1);
    expect(alone?.scores.summary).toBeGreaterThan(denied?.scores.summary ?? 1);
  });
});

describe('fitting the classifier to a few coded turns (train)', () => {
  it('keeps the base model\'s threshold of a code coded fewer than 10 times, and chooses the others', () => {
    const base = createClassifier();
    // 6 conversations: acceptance coded 24 times, summary twice.
    const conversations = [0, 1, 2, 3, 4, 5].map((k) => {
      const turns = conversation(k % 2 ? 'yes, fine, I will' : 'ok, will do');
      if (k < 2) (turns[0] as Turn).humanCodes = ['summary'];
      return turns;
    });
    const fitted = base.fit(conversations, { codes: ['summary', 'acceptance'], epochs: 30 });
    expect(fitted.model.codes.summary?.threshold).toBe(base.model.codes.summary?.threshold);
    expect(fitted.model.codes.acceptance?.threshold).toBeDefined();
    // Codes not fitted keep the base model's weights and threshold.
    expect(fitted.model.codes.challenge).toEqual(base.model.codes.challenge);
  });
});

describe('chooseThreshold', () => {
  it.each([
    // [scores (score, human), expected threshold]
    // 0.225 and 0.25 both separate perfectly: the one nearer 0.5 wins.
    [[[0.3, true], [0.25, true], [0.2, false], [0.1, false]], 0.25],
    [[[0.9, true], [0.8, false], [0.1, false]], 0.825],
    [[[0.6, true], [0.4, false]], 0.5],
  ] as const)('%j → %s', (pairs, expected) => {
    expect(chooseThreshold(pairs.map(([score, human]) => ({ score, human })))).toBeCloseTo(expected, 3);
  });
});
