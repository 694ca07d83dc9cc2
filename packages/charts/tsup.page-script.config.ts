import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

// The report's page script: src/client/report-page-script.ts and what it uses (the session
// builder, Vega-Lite's compiler, the few core helpers it needs) as one minified browser script,
// dist/report-page-script.js, which buildReport inlines in every report. Built after the main
// build (whose clean would remove this file).
//
// - `vega` is the page's own (the report inlines vega.min.js before this script), so Vega-Lite's
//   import of it reads the global instead of bundling Vega a second time;
// - `@coachcode/core` is taken from its sources, module by module, so only the small helpers the
//   charts use come in (its dist is one module, which would bring the whole core with zod).
const coreSources = fileURLToPath(new URL('../core/src/index.ts', import.meta.url));

export default defineConfig({
  entry: { 'report-page-script': 'src/client/report-page-script.ts' },
  format: ['iife'],
  platform: 'browser',
  target: 'es2020',
  minify: true,
  noExternal: [/.*/],
  dts: false,
  clean: false,
  sourcemap: false,
  outExtension: () => ({ js: '.js' }),
  esbuildPlugins: [
    {
      name: 'page-globals',
      setup(build) {
        build.onResolve({ filter: /^vega$/ }, () => ({ path: 'vega', namespace: 'page-global' }));
        build.onLoad({ filter: /.*/, namespace: 'page-global' }, () => ({ contents: 'module.exports = globalThis.vega;', loader: 'js' }));
        build.onResolve({ filter: /^@coachcode\/core$/ }, () => ({ path: coreSources }));
      },
    },
  ],
});
