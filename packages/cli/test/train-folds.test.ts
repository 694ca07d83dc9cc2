import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { TALK, runCli, tempTree } from './support/fake-io.js';
import { BASE, CODES, REPO, TALK_CODES, expectTuneStems, goldRecords, readModelFile, talkGold, transcriptOf } from './support/train-fixtures.js';

const STEMS = ['challenging-coach-angela', 'mentoring-trainee', 'grow-previous-cycle'];
const goldFlags = (stems: readonly string[]) => stems.flatMap((s) => ['--gold', `fixtures/gold/${s}.jsonl`]);

/** The rows of the cross-validation table on stdout: code → [turns, given, base kappa, fitted kappa, change]. */
function tableRows(stdout: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const [code, ...cells] = line.trim().split(/\s+/);
    if (code && (CODES.includes(code) || code === 'macro')) rows.set(code, cells);
  }
  return rows;
}

/** Per-code kappa of `evaluate --format json`, to two decimals as the table shows it. */
async function kappas(argv: string[]): Promise<Map<string, string>> {
  const r = await runCli(['evaluate', ...argv, '--format', 'json', '-q'], { cwd: REPO });
  expect(r.code, r.stderr).toBe(0);
  const e = JSON.parse(r.stdout) as { perCode: { code: string; kappa: number | null }[]; macro: { kappa: { mean: number | null } } };
  const k = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  return new Map([...e.perCode.map((c) => [c.code, k(c.kappa)] as const), ['macro', k(e.macro.kappa.mean)]]);
}

const TWO_TALKS = { 'a.txt': TALK, 'b.txt': TALK, 'gold.jsonl': talkGold(TALK_CODES, 'a.txt') + talkGold(TALK_CODES, 'b.txt') };

describe('coachcode train --folds on fixtures (tune stems only)', () => {
  it('uses only tune stems', () => expectTuneStems(STEMS));

  it('prints per code the human-coded turns, the base kappa and the held-out fitted kappa, as evaluate measures them', async () => {
    const dir = tempTree({});
    const out = join(dir, 'model.json');
    const r = await runCli(['train', '--base', 'cfbt-cues', ...goldFlags(STEMS), ...STEMS.map(transcriptOf), '--folds', '3', '--out', out], { cwd: REPO });
    expect(r.code, r.stderr).toBe(0);
    const turns = STEMS.reduce((n, s) => n + goldRecords(s).length, 0);
    expect(r.stdout).toContain(`cross-validation by transcript: 3 folds of 3 transcripts (one transcript out at a time), ${turns} human-coded turns`);
    const rows = tableRows(r.stdout);
    expect([...rows.keys()]).toEqual([...CODES, 'macro']);
    for (const code of CODES) {
      const given = STEMS.reduce((n, s) => n + goldRecords(s).filter((g) => g.codes.includes(code)).length, 0);
      expect(rows.get(code)?.slice(0, 2), code).toEqual([String(turns), String(given)]);
    }

    // Base: the base model on every transcript.
    const base = await kappas(['--model', 'cfbt-cues', ...goldFlags(STEMS), ...STEMS.map(transcriptOf)]);
    // Fitted: each transcript coded by a model trained on the other two, all scored together.
    const coded: string[] = [];
    for (const held of STEMS) {
      const others = STEMS.filter((s) => s !== held);
      const fold = join(dir, `without-${held}.json`);
      expect((await runCli(['train', '--base', 'cfbt-cues', ...goldFlags(others), ...others.map(transcriptOf), '--out', fold, '-q'], { cwd: REPO })).code).toBe(0);
      const c = await runCli(['code', '--model', fold, transcriptOf(held), '--format', 'jsonl', '-q'], { cwd: REPO });
      coded.push(c.stdout);
    }
    writeFileSync(join(dir, 'held-out.jsonl'), coded.join(''));
    const fitted = await kappas([...goldFlags(STEMS), join(dir, 'held-out.jsonl')]);
    for (const code of [...CODES, 'macro']) {
      const [baseKappa, fittedKappa] = code === 'macro' ? (rows.get(code) ?? []) : (rows.get(code) ?? []).slice(2);
      expect([code, baseKappa, fittedKappa]).toEqual([code, base.get(code), fitted.get(code)]);
    }
    expect(fitted).not.toEqual(base);

    // Then the model is fitted to all of them and written, as without --folds.
    expect(readModelFile(out).trainedOn).toBe(`${turns} human-coded turns of 3 transcripts`);
    expect(r.stderr).toContain(`trained on ${turns} turns of 3 transcripts`);
  });
});

describe('coachcode train --folds on invented files', () => {
  it('prints the table on standard output, also with --quiet; without --folds nothing', async () => {
    const cwd = tempTree(TWO_TALKS);
    const quiet = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'a.txt', 'b.txt', '--folds', '2', '--out', 'm.json', '-q'], { cwd });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('cross-validation by transcript: 2 folds of 2 transcripts (one transcript out at a time), 12 human-coded turns');
    expect(tableRows(quiet.stdout).get('dissonance')?.slice(0, 2)).toEqual(['12', '4']);
    const plain = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'a.txt', 'b.txt', '--out', 'n.json', '-q'], { cwd });
    expect(plain.stdout).toBe('');
    // The model written is the same with or without --folds.
    expect(readFileSync(join(cwd, 'm.json'), 'utf8')).toBe(readFileSync(join(cwd, 'n.json'), 'utf8'));
  });

  it('counts a code only on the turns whose coding scores it, and fits the codes the final fit fits', async () => {
    // summary is scored on turns 1-3 only (where it is absent); the other codes on all six.
    const rows = TALK_CODES.map(([t, codes]) => [t, t <= 3 ? codes : codes.filter((c) => c !== 'summary'), t <= 3 ? CODES : CODES.filter((c) => c !== 'summary')] as const);
    const cwd = tempTree({ 'a.txt': TALK, 'b.txt': TALK, 'c.txt': TALK, 'gold.jsonl': ['a.txt', 'b.txt', 'c.txt'].map((f) => talkGold(rows, f)).join('') });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'a.txt', 'b.txt', 'c.txt', '--folds', '3', '--out', 'm.json', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const table = tableRows(r.stdout);
    expect(table.get('summary')?.slice(0, 2)).toEqual(['9', '0']);
    expect(table.get('challenge')?.slice(0, 2)).toEqual(['18', '3']);
    const some = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'a.txt', 'b.txt', 'c.txt', '--folds', '3', '--codes', 'challenge,dissonance', '--out', 'n.json', '-q'], { cwd });
    expect([...tableRows(some.stdout).keys()]).toEqual(['challenge', 'dissonance', 'macro']);
  });

  it.each([
    ['--folds 1', ['--folds', '1'], /--folds: expected a whole number from 2 to 10000, received "1"/],
    ['--folds abc', ['--folds', 'abc'], /--folds: expected a whole number from 2 to 10000, received "abc"/],
    ['--folds 2.5', ['--folds', '2.5'], /--folds: expected a whole number from 2 to 10000, received "2\.5"/],
    ['more folds than coded transcripts', ['--folds', '3'], /--folds 3: expected at most 2, the number of transcripts with human codes/],
    ['--clip 0', ['--clip', '0'], /--clip: expected a number above 0, received "0"/],
    ['--clip x', ['--clip', 'x'], /--clip: expected a number above 0, received "x"/],
  ])('usage error (exit 2, nothing written, nothing printed on stdout): %s', async (_name, flags, message) => {
    const cwd = tempTree({ ...TWO_TALKS, 'uncoded.txt': TALK });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'a.txt', 'b.txt', 'uncoded.txt', ...flags, '--out', 'm.json'], { cwd });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(join(cwd, 'm.json'))).toBe(false);
  });
});

describe('coachcode train --clip and --keep-prior', () => {
  const train = async (flags: string[]) => {
    const cwd = tempTree(TWO_TALKS);
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'a.txt', 'b.txt', ...flags, '--learning-rate', '0.2', '--out', 'm.json', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    return readModelFile(join(cwd, 'm.json'));
  };

  it('--clip X: every fitted code holds the features the base does not weigh as clipped weights with limit X', async () => {
    const model = await train(['--clip', '0.7']);
    for (const code of CODES) {
      expect(model.codes[code]?.clipped?.limit, code).toBe(0.7);
      for (const k of Object.keys(model.codes[code]?.clipped?.weights ?? {})) expect(BASE.codes[code]?.weights, k).not.toHaveProperty(k);
    }
    expect(CODES.some((c) => Object.keys(model.codes[c]?.clipped?.weights ?? {}).length > 0)).toBe(true);
    const free = await train([]);
    expect(CODES.map((c) => free.codes[c]?.clipped)).toEqual(CODES.map(() => undefined));
  });

  it("--keep-prior: the base's weights are unchanged, only features it does not weigh are fitted", async () => {
    // (A weight of 0 is written as no weight.)
    const model = await train(['--keep-prior']);
    for (const code of CODES) {
      for (const [k, w] of Object.entries(BASE.codes[code]?.weights ?? {})) expect([code, k, model.codes[code]?.weights[k] ?? 0]).toEqual([code, k, w]);
    }
    const added = (m: Model) => CODES.flatMap((c) => Object.keys(m.codes[c]?.weights ?? {}).filter((k) => !(k in (BASE.codes[c]?.weights ?? {}))));
    expect(added(model).length).toBeGreaterThan(0);
    // Without it the base's weights move.
    const free = await train([]);
    expect(CODES.some((c) => Object.entries(BASE.codes[c]?.weights ?? {}).some(([k, w]) => free.codes[c]?.weights[k] !== w))).toBe(true);
    // Both: the base's weights exactly, the new features clipped.
    const both = await train(['--keep-prior', '--clip', '0.5']);
    const nonZero = (weights: Record<string, number> = {}) => Object.fromEntries(Object.entries(weights).filter(([, w]) => w !== 0));
    expect(CODES.map((c) => both.codes[c]?.weights)).toEqual(CODES.map((c) => nonZero(BASE.codes[c]?.weights)));
    expect(CODES.map((c) => both.codes[c]?.clipped?.limit)).toEqual(CODES.map(() => 0.5));
  });
});
