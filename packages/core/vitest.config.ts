import { defineProject } from 'vitest/config';

// Fits of the open model take a second or two alone; on a shared, loaded 2-core machine, more.
export default defineProject({ test: { name: 'core', include: ['test/**/*.test.ts'], testTimeout: 30_000 } });
