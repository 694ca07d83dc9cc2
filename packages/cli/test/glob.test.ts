import { describe, expect, it } from 'vitest';
import { expandGlob, isGlob, splitGlob } from '../src/inputs/glob.js';
import { tempTree } from './support/fake-io.js';

describe('glob (tinyglobby)', () => {
  const cwd = tempTree(Object.fromEntries(
    ['a.vtt', 'b.vtt', 'c.srt', 'dir/a.vtt', '.hidden.vtt', 's1.txt', 's10.txt', 'x/a.txt', 'x/y/a.txt', 'x/y/z.csv', 'x/.git/a.txt', 'a+b(1).txt'].map((f) => [f, 'x']),
  ));
  const matches: [string, string[]][] = [
    ['*.vtt', ['a.vtt', 'b.vtt']],
    ['s?.txt', ['s1.txt']],
    ['**/*.txt', ['a+b(1).txt', 's1.txt', 's10.txt', 'x/a.txt', 'x/y/a.txt']],
    ['x/**', ['x/a.txt', 'x/y/a.txt', 'x/y/z.csv']],
    ['x/**/a.txt', ['x/a.txt', 'x/y/a.txt']],
    ['.*.vtt', ['.hidden.vtt']],
    // What the hand-written glob it replaced could not do: braces and character classes.
    ['{a,c}.*', ['a.vtt', 'c.srt']],
    ['*.{vtt,srt}', ['a.vtt', 'b.vtt', 'c.srt']],
    ['s[0-9].txt', ['s1.txt']],
    ['s[0-9]*.txt', ['s1.txt', 's10.txt']],
  ];
  it.each(matches)('%s matches %j (hidden names only when the pattern names them)', (pattern, expected) => {
    expect(expandGlob(pattern, cwd)).toEqual(expected);
  });

  it.each([
    ['sessions/*.vtt', { base: 'sessions', rest: '*.vtt' }],
    ['a/b/**/c?.txt', { base: 'a/b', rest: '**/c?.txt' }],
    ['*.txt', { base: '', rest: '*.txt' }],
    ['s/{a,b}/*.txt', { base: 's', rest: '{a,b}/*.txt' }],
  ])('splits %s', (pattern, expected) => {
    expect(splitGlob(pattern)).toEqual(expected);
  });

  it.each([['a.txt', false], ['*.txt', true], ['a?.txt', true], ['{a,b}.txt', true], ['s[0-9].txt', true], ['-', false]])('isGlob(%s) = %s', (p, expected) => {
    expect(isGlob(p)).toBe(expected);
  });

  it('expands against the file system, folder by folder in name order, spelt like the pattern', () => {
    const tree = tempTree({ 'd/b.txt': 'x', 'd/a.txt': 'x', 'd/a/c.txt': 'x', 'd/e/c.txt': 'x', 'd/e/f/g.txt': 'x', 'd/.h/i.txt': 'x', 'd/z.vtt': 'x' });
    expect(expandGlob('d/*.txt', tree)).toEqual(['d/a.txt', 'd/b.txt']);
    expect(expandGlob('d/**/*.txt', tree)).toEqual(['d/a/c.txt', 'd/a.txt', 'd/b.txt', 'd/e/c.txt', 'd/e/f/g.txt']);
    expect(expandGlob('d/*/c.txt', tree)).toEqual(['d/a/c.txt', 'd/e/c.txt']);
    expect(expandGlob('./d/?.vtt', tree)).toEqual(['./d/z.vtt']);
    expect(expandGlob(`${tree}/d/*.vtt`, '/')).toEqual([`${tree}/d/z.vtt`]);
  });
});
