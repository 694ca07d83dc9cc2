import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'models/cues': 'src/models/cues.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // stemmer (Porter's algorithm, MIT, 4 KB) is ESM-only: bundled so that the CommonJS build
  // runs without require(esm).
  noExternal: ['stemmer'],
});
