import type { TurnRecord } from '@coachcode/core';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createColors } from '../src/render/color.js';
import { renderTable, textWidth, truncate } from '../src/render/table.js';
import { renderTurnTable } from '../src/render/turn-table.js';

// Terminal tables measure text in display columns (string-width), so CJK and emoji rows line up.
describe('table display width', () => {
  it.each([
    ['ascii', 'Why did they go quiet?', 22],
    ['CJK takes two columns a character', '为什么他们安静了', 16],
    ['an emoji takes two', 'ok 👍', 5],
    ['a family emoji is one character of two columns', '👨‍👩‍👧', 2],
    ['combining marks take none', 'Café', 4],
  ])('%s', (_name, text, width) => {
    expect(textWidth(text)).toBe(width);
  });

  it.each([
    ['ascii', 'abcdefghij', 5, 'abcd…'],
    ['CJK, cut at a whole character', '为什么他们安静了', 7, '为什么…'],
    ['an emoji is never split', '👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 5, '👨‍👩‍👧👨‍👩‍👧…'],
    ['short enough stays', '为什么', 6, '为什么'],
  ])('truncate: %s', (_name, text, width, expected) => {
    const cut = truncate(text, width);
    expect(cut).toBe(expected);
    expect(stringWidth(cut)).toBeLessThanOrEqual(width);
  });

  it('a turn table with Chinese and emoji rows fits the terminal width on every line', () => {
    const record = (turn: number, speaker: string, text: string): TurnRecord => ({
      source: 's.txt', turn, speaker, role: turn % 2 ? 'coach' : 'coachee', text, codes: [], primary: null, scores: {}, evidence: [], codebook: 'cfbt@1', model: 'm@1',
    });
    const rows = [
      record(1, '王老师', '你为什么认为后排的学生安静了？我们可以一起想一想下一节课应该怎样调整任务的长度和难度。'),
      record(2, 'Ben 😀', 'I think 👍👍👍 the instructions were far too long for them to follow without a break in the middle.'),
      record(3, 'Angela', 'So what you are saying is that shorter steps would help the group at the back stay with you.'),
    ];
    const table = renderTurnTable(rows, { codes: [], colors: createColors(0), width: 80 });
    for (const line of table.trimEnd().split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    expect(table).toContain('…');
  });

  it('a column 200,000 characters wide (a hostile speaker name) lays out in one pass: the padding of the short rows is not searched again and again for trailing spaces', () => {
    // Before, each line's trailing spaces were cut with /\s+$/, which tries every space of the
    // padding as a start: 200,000 spaces of padding took minutes, past the test's time limit.
    const name = 'B'.repeat(200_000);
    const table = renderTable([{ header: 'who' }, { header: 'turns', align: 'right' }], [[name, '3'], ['Ben', '12'], ['Ann', '']], createColors(0));
    const lines = table.trimEnd().split('\n');
    expect(lines.map((l) => l.length)).toEqual([200_007, 200_007, 200_007, 3]);
    expect(lines[2]).toBe(`Ben${' '.repeat(200_000 - 3)}     12`);
    for (const line of lines) expect(line).not.toMatch(/ $/);
  });
});

