import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NAMED_TALK, TALK, tempTree } from './support/fake-io.js';

// End-to-end: the built CLI as a user runs it. The root `pnpm test` builds first; when dist is
// missing (a bare `vitest run`), these tests are skipped with this message.
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED = fileURLToPath(new URL('../shared/', `file://${REPO}`));
const MRDA = `${SHARED}benchmarks/mrda`;
const built = existsSync(BIN) && existsSync(fileURLToPath(new URL('../../core/dist/index.js', import.meta.url)));
const NO_BUILD = 'skipped: packages/cli/dist/bin.js is missing; run the build first (the root `pnpm test` does)';
const NO_SHARED = `skipped: ${MRDA} is missing (the shared benchmarks sit beside the repository as ../shared)`;

function coachcode(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined, ...options.env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('coachcode (built) end to end', () => {
  if (!built) it.skip(NO_BUILD, () => {});

  it('--version and --help', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
    expect(coachcode(['--version']).stdout.trim()).toBe(pkg.version);
    const help = coachcode(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: coachcode/);
  });

  it('-j 2 writes exactly what -j 1 writes, in input order', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`in/t${String(i).padStart(2, '0')}.txt`] = i % 2 ? TALK : NAMED_TALK.repeat(1 + (i % 5));
    const cwd = tempTree(files);
    const one = coachcode(['code', 'in', '-j', '1', '-q'], { cwd });
    const two = coachcode(['code', 'in', '-j', '2', '-q'], { cwd });
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const sources = [...new Set(one.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { source: string }).source))];
    expect(sources).toEqual(Object.keys(files).sort());
  });

  it.skipIf(availableParallelism() >= 64)('-j above the cores is capped with a note on standard error, and run-summary.json says how many threads ran', () => {
    const cwd = tempTree({ 'in/a.txt': TALK, 'in/b.txt': NAMED_TALK, 'in/c.txt': TALK });
    const r = coachcode(['code', 'in', '-j', '64', '--out', 'out'], { cwd });
    expect(r.code).toBe(0);
    const cores = availableParallelism();
    expect(r.stderr).toContain(`note: -j 64 is more than the ${cores} cores here; coding on ${cores} threads`);
    expect((JSON.parse(readFileSync(`${cwd}/out/run-summary.json`, 'utf8')) as { jobs: number }).jobs).toBe(cores);
    expect(coachcode(['code', 'in', '-j', '64', '-q'], { cwd }).stderr).toBe('');
  });

  it('-j 2 with --out and a broken file: the same files and exit status 1', () => {
    const cwd = tempTree({ 'in/a.txt': TALK, 'in/b.txt': '', 'in/c.txt': NAMED_TALK });
    const r = coachcode(['code', 'in', '-j', '2', '--out', 'out', '-q'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^in\/b\.txt(:\d+)?: /m);
    expect(readdirSync(`${cwd}/out`).sort()).toEqual(['a.jsonl', 'c.jsonl', 'run-summary.json']);
  });

  it("the README's test command (pnpm test) type-checks every package, tests included, before running the tests", () => {
    const scripts = (path: string) => (JSON.parse(readFileSync(`${REPO}${path}`, 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(readFileSync(`${REPO}README.md`, 'utf8')).toContain('npx -y pnpm@10 install && npx -y pnpm@10 test');
    expect(scripts('package.json').test).toMatch(/^pnpm build && pnpm typecheck && vitest run$/);
    expect(scripts('package.json').typecheck).toBe('pnpm -r typecheck');
    for (const pkg of ['core', 'charts', 'cli']) {
      expect(scripts(`packages/${pkg}/package.json`).typecheck).toBe('tsc --noEmit -p .');
      expect(JSON.parse(readFileSync(`${REPO}packages/${pkg}/tsconfig.json`, 'utf8')).include).toEqual(expect.arrayContaining(['src', 'test']));
    }
  });

  it('pnpm demo (scripts/demo.mjs, here without its build step) prints two profiles and where the report is, in a few dozen lines', () => {
    const env = { ...process.env, NO_COLOR: '1' } as NodeJS.ProcessEnv;
    delete env.npm_execpath;
    const r = spawnSync(process.execPath, [`${REPO}scripts/demo.mjs`], { cwd: REPO, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(40);
    expect(r.stdout).toMatch(/^fixtures\/transcripts\/challenging-coach-angela\.vtt · \d+ turns/m);
    expect(r.stdout).toMatch(/^fixtures\/transcripts\/supportive-coach-miriam\.vtt · \d+ turns/m);
    expect(r.stdout).toMatch(/^all 2 transcripts · /m);
    const report = /: (\S+report\.html)$/m.exec(r.stdout)?.[1] ?? '';
    expect(readFileSync(report, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('reads standard input as -', () => {
    const r = coachcode(['code', '-', '--format', 'csv'], { input: TALK });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(7);
  });

  it('NO_COLOR turns colour off even with FORCE_COLOR unset', () => {
    const cwd = tempTree({ 'talk.txt': TALK });
    const plain = coachcode(['code', 'talk.txt', '--format', 'table'], { cwd, env: { NO_COLOR: '1' } });
    const forced = coachcode(['code', 'talk.txt', '--format', 'table'], { cwd, env: { FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\x1b[');
    expect(forced.stdout).toContain('\x1b[');
  });

  it('exit status 2 for a usage error, with nothing on standard output', () => {
    const r = coachcode(['code', 'x.txt', '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it.skipIf(!existsSync(`${REPO}fixtures/hostile`))('a batch mixing fixtures/hostile with good files still codes the good ones', () => {
    const cwd = tempTree({ 'good.txt': TALK });
    const hostile = readdirSync(`${REPO}fixtures/hostile`).filter((f) => !f.endsWith('.md')).map((f) => `${REPO}fixtures/hostile/${f}`);
    const r = coachcode(['code', ...hostile, 'good.txt', '-q'], { cwd });
    expect([0, 1]).toContain(r.code);
    const good = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { source: string }).filter((x) => x.source === 'good.txt');
    expect(good).toHaveLength(6);
    for (const line of r.stderr.trimEnd().split('\n').filter((l) => l !== '')) expect(line).toMatch(/^\S.*?(:\d+)?: /);
  });
});

describe.skipIf(!built || !existsSync(MRDA))('acceptance on ../shared/benchmarks/mrda', () => {
  if (!existsSync(MRDA)) it.skip(NO_SHARED, () => {});

  it('`code ../shared/benchmarks/mrda/transcripts --format jsonl` writes exactly one record per gold turn, same turn numbers', () => {
    const r = coachcode(['code', '../shared/benchmarks/mrda/transcripts', '--format', 'jsonl', '-q']);
    expect(r.code).toBe(0);
    const predicted = r.stdout.trimEnd().split('\n').map((l) => {
      const x = JSON.parse(l) as { source: string; turn: number };
      return `${x.source.split('/').pop()}#${x.turn}`;
    });
    const gold = readFileSync(`${MRDA}/gold.jsonl`, 'utf8').trimEnd().split('\n').map((l) => {
      const x = JSON.parse(l) as { file: string; turn: number };
      return `${x.file}#${x.turn}`;
    });
    expect(predicted.length).toBe(gold.length);
    expect(new Set(predicted)).toEqual(new Set(gold));
  });
});
