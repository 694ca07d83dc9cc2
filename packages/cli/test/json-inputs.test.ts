import { describe, expect, it } from 'vitest';
import { runCli, tempTree, TALK } from './support/fake-io.js';

// A syntax error on line 4 whose `JSON.parse` message quotes the lines around it, and JSON that
// stops on line 3: every JSON file a command reads must say so as `file:line: …`, on one line.
const BROKEN = '{\n  "version": 1,\n  "utterances": [\n    {"speaker": "A", "text": "hi"} ,]\n}\n';
const UNTERMINATED = '{\n  "version": 1,\n  "utterances": [\n';

const GOLD = '{"file":"t.txt","turn":1,"codes":["challenge"]}\n';

/** Each JSON input of every command that reads one: the command line, with `F` for the broken file. */
const READERS: [string, string[], number][] = [
  ['a .json transcript', ['code', 'F'], 1],
  ['code --roles', ['code', 't.txt', '--roles', 'F'], 2],
  ['code --model', ['code', 't.txt', '--model', 'F'], 2],
  ['code --codebook', ['code', 't.txt', '--codebook', 'F'], 2],
  ['profile --roles', ['profile', 't.txt', '--roles', 'F'], 2],
  ['chart --codebook', ['chart', 't.txt', '--codebook', 'F', '--type', 'profile', '--out', 'c.svg'], 2],
  ['report --model', ['report', 't.txt', '--model', 'F', '--out', 'r.html'], 2],
  ['evaluate --gold', ['evaluate', '--gold', 'F', 't.txt'], 2],
  ['suggest --roles', ['suggest', 't.txt', '--roles', 'F', '--out', 's.csv'], 2],
  ['train --base', ['train', 't.txt', '--gold', 'gold.jsonl', '--base', 'F', '--out', 'm.json'], 2],
  ['export --codebook', ['export', 't.txt', '--codebook', 'F', '--out', 'p.qdpx'], 2],
];

describe('a JSON file that is not valid JSON is named with its line, on one line', () => {
  for (const [name, text, line] of [
    ['broken.json', BROKEN, 4],
    ['unterminated.json', UNTERMINATED, 3],
  ] as const) {
    it.each(READERS)(`${name}: %s`, async (_what, argv, exit) => {
      const cwd = tempTree({ 't.txt': TALK, 'gold.jsonl': GOLD, [name]: text });
      const r = await runCli(
        argv.map((a) => (a === 'F' ? name : a)),
        { cwd },
      );
      expect(r.code).toBe(exit);
      const lines = r.stderr.trimEnd().split('\n');
      const located = lines.filter((l) => l.includes(`${name}:${line}: `));
      expect(located, r.stderr).toHaveLength(1);
      expect(located[0]).toMatch(/not valid JSON \(/);
      // Every line names the file or is the closing usage line; nothing else leaks out of V8's message.
      for (const l of lines) expect(l, r.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}|^coachcode: nothing was processed|^coachcode: no human codes`));
      expect(r.stderr).not.toMatch(/internal error/);
    });
  }
});

describe('coded JSON lines: a turn number is a whole number from 1', () => {
  const record = (turn: unknown) => JSON.stringify({ source: 'talk.vtt', turn, speaker: 'Ann', role: 'coach', text: 'Why?', codes: ['challenge'] });
  // 1e308 made `export` lay out that many lines, one per turn number, until the heap ran out.
  const BAD = [record(1e308), record(0), record(-2), record(2.5), record(Number.MAX_SAFE_INTEGER), record(1)].join('\n') + '\n';

  it.each([
    ['profile', ['profile', 'bad.jsonl', 't.txt', '--format', 'json']],
    ['export', ['export', 'bad.jsonl', 't.txt', '--out', 'p.qdpx']],
  ])('%s: each such line is reported with its line, and the other input goes on', async (_what, argv) => {
    const cwd = tempTree({ 't.txt': TALK, 'bad.jsonl': BAD });
    const r = await runCli(argv, { cwd });
    expect(r.code, r.stderr).toBe(1);
    const reported = r.stderr.split('\n').filter((l) => l.startsWith('bad.jsonl:'));
    expect(reported.map((l) => l.slice(0, l.indexOf(': ')))).toEqual(['bad.jsonl:1', 'bad.jsonl:2', 'bad.jsonl:3', 'bad.jsonl:4', 'bad.jsonl:5']);
    expect(reported[0]).toContain('"turn": expected a whole number from 1 to 10,000,000; received 1e+308');
    expect(reported[4]).toContain('received 9007199254740991');
    if (argv[0] === 'profile') expect(r.stdout).toContain('"source":"t.txt"');
  });
});
