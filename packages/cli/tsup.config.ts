import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// What the installed package carries besides dist (package.json "files"): the Markdown reference
// of docs/, which `coachcode --help` points to, and one invented example session for the README.
function copyDocsAndExample(): void {
  for (const dir of ['docs', 'examples']) rmSync(dir, { recursive: true, force: true });
  mkdirSync('docs');
  for (const f of readdirSync('../../docs')) if (f.endsWith('.md')) cpSync(`../../docs/${f}`, `docs/${f}`);
  mkdirSync('examples');
  cpSync('../../fixtures/transcripts/challenging-coach-angela.vtt', 'examples/challenging-coach-angela.vtt');
}

export default defineConfig({
  entry: ['src/bin.ts', 'src/worker.ts', 'src/index.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
  onSuccess: async () => copyDocsAndExample(),
});
