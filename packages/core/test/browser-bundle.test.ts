import { describe, expect, it } from 'vitest';
import { buildCoreBundle, CORE_BUNDLE_GOAL, CORE_CODE_BUDGET, kb } from '../../../scripts/lib/core-bundle.mjs';

// The size of core in a browser (issue 13), on every CI run: core bundled for a browser with its
// dependencies, minified and gzipped. `pnpm bench` prints the same numbers against the goal.
describe('the browser bundle of core', () => {
  it(`without the default model's data is under ${kb(CORE_CODE_BUDGET)} minified and gzipped`, async () => {
    const bare = await buildCoreBundle({ models: false });
    expect(bare.gzipped, `core's code and dependencies are ${kb(bare.gzipped)} gzipped`).toBeLessThan(CORE_CODE_BUDGET);
  });

  it(`with the default model is under ${kb(CORE_BUNDLE_GOAL)} minified and gzipped (the goal)`, async () => {
    const [full, bare] = await Promise.all([buildCoreBundle(), buildCoreBundle({ models: false })]);
    const message = `core's browser bundle is ${kb(full.gzipped)} gzipped, ${kb(full.gzipped - bare.gzipped)} of it the default model (docs/benchmarks.md, "Core in a browser")`;
    expect(full.gzipped, message).toBeLessThan(CORE_BUNDLE_GOAL);
  });

  it('takes only light dependencies: the zod/mini subset and the stemmer, no Node built-ins', async () => {
    const { inputs } = await buildCoreBundle();
    const packages = Object.keys(inputs).filter((k) => !k.startsWith('core/')).sort();
    expect(packages).toEqual(['stemmer', 'zod']);
    // zod's full build is 450 KB minified; what core's schemas use of zod/mini is about 30 KB.
    expect(inputs.zod).toBeLessThan(40_000);
  });

  it('holds the default model only (the previous one is in models/cues), and without it none of its weights', async () => {
    const [full, bare] = await Promise.all([buildCoreBundle(), buildCoreBundle({ models: false })]);
    const models = Object.keys(full.inputs).filter((k) => /(?:default|cues)-model\./.test(k));
    expect(models).toEqual(['core/classify/default-model.json']);
    for (const m of models) {
      expect(full.inputs[m], m).toBeGreaterThan(5_000);
      expect(bare.inputs[m] ?? 0, m).toBeLessThan(100);
    }
    expect(bare.gzipped).toBeLessThan(full.gzipped);
  });
});
