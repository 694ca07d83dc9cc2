import { describe, expect, it } from 'vitest';
import { expandGlob, globToRegExp, isGlob, splitGlob } from '../src/inputs/glob.js';
import { tempTree } from './support/fake-io.js';

describe('glob', () => {
  const matches: [string, string, boolean][] = [
    ['*.vtt', 'a.vtt', true],
    ['*.vtt', 'dir/a.vtt', false],
    ['*.vtt', '.hidden.vtt', false],
    ['s?.txt', 's1.txt', true],
    ['s?.txt', 's10.txt', false],
    ['**/*.txt', 'a.txt', true],
    ['**/*.txt', 'x/y/a.txt', true],
    ['x/**', 'x/y/z.csv', true],
    ['x/**/a.txt', 'x/a.txt', true],
    ['x/**/a.txt', 'x/.git/a.txt', false],
    ['a+b(1).txt', 'a+b(1).txt', true],
  ];
  it.each(matches)('%s matches %s: %s', (pattern, path, expected) => {
    expect(globToRegExp(pattern).test(path)).toBe(expected);
  });

  it.each([
    ['sessions/*.vtt', { base: 'sessions', rest: '*.vtt' }],
    ['a/b/**/c?.txt', { base: 'a/b', rest: '**/c?.txt' }],
    ['*.txt', { base: '', rest: '*.txt' }],
  ])('splits %s', (pattern, expected) => {
    expect(splitGlob(pattern)).toEqual(expected);
  });

  it.each([['a.txt', false], ['*.txt', true], ['a?.txt', true], ['-', false]])('isGlob(%s) = %s', (p, expected) => {
    expect(isGlob(p)).toBe(expected);
  });

  it('expands against the file system, sorted, spelt like the pattern', () => {
    const cwd = tempTree({ 'd/b.txt': 'x', 'd/a.txt': 'x', 'd/e/c.txt': 'x', 'd/e/f/g.txt': 'x', 'd/.h/i.txt': 'x', 'd/z.vtt': 'x' });
    expect(expandGlob('d/*.txt', cwd)).toEqual(['d/a.txt', 'd/b.txt']);
    expect(expandGlob('d/**/*.txt', cwd)).toEqual(['d/a.txt', 'd/b.txt', 'd/e/c.txt', 'd/e/f/g.txt']);
    expect(expandGlob('d/*/c.txt', cwd)).toEqual(['d/e/c.txt']);
    expect(expandGlob('./d/?.vtt', cwd)).toEqual(['./d/z.vtt']);
  });
});
