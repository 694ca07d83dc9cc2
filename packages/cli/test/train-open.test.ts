import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/fake-io.js';
import { REPO, expectTuneStems, readModelFile, transcriptOf } from './support/train-fixtures.js';

const STEMS = ['challenging-coach-angela', 'mentoring-trainee', 'supportive-coach-miriam'];

/**
 * Invented transcripts: in each, the coachee answers "zorbly, I'll do that" (acceptance) or a plain
 * "ok" (no code). `marked` says which transcripts use the made-up word "quib" in their acceptances.
 */
function inventedCorpus(n: number, marked: (i: number) => boolean): Record<string, string> {
  const files: Record<string, string> = {};
  const gold: string[] = [];
  for (let i = 0; i < n; i++) {
    const file = `t${i}.txt`;
    const lines: string[] = [];
    for (let k = 0; k < 12; k++) {
      lines.push(`Ann: Could you try the seating plan with group ${k}?`);
      const accept = k % 2 === 0;
      lines.push(`Ben: ${accept ? `${marked(i) ? 'quib ' : ''}zorbly, I'll do that` : 'ok'}`);
      gold.push(JSON.stringify({ file, turn: 2 * k + 1, codes: [] }), JSON.stringify({ file, turn: 2 * k + 2, codes: accept ? ['acceptance'] : [] }));
    }
    files[file] = `${lines.join('\n')}\n`;
  }
  files['gold.jsonl'] = `${gold.join('\n')}\n`;
  return files;
}

describe('coachcode train with the open-vocabulary model', () => {
  it('uses only tune stems', () => expectTuneStems(STEMS));

  it('--base none fits from scratch: an open model with words, thresholds chosen in 0.1–0.9, that code accepts', async () => {
    const dir = tempTree({});
    const out = join(dir, 'model.json');
    const gold = STEMS.flatMap((s) => ['--gold', `fixtures/gold/${s}.jsonl`]);
    const r = await runCli(['train', ...gold, ...STEMS.map(transcriptOf), '--base', 'none', '--id', 'ours', '--out', out, '-q'], { cwd: REPO });
    expect(r.code, r.stderr).toBe(0);
    const model = readModelFile(out);
    expect(model.features).toBe('open');
    expect(model.id).toBe('ours');
    for (const code of ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance']) {
      const w = model.codes[code];
      expect(w, code).toBeDefined();
      expect(Object.keys(w?.weights ?? {}).some((k) => k.startsWith('w:') || k.startsWith('w2:')), code).toBe(true);
      expect(w?.threshold).toBeGreaterThanOrEqual(0.1);
      expect(w?.threshold).toBeLessThanOrEqual(0.9);
    }
    const coded = await runCli(['code', transcriptOf(STEMS[0] as string), '--model', out, '--format', 'jsonl'], { cwd: REPO });
    expect(coded.code, coded.stderr).toBe(0);
    const records = coded.stdout.trim().split('\n').map((l) => JSON.parse(l) as { model: string; evidence: { weight?: number }[] });
    expect(records[0]?.model).toBe('ours@1');
    expect(records.some((x) => x.evidence.some((e) => typeof e.weight === 'number'))).toBe(true);
  });

  it('refuses the cue-model flags with an open base, naming them and the way out', async () => {
    const dir = tempTree(inventedCorpus(3, () => false));
    const r = await runCli(['train', 't0.txt', 't1.txt', 't2.txt', '--gold', 'gold.jsonl', '--keep-bias', '--clip', '1', '--out', 'model.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--keep-bias, --clip apply to the cue models' fit only, and cfbt-default is an open-vocabulary model; give --base cfbt-cues/);
    const ok = await runCli(['train', 't0.txt', 't1.txt', 't2.txt', '--gold', 'gold.jsonl', '--base', 'cfbt-cues', '--keep-bias', '--out', 'model.json', '-q'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('learns a word used in 3 transcripts, and never keeps one used in only 2', async () => {
    const inThree = tempTree(inventedCorpus(6, (i) => i < 3));
    const inTwo = tempTree(inventedCorpus(6, (i) => i < 2));
    for (const [dir, expected] of [
      [inThree, true],
      [inTwo, false],
    ] as const) {
      const files = Array.from({ length: 6 }, (_, i) => `t${i}.txt`);
      const r = await runCli(['train', ...files, '--gold', 'gold.jsonl', '--base', 'none', '--out', 'model.json', '-q'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const names = Object.values(readModelFile(join(dir, 'model.json')).codes).flatMap((c) => Object.keys(c.weights));
      expect(names.includes('w:quib'), dir).toBe(expected);
      expect(names.includes('w:zorbly')).toBe(true);
    }
  });

  it('from the default (transfer) keeps to the codebook where the coding says nothing, and --folds reports both', async () => {
    const dir = tempTree(inventedCorpus(6, () => false));
    const files = Array.from({ length: 6 }, (_, i) => `t${i}.txt`);
    const r = await runCli(['train', ...files, '--gold', 'gold.jsonl', '--codes', 'acceptance', '--folds', '3', '--out', 'model.json'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/acceptance/);
    const model = readModelFile(join(dir, 'model.json'));
    expect(model.id).toBe('cfbt-default-fitted');
    expect(model.features).toBe('open');
    const { defaultModel } = await import('@coachcode/core');
    // Codes not fitted are the default's, unchanged.
    expect(model.codes.challenge).toEqual(defaultModel.codes.challenge);
    expect(model.codes.acceptance).not.toEqual(defaultModel.codes.acceptance);
  });
});
