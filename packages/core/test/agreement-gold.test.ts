import { describe, expect, it } from 'vitest';
import { codingKey } from '../src/agreement/coding.js';
import { baseName, fileStem } from '../src/model/source-path.js';
import { readCodingJsonl } from '../src/agreement/gold.js';
import { readCodingCsv } from '../src/agreement/gold-csv.js';
import { matchFiles } from '../src/agreement/match-files.js';

describe('file names and keys', () => {
  const rows: [string, string, string][] = [
    ['sessions/angela.vtt', 'angela.vtt', 'angela'],
    ['C:\\data\\miriam.txt', 'miriam.txt', 'miriam'],
    ['plain', 'plain', 'plain'],
    ['a/b/x.y.csv', 'x.y.csv', 'x.y'],
    ['.hidden', '.hidden', '.hidden'],
  ];
  it.each(rows)('%s → base %s, stem %s', (path, base, stem) => {
    expect(baseName(path)).toBe(base);
    expect(fileStem(path)).toBe(stem);
  });
  it('keys a turn by base name and number', () => {
    expect(codingKey('sessions/angela.vtt', 12)).toBe('angela.vtt#12');
  });
});

describe('matchFiles', () => {
  it('pairs by base name first, then by a unique stem, and reports the rest', () => {
    const m = matchFiles(['a.txt', 'b.txt', 'c.txt', 'd.txt'], ['a.txt', 'b.vtt', 'c.vtt', 'c.srt', 'e.vtt']);
    expect(m.matches).toEqual([
      { reference: 'a.txt', other: 'a.txt', rule: 'base-name' },
      { reference: 'b.txt', other: 'b.vtt', rule: 'stem' },
    ]);
    expect(m.unmatchedReference).toEqual(['c.txt', 'd.txt']);
    expect(m.unmatchedOther).toEqual(['c.vtt', 'c.srt', 'e.vtt']);
    expect(m.diagnostics.map((d) => d.code)).toEqual(['file-matched-by-stem', 'file-stem-ambiguous']);
  });
  it('does not pair a stem shared by two reference files', () => {
    const m = matchFiles(['x.txt', 'x.csv'], ['x.vtt']);
    expect(m.matches).toEqual([]);
    expect(m.unmatchedOther).toEqual(['x.vtt']);
  });
});

describe('readCodingJsonl', () => {
  it('reads gold records (benchmark form)', () => {
    const text = [
      '{"file": "mrda-Bdb001.txt", "turn": 1, "speaker": "fe016", "role": "other", "codes": [], "scored": ["acceptance", "dissonance", "summary"], "text_start": "Okay"}',
      '{"file": "mrda-Bdb001.txt", "turn": 2, "speaker": "me011", "role": "other", "codes": ["acceptance"], "scored": ["acceptance", "dissonance", "summary"]}',
    ].join('\n');
    const { coding, diagnostics } = readCodingJsonl(text);
    expect(diagnostics).toEqual([]);
    expect([...coding.keys()]).toEqual(['mrda-Bdb001.txt#1', 'mrda-Bdb001.txt#2']);
    expect(coding.get('mrda-Bdb001.txt#2')).toEqual({
      file: 'mrda-Bdb001.txt', turn: 2, codes: ['acceptance'], scored: ['acceptance', 'dissonance', 'summary'], role: 'other', speaker: 'me011', line: 2,
    });
  });
  it("reads coachcode's own coded output (source path → base name)", () => {
    const text = '{"source":"sessions/angela.vtt","turn":12,"speaker":"Angela","role":"coach","text":"Why?","codes":["challenge"],"primary":"challenge","scores":{},"evidence":[]}\n';
    const { coding, diagnostics } = readCodingJsonl(text);
    expect(diagnostics).toEqual([]);
    expect(coding.get('angela.vtt#12')).toEqual({ file: 'angela.vtt', turn: 12, codes: ['challenge'], role: 'coach', speaker: 'Angela', line: 1 });
  });
  it('reports every unusable line with its number and keeps the rest', () => {
    const text = [
      '\uFEFF{"file":"a.txt","turn":1,"codes":["summary"]}', // 1 ok (BOM)
      '', // 2 blank: skipped silently
      '{"file":"a.txt","turn":2,"codes":["summary"]', // 3 broken JSON
      '[1,2]', // 4 not an object
      '{"file":"a.txt","turn":"3","codes":[]}', // 5 turn is a string
      '{"file":"a.txt","turn":4}', // 6 no codes
      '{"turn":5,"codes":[]}', // 7 no file
      '{"file":"a.txt","turn":1,"codes":["challenge"]}', // 8 duplicate of line 1
      '{"file":"a.txt","turn":6,"codes":["challenge","challenge"]}\r', // 9 ok, CR, repeated code
    ].join('\r\n');
    const { coding, diagnostics } = readCodingJsonl(text, { source: 'gold.jsonl' });
    expect([...coding.keys()]).toEqual(['a.txt#1', 'a.txt#6']);
    expect(coding.get('a.txt#1')?.codes).toEqual(['summary']);
    expect(coding.get('a.txt#6')?.codes).toEqual(['challenge']);
    expect(diagnostics.map((d) => [d.line, d.code, d.severity])).toEqual([
      [3, 'coding-json-invalid', 'error'],
      [4, 'coding-record-invalid', 'error'],
      [5, 'coding-record-invalid', 'error'],
      [6, 'coding-record-invalid', 'error'],
      [7, 'coding-record-no-file', 'error'],
      [8, 'coding-duplicate-turn', 'warning'],
    ]);
    expect(diagnostics.every((d) => d.source === 'gold.jsonl')).toBe(true);
    expect(diagnostics[2]?.message).toMatch(/turn/);
    expect(diagnostics[5]?.message).toMatch(/a\.txt#1 appears twice \(first on line 1\)/);
  });
  it('uses the file option for records that name no file', () => {
    const { coding, diagnostics } = readCodingJsonl('{"turn":1,"codes":["summary"]}', { file: 'talks/x.txt' });
    expect(diagnostics).toEqual([]);
    expect([...coding.keys()]).toEqual(['x.txt#1']);
  });
});

describe('readCodingCsv', () => {
  it('reads a codes column (codes separated by ;)', () => {
    const csv = 'file,turn,speaker,role,codes\nsessions/a.txt,1,Jo,coach,challenge;dissonance\nsessions/a.txt,2,Sam,coachee,\nsessions/a.txt,3,Jo,coach, summary \n';
    const { coding, diagnostics } = readCodingCsv(csv);
    expect(diagnostics).toEqual([]);
    expect([...coding.values()]).toEqual([
      { file: 'a.txt', turn: 1, codes: ['challenge', 'dissonance'], role: 'coach', speaker: 'Jo', line: 2 },
      { file: 'a.txt', turn: 2, codes: [], role: 'coachee', speaker: 'Sam', line: 3 },
      { file: 'a.txt', turn: 3, codes: ['summary'], role: 'coach', speaker: 'Jo', line: 4 },
    ]);
  });
  it('reads one 0/1 column per code; a blank cell is "not coded"', () => {
    const csv = 'Turn,Speaker,Text,Challenge,Dissonance\n1,Jo,"Why, though?",1,0\n2,Sam,"I don\'t agree",1,1\n3,Jo,Okay,0,\n';
    const { coding, diagnostics } = readCodingCsv(csv, { file: 'x.txt' });
    expect(diagnostics).toEqual([]);
    expect([...coding.values()].map((u) => [u.turn, u.codes, u.scored])).toEqual([
      [1, ['challenge'], ['challenge', 'dissonance']],
      [2, ['challenge', 'dissonance'], ['challenge', 'dissonance']],
      [3, [], ['challenge']],
    ]);
  });
  it('ignores, with a warning, columns that are not 0/1', () => {
    const csv = 'file,turn,challenge,coder_comment\nx.txt,1,1,fine\nx.txt,2,0,\n';
    const { coding, diagnostics } = readCodingCsv(csv);
    expect(coding.get('x.txt#1')?.codes).toEqual(['challenge']);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['coding-csv-column-ignored', 2]]);
    expect(diagnostics[0]?.message).toMatch(/coder_comment/);
  });
  it('takes the code columns named in the options and reports missing ones', () => {
    const csv = 'file;turn;summary;challenge;extra\nx.txt;1;0;1;7\n';
    const { coding, diagnostics } = readCodingCsv(csv, { codes: ['challenge', 'continuity'] });
    expect(coding.get('x.txt#1')).toMatchObject({ codes: ['challenge'], scored: ['challenge'] });
    expect(diagnostics.map((d) => d.code)).toEqual(['coding-csv-no-code-column']);
    expect(diagnostics[0]?.message).toMatch(/continuity/);
  });
  it('reads a scored column beside a codes column, and tab-separated files', () => {
    const tsv = 'file\tturn\tcodes\tscored\nx.txt\t1\tsummary\tsummary|challenge\n';
    const { coding } = readCodingCsv(tsv);
    expect(coding.get('x.txt#1')).toMatchObject({ codes: ['summary'], scored: ['summary', 'challenge'] });
  });
  const failures: [string, string, string, number | undefined][] = [
    ['no turn column', 'file,codes\nx.txt,summary\n', 'coding-csv-no-turn', 1],
    ['no file column or option', 'turn,codes\n1,summary\n', 'coding-csv-no-file', 1],
    ['no codes at all', 'file,turn,speaker\nx.txt,1,Jo\n', 'coding-csv-no-codes', 1],
    ['empty text', '', 'coding-csv-empty', undefined],
    ['unclosed quote', 'file,turn,codes\nx.txt,1,"summary\n', 'coding-csv-unreadable', 2],
  ];
  it.each(failures)('%s', (_name, csv, code, line) => {
    const { coding, diagnostics } = readCodingCsv(csv);
    expect(coding.size).toBe(0);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([[code, 'error', line]]);
  });
  it('reports bad rows with the line they start on and keeps the others', () => {
    const csv = [
      'file,turn,text,codes', // 1
      'x.txt,1,"a long turn', // 2 (record spans lines 2–3)
      'over two lines",summary', // 3
      'x.txt,two,hm,', // 4 bad turn
      ',3,hm,', // 5 empty file, no option
      'x.txt,1,again,challenge', // 6 duplicate
      'x.txt,4.0,ok,summary', // 7 Excel-style number
    ].join('\n');
    const { coding, diagnostics } = readCodingCsv(csv, { source: 'human.csv' });
    expect([...coding.values()].map((u) => [u.turn, u.line, u.codes])).toEqual([
      [1, 2, ['summary']],
      [4, 7, ['summary']],
    ]);
    expect(diagnostics.map((d) => [d.code, d.line, d.source])).toEqual([
      ['coding-csv-bad-turn', 4, 'human.csv'],
      ['coding-csv-no-file', 5, 'human.csv'],
      ['coding-duplicate-turn', 6, 'human.csv'],
    ]);
  });
  it('warns about a non-0/1 value in a named code column and treats it as blank', () => {
    const { coding, diagnostics } = readCodingCsv('file,turn,challenge\nx.txt,1,maybe\n', { codes: ['challenge'] });
    expect(coding.get('x.txt#1')).toMatchObject({ codes: [], scored: [] });
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['coding-csv-bad-code-value', 2]]);
  });
});
