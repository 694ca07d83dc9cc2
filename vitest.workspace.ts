/** The test projects of the workspace; the root vitest.config.ts reads this list (vitest 4 ignores this file on its own). */
export const projects = ['packages/core', 'packages/cli', 'packages/charts'];
