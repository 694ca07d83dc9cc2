import { describe, expect, it } from 'vitest';
import { buildCoreBundle, CORE_BUNDLE_BUDGET, kb } from '../../../scripts/lib/core-bundle.mjs';

// The size goal of issue 13, checked on every CI run: core bundled for a browser, minified and
// gzipped, stays under 80 KB. `pnpm bench` prints the same numbers with the model's share.
describe('the browser bundle of core', () => {
  it(`is under ${kb(CORE_BUNDLE_BUDGET)} minified and gzipped, built-in models included`, async () => {
    const bundle = await buildCoreBundle();
    expect(bundle.gzipped, `core's browser bundle is ${kb(bundle.gzipped)} gzipped`).toBeLessThan(CORE_BUNDLE_BUDGET);
  });

  it('takes only light dependencies: the zod/mini subset, the CSV parser and the stemmer, no Node built-ins', async () => {
    const { inputs } = await buildCoreBundle();
    const packages = Object.keys(inputs).filter((k) => !k.startsWith('core/')).sort();
    expect(packages).toEqual(['csv-parse', 'stemmer', 'zod']);
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
