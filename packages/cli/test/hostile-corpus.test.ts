import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the repository's scripts, without types
import { hostileCorpus, hostileFlagFiles } from '../../../scripts/hostile-corpus.mjs';
import { TALK, runCli, tempTree } from './support/fake-io.js';

// A sample of the hostile corpus that scripts/hostile-campaign.mjs runs in full (see its header):
// every 9th input, each beside a good transcript, through the commands a researcher runs first.
// Each run ends with exit status 0 or 1, the good transcript's results, messages that name their
// file, no internal error and the shared prototype untouched.

const corpus = (hostileCorpus() as { path: string; bytes: Uint8Array; kind: string }[]).filter((_, i) => i % 9 === 0);
const cwd = tempTree({ 'good.txt': TALK });
for (const input of corpus) {
  mkdirSync(dirname(join(cwd, input.path)), { recursive: true });
  writeFileSync(join(cwd, input.path), input.bytes);
}
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();
/** Lines that report a result rather than a problem. */
const INFO = /^(?:wrote |\d+ files?, )/;

function expectHealthy(r: { code: number; stdout: string; stderr: string }): void {
  expect([0, 1], r.stderr).toContain(r.code);
  expect(r.stderr).not.toMatch(/internal error/);
  for (const line of r.stderr.split('\n').filter((l) => l !== '' && !INFO.test(l))) expect(line).toMatch(/^(?:coachcode: |\S[^:]*?(?::\d+)?: )/);
  expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE);
}

describe(`the CLI on a sample of the hostile corpus (${corpus.length} inputs)`, () => {
  it('has inputs of every kind', () => {
    expect(new Set(corpus.map((c) => c.kind)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(corpus.map((c) => [c.path]))('%s: code and profile keep the good transcript beside it', async (path) => {
    const coded = await runCli(['code', path, 'good.txt', '--format', 'jsonl'], { cwd });
    expectHealthy(coded);
    expect(coded.stdout.split('\n').filter((l) => l.includes('"source":"good.txt"'))).toHaveLength(6);
    const profile = await runCli(['profile', path, 'good.txt', '--by-speaker', '--format', 'csv', '-q'], { cwd });
    expectHealthy(profile);
    expect(profile.stdout).toContain('good.txt,speaker,Coach,coach,3,');
  });

  it.each(corpus.filter((_, i) => i % 3 === 0).map((c) => [c.path]))('%s: chart and report are written with the good transcript', async (path) => {
    const out = join(cwd, 'out', path.replace(/[/.]/g, '-'));
    const chart = await runCli(['chart', path, 'good.txt', '--type', 'compare', '--by', 'file', '--out', `${out}.vl.json`, '-q'], { cwd });
    expectHealthy(chart);
    expect(readFileSync(`${out}.vl.json`, 'utf8')).toMatch(/"group": ?"good"/);
    const report = await runCli(['report', path, 'good.txt', '--out', `${out}.html`, '-q'], { cwd });
    expectHealthy(report);
    expect(existsSync(`${out}.html`) && readFileSync(`${out}.html`, 'utf8')).toContain('good.txt');
  }, 30_000);
});

describe('docs/robustness.md', () => {
  const doc = readFileSync(new URL('../../../docs/robustness.md', import.meta.url), 'utf8');
  const script = readFileSync(new URL('../../../scripts/hostile-campaign.mjs', import.meta.url), 'utf8');

  it('gives the size of the corpus the campaign writes', () => {
    expect(doc).toContain(`(\`scripts/hostile-corpus.mjs\`: ${hostileCorpus().length} inputs`);
    expect(doc).toContain(`and ${hostileFlagFiles().length} hostile roles files`);
  });

  it("gives the campaign's options as the script takes them, and its 20 command lines", () => {
    const usage = /node scripts\/hostile-campaign\.mjs (\[.*\])$/m.exec(doc)?.[1];
    expect(usage).toBeDefined();
    expect(script).toContain(`node scripts/hostile-campaign.mjs ${usage}`);
    for (const flag of usage?.match(/--[a-z-]+/g) ?? []) expect(script).toContain(`a === '${flag}'`);
    expect(doc).toContain('through 20 command lines');
    expect(script.slice(script.indexOf('const commands = ['), script.indexOf('];', script.indexOf('const commands = ['))).match(/^ {4}\['/gm)).toHaveLength(20);
  });
});
