import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the repository's scripts, without types
import { LONG_NAME, writeHostileFixtures } from '../../../scripts/hostile-fixtures.mjs';
import { fileHashes } from '../../../scripts/lib/file-hashes.mjs';
import { runCli } from './support/fake-io.js';

// Runs every block of fixtures/hostile/README.md, "The CLI on each case": the README is the
// specification of what coachcode says and does on each hostile input and place.

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const README = join(REPO, 'fixtures/hostile/README.md');
const BIN = join(REPO, 'packages/cli/dist/bin.js');

interface Block {
  command: string;
  args: string[];
  exit: number;
  asNobody: boolean;
  stderr: string[];
  checks: string[];
}

/** The blocks of the README's console section: command, exit status, standard error, checks. */
function readBlocks(text: string): Block[] {
  const section = text.slice(text.indexOf('## The CLI on each case'));
  const body = /```console\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return body
    .split(/\n\n+/)
    .filter((b) => b.trim() !== '')
    .map((b) => {
      const lines = b.split('\n').filter((l) => l !== '');
      const command = (lines.shift() ?? '').replace(/^\$ coachcode /, '');
      const block: Block = { command, args: command.split(/\s+/), exit: -1, asNobody: false, stderr: [], checks: [] };
      for (const line of lines) {
        if (line === '# as nobody') block.asNobody = true;
        else if (line.startsWith('# exit ')) block.exit = Number(line.slice('# exit '.length));
        else if (line.startsWith('# ')) block.checks.push(line.slice(2));
        else block.stderr.push(line);
      }
      return block;
    });
}

const GEN = mkdtempSync(join(tmpdir(), 'coachcode-hostile-'));
writeHostileFixtures(GEN);
// The unprivileged user must reach the generated places.
chmodSync(GEN, 0o755);
const OUT = mkdtempSync(join(tmpdir(), 'coachcode-hostile-out-'));
chmodSync(OUT, 0o777);
afterAll(() => {
  for (const d of ['locked/closed', 'readonly']) chmodSync(join(GEN, d), 0o755);
  rmSync(GEN, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

const substitute = (s: string) => s.replaceAll('$GEN', GEN).replaceAll('$OUT', OUT).replaceAll('$LONG_NAME', LONG_NAME as string);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

async function runBlock(block: Block): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = block.args.map(substitute);
  if (block.asNobody && isRoot) {
    const r = spawnSync(setpriv as string, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 28 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
  return runCli(args, { cwd: REPO });
}

const blocks = readBlocks(readFileSync(README, 'utf8'));

describe('fixtures/hostile/README.md: the CLI on each case', () => {
  it('lists the cases', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(20);
    for (const b of blocks) expect(b.exit, b.command).toBeGreaterThanOrEqual(0);
  });

  for (const block of blocks) {
    const needsNobody = block.asNobody && isRoot && (setpriv === undefined || !existsSync(BIN));
    const needsPipe = block.command.includes('pipe.txt') || block.command.includes('$GEN/special');
    const skip = needsNobody || (needsPipe && !existsSync(join(GEN, 'pipe.txt')));
    const why = needsNobody ? ' (skipped: running as root needs setpriv and the built CLI to run it as nobody)' : skip ? ' (skipped: no mkfifo here)' : '';
    it.skipIf(skip)(`coachcode ${block.command}${why}`, async () => {
      const before = fileHashes([join(REPO, 'fixtures/hostile'), GEN]);
      const r = await runBlock(block);
      // Nothing hangs (the test would time out), nothing is an internal error, no input changes.
      expect(r.stderr).not.toMatch(/internal error/);
      const after = fileHashes([join(REPO, 'fixtures/hostile'), GEN]);
      for (const [path, hash] of before) expect(after.get(path), `${path} changed`).toBe(hash);

      expect(r.code, r.stderr).toBe(block.exit);
      expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual(block.stderr.map(substitute));
      for (const check of block.checks.map(substitute)) {
        let m: RegExpExecArray | null;
        if ((m = /^stdout has: (.*)$/.exec(check))) expect(r.stdout).toContain(m[1]);
        else if ((m = /^stdout lacks: (.*)$/.exec(check))) expect(r.stdout).not.toContain(m[1]);
        else if ((m = /^stdout lines: (\d+)$/.exec(check))) expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(Number(m[1]));
        else if (check === 'stdout has no escape character') expect(r.stdout).not.toContain('\u001b');
        else if ((m = /^file (\S+) has: (.*)$/.exec(check))) expect(readFileSync(m[1] as string, 'utf8')).toContain(m[2]);
        else if ((m = /^no file: (\S+)$/.exec(check))) {
          const pattern = new RegExp(`^${(m[1] as string).split('/').pop()?.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
          expect(readdirSync(dirname(m[1] as string)).filter((n) => pattern.test(n))).toEqual([]);
        } else throw new Error(`fixtures/hostile/README.md: unknown check "${check}"`);
      }
    }, 60_000);
  }
});
