import { existsSync, readFileSync } from 'node:fs';
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
      const r = await runCli(['evaluate', '--coders', gold, `fixtures/coders/${stem}.coder-b.jsonl`, '--format', 'json', '-q'], { cwd: REPO });
      expect(r.code, r.stderr).toBe(0);
      outputs.push(JSON.stringify((JSON.parse(r.stdout) as { pairs: { perCode: unknown }[] }).pairs.map((p) => p.perCode)));
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('a human coding given as the machine\'s is refused, pointing to --coders', async () => {
    const stem = 'challenging-coach-angela';
    const r = await runCli(['evaluate', '--gold', `fixtures/gold/${stem}.jsonl`, `fixtures/coders/${stem}.coder-b.jsonl`, '-q'], { cwd: REPO });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/coder-b\.jsonl: .*carries human codes and no machine codes.*--coders A B/);
    expect(r.stdout).toBe('');
  });

  it('--coders: kappa per pair equals the evaluate kappa, and alpha is reported per code', async () => {
    const stem = 'supportive-coach-miriam';
    const coders = await runCli(['evaluate', '--coders', `fixtures/gold/${stem}.jsonl`, `fixtures/coders/${stem}.coder-b.jsonl`, '--format', 'json', '-q'], { cwd: REPO });
    expect(coders.code, coders.stderr).toBe(0);
    const c = JSON.parse(coders.stdout) as { pairs: { perCode: { code: string; kappa: number | null }[] }[]; alpha: { code: string; alpha: number | null }[] };
    // Coder B's records naming a model are read as that model's coding.
    const asMachine = readFileSync(`${CODERS}/${stem}.coder-b.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.stringify({ ...JSON.parse(l), model: 'coder-b@1' })).join('\n');
    const cwd = tempTree({ 'b.jsonl': asMachine });
    const machine = await runCli(['evaluate', '--gold', `${REPO}fixtures/gold/${stem}.jsonl`, 'b.jsonl', '--format', 'json', '-q'], { cwd });
    expect(machine.code, machine.stderr).toBe(0);
    const e = JSON.parse(machine.stdout) as { model: string; perCode: { code: string; kappa: number | null }[] };
    expect(e.model).toBe('coder-b@1');
    expect(c.pairs).toHaveLength(1);
    expect(c.pairs[0]?.perCode.map((x) => [x.code, x.kappa])).toEqual(e.perCode.map((x) => [x.code, x.kappa]));
    expect(c.alpha.map((a) => a.code)).toEqual(['summary', 'acceptance', 'challenge', 'continuity', 'dissonance']);
  });

  it('a gold JSONL with the turns\' text as input is coded with the model, never scored as machine codes', async () => {
    const r = await runCli(['evaluate', 'fixtures/gold/challenging-coach-angela.jsonl', 'fixtures/gold/discontented-ect.jsonl', '--format', 'json'], { cwd: REPO });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/challenging-coach-angela\.txt carries human codes and no machine codes .*coded with cfbt-default@\d+/);
    const e = JSON.parse(r.stdout) as { model: string; turnCounts: { matched: number }; perCode: { kappa: number | null }[] };
    expect(e.model).toMatch(/^cfbt-default@/);
    expect(e.turnCounts.matched).toBe(110);
    expect(e.perCode.some((c) => c.kappa !== null && c.kappa < 1)).toBe(true);
    // With itself as --gold, the same: the model against the gold, not the gold against itself
    // (the cue model: the default was fitted to this tuning conversation and reproduces it).
    const self = await runCli(['evaluate', '--model', 'cfbt-cues', '--gold', 'fixtures/gold/challenging-coach-angela.jsonl', 'fixtures/gold/challenging-coach-angela.jsonl', '--format', 'json', '-q'], { cwd: REPO });
    expect((JSON.parse(self.stdout) as { perCode: { kappa: number | null }[] }).perCode.every((c) => c.kappa === 1)).toBe(false);
  });

  it('profile and report of a gold JSONL say that the counts are human codes', async () => {
    const p = await runCli(['profile', 'fixtures/gold/challenging-coach-angela.jsonl', '--format', 'table', '-q'], { cwd: REPO });
    expect(p.stdout.split('\n')[0]).toMatch(/challenging-coach-angela\.txt · counts of human codes/);
    const cwd = tempTree({});
    const r = await runCli(['report', `${REPO}fixtures/gold/challenging-coach-angela.jsonl`, '--out', 'r.html', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(`${cwd}/r.html`, 'utf8');
    expect(html).toMatch(/<h1>[^<]*counts of human codes/);
    // A machine-coded input says nothing of the kind.
    const m = await runCli(['profile', 'fixtures/transcripts/challenging-coach-angela.vtt', '--format', 'table', '-q'], { cwd: REPO });
    expect(m.stdout).not.toMatch(/human codes/);
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
  // Human codes in a transcript CSV; machine codes in coded JSONL written by hand (its records name a model).
  const transcript = ['speaker,text,challenge,acceptance', 'Coach,Why do you think they went quiet?,1,0', "Teacher,Yes that's fair.,0,1", 'Coach,Good.,0,0', ''].join('\n');
  const coded = [
    { source: 't.csv', turn: 1, speaker: 'Coach', role: 'coach', text: 'x', model: 'hand@1', codes: ['challenge'] },
    { source: 't.csv', turn: 2, speaker: 'Teacher', role: 'coachee', text: 'x', model: 'hand@1', codes: [] },
    { source: 't.csv', turn: 3, speaker: 'Coach', role: 'coach', text: 'x', model: 'hand@1', codes: ['acceptance'] },
    { source: 't.csv', turn: 4, speaker: 'Coach', role: 'coach', text: 'x', model: 'hand@1', codes: [] },
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
    expect((JSON.parse(readBack.stdout) as { model: string }).model).toBe('hand@1');
    const named = tempTree({ 't.csv': transcript, 'coded.jsonl': coded.replaceAll('hand@1', 'mine@4') + '\n' });
    const table = await runCli(['evaluate', '--gold', 't.csv', 'coded.jsonl', '-q'], { cwd: named });
    expect(table.stdout.split('\n')[0]).toBe('mine@4 against t.csv');
    const fresh = await runCli(['evaluate', 't.csv', '--model', 'cfbt-hand', '-q'], { cwd });
    expect(fresh.stdout.split('\n')[0]).toMatch(/^cfbt-hand@1 against /);
  });

  it('csv --bom starts with a UTF-8 byte-order mark; --bom with a table is a usage error', async () => {
    const r = await runCli(['evaluate', '--gold', 't.csv', 'coded.jsonl', '--format', 'csv', '--bom', '-q'], { cwd });
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(r.stdout.slice(1).split('\n')[0]).toBe((await runCli(['evaluate', '--gold', 't.csv', 'coded.jsonl', '--format', 'csv', '-q'], { cwd })).stdout.split('\n')[0]);
    const bad = await runCli(['evaluate', '--gold', 't.csv', 'coded.jsonl', '--format', 'table', '--bom'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--bom applies to --format csv; received --format table/);
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
