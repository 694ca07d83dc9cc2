#!/usr/bin/env node
// pnpm demo — builds quietly (its output is shown only if it fails), then shows what coachcode
// does on two of the bundled example sessions: their interaction profiles as a table, and one
// self-contained HTML report, written to a temporary folder (never into the repository).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sessions = ['fixtures/transcripts/challenging-coach-angela.vtt', 'fixtures/transcripts/supportive-coach-miriam.vtt'];

// pnpm sets npm_execpath to its own entry when it runs a script; outside pnpm, `node scripts/demo.mjs` uses what is built.
const pnpm = process.env.npm_execpath;
if (pnpm) {
  const args = /\.[cm]?js$/.test(pnpm) ? [pnpm, 'build'] : ['build'];
  const build = spawnSync(/\.[cm]?js$/.test(pnpm) ? process.execPath : pnpm, args, { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' && !/\.[cm]?js$/.test(pnpm) });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr + '\ndemo: the build failed (output above)\n');
    process.exit(build.status ?? 1);
  }
}

const bin = join(root, 'packages/cli/dist/bin.js');
const coachcode = (args) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log(`coachcode demo: two coaching sessions from fixtures/transcripts\n\n$ coachcode profile ${sessions.join(' ')}\n`);
coachcode(['profile', ...sessions, '--format', 'table', '-q']);
const report = join(mkdtempSync(join(tmpdir(), 'coachcode-demo-')), 'report.html');
coachcode(['report', ...sessions, '--out', report, '-q']);
console.log(`\nThe HTML report of both sessions (charts, coded turns with evidence): ${report}`);
console.log('Open it in a browser. Every command: node packages/cli/dist/bin.js --help, or docs/cli.md.');
