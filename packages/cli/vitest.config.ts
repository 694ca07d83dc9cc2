import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    alias: [
      { find: /^@coachcode\/core$/, replacement: fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
      { find: /^@coachcode\/core\/models\/cues$/, replacement: fileURLToPath(new URL('../core/src/models/cues.ts', import.meta.url)) },
      { find: /^@coachcode\/charts$/, replacement: fileURLToPath(new URL('../charts/src/index.ts', import.meta.url)) },
      { find: /^@coachcode\/charts\/options$/, replacement: fileURLToPath(new URL('../charts/src/options.ts', import.meta.url)) },
    ],
  },
  test: { name: 'cli', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
