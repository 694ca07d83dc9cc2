import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMED_TALK, TALK, runCli, tempTree } from './support/fake-io.js';

const RECORD_KEYS = ['source', 'turn', 'speaker', 'role', 'text', 'codes', 'primary', 'scores', 'evidence', 'codebook', 'model'];
const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

function jsonLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('coachcode code: output formats', () => {
  const cwd = tempTree({ 'talk.txt': TALK, 'named.txt': NAMED_TALK });

  it('jsonl: one DESIGN.md record per turn, turns from 1, source as given', async () => {
    const r = await runCli(['code', 'talk.txt', '--format', 'jsonl'], { cwd });
    expect(r.code).toBe(0);
    const records = jsonLines(r.stdout);
    expect(records.map((x) => x.turn)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const rec of records) {
      for (const key of RECORD_KEYS) expect(rec).toHaveProperty(key);
      expect(rec.source).toBe('talk.txt');
      expect(Object.keys(rec.scores as object)).toEqual(CODES);
    }
    expect(records.map((x) => x.speaker)).toEqual(['Coach', 'Teacher', 'Coach', 'Teacher', 'Coach', 'Teacher']);
    expect(records.map((x) => x.role)).toEqual(['coach', 'coachee', 'coach', 'coachee', 'coach', 'coachee']);
  });

  it('jsonl is the default when standard output is not a terminal; table on a terminal', async () => {
    const piped = await runCli(['code', 'talk.txt'], { cwd });
    expect(jsonLines(piped.stdout)).toHaveLength(6);
    const tty = await runCli(['code', 'talk.txt'], { cwd, stdoutTTY: true, env: { NO_COLOR: '1' } });
    expect(tty.stdout).toMatch(/^talk\.txt · 6 turns\nturn\s+speaker \(role\)\s+codes\s+text\n/);
  });

  it('csv: a header with one 0/1 column per code, one row per turn', async () => {
    const r = await runCli(['code', 'talk.txt', '--format', 'csv'], { cwd });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(['source', 'turn', 'speaker', 'role', 'start', 'text', ...CODES, 'primary', 'codebook', 'model'].join(','));
    expect(lines).toHaveLength(7);
    const jsonl = jsonLines((await runCli(['code', 'talk.txt', '--format', 'jsonl'], { cwd })).stdout);
    // the 0/1 columns agree with the codes of the JSONL records
    lines.slice(1).forEach((line, i) => {
      const cells = line.split(',');
      const flags = cells.slice(cells.length - 3 - CODES.length, cells.length - 3);
      expect(flags).toEqual(CODES.map((c) => ((jsonl[i]?.codes as string[]).includes(c) ? '1' : '0')));
    });
  });

  it('csv --bom: a UTF-8 byte-order mark before the header, on standard output and in each --out file', async () => {
    const r = await runCli(['code', 'talk.txt', 'named.txt', '--format', 'csv', '--bom'], { cwd });
    expect(r.stdout.startsWith('\uFEFFsource,turn,')).toBe(true);
    expect(r.stdout.indexOf('\uFEFF', 1)).toBe(-1);
    const out = await runCli(['code', 'talk.txt', 'named.txt', '--format', 'csv', '--bom', '--out', 'bom-out', '-q'], { cwd });
    expect(out.code).toBe(0);
    for (const f of ['talk.csv', 'named.csv']) expect(readFileSync(join(cwd, 'bom-out', f)).subarray(0, 9)).toEqual(Buffer.from('\uFEFFsource', 'utf8'));
    const bad = await runCli(['code', 'talk.txt', '--format', 'jsonl', '--bom'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--bom applies to --format csv; received --format jsonl/);
  });

  it('csv: a speaker or text that starts like a formula is written with a leading quote mark', async () => {
    const dir = tempTree({ 'f.csv': 'speaker,text\n"=HYPERLINK(""x"")",Why do you think so?\n@Teacher,-1 for me because I disagree.\n' });
    const r = await runCli(['code', 'f.csv', '--format', 'csv', '--coach', '=HYPERLINK("x")'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').slice(1);
    expect(rows[0]).toMatch(/^f\.csv,1,"'=HYPERLINK\(""x""\)",coach,,Why do you think so\?,/);
    expect(rows[1]).toMatch(/^f\.csv,2,"'@Teacher",\w+,,"'-1 for me because I disagree\.",/);
  });

  it('json: one array of the same records for several files', async () => {
    const r = await runCli(['code', 'talk.txt', 'named.txt', '--format', 'json'], { cwd });
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(records.map((x) => `${x.source}#${x.turn}`)).toEqual([...[1, 2, 3, 4, 5, 6].map((t) => `talk.txt#${t}`), ...[1, 2, 3, 4].map((t) => `named.txt#${t}`)]);
  });

  it('table: colour only when allowed (NO_COLOR, FORCE_COLOR)', async () => {
    const cases: [Record<string, string>, boolean, boolean][] = [
      [{}, true, true],
      [{ NO_COLOR: '1' }, true, false],
      [{ NO_COLOR: '' }, true, true],
      [{ FORCE_COLOR: '0' }, true, false],
      [{}, false, false],
      [{ FORCE_COLOR: '1' }, false, true],
    ];
    for (const [env, tty, coloured] of cases) {
      const r = await runCli(['code', 'talk.txt', '--format', 'table'], { cwd, env, stdoutTTY: tty });
      expect(r.stdout.includes('\x1b['), JSON.stringify({ env, tty })).toBe(coloured);
      expect(r.stdout).toContain('Why do you think the group at the back went quiet?');
    }
  });

  it('stdin: - reads standard input, named by --stdin-name', async () => {
    const r = await runCli(['code', '-', '--stdin-name', 'piped.txt'], { cwd, stdin: TALK });
    expect(r.code).toBe(0);
    const records = jsonLines(r.stdout);
    expect(records).toHaveLength(6);
    expect(records[0]?.source).toBe('piped.txt');
  });

  it('--anonymise replaces speakers and their names in the text, and moves evidence spans', async () => {
    const r = await runCli(['code', 'named.txt', '--anonymise'], { cwd });
    const records = jsonLines(r.stdout);
    expect(records.map((x) => x.speaker)).toEqual(['Coach', 'Coachee', 'Coach', 'Coachee']);
    expect(r.stdout).not.toMatch(/Angela|Price|Tom/);
    expect(records[1]?.text).toBe('Better, I think. I asked Coach for help planning it, as you know.');
    const plain = jsonLines((await runCli(['code', 'named.txt'], { cwd })).stdout);
    records.forEach((rec, i) => {
      const before = plain[i] as { text: string; evidence: { start: number; end: number; cue: string }[] };
      const after = rec as { text: string; evidence: { start: number; end: number; cue: string }[] };
      expect(after.evidence.map((e) => e.cue)).toEqual(before.evidence.map((e) => e.cue));
      after.evidence.forEach((e, k) => {
        const b = before.evidence[k] as { start: number; end: number };
        const original = before.text.slice(b.start, b.end);
        if (!/Angela|Price|Tom/.test(original)) expect(after.text.slice(e.start, e.end)).toBe(original);
      });
    });
  });

  it('--model names a built-in model by id, or reads a file', async () => {
    const byId = async (model: string) => jsonLines((await runCli(['code', 'talk.txt', '--format', 'jsonl', '--model', model], { cwd })).stdout).map((x) => x.model);
    expect(new Set(await byId('cfbt-hand'))).toEqual(new Set(['cfbt-hand@1']));
    expect(new Set(await byId('cfbt-default'))).toEqual(new Set(['cfbt-default@9']));
    expect(new Set(jsonLines((await runCli(['code', 'talk.txt', '--format', 'jsonl'], { cwd })).stdout).map((x) => x.model))).toEqual(new Set(['cfbt-default@9']));
  });

  it('role flags set roles, case-insensitively', async () => {
    const r = await runCli(['code', 'named.txt', '--coach', 'tom', '--coachee', 'ANGELA PRICE'], { cwd });
    expect(jsonLines(r.stdout).map((x) => x.role)).toEqual(['coachee', 'coach', 'coachee', 'coach']);
  });
});

describe('coachcode code: exit statuses', () => {
  const cwd = tempTree({
    'good.txt': TALK,
    'empty.txt': '',
    'binary.txt': new Uint8Array([0x43, 0x6f, 0, 0, 0x01, 0x02, 0xff, 0, 0x41]),
    'sub/more.txt': NAMED_TALK,
  });
  const table: [string, number, string[], RegExp | null][] = [
    ['a good file', 0, ['code', 'good.txt'], null],
    ['a folder, recursively', 1, ['code', '.'], /empty\.txt|binary\.txt/],
    ['a glob', 0, ['code', 'sub/*.txt'], null],
    ['a missing file', 1, ['code', 'nope.txt'], /^nope\.txt: no such file or folder/m],
    ['a glob matching nothing', 1, ['code', '*.vtt'], /^\*\.vtt: the pattern matches no transcript file/m],
    ['a binary file', 1, ['code', 'binary.txt'], /^binary\.txt(:\d+)?: /m],
    ['an empty file', 1, ['code', 'empty.txt'], /^empty\.txt(:\d+)?: /m],
    ['no path', 2, ['code'], /missing required argument/],
    ['an unknown flag', 2, ['code', 'good.txt', '--frobnicate'], /unknown option/],
    ['an unknown command', 2, ['decode', 'good.txt'], /unknown command/],
    ['a bad --format', 2, ['code', 'good.txt', '--format', 'xml'], /--format: "xml" is not one of jsonl, csv, json, table/],
    ['a bad --input-format', 2, ['code', 'good.txt', '--input-format', 'docx'], /--input-format: "docx"/],
    ['a bad --threshold', 2, ['code', 'good.txt', '--threshold', '2'], /--threshold: expected a number from 0 to 1, received "2"/],
    ['a bad -j', 2, ['code', 'good.txt', '-j', 'many'], /-j, --jobs: expected a whole number/],
    ['a missing --model file', 2, ['code', 'good.txt', '--model', 'nope.json'], /--model nope\.json: cannot read the model/],
    ['a missing --roles file', 2, ['code', 'good.txt', '--roles', 'nope.csv'], /--roles nope\.csv: cannot read the file/],
    ['no arguments at all', 2, [], /Usage: coachcode/],
    ['--help', 0, ['--help'], null],
    ['--version', 0, ['--version'], null],
  ];
  it.each(table)('%s → exit %i', async (_name, code, argv, stderr) => {
    const r = await runCli(argv, { cwd });
    expect(r.code).toBe(code);
    if (stderr) expect(r.stderr).toMatch(stderr);
  });

  it('usage errors are all reported together and nothing is processed', async () => {
    const r = await runCli(['code', 'good.txt', '--format', 'xml', '--threshold', '-1', '--input-format', 'docx'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr.match(/^coachcode: /gm)?.length).toBeGreaterThanOrEqual(4);
    expect(r.stdout).toBe('');
  });

  it('a batch with broken files still codes the good ones, in order', async () => {
    const r = await runCli(['code', 'empty.txt', 'good.txt', 'binary.txt', 'nope.txt', 'sub/more.txt', '--quiet'], { cwd });
    expect(r.code).toBe(1);
    const sources = jsonLines(r.stdout).map((x) => `${x.source}#${x.turn}`);
    expect(sources).toEqual([...[1, 2, 3, 4, 5, 6].map((t) => `good.txt#${t}`), ...[1, 2, 3, 4].map((t) => `sub/more.txt#${t}`)]);
    for (const bad of ['empty.txt', 'binary.txt', 'nope.txt']) expect(r.stderr).toMatch(new RegExp(`^${bad.replace('.', '\\.')}(:\\d+)?: `, 'm'));
    expect(r.stderr).not.toMatch(/warning:/);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = await runCli(['--version'], { cwd });
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help of every command shows examples', async () => {
    for (const cmd of ['code', 'profile', 'evaluate', 'train', 'chart', 'compare', 'report']) {
      const r = await runCli([cmd, '--help'], { cwd });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:\n {2}\$ coachcode /);
    }
  });
});

describe('coachcode code --out', () => {
  it('writes one file per transcript and run-summary.json, leaving no temporary file', async () => {
    const cwd = tempTree({ 'in/a.txt': TALK, 'in/b.txt': NAMED_TALK, 'in/c.txt': '' });
    const r = await runCli(['code', 'in', '--out', 'out', '--quiet'], { cwd });
    expect(r.code).toBe(1);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['a.jsonl', 'b.jsonl', 'run-summary.json']);
    expect(readFileSync(join(cwd, 'out/a.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(6);
    const summary = JSON.parse(readFileSync(join(cwd, 'out/run-summary.json'), 'utf8')) as {
      totals: { files: number; coded: number; failed: number; turns: number };
      files: { input: string; output: string | null; turns: number }[];
      failures: { input: string; errors: string[] }[];
      timings: { totalMs: number };
    };
    expect(summary.totals).toMatchObject({ files: 3, coded: 2, failed: 1, turns: 10 });
    expect(summary.files.map((f) => [f.input, f.output, f.turns])).toEqual([
      ['in/a.txt', 'out/a.jsonl', 6],
      ['in/b.txt', 'out/b.jsonl', 4],
      ['in/c.txt', null, 0],
    ]);
    expect(summary.failures.map((f) => f.input)).toEqual(['in/c.txt']);
    expect(typeof summary.timings.totalMs).toBe('number');
    expect(r.stdout).toBe('');
  });

  it('names clashing outputs apart and writes each format as a whole document', async () => {
    const cwd = tempTree({ 'x/talk.txt': TALK, 'y/talk.txt': NAMED_TALK });
    const r = await runCli(['code', 'x/talk.txt', 'y/talk.txt', '--out', 'out', '--format', 'json', '-q'], { cwd });
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['run-summary.json', 'talk-2.json', 'talk.json']);
    expect((JSON.parse(readFileSync(join(cwd, 'out/talk-2.json'), 'utf8')) as unknown[]).length).toBe(4);
  });

  it('refuses an output path equal to an input, before writing anything', async () => {
    const cwd = tempTree({ 'data/coded.jsonl': '', 'data/talk.txt': TALK });
    writeFileSync(join(cwd, 'data/coded.jsonl'), (await runCli(['code', 'data/talk.txt'], { cwd })).stdout.replace(/"source":"data\/talk\.txt"/g, '"source":"coded.jsonl"'));
    const before = readFileSync(join(cwd, 'data/coded.jsonl'), 'utf8');
    const r = await runCli(['code', 'data/coded.jsonl', 'data/talk.txt', '--out', 'data'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write data\/coded\.jsonl: it is the input data\/coded\.jsonl/);
    expect(readFileSync(join(cwd, 'data/coded.jsonl'), 'utf8')).toBe(before);
    expect(existsSync(join(cwd, 'data/talk.jsonl'))).toBe(false);
  });

  it('refuses --out naming an existing file', async () => {
    const cwd = tempTree({ 'talk.txt': TALK, 'taken': 'x' });
    const r = await runCli(['code', 'talk.txt', '--out', 'taken'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out taken: expected a folder, found a file/);
  });
});
