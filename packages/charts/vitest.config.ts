import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    alias: {
      '@coachcode/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      '@coachcode/charts': fileURLToPath(new URL('../charts/src/index.ts', import.meta.url)),
    },
  },
  test: { name: 'charts', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
