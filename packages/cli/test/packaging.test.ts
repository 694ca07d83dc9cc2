import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPackages, npmInstall, packWorkspace, ROOT, treeBytes } from '../../../scripts/lib/pack.mjs';

// The three packages as a user gets them: packed by pnpm (which writes `workspace:*` as the real
// version), installed with plain npm into empty folders, then used from outside the workspace.
// npm's cache is used first (--prefer-offline), so after the first run nothing is downloaded.
const NAMES = ['@coachcode/core', '@coachcode/charts', '@coachcode/cli'] as const;
const VERSION = JSON.parse(readFileSync(join(ROOT, 'packages/core/package.json'), 'utf8')).version as string;
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

const work = mkdtempSync(join(tmpdir(), 'coachcode-pack-'));
const all = join(work, 'all');
const coreOnly = join(work, 'core-only');
let tarballs: Record<string, string>;

function node(args: string[], cwd = all): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** The files of a tarball (without the leading `package/`). */
function tarFiles(tgz: string): string[] {
  return execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
}

function tarPackageJson(tgz: string): Record<string, unknown> {
  return JSON.parse(execFileSync('tar', ['xzf', tgz, '-O', 'package/package.json'], { encoding: 'utf8' }));
}

/** The first ```js block of a README and the `// ` lines after its last statement: what it prints. */
function readmeExample(markdown: string): { code: string; prints: string[] } {
  const block = /```js\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error('no ```js block');
  const lines = block.trimEnd().split('\n');
  let at = lines.length;
  while (at > 0 && /^\/\/ /.test(lines[at - 1] ?? '')) at--;
  return { code: lines.slice(0, at).join('\n'), prints: lines.slice(at).map((l) => l.slice(3)) };
}

beforeAll(() => {
  mkdirSync(all);
  mkdirSync(coreOnly);
  tarballs = packWorkspace(join(work, 'tarballs'));
  npmInstall(all, NAMES.map((n) => tarballs[n] as string));
  npmInstall(coreOnly, [tarballs['@coachcode/core'] as string]);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed packages', () => {
  it.each(NAMES)('%s: real versions, README and LICENSE, only what runs, types for every export', (name) => {
    const tgz = tarballs[name] as string;
    const files = tarFiles(tgz);
    const pkg = tarPackageJson(tgz);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    // Shipped types point to documentation that exists (no DESIGN.md: it is not in the repository).
    for (const f of files.filter((f) => /\.d\.c?ts$/.test(f))) {
      expect(execFileSync('tar', ['xzf', tgz, '-O', `package/${f}`], { encoding: 'utf8' }), f).not.toContain('DESIGN.md');
    }
    const deps = { ...(pkg.dependencies as Record<string, string>) };
    expect(JSON.stringify(pkg)).not.toContain('workspace:');
    for (const [dep, range] of Object.entries(deps)) if (dep.startsWith('@coachcode/')) expect(range, dep).toBe(VERSION);
    // Every entry of "exports" names its types first, and every file it names is in the tarball.
    const exportsField = pkg.exports as Record<string, unknown>;
    for (const [entry, target] of Object.entries(exportsField)) {
      if (entry === './package.json') continue;
      const paths = JSON.stringify(target).match(/"\.\/[^"]+"/g)?.map((p) => p.slice(3, -1)) ?? [];
      expect(JSON.stringify(target), `${name} ${entry}`).toMatch(/^\{"(?:import":\{")?types"/);
      for (const p of paths) expect(files, `${name} ${entry} → ${p}`).toContain(p);
    }
  });

  it('@coachcode/core alone installs under 10 MB, with zod only: no database or network clients', () => {
    const modules = join(coreOnly, 'node_modules');
    expect(installedPackages(modules)).toEqual(['@coachcode/core', 'zod']);
    expect(treeBytes(modules)).toBeLessThan(10_000_000);
  });
});

describe('the installed packages, used from outside the workspace', () => {
  it('core loads with import (ESM) and with require (CommonJS), and codes a transcript both ways', () => {
    const transcript = JSON.stringify('Angela: Why do you think they went quiet?\nBen: I think the task was too long.');
    writeFileSync(join(all, 'esm.mjs'), `import { analyze } from '@coachcode/core';\nconsole.log(JSON.stringify(analyze(${transcript}, { source: 'a.txt' }).records.map((r) => r.codes)));\n`);
    writeFileSync(join(all, 'cjs.cjs'), `const { analyze } = require('@coachcode/core');\nconsole.log(JSON.stringify(analyze(${transcript}, { source: 'a.txt' }).records.map((r) => r.codes)));\n`);
    const esm = node(['esm.mjs']);
    const cjs = node(['cjs.cjs']);
    expect(esm.stderr).toBe('');
    expect(cjs.stderr).toBe('');
    expect(JSON.parse(esm.stdout)[0]).toEqual(['challenge']);
    expect(cjs.stdout).toBe(esm.stdout);
  });

  it('the previous default model loads from its own entry, @coachcode/core/models/cues, both ways', () => {
    writeFileSync(join(all, 'cues.mjs'), "import { cuesModel } from '@coachcode/core/models/cues';\nimport { createClassifier } from '@coachcode/core';\nconsole.log(cuesModel.id, createClassifier({ model: cuesModel }).id);\n");
    expect(node(['cues.mjs']).stdout).toBe('cfbt-cues cfbt-cues@3\n');
    expect(node(['-e', "console.log(require('@coachcode/core/models/cues').cuesModel.version)"]).stdout).toBe('3\n');
  });

  it('charts loads with import; require says it is ESM-only and how to load it', () => {
    writeFileSync(join(all, 'charts.mjs'), "import { profileChart, CHART_KINDS } from '@coachcode/charts';\nimport { MEASURES } from '@coachcode/charts/options';\nconsole.log(typeof profileChart, CHART_KINDS.length > 0, MEASURES.includes('per100'));\n");
    expect(node(['charts.mjs']).stdout).toBe('function true true\n');
    const r = node(['-e', "require('@coachcode/charts')"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('@coachcode/charts is an ES module only');
    expect(r.stderr).toContain("await import('@coachcode/charts')");
  });

  it.each([
    ['NodeNext', { module: 'NodeNext', moduleResolution: 'NodeNext' }],
    ['Bundler', { module: 'ESNext', moduleResolution: 'Bundler' }],
  ])('a TypeScript consumer type-checks against the shipped types (%s resolution)', (name, options) => {
    const dir = join(all, `ts-${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'consumer.mts'),
      [
        "import { analyze, cfbtCodebook, type Model, type Role, type TurnRecord } from '@coachcode/core';",
        "import { cuesModel } from '@coachcode/core/models/cues';",
        "import { profileChart, renderSvg } from '@coachcode/charts';",
        "import type { ChartKind } from '@coachcode/charts/options';",
        "import { createProgram, ExitCode, run } from '@coachcode/cli';",
        "const result = analyze('Angela: Why?\\nBen: Because.', { source: 'a.txt', roles: { coach: ['Angela'] } });",
        'const record: TurnRecord | undefined = result.records[0];',
        'const role: Role | undefined = record?.role;',
        '// @ts-expect-error a role is a Role, not a number (fails if the types were missing or any)',
        'const wrong: number | undefined = record?.role;',
        'const svg: Promise<string> = renderSvg(profileChart(result.profile, { codebook: cfbtCodebook }));',
        "const kind: ChartKind = 'profile';",
        'const previous: Model = cuesModel;',
        'const status: Promise<number> = run([]);',
        'export const used = [role, wrong, svg, kind, previous, status, createProgram, ExitCode.usage];',
        '',
      ].join('\n'),
    );
    // The CommonJS view of core (its .d.cts) under NodeNext.
    if (name === 'NodeNext') writeFileSync(join(dir, 'consumer.cts'), "import { analyze, type Role } from '@coachcode/core';\nconst role: Role | undefined = analyze('A: Hi', { source: 'a.txt' }).records[0]?.role;\nexport = role;\n");
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...options, target: 'ES2022', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['*.mts', '*.cts'] }),
    );
    const r = node([TSC, '-p', dir], all);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the installed coachcode prints its version, codes the bundled example, and its help points to documentation in the package', () => {
    const bin = join(all, 'node_modules/.bin/coachcode');
    const run = (...args: string[]) => spawnSync(bin, args, { cwd: all, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run('--version').stdout.trim()).toBe(VERSION);
    const example = 'node_modules/@coachcode/cli/examples/challenging-coach-angela.vtt';
    const coded = run('code', example, '--format', 'jsonl', '--quiet');
    expect(coded.status).toBe(0);
    const records = coded.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.length).toBeGreaterThan(10);
    expect(records.every((r) => r.source === example && Array.isArray(r.codes))).toBe(true);
    expect(records.some((r) => r.codes.includes('challenge'))).toBe(true);
    const docs = /Documentation: (\S+)/.exec(run('--help').stdout)?.[1];
    expect(docs).toBeDefined();
    expect(docs?.startsWith(join(all, 'node_modules/@coachcode/cli/'))).toBe(true);
    expect(readFileSync(docs as string, 'utf8')).toBe(readFileSync(join(ROOT, 'docs/cli.md'), 'utf8'));
  });

  it.each(['core', 'charts'])("%s's README example runs as written and prints what it says", (pkg) => {
    const { code, prints } = readmeExample(readFileSync(join(ROOT, `packages/${pkg}/README.md`), 'utf8'));
    expect(prints.length).toBeGreaterThan(0);
    writeFileSync(join(all, `readme-${pkg}.mjs`), code);
    const r = node([`readme-${pkg}.mjs`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\n')).toEqual(prints);
  });

  it("cli's README example runs as written", () => {
    const readme = readFileSync(join(ROOT, 'packages/cli/README.md'), 'utf8');
    const command = /```sh\n(npx coachcode code [^\n]+)\n```/.exec(readme)?.[1];
    expect(command).toBeDefined();
    const r = spawnSync('sh', ['-c', command as string], { cwd: all, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_yes: 'false' } });
    expect(r.status).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toMatch(/^source,turn,speaker,role,start,text,summary,acceptance,challenge,continuity,dissonance,primary,codebook,model/);
    expect(rows.length).toBeGreaterThan(10);
    expect(existsSync(join(all, 'node_modules/@coachcode/cli/docs/output.md'))).toBe(true);
  });
});
