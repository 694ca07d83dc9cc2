import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/fake-io.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CODERS = `${REPO}fixtures/coders`;
const hasCoders = existsSync(CODERS);

describe.skipIf(!hasCoders)('coachcode evaluate on fixtures/coders', () => {
  const stems = ['challenging-coach-angela', 'supportive-coach-miriam'];
  it.each(stems)('%s: coder B against each of the three gold formats gives the same numbers', async (stem) => {
    const golds = [`fixtures/gold/${stem}.jsonl`, `fixtures/coders/${stem}.gold-columns.csv`, `fixtures/coders/${stem}.gold-codes.csv`];
    const outputs = [];
    for (const gold of golds) {
      const r = await runCli(['evaluate', '--gold', gold, `fixtures/coders/${stem}.coder-b.jsonl`, '--format', 'csv', '-q'], { cwd: REPO });
      expect(r.code, r.stderr).toBe(0);
      outputs.push(r.stdout);
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    expect(outputs[0]?.split('\n')[0]).toBe('scope,code,n,gold,coded,tp,fp,fn,tn,precision,recall,f1,kappa,percent_agreement');
  });

  it('--coders: kappa per pair equals the evaluate kappa, and alpha is reported per code', async () => {
    const stem = 'supportive-coach-miriam';
    const coders = await runCli(['evaluate', '--coders', `fixtures/gold/${stem}.jsonl`, `fixtures/coders/${stem}.coder-b.jsonl`, '--format', 'json', '-q'], { cwd: REPO });
    expect(coders.code, coders.stderr).toBe(0);
    const c = JSON.parse(coders.stdout) as { pairs: { perCode: { code: string; kappa: number | null }[] }[]; alpha: { code: string; alpha: number | null }[] };
    const machine = await runCli(['evaluate', '--gold', `fixtures/gold/${stem}.jsonl`, `fixtures/coders/${stem}.coder-b.jsonl`, '--format', 'json', '-q'], { cwd: REPO });
    const e = JSON.parse(machine.stdout) as { perCode: { code: string; kappa: number | null }[] };
    expect(c.pairs).toHaveLength(1);
    expect(c.pairs[0]?.perCode.map((x) => [x.code, x.kappa])).toEqual(e.perCode.map((x) => [x.code, x.kappa]));
    expect(c.alpha.map((a) => a.code)).toEqual(['summary', 'acceptance', 'challenge', 'continuity', 'dissonance']);
  });

  it('several --gold and no inputs compare the coders too', async () => {
    const stem = 'challenging-coach-angela';
    const r = await runCli(['evaluate', '--gold', `fixtures/gold/${stem}.jsonl`, '--gold', `fixtures/coders/${stem}.coder-b.jsonl`, '-q'], { cwd: REPO });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^agreement between 2 codings/);
    expect(r.stdout).toMatch(/Krippendorff's alpha/);
  });
});

describe('coachcode evaluate on invented files', () => {
  // Human codes in a transcript CSV; machine codes in coded JSONL written by hand.
  const transcript = ['speaker,text,challenge,acceptance', 'Coach,Why do you think they went quiet?,1,0', "Teacher,Yes that's fair.,0,1", 'Coach,Good.,0,0', ''].join('\n');
  const coded = [
    { source: 't.csv', turn: 1, speaker: 'Coach', role: 'coach', text: 'x', codes: ['challenge'] },
    { source: 't.csv', turn: 2, speaker: 'Teacher', role: 'coachee', text: 'x', codes: [] },
    { source: 't.csv', turn: 3, speaker: 'Coach', role: 'coach', text: 'x', codes: ['acceptance'] },
    { source: 't.csv', turn: 4, speaker: 'Coach', role: 'coach', text: 'x', codes: [] },
  ].map((r) => JSON.stringify(r)).join('\n');
  const cwd = tempTree({ 't.csv': transcript, 'coded.jsonl': coded + '\n' });

  it('counts hand-checked: tp/fp/fn/tn per code, an extra turn reported', async () => {
    const r = await runCli(['evaluate', '--gold', 't.csv', 'coded.jsonl', '--codes', 'challenge,acceptance', '--format', 'json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as { perCode: { code: string; tp: number; fp: number; fn: number; tn: number }[]; extra: { count: number; examples: string[] }; missing: { count: number } };
    expect(e.perCode.map((c) => [c.code, c.tp, c.fp, c.fn, c.tn])).toEqual([
      ['challenge', 1, 0, 0, 2],
      ['acceptance', 0, 1, 1, 1],
    ]);
    expect(e.extra).toEqual({ count: 1, examples: ['t.csv#4'] });
    expect(e.missing.count).toBe(0);
    expect(r.stderr).toMatch(/warning: .*t\.csv/);
  });

  it('names the model whose codes were compared: the coded input\'s own, or the one that coded a transcript', async () => {
    const readBack = await runCli(['evaluate', '--gold', 't.csv', 'coded.jsonl', '--format', 'json', '-q'], { cwd });
    expect((JSON.parse(readBack.stdout) as { model: string }).model).toBe('unknown');
    const named = tempTree({ 't.csv': transcript, 'coded.jsonl': coded.replaceAll('"codes"', '"model":"mine@4","codes"') + '\n' });
    const table = await runCli(['evaluate', '--gold', 't.csv', 'coded.jsonl', '-q'], { cwd: named });
    expect(table.stdout.split('\n')[0]).toBe('mine@4 against t.csv');
    const fresh = await runCli(['evaluate', 't.csv', '--model', 'cfbt-hand', '-q'], { cwd });
    expect(fresh.stdout.split('\n')[0]).toMatch(/^cfbt-hand@1 against /);
  });

  it('without --gold, the human codes the transcript carries are the gold', async () => {
    const r = await runCli(['evaluate', 't.csv', '--format', 'json', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as { turnCounts: { gold: number; matched: number } };
    expect(e.turnCounts).toEqual({ gold: 3, predicted: 3, matched: 3 });
  });

  it.each([
    ['no inputs and no coders', ['evaluate'], /nothing to evaluate/],
    ['one coder only', ['evaluate', '--coders', 't.csv'], /at least two codings/],
    ['no human codes anywhere', ['evaluate', 'coded.jsonl'], /no human codes to compare with/],
  ])('usage error: %s', async (_name, argv, message) => {
    const r = await runCli(argv, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
