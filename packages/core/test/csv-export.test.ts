import { describe, expect, it } from 'vitest';
import { csvField, csvRow, unprotectCsvField } from '../src/index.js';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "yes"', '"say ""yes"""'],
    ['two\nlines', '"two\nlines"'],
    // Text a spreadsheet would run as a formula gets a leading quote mark.
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+44 7700', '"\'+44 7700"'],
    ['-ish', '"\'-ish"'],
    ['@SUM(A1)', '"\'@SUM(A1)"'],
    ['\tcmd', '"\'\tcmd"'],
    ['\rcmd', '"\'\rcmd"'],
    ['a=b', 'a=b'],
    [-3, '-3'],
    [0.25, '0.25'],
    [null, ''],
    [undefined, ''],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('csvRow joins fields with commas and ends the line', () => {
    expect(csvRow(['a', 1, '=1+1'])).toBe(`a,1,"'=1+1"\n`);
  });

  it('protect: false writes text raw, and unprotectCsvField takes the mark off again', () => {
    expect(csvField('=1+1', { protect: false })).toBe('=1+1');
    expect(unprotectCsvField("'=1+1")).toBe('=1+1');
    expect(unprotectCsvField("'quoted")).toBe("'quoted");
  });
});
