import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/bin.ts', 'src/worker.ts', 'src/index.ts'],
  format: ['esm'],
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
