import { describe, expect, it } from 'vitest';
import { buildCoreBundle, CORE_BUNDLE_CEILING, CORE_CODE_BUDGET, kb } from '../../../scripts/lib/core-bundle.mjs';

// The size of core in a browser (issue 13), on every CI run: core bundled for a browser with its
// dependencies, minified and gzipped. `pnpm bench` prints the same numbers against the goal.
describe('the browser bundle of core', () => {
  it(`without the built-in models' data is under ${kb(CORE_CODE_BUDGET)} minified and gzipped`, async () => {
    const bare = await buildCoreBundle({ models: false });
    expect(bare.gzipped, `core's code and dependencies are ${kb(bare.gzipped)} gzipped`).toBeLessThan(CORE_CODE_BUDGET);
  });

  it(`with the built-in models does not grow past ${kb(CORE_BUNDLE_CEILING)}`, async () => {
    const full = await buildCoreBundle();
    expect(full.gzipped, `core's browser bundle is ${kb(full.gzipped)} gzipped`).toBeLessThan(CORE_BUNDLE_CEILING);
  });

  it('takes only light dependencies: the zod/mini subset, Papa Parse and the stemmer, no Node built-ins', async () => {
    const { inputs } = await buildCoreBundle();
    const packages = Object.keys(inputs).filter((k) => !k.startsWith('core/')).sort();
    expect(packages).toEqual(['papaparse', 'stemmer', 'zod']);
    // zod's full build is 450 KB minified; what core's schemas use of zod/mini is about 30 KB.
    expect(inputs.zod).toBeLessThan(40_000);
  });

  it('without the built-in models is smaller by the models, and holds none of their weights', async () => {
    const [full, bare] = await Promise.all([buildCoreBundle(), buildCoreBundle({ models: false })]);
    const models = Object.keys(full.inputs).filter((k) => /(?:default|cues)-model\./.test(k));
    expect(models.length).toBeGreaterThan(0);
    for (const m of models) {
      expect(full.inputs[m], m).toBeGreaterThan(5_000);
      expect(bare.inputs[m] ?? 0, m).toBeLessThan(100);
    }
    expect(bare.gzipped).toBeLessThan(full.gzipped);
  });
});
