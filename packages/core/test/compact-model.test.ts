import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../src/classify/builtin-models.js';
import { compactModel, CompactModelSchema, expandModel, type CompactModel } from '../src/classify/compact-model.js';
import { analyzeForFit, createClassifier, parseModel } from '../src/classify/linear-classifier.js';
import { isDerived } from '../src/classify/features.js';
import { isOpenFeature } from '../src/classify/open-features.js';
import type { Model } from '../src/classify/model.js';
import { CoachcodeError } from '../src/errors.js';
import type { Turn } from '../src/model/turn.js';
import { cuesModel } from '../src/models/cues.js';

const file = (name: string): string => readFileSync(new URL(`../src/classify/${name}`, import.meta.url), 'utf8');

/** Every weight of a model, as `code name` → weight, clipped ones marked. */
function allWeights(model: Model): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, w] of Object.entries(model.codes)) {
    for (const [name, x] of Object.entries(w.weights)) out.set(`${code} ${name}`, x);
    for (const [name, x] of Object.entries(w.clipped?.weights ?? {})) out.set(`${code} clipped ${name}`, x);
  }
  return out;
}

/** A small model with the awkward parts: names without a kind, empty words, prototype keys, clipped weights, zero and large weights. */
function awkward(codes: readonly string[] = ['summary', 'challenge']): Model {
  const [first = 'a', ...rest] = codes;
  return {
    format: 'coachcode-model',
    id: 'awkward',
    version: 2,
    codebook: 'test@1',
    threshold: 0.4,
    features: 'open',
    codes: {
      [first]: {
        bias: -1.234,
        threshold: 0.3,
        weights: { 'w:so': 0.07, 'w2:so the': -0.5, plain: 12.5, 'two words': 0, 'w2:a  b': 1, 'cue:': -3, 'w:__proto__': 0.01, 'w:constructor': -0.01, 'w:naïve': 2.125, 'p:日本': 0.2, 'prev:cue:so-start': 0.5, ['__proto__']: 0.25 },
        clipped: { limit: 0.4, weights: { 'w:so': 0.3, 'w:else': -0.2 } },
      },
      ...Object.fromEntries(rest.map((c, i) => [c, { bias: i, weights: { 'w:so': i === 0 ? 0.5 : -(7 * i) / 100, [`w:only-${c}`]: 1000 + i } }])),
    },
  };
}

describe('the compact model format', () => {
  it('holds the built-in models exactly: every weight, bias, threshold and header field', () => {
    for (const model of [defaultModel, cuesModel]) {
      const back = expandModel(compactModel(model));
      expect(back).toEqual(model);
      expect(allWeights(back)).toEqual(allWeights(model));
    }
  });

  it('the built-in models, as read from their files, weigh only features the classifier computes', () => {
    // What a broken name table would break: names the classifier never computes weigh nothing.
    const gold = new URL('../../../fixtures/gold/', import.meta.url);
    const computed = new Set<string>();
    for (const f of readdirSync(gold).filter((f) => f.endsWith('.jsonl'))) {
      const turns = readFileSync(new URL(f, gold), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Turn);
      for (const a of analyzeForFit(turns)) for (const name of a.features.keys()) computed.add(name);
    }
    for (const model of [defaultModel, cuesModel]) {
      const names = new Set(Object.values(model.codes).flatMap((c) => Object.keys(c.weights)));
      expect(names.size).toBeGreaterThan(600);
      // Open-vocabulary names are words of the training data; the others are cue, context and
      // lexical features, nearly all of which the fixtures have (a lexical one may be missing).
      // A weight of a feature for one role (`coach|cue:why-question`) names a computed feature too.
      const roleWeights = [...names].filter((n) => n.includes('|'));
      expect(new Set(roleWeights.map((n) => n.slice(0, n.indexOf('|')))), model.id).toEqual(new Set(model.features === 'open' ? ['coach', 'coachee', 'observer'] : []));
      const feature = (n: string) => n.slice(n.indexOf('|') + 1);
      const unknown = [...names].map(feature).filter((n) => !(model.features === 'open' && isOpenFeature(n)) && !computed.has(n));
      expect(unknown.filter((n) => !isDerived(n)), model.id).toEqual([]);
      expect(unknown.length, model.id).toBeLessThan(names.size / 50);
      if (model.features === 'open') expect([...names].filter((n) => isOpenFeature(n) && computed.has(n)).length).toBeGreaterThan(names.size / 2);
    }
  });

  it('is what the committed model files hold (they were written by compactModel)', () => {
    expect(file('default-model.json')).toBe(`${JSON.stringify(compactModel(defaultModel))}\n`);
    expect(file('cues-model.json')).toBe(`${JSON.stringify(compactModel(cuesModel))}\n`);
  });

  it('codes every turn of the bundled fixtures as the JSON form of the same model does', () => {
    const gold = new URL('../../../fixtures/gold/', import.meta.url);
    const json = createClassifier({ model: JSON.parse(JSON.stringify(defaultModel)) as Model });
    const compact = createClassifier({ model: parseModel(JSON.parse(JSON.stringify(compactModel(defaultModel)))) });
    let turns = 0;
    for (const f of readdirSync(gold).filter((f) => f.endsWith('.jsonl'))) {
      const conversation = readFileSync(new URL(f, gold), 'utf8').split('\n').filter(Boolean).map((l) => {
        const r = JSON.parse(l) as Turn;
        return { turn: r.turn, speaker: r.speaker, role: r.role, text: r.text };
      });
      turns += conversation.length;
      expect(compact.classify(conversation), f).toEqual(json.classify(conversation));
    }
    expect(turns).toBeGreaterThan(3000);
  });

  it('keeps awkward names and weights, and clipped weights, through writing and reading', () => {
    for (const codes of [['summary', 'challenge'], ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']]) {
      const model = awkward(codes);
      const compact = compactModel(model);
      expect(CompactModelSchema.safeParse(JSON.parse(JSON.stringify(compact))).success).toBe(true);
      const back = parseModel(JSON.parse(JSON.stringify(compact)));
      expect(back).toEqual(model);
      expect(allWeights(back)).toEqual(allWeights(model));
      // As JSON.parse reads them: plain objects, `__proto__` an own key, the prototype untouched.
      const weights = back.codes[codes[0] as string]?.weights as Record<string, number>;
      expect(Object.getPrototypeOf(weights)).toBe(Object.prototype);
      expect(Object.hasOwn(weights, '__proto__')).toBe(true);
      expect(weights['__proto__']).toBe(0.25);
    }
  });

  it('chooses the least scale that is exact, and rounds to a scale given', () => {
    expect(compactModel(defaultModel).scale).toBe(100);
    expect(compactModel(awkward()).scale).toBe(1000);
    const coarse = expandModel(compactModel(awkward(), { scale: 10 }));
    expect(coarse.codes.summary?.weights['w:so']).toBe(0.1);
    expect(coarse.codes.summary?.weights['w:constructor']).toBe(0);
    expect(coarse.codes.summary?.bias).toBe(-1.234);
  });

  it('round-trips any model: exactly at the chosen scale, within half a step at a given one', () => {
    const name = fc.oneof(fc.string({ maxLength: 12 }), fc.tuple(fc.constantFrom('w', 'w2', 's', 'cue', 'p'), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([k, a, b]) => `${k}:${a} ${b}`));
    const weights = fc.dictionary(name, fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 1000), { maxKeys: 30 });
    const model = fc.record({ codes: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.record({ bias: fc.double({ min: -5, max: 5, noNaN: true }), weights }), { minKeys: 1, maxKeys: 8 }) }).map((m) => ({ ...awkward(), codes: m.codes }) as Model);
    fc.assert(
      fc.property(model, fc.constantFrom(1, 7, 100), (m, scale) => {
        expect(allWeights(expandModel(compactModel(m)))).toEqual(allWeights(m));
        const rounded = allWeights(expandModel(compactModel(m, { scale })));
        for (const [key, w] of allWeights(m)) expect(Math.abs((rounded.get(key) as number) - w)).toBeLessThanOrEqual(0.5 / scale + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('is several times smaller than the JSON model', () => {
    const compact = JSON.stringify(compactModel(defaultModel));
    expect(compact.length * 4).toBeLessThan(JSON.stringify(defaultModel).length);
  });
});

describe('reading a broken compact model', () => {
  const good = (): CompactModel => JSON.parse(JSON.stringify(compactModel(awkward()))) as CompactModel;
  const broken: [string, (m: CompactModel) => void, RegExp][] = [
    ['a character that is no digit', (m) => (m.weights.values = `"${m.weights.values}`), /weights\.values "\\"" is not a digit \(at character 1\)/],
    ['values cut short', (m) => (m.weights.values = m.weights.values.slice(0, -1)), /weights\.values ends too soon/],
    ['values left over', (m) => (m.weights.values += '!'), /weights\.values has 1 characters too many/],
    ['a code beyond the model', (m) => (m.weights.present = `~${m.weights.present.slice(1)}`), /weights\.present marks a code beyond the 2 of the model/],
    ['a word that is not there', (m) => ((m.names.groups[0] as { trie: string }).trie = '!~~~~!'), /names\.groups\.0\.trie/],
    ['a word without its digit', (m) => (m.names.words = `~${m.names.words}`), /names\.words: word 1/],
    ['a name twice', (m) => m.names.groups.push(m.names.groups[0] as CompactModel['names']['groups'][number]), /listed twice/],
    ['a code twice', (m) => m.codes.push(m.codes[0] as CompactModel['codes'][number]), /codes: a code is listed twice/],
    ['no scale', (m) => ((m as { scale?: number }).scale = undefined), /scale/],
    ['a threshold above 1', (m) => ((m.codes[0] as { threshold?: number }).threshold = 2), /codes\.0\.threshold/],
  ];
  it.each(broken)('%s: a CoachcodeError that names the field', (_, spoil, message) => {
    const m = good();
    spoil(m);
    expect(() => parseModel(m, 'mine.json')).toThrow(CoachcodeError);
    expect(() => parseModel(m, 'mine.json')).toThrow(message);
    try {
      parseModel(m, 'mine.json');
    } catch (error) {
      expect((error as CoachcodeError).issues.every((i) => i.source === 'mine.json' && i.code === 'model-invalid')).toBe(true);
    }
  });
});
