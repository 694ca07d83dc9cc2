import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TurnRecord } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../src/fs/read-input-file.js';
import { OutputError, removeStaleTemps, writeFileAtomic } from '../src/output/atomic-write.js';
import { boundedName } from '../src/output/output-paths.js';
import { createColors } from '../src/render/color.js';
import { terminalText } from '../src/render/terminal-text.js';
import { renderTurnTable } from '../src/render/turn-table.js';
import { tempTree } from './support/fake-io.js';

describe('terminalText: what reaches a terminal acts on nothing', () => {
  it.each([
    ['plain text', 'plain text'],
    ['Eve\u001b]0;owned\u0007\u001b[2J', 'Eve\\x1b]0;owned\\x07\\x1b[2J'],
    ['C1 \u009b2J', 'C1 \\x9b2J'],
    ['back\bspace\u007f', 'back\\x08space\\x7f'],
    ['two\nlines\r\nand\ttab', 'two lines and tab'],
    ['\u202eevil\u2066', '\\u202eevil\\u2066'],
    ['line\u2028separator', 'line separator'],
    ['Zoë 😀 \u200dkept', 'Zoë 😀 \u200dkept'],
  ])('%j → %j', (text, expected) => {
    expect(terminalText(text)).toBe(expected);
  });

  it('keeps line breaks and tabs for data on a terminal (CSV, JSON lines)', () => {
    expect(terminalText('a,b\r\n\u001b[2J,\t\n', { lines: true })).toBe('a,b\n\\x1b[2J,\t\n');
  });
});

describe('output names and temporary files', () => {
  it('boundedName keeps names within 200 bytes of UTF-8, cut at a character', () => {
    expect(boundedName('a'.repeat(250), '.jsonl')).toBe(`${'a'.repeat(194)}.jsonl`);
    const cut = boundedName('é'.repeat(150), '-2.csv');
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(200);
    expect(cut.endsWith('é-2.csv')).toBe(true);
    expect(boundedName('short', '.json')).toBe('short.json');
  });

  it('removes temporary files of processes that no longer run, and nothing else', () => {
    const dir = tempTree({
      '.coachcode-4123456-0badc0de.tmp': 'half',
      [`.coachcode-${process.ppid}-00c0ffee.tmp`]: 'a running process is writing this',
      '.coded.jsonl.4123457.deadbeef.tmp': 'left by an older coachcode',
      '.coachcode-notes.tmp': 'not ours',
      'coded.jsonl': 'kept',
    });
    expect(removeStaleTemps(dir)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([`.coachcode-${process.ppid}-00c0ffee.tmp`, '.coachcode-notes.tmp', 'coded.jsonl']);
  });

  it('a write that fails is an OutputError naming the path as given and the reason', () => {
    const dir = tempTree({ 'file.txt': 'x' });
    let error: unknown;
    try {
      writeFileAtomic(join(dir, 'file.txt', 'out.json'), '{}', 'file.txt/out.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).message).toMatch(/^cannot write file\.txt\/out\.json: .*\((?:EEXIST|ENOTDIR)\)$/);
  });
});

describe('readInputFile: regular files only, within the limit', () => {
  it('refuses a file larger than the limit', () => {
    const dir = tempTree({ 'big.txt': 'x'.repeat(3 << 20) });
    expect(() => readInputFile(join(dir, 'big.txt'), 2 << 20)).toThrow('it is 3 MB, more than the 2 MB coachcode reads');
    expect(readInputFile(join(dir, 'big.txt'), 4 << 20)).toHaveLength(3 << 20);
  });

  it('refuses a folder and a missing file with the reason', () => {
    const dir = tempTree({ 'sub/a.txt': 'x' });
    expect(() => readInputFile(join(dir, 'sub'))).toThrow('it is a folder (EISDIR)');
    expect(() => readInputFile(join(dir, 'none.txt'))).toThrow('no such file or folder (ENOENT)');
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe at once, without waiting for a writer', () => {
    const dir = tempTree({});
    const fifo = join(dir, 'pipe.txt');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo here: nothing to check
    }
    expect(() => readInputFile(fifo)).toThrow('it is a named pipe (FIFO), not a regular file');
    expect(() => readInputFile('/dev/zero')).toThrow('it is a character device, not a regular file');
  });
});

describe('tables', () => {
  it('renders 200,000 turns (the widest cell is found by a loop, not Math.max(...rows))', () => {
    const record = (i: number): TurnRecord => ({ source: 'a.txt', turn: i + 1, speaker: i % 2 ? 'Ben' : 'Ann', role: 'coach', text: 'Why?', codes: [], primary: null, scores: {}, evidence: [], codebook: 'cfbt@1', model: 'm' });
    const table = renderTurnTable(Array.from({ length: 200_000 }, (_, i) => record(i)), { codes: ['challenge'], colors: createColors(0), width: 100 });
    expect(table.split('\n')).toHaveLength(200_004);
    expect(table).toContain('200000  Ben (coach)');
  });
});
