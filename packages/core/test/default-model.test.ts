import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../src/classify/default-model.js';
import { createClassifier } from '../src/classify/linear-classifier.js';
import { handModel } from '../src/classify/hand-model.js';
import { FUNCTION_WORDS } from '../src/classify/lexicon.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const built = existsSync(`${root}packages/core/dist/index.js`);

describe('the default model', () => {
  // pnpm test builds first; a bare `vitest run` on a fresh clone has no dist to fit with.
  it.skipIf(!built)('is what scripts/train-default-model.mjs fits from the hand model and the tuning fixtures', () => {
    const out = execFileSync(process.execPath, ['scripts/train-default-model.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/matches the recipe \(\d+ turns\)/);
    // The fit runs in a child process: about 4 s alone, more on a loaded machine.
  }, 30_000);

  it('fits every code from the hand weights, keeps the hand bias of three, and records how it was made', () => {
    for (const code of ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance']) expect(defaultModel.codes[code]).not.toEqual(handModel.codes[code]);
    for (const code of ['summary', 'acceptance', 'dissonance']) expect(defaultModel.codes[code]?.bias).toBe(handModel.codes[code]?.bias);
    expect(defaultModel.trainedOn).toMatch(/tuning conversations .* decision-rule examples/);
  });

  it('weighs only cue, context and closed-list lexical features, so it holds no transcript text', () => {
    const names = Object.values(defaultModel.codes).flatMap((c) => [...Object.keys(c.weights), ...Object.keys(c.clipped?.weights ?? {})]);
    const lexical = names.filter((n) => /^(?:word|first2?):/.test(n));
    expect(lexical.length).toBeGreaterThan(0);
    for (const n of lexical) {
      for (const w of n.slice(n.indexOf(':') + 1).split(' ')) expect(w === '_' || FUNCTION_WORDS.has(w), `${n}: "${w}" is not on the closed list`).toBe(true);
    }
    for (const n of names.filter((x) => !lexical.includes(x))) expect(n).toMatch(/^(?:prev:)?(?:cue:)?[a-z-]+$/);
  });

  it('lists a listed word as evidence only when it weighs at least 0.5 for the code', () => {
    const turns = [
      { turn: 1, speaker: 'A', role: 'coach' as const, text: 'You asked eleven questions and answered six of them yourself.' },
      { turn: 2, speaker: 'B', role: 'coachee' as const, text: "That's fair, okay. I do do that, and I think they know I will." },
    ];
    const coded = createClassifier().classify(turns)[1];
    expect(coded?.codes).toContain('acceptance');
    const words = coded?.evidence.filter((e) => e.cue.startsWith('word:')) ?? [];
    expect(words.length).toBeGreaterThan(0);
    for (const e of words) expect(defaultModel.codes[e.code]?.weights[e.cue] ?? 0).toBeGreaterThanOrEqual(0.5);
  });
});
