import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram, nodeIo } from '../src/index.js';
import { docsFile } from '../src/docs-path.js';
import { runCli, TALK, tempTree } from './support/fake-io.js';

// The mechanical claims of docs/output.md and docs/cli.md, checked against what the tool does.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const outputMd = readFileSync(`${REPO}docs/output.md`, 'utf8');
const cliMd = readFileSync(`${REPO}docs/cli.md`, 'utf8');

/** The text of a `##` section of a Markdown page, up to the next `##` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no section "## ${heading}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

/** The `--flags` in the first column of a section's `| flag |` tables. */
function tableFlags(text: string): string[] {
  const flags: string[] = [];
  let inFlagTable = false;
  for (const line of text.split('\n')) {
    if (/^\| flag \|/.test(line)) inFlagTable = true;
    else if (!line.startsWith('|')) inFlagTable = false;
    else if (inFlagTable) flags.push(...(line.split('|')[1]?.match(/--[a-z][a-z0-9-]*/g) ?? []));
  }
  return flags;
}

/** A command's long flags; `hidden` adds those left out of its help (aliases such as --anonymize). */
function longFlags(cmd: Command, options: { hidden?: boolean } = {}): string[] {
  return cmd.options.filter((o) => (options.hidden || !o.hidden) && o.long).map((o) => o.long as string);
}

const program = createProgram(nodeIo());
const commands = program.commands;
const TIMED = ['WEBVTT', '', '00:00:01.000 --> 00:00:03.000', '<v Angela>Why do you think they went quiet?', '', '00:00:04.000 --> 00:00:06.000', '<v Ben>I think the task was too long.', ''].join('\n');

describe('docs/output.md matches what coachcode code writes', () => {
  const keys = [...section(outputMd, 'JSONL (default when the output is piped)').matchAll(/^\| `([a-z]+)` \|/gm)].map((m) => m[1]);

  it('JSONL: the keys of the table, in its order (start only where the source has times)', async () => {
    const dir = tempTree({ 'a.vtt': TIMED, 'b.txt': TALK });
    const r = await runCli(['code', 'a.vtt', 'b.txt', '--format', 'jsonl', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(keys.length).toBeGreaterThan(10);
    for (const record of records) expect(Object.keys(record)).toEqual(keys.filter((k) => k !== 'start' || record.source === 'a.vtt'));
  });

  it('JSON: what the JSON section says, one array of the same records for every transcript', async () => {
    expect(section(outputMd, 'JSON')).toMatch(/one JSON array of the records of every transcript/i);
    const dir = tempTree({ 'a.vtt': TIMED, 'b.txt': TALK });
    const jsonl = await runCli(['code', 'a.vtt', 'b.txt', '--format', 'jsonl', '-q'], { cwd: dir });
    const json = await runCli(['code', 'a.vtt', 'b.txt', '--format', 'json', '-q'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toEqual(jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l)));
  });

  it('standard input is named as the table says (stdin, or --stdin-name)', async () => {
    expect(section(outputMd, 'JSONL (default when the output is piped)')).toContain('`stdin` for standard input');
    const dir = tempTree({});
    const plain = await runCli(['code', '-', '--format', 'jsonl', '-q'], { cwd: dir, stdin: TALK });
    expect(new Set(plain.stdout.trim().split('\n').map((l) => JSON.parse(l).source))).toEqual(new Set(['stdin']));
    const named = await runCli(['code', '-', '--stdin-name', 'talk.txt', '--format', 'jsonl', '-q'], { cwd: dir, stdin: TALK });
    expect(JSON.parse(named.stdout.split('\n')[0] as string).source).toBe('talk.txt');
  });
});

describe('docs/cli.md: usage errors', () => {
  it('says every line of a usage error starts with coachcode: and lists all problems', () => {
    expect(section(cliMd, 'Exit status')).toMatch(/All problems are listed together, each line starting with `coachcode:`/);
  });

  it.each([
    ['unknown options (each named, with a suggestion)', ['code', 'a.txt', '--fromat', 'csv', '--quite'], ["coachcode: unknown option '--fromat' (did you mean --format?)", "coachcode: unknown option '--quite' (did you mean --quiet?)"]],
    ['an unknown command', ['cod', 'a.txt'], ["coachcode: unknown command 'cod' (did you mean code?)"]],
    ['a missing argument', ['code'], ["coachcode: missing required argument 'paths'"]],
    ['bad flag values (each named)', ['code', 'a.txt', '--format', 'xml', '--threshold', '2'], ['coachcode: --threshold: expected a number from 0 to 1, received "2"', 'coachcode: --format: "xml" is not one of jsonl, csv, json, table']],
  ] as const)('%s: exit status 2, every line coachcode: …, then that nothing was processed', async (_name, argv, expected) => {
    const dir = tempTree({ 'a.txt': TALK });
    const r = await runCli([...argv], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^coachcode: /);
    expect(lines.at(-1)).toBe('coachcode: nothing was processed (run with --help for usage)');
    if (expected) expect(lines.slice(0, -1)).toEqual(expected);
    expect(r.stdout).toBe('');
  });
});

describe('docs/cli.md: the flags of every command', () => {
  const shared = section(cliMd, 'Reading transcripts');
  const sharedFlags = tableFlags(shared);

  it.each(commands.map((c) => [c.name(), c] as const))('%s: every flag it takes is documented, and every documented flag exists', (name, cmd) => {
    const own = section(cliMd, `\`coachcode ${name}\``);
    const flags = longFlags(cmd);
    // Each flag is described in the command's own section, or in the shared table of reading flags.
    const documented = (flag: string) => new RegExp(`(?:^|[\\s\`[(|])${flag}(?![a-z0-9-])`, 'm').test(own) || sharedFlags.includes(flag);
    expect(flags.filter((f) => !documented(f)), `flags of ${name} missing from docs/cli.md`).toEqual([]);
    // The synopsis and the flag tables of the section name only flags the command has.
    const synopsis = /```\n(coachcode [\s\S]*?)\n```/.exec(own)?.[1] ?? '';
    expect(synopsis).toMatch(new RegExp(`^coachcode ${name} `));
    const written = [...(synopsis.match(/--[a-z][a-z0-9-]*/g) ?? []), ...tableFlags(own)];
    expect(written.filter((f) => !longFlags(cmd, { hidden: true }).includes(f)), `flags in the ${name} section that ${name} does not take`).toEqual([]);
  });

  it('the shared reading flags exist on every command the section names, as it says', () => {
    const sharers = /These flags are shared by ([^.]+?), and — all but `--model` and `--threshold` — by `train`/.exec(shared.replace(/\n/g, ' '))?.[1];
    expect(sharers).toBeDefined();
    const names = [...(sharers as string).matchAll(/`([a-z]+)`/g)].map((m) => m[1]);
    expect(names.sort()).toEqual(commands.map((c) => c.name()).filter((n) => n !== 'train').sort());
    for (const cmd of commands) {
      const expected = cmd.name() === 'train' ? sharedFlags.filter((f) => f !== '--model' && f !== '--threshold') : sharedFlags;
      expect(expected.filter((f) => !longFlags(cmd, { hidden: true }).includes(f)), cmd.name()).toEqual([]);
    }
  });
});

describe('coachcode --help', () => {
  it('points to docs/cli.md in the package, a copy of the repository page', async () => {
    const r = await runCli(['--help'], { cwd: REPO });
    const path = /Documentation: (\S+)/.exec(r.stdout)?.[1];
    expect(path).toBe(docsFile('cli.md'));
    expect(readFileSync(path as string, 'utf8'), 'the build copies docs/ into packages/cli/docs: run it after editing docs').toBe(cliMd);
  });
});
