import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../src/classify/builtin-models.js';
import { cuesModel } from '../src/models/cues.js';
import { analyzeForFit, createClassifier, parseModel } from '../src/classify/linear-classifier.js';
import { isOpenFeature } from '../src/classify/open-features.js';
import type { Turn } from '../src/model/turn.js';
import { analyze } from '../src/pipeline/analyze.js';
import { cfbtDecisionExamples, exampleConversation } from '../src/codebook/examples.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const built = existsSync(join(root, 'packages/core/dist/index.js'));
const mrda = join(root, '../shared/benchmarks/mrda');
const hasShared = existsSync(mrda);
if (!hasShared) console.warn('default-model.test: ../shared/benchmarks/mrda is absent, so the checks against the training data are skipped');

const openNames = (): string[] => [...new Set(Object.values(defaultModel.codes).flatMap((c) => Object.keys(c.weights)))].filter(isOpenFeature);

describe('the built-in models', () => {
  it('are valid model files', () => {
    expect(parseModel(JSON.parse(JSON.stringify(defaultModel)))).toEqual(defaultModel);
    expect(parseModel(JSON.parse(JSON.stringify(cuesModel)))).toEqual(cuesModel);
    expect(defaultModel.features).toBe('open');
    expect(`${defaultModel.id}@${defaultModel.version}`).toBe('cfbt-default@9');
    expect(`${cuesModel.id}@${cuesModel.version}`).toBe('cfbt-cues@3');
  });

  it('carries its card: recipe, data, thresholds, and scores on held-out authors', () => {
    const card = defaultModel.card;
    expect(card?.recipe).toMatch(/logistic regression/);
    expect(card?.data.map((d) => d.source)).toEqual(expect.arrayContaining([expect.stringMatching(/fixtures/), expect.stringMatching(/MRDA/)]));
    expect(Object.keys(card?.validation ?? {}).some((k) => /leave one author out/.test(k))).toBe(true);
    for (const code of ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance']) {
      const t = defaultModel.codes[code]?.threshold;
      expect(t).toBeGreaterThanOrEqual(0.1);
      expect(t).toBeLessThanOrEqual(0.9);
    }
  });

  it('is under 5 MB and weighs open-vocabulary words', () => {
    expect(JSON.stringify(defaultModel).length).toBeLessThan(5_000_000);
    expect(openNames().length).toBeGreaterThan(100);
  });

  // pnpm test builds first; a bare `vitest run` on a fresh clone has no dist to hash with.
  it.skipIf(!built || !hasShared)('is in step with its training data and recipe (scripts/train-default-model.mjs --check)', () => {
    const out = execFileSync(process.execPath, ['scripts/train-default-model.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/matches the recipe and data/);
  }, 60_000);

  it.skipIf(!hasShared)('holds no word or word pair seen in fewer than 3 training conversations', () => {
    const conversations: Turn[][] = [];
    const split = JSON.parse(readFileSync(join(root, 'fixtures/split.json'), 'utf8')) as { tune: string[] };
    for (const stem of split.tune) {
      const records = readFileSync(join(root, 'fixtures/gold', `${stem}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Turn & { codes: string[] });
      conversations.push(records.map((r) => ({ turn: r.turn, speaker: r.speaker, role: r.role, text: r.text })));
    }
    for (const file of readdirSync(join(mrda, 'transcripts')).filter((f) => !/^mrda-Bed/.test(f))) {
      conversations.push(analyze(readFileSync(join(mrda, 'transcripts', file)), { source: file }).turns);
    }
    // The codebook's decision-rule examples count as one conversation, as they do in the fit.
    const groups: Turn[][][] = [...conversations.map((c) => [c]), cfbtDecisionExamples.map((e) => exampleConversation(e))];
    const seenIn = new Map<string, number>();
    for (const group of groups) {
      const names = new Set<string>();
      for (const turns of group) for (const a of analyzeForFit(turns)) for (const k of a.features.keys()) if (isOpenFeature(k)) names.add(k);
      for (const k of names) seenIn.set(k, (seenIn.get(k) ?? 0) + 1);
    }
    const rare = openNames().filter((k) => (seenIn.get(k) ?? 0) < 3);
    expect(rare).toEqual([]);
  }, 60_000);

  it('lists as evidence the spans that pushed a code up, with what each added', () => {
    const turns: Turn[] = [
      { turn: 1, speaker: 'A', role: 'coach', text: 'The group at the back went quiet.' },
      { turn: 2, speaker: 'A2', role: 'coach', text: 'Why do you think they went quiet?' },
    ];
    const coded = createClassifier().classify(turns)[1];
    expect(coded?.codes).toContain('challenge');
    const evidence = coded?.evidence.filter((e) => e.code === 'challenge') ?? [];
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      expect(e.weight).toBeGreaterThan(0);
      expect(e.end).toBeGreaterThan(e.start);
      expect(coded?.text.slice(e.start, e.end).length).toBeGreaterThan(0);
    }
    const weights = evidence.map((e) => e.weight as number);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });
});
