import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCodingCsv, type CodedTurn } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { selectTurns, type Candidate } from '../src/suggest/select-turns.js';
import { runCli, tempTree } from './support/fake-io.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

/** A minimal CSV reader for the sheet (quoted fields with commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  return rows;
}

const turn = (n: number, text: string, scores: Record<string, number>): CodedTurn => ({ turn: n, speaker: n % 2 ? 'A' : 'B', role: 'unknown', text, codes: [], primary: null, scores, evidence: [] });

describe('selectTurns', () => {
  it('takes, code by code, the turns scored nearest the threshold; skips near-duplicates; spreads over transcripts', () => {
    const candidates: Candidate[] = [
      { source: 'a', turn: turn(1, 'why do you think that', { challenge: 0.5, summary: 0.1 }) },
      { source: 'a', turn: turn(2, 'Why do you think that?', { challenge: 0.49, summary: 0.1 }) },
      { source: 'a', turn: turn(3, 'so you are saying it went well', { challenge: 0.1, summary: 0.45 }) },
      { source: 'a', turn: turn(4, 'what happened next with the group', { challenge: 0.6, summary: 0.1 }) },
      { source: 'b', turn: turn(1, 'what went well', { challenge: 0.3, summary: 0.1 }) },
      { source: 'b', turn: turn(2, 'so the plan is the seating', { challenge: 0.05, summary: 0.2 }) },
    ];
    const picked = selectTurns(candidates, { n: 4, codes: ['challenge', 'summary'], thresholds: { challenge: 0.5, summary: 0.5 } });
    // challenge: a#1 (0.50); summary: a#3 (0.45); challenge: a#2 (0.49) is a near-duplicate of a#1, so a#4 (0.60);
    // summary: b#2 (0.20). Returned in input order.
    expect(picked.map((c) => `${c.source}#${c.turn.turn}`)).toEqual(['a#1', 'a#3', 'a#4', 'b#2']);
    expect(picked.some((c) => c.turn.turn === 2 && c.source === 'a')).toBe(false);
  });

  it('no transcript gives more than twice its share while others have candidates', () => {
    const candidates: Candidate[] = [];
    for (let i = 1; i <= 20; i++) candidates.push({ source: 'near', turn: turn(i, `turn number ${i} words ${i * 7}`, { challenge: 0.5 }) });
    for (let i = 1; i <= 20; i++) candidates.push({ source: `far-${i % 4}`, turn: turn(i, `another ${i} thing ${i * 3}`, { challenge: 0.1 }) });
    const picked = selectTurns(candidates, { n: 10, codes: ['challenge'], thresholds: { challenge: 0.5 } });
    expect(picked).toHaveLength(10);
    expect(picked.filter((c) => c.source === 'near')).toHaveLength(4); // quota ceil(2 × 10 / 5)
  });
});

describe('coachcode suggest', () => {
  it('writes a coding sheet: the documented columns, n turns spread over transcripts, none already hand-coded', async () => {
    const cwd = tempTree({});
    const r = await runCli(['suggest', `${REPO}fixtures/transcripts`, '--gold', `${REPO}fixtures/gold/challenging-coach-angela.jsonl`, '-n', '40', '--out', 'sheet.csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/40 turns from \d+ transcripts to hand-code \(of \d+ not yet hand-coded; 53 already are\) → sheet\.csv/);
    const [header, ...rows] = parseCsv(readFileSync(join(cwd, 'sheet.csv'), 'utf8'));
    expect(header).toEqual(['file', 'turn', 'speaker', 'role', 'previous', 'text', ...CODES, 'machine']);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((x) => `${x[0]}#${x[1]}`)).size).toBe(40);
    expect(rows.some((x) => x[0] === 'challenging-coach-angela.vtt')).toBe(false);
    const perFile = new Map<string, number>();
    for (const x of rows) perFile.set(x[0] as string, (perFile.get(x[0] as string) ?? 0) + 1);
    expect(Math.max(...perFile.values())).toBeLessThanOrEqual(Math.ceil((2 * 40) / 43));
    for (const x of rows) {
      expect(x.slice(6, 11)).toEqual(['', '', '', '', '']);
      expect((x[11] as string).split(';').filter(Boolean).every((c) => CODES.includes(c))).toBe(true);
    }
  });

  it('--bom starts the sheet with a UTF-8 byte-order mark, for Excel', async () => {
    const cwd = tempTree({});
    expect((await runCli(['suggest', `${REPO}fixtures/transcripts/challenging-coach-angela.vtt`, '-n', '3', '--out', 'sheet.csv', '--bom', '-q'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'sheet.csv'), 'utf8').startsWith('\uFEFFfile,turn,')).toBe(true);
  });

  it('filled in, the sheet is read back by train --gold and evaluate --gold: a blank row is not used, blanks beside a 1 are 0', async () => {
    const cwd = tempTree({});
    const transcripts = `${REPO}fixtures/transcripts`;
    expect((await runCli(['suggest', transcripts, '-n', '12', '--out', 'sheet.csv', '-q'], { cwd })).code).toBe(0);
    const text = readFileSync(join(cwd, 'sheet.csv'), 'utf8');
    const [header, ...rows] = parseCsv(text) as [string[], ...string[][]];
    // Fill all but the last row from the gold of fixtures/gold (1 for a code, blank for none).
    const goldOf = (file: string, turn: string): string[] => {
      const stem = file.replace(/\.[a-z]+$/, '');
      const records = readFileSync(`${REPO}fixtures/gold/${stem}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { turn: number; codes: string[] });
      const record = records.find((r) => r.turn === Number(turn));
      if (!record) throw new Error(`no gold for ${file} turn ${turn}`);
      return record.codes;
    };
    const filled = rows.map((x, i) => (i === rows.length - 1 ? x : x.map((cell, j) => (j >= 6 && j < 11 ? (goldOf(x[0] as string, x[1] as string).includes(CODES[j - 6] as string) ? '1' : j === 6 ? '0' : '') : cell))));
    const csv = [header, ...filled].map((x) => x.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
    writeFileSync(join(cwd, 'sheet.csv'), csv);
    const read = readCodingCsv(csv, { source: 'sheet.csv' });
    expect(read.coding.size).toBe(11);
    for (const unit of read.coding.values()) expect(unit.scored).toEqual(CODES);
    const train = await runCli(['train', transcripts, '--gold', 'sheet.csv', '--out', 'model.json'], { cwd });
    expect(train.code, train.stderr).toBe(0);
    expect(train.stderr).toMatch(/human codes for 11 turns of/);
    const evaluate = await runCli(['evaluate', '--gold', 'sheet.csv', transcripts, '--format', 'json', '-q'], { cwd });
    expect(evaluate.code, evaluate.stderr).toBe(0);
    expect((JSON.parse(evaluate.stdout) as { turnCounts: { gold: number; matched: number } }).turnCounts).toMatchObject({ gold: 11, matched: 11 });
  });

  it('--codes: picks for those codes only, and the sheet has only their columns', async () => {
    const cwd = tempTree({});
    const r = await runCli(['suggest', `${REPO}fixtures/transcripts`, '--codes', 'dissonance,acceptance', '-n', '10', '--out', 'sheet.csv', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const [header] = parseCsv(readFileSync(join(cwd, 'sheet.csv'), 'utf8'));
    expect(header).toEqual(['file', 'turn', 'speaker', 'role', 'previous', 'text', 'acceptance', 'dissonance', 'machine']);
    const bad = await runCli(['suggest', `${REPO}fixtures/transcripts`, '--codes', 'advice', '--out', 'x.csv'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--codes: "advice" is not one of summary, acceptance/);
  });

  it('refuses a sheet name that is not .csv or is an input', async () => {
    const cwd = tempTree({ 't.csv': 'speaker,text\nA,Why?\nB,Because.\n' });
    const r = await runCli(['suggest', 't.csv', '--out', 't.csv', '-n', '0'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write t\.csv/);
    expect(r.stderr).toMatch(/-n, --number: expected a whole number from 1/);
  });
});
