import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { FIT_DEFAULTS, OPEN_FIT_DEFAULTS, OPEN_L2_GRID, OPEN_THRESHOLD_FOLDS, cfbtDecisionExamples, createClassifier, exampleConversation, handModel, type Coding, type CodedUnit, type Model, type Turn } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { conversationsFor, groupCodesByScoredTurns, labelTurns } from '../src/agreement/label-turns.js';
import { TALK, runCli, tempTree } from './support/fake-io.js';
import { BASE, CODES, REPO, TALK_CODES, expectTuneStems, goldRecords, readModelFile, talkGold, transcriptOf } from './support/train-fixtures.js';

const STEMS = ['challenging-coach-angela', 'mentoring-trainee'];
const goldLines = (stem: string) => goldRecords(stem).length;

/** Codes whose bias, weights or threshold differ from the base model's (in any key order). */
function changedCodes(model: Model): string[] {
  return CODES.filter((c) => !isDeepStrictEqual(model.codes[c], BASE.codes[c]));
}

/** How far a model's weights and biases are from the base's (sum of absolute differences). */
function distanceFromBase(model: Model): number {
  let d = 0;
  for (const c of CODES) {
    const [a, b] = [model.codes[c], BASE.codes[c]];
    if (!a || !b) continue;
    d += Math.abs(a.bias - b.bias);
    for (const k of new Set([...Object.keys(a.weights), ...Object.keys(b.weights)])) d += Math.abs((a.weights[k] ?? 0) - (b.weights[k] ?? 0));
  }
  return d;
}

const TALK_GOLD = talkGold(TALK_CODES);

describe('coachcode train on fixtures (tune stems only)', () => {
  it('uses only tune stems', () => expectTuneStems(STEMS));

  it('writes a valid, pretty-printed model whose weights differ from the base, with provenance and a summary', async () => {
    const out = join(tempTree({}), 'model.json');
    const gold = STEMS.flatMap((s) => ['--gold', `fixtures/gold/${s}.jsonl`]);
    const r = await runCli(['train', '--base', 'cfbt-cues', ...gold, ...STEMS.map(transcriptOf), '--out', out], { cwd: REPO });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^\{\n {2}"format": "coachcode-model",\n/);
    const model = readModelFile(out);
    expect(model.id).toBe(`${BASE.id}-fitted`);
    expect(model.codebook).toBe(BASE.codebook);
    expect(changedCodes(model)).toEqual(CODES);
    // Every gold line pairs with a turn of its transcript (gold names .txt, transcripts are .vtt/.txt).
    const turns = STEMS.reduce((n, s) => n + goldLines(s), 0);
    expect(model.trainedOn).toBe(`${turns} human-coded turns of 2 transcripts`);
    expect(r.stderr).toContain(`human codes for ${turns} turns of 2 transcripts; 0 turns of the inputs without human codes`);
    expect(r.stderr).toContain(`trained on ${turns} turns of 2 transcripts, fitted ${CODES.join(', ')} → ${out}`);
  });

  it('the model it writes is accepted by --model of code and evaluate, and named in the records', async () => {
    const dir = tempTree({ 'talk.txt': TALK });
    const out = join(dir, 'model.json');
    const stem = STEMS[0] as string;
    const train = await runCli(['train', '--base', 'cfbt-cues', '--gold', `fixtures/gold/${stem}.jsonl`, transcriptOf(stem), '--out', out, '--id', 'our-school', '-q'], { cwd: REPO });
    expect(train.code, train.stderr).toBe(0);
    expect(train.stderr).toBe('');
    const model = readModelFile(out);
    const code = await runCli(['code', 'talk.txt', '--model', out, '--format', 'jsonl', '-q'], { cwd: dir });
    expect(code.code, code.stderr).toBe(0);
    const records = code.stdout.trim().split('\n').map((l) => JSON.parse(l) as { model: string });
    expect(records).toHaveLength(6);
    expect(new Set(records.map((x) => x.model))).toEqual(new Set([`our-school@${model.version}`]));
    const evaluate = await runCli(['evaluate', '--model', out, '--gold', `fixtures/gold/${stem}.jsonl`, transcriptOf(stem), '--format', 'json', '-q'], { cwd: REPO });
    expect(evaluate.code, evaluate.stderr).toBe(0);
    expect((JSON.parse(evaluate.stdout) as { model: string }).model).toBe(`our-school@${model.version}`);
  });
  it('--compact writes the same model in the compact format, which --model and --base read', async () => {
    const dir = tempTree({ 'talk.txt': TALK });
    const stem = STEMS[0] as string;
    const args = ['train', '--gold', `fixtures/gold/${stem}.jsonl`, transcriptOf(stem), '--id', 'our-school', '-q'];
    const [json, compact] = [join(dir, 'model.json'), join(dir, 'compact.json')];
    for (const [out, extra] of [[json, []], [compact, ['--compact']]] as const) {
      const r = await runCli([...args, ...extra, '--out', out], { cwd: REPO });
      expect(r.code, r.stderr).toBe(0);
    }
    const text = readFileSync(compact, 'utf8');
    expect(text).toMatch(/^\{"format":"coachcode-model-compact",.*\}\n$/);
    expect(text.length * 3).toBeLessThan(readFileSync(json, 'utf8').length);
    expect(readModelFile(compact)).toEqual(readModelFile(json));
    const coded = await Promise.all([json, compact].map((m) => runCli(['code', 'talk.txt', '--model', m, '--format', 'jsonl', '-q'], { cwd: dir })));
    expect(coded[0]?.code).toBe(0);
    expect(coded[1]?.stdout).toBe(coded[0]?.stdout);
    const again = await runCli([...args, '--base', compact, '--out', join(dir, 'again.json')], { cwd: REPO });
    expect(again.code, again.stderr).toBe(0);
  });
});

describe('coachcode train on invented files', () => {
  it('uses only the turns that have a human code, and says how many paired', async () => {
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': talkGold([[1, []], [3, ['challenge']], [5, ['summary']], [9, ['summary']]]) });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--out', 'model.json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('human codes for 3 turns of 1 transcript; 3 turns of the inputs without human codes and 1 human-coded turn without a transcript turn are not used');
    expect(r.stderr).toMatch(/1 human-coded turn of "talk\.txt" is not a turn of the transcript as read \(turn 9\)/);
    expect(readModelFile(join(cwd, 'model.json')).trainedOn).toBe('3 human-coded turns of 1 transcript');
  });

  it('without --gold, the human codes the inputs carry (CSV code columns)', async () => {
    const csv = ['speaker,text,codes', 'Coach,Why do you think they went quiet?,challenge', "Teacher,Yes that's fair.,acceptance", 'Coach,So the task was too hard?,summary', 'Teacher,I am not sure about that.,dissonance', ''].join('\n');
    const cwd = tempTree({ 't.csv': csv });
    const r = await runCli(['train', '--base', 'cfbt-cues', 't.csv', '--out', 'out/model.json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const model = readModelFile(join(cwd, 'out/model.json'));
    expect(model.trainedOn).toBe('4 human-coded turns of 1 transcript');
    expect(changedCodes(model)).toEqual(CODES);
  });

  it('--codes fits only those codes; the others keep the base weights', async () => {
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': TALK_GOLD });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--codes', 'dissonance,challenge', '--out', 'model.json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(changedCodes(readModelFile(join(cwd, 'model.json')))).toEqual(['challenge', 'dissonance']);
    expect(r.stderr).toContain('fitted challenge, dissonance → model.json');
  });

  it('a code the human coding does not score ("scored") keeps the base weights', async () => {
    const gold = talkGold([1, 2, 3, 4, 5, 6].map((t) => [t, t === 3 ? ['challenge'] : [], ['challenge']] as const));
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': gold });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--out', 'model.json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(changedCodes(readModelFile(join(cwd, 'model.json')))).toEqual(['challenge']);
    expect(r.stderr).toMatch(/no human-coded turn is coded for "summary"/);
  });

  it('codes scored on different turns are each fitted on their own turns', async () => {
    // challenge coded on turns 1-6, summary on turns 1-3 only (and absent there).
    const mixed = talkGold([1, 2, 3, 4, 5, 6].map((t) => [t, t === 3 ? ['challenge'] : [], t <= 3 ? ['summary', 'challenge'] : ['challenge']] as const));
    const firstThree = talkGold([1, 2, 3].map((t) => [t, []] as const));
    const challengeOnly = talkGold([1, 2, 3, 4, 5, 6].map((t) => [t, t === 3 ? ['challenge'] : [], ['challenge']] as const));
    const cwd = tempTree({ 'talk.txt': TALK, 'mixed.jsonl': mixed, 'three.jsonl': firstThree, 'challenge.jsonl': challengeOnly });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'mixed.jsonl', 'talk.txt', '--out', 'mixed.json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const model = readModelFile(join(cwd, 'mixed.json'));
    expect(changedCodes(model)).toEqual(['summary', 'challenge']);
    expect(r.stderr).toMatch(/never gives "summary" on the 3 turns coded for it/);
    // summary was fitted on turns 1-3 alone: as if only they had been coded.
    expect((await runCli(['train', '--base', 'cfbt-cues', '--gold', 'three.jsonl', 'talk.txt', '--codes', 'summary', '--out', 'three.json', '-q'], { cwd })).code).toBe(0);
    expect(model.codes.summary).toEqual(readModelFile(join(cwd, 'three.json')).codes.summary);
    // and challenge on all six, as if only challenge had been coded.
    expect((await runCli(['train', '--base', 'cfbt-cues', '--gold', 'challenge.jsonl', 'talk.txt', '--out', 'challenge.json', '-q'], { cwd })).code).toBe(0);
    expect(model.codes.challenge).toEqual(readModelFile(join(cwd, 'challenge.json')).codes.challenge);
  });

  it('--keep-bias keeps every bias; --id names the model', async () => {
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': TALK_GOLD });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--keep-bias', '--id', 'x', '--out', 'keep.json', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const keep = readModelFile(join(cwd, 'keep.json'));
    expect(keep.id).toBe('x');
    expect(CODES.map((c) => keep.codes[c]?.bias)).toEqual(CODES.map((c) => BASE.codes[c]?.bias));
    expect(changedCodes(keep)).toEqual(CODES);
    await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--out', 'free.json', '-q'], { cwd });
    expect(CODES.map((c) => readModelFile(join(cwd, 'free.json')).codes[c]?.bias)).not.toEqual(CODES.map((c) => BASE.codes[c]?.bias));
  });

  it('--prior and --epochs reach the fit: a stronger prior or fewer epochs stay closer to the base', async () => {
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': TALK_GOLD });
    const fit = async (name: string, flags: string[]) => {
      const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', ...flags, '--out', name, '-q'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      return distanceFromBase(readModelFile(join(cwd, name)));
    };
    const loose = await fit('loose.json', ['--prior', '0']);
    const strong = await fit('strong.json', ['--prior', '1']);
    const brief = await fit('brief.json', ['--prior', '0', '--epochs', '2']);
    expect(strong).toBeLessThan(loose);
    expect(brief).toBeLessThan(loose);
    expect(brief).toBeGreaterThan(0);
    // --prior-new holds back only the features the base does not weigh.
    const newWeights = (name: string) => {
      const m = readModelFile(join(cwd, name));
      return CODES.reduce((sum, c) => sum + Object.entries(m.codes[c]?.weights ?? {}).filter(([k]) => !(k in (BASE.codes[c]?.weights ?? {}))).reduce((t, [, w]) => t + Math.abs(w), 0), 0);
    };
    await fit('new-held.json', ['--prior', '0', '--prior-new', '1']);
    expect(newWeights('new-held.json')).toBeLessThan(newWeights('loose.json'));
  });

  it('--base cfbt-hand starts from the built-in hand weights', async () => {
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': TALK_GOLD });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--base', 'cfbt-hand', '--codes', 'challenge', '--out', 'from-hand.json', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const model = readModelFile(join(cwd, 'from-hand.json'));
    expect(model.id).toBe('cfbt-hand-fitted');
    expect(model.codes.summary).toEqual(handModel.codes.summary);
    expect(model.codes.challenge).not.toEqual(handModel.codes.challenge);
  });

  it('--base: starts from that model, and a model written by train can be the base of the next', async () => {
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': TALK_GOLD });
    expect((await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--out', 'first.json', '--codes', 'challenge', '-q'], { cwd })).code).toBe(0);
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--base', 'first.json', '--codes', 'summary', '--out', 'second.json', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const first = readModelFile(join(cwd, 'first.json'));
    const second = readModelFile(join(cwd, 'second.json'));
    expect(second.id).toBe(`${first.id}-fitted`);
    expect(second.codes.challenge).toEqual(first.codes.challenge);
    expect(second.codes.summary).not.toEqual(first.codes.summary);
  });

  it("--examples N holds the fit to the codebook's decision rules, even against a coding that breaks them", async () => {
    // A coding that, against dissonance rule 5, never codes a bare "No." to a claim as dissonance.
    const claims = ['The starter ran far too long today.', 'Your plenary was rushed again.', 'They were off task for most of it.', 'You talked for most of the lesson.', 'The seating plan is not working.', 'Half of them did not finish the task.', 'The questions were all closed ones.', 'You answered your own questions.'];
    const talk = claims.flatMap((c) => [`Coach: ${c}`, 'Teacher: No.']).join('\n') + '\n';
    const gold = claims.flatMap((_, i) => [2 * i + 1, 2 * i + 2]).map((turn) => JSON.stringify({ file: 'talk.txt', turn, codes: [], scored: ['dissonance'] })).join('\n') + '\n';
    const cwd = tempTree({ 'talk.txt': talk, 'gold.jsonl': gold });
    const fit = async (name: string, flags: string[]) => {
      const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--base', 'cfbt-hand', '--prior', '0', ...flags, '--out', name, '-q'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      return readModelFile(join(cwd, name));
    };
    const rule = cfbtDecisionExamples.find((e) => e.turns.at(-1) === 'No.' && e.codes.includes('dissonance'));
    if (!rule) throw new Error('the codebook has no bare "No." dissonance example');
    const codesOf = (model: Model) => createClassifier({ model }).classify(exampleConversation(rule)).at(-1)?.codes;
    expect(codesOf(handModel)).toContain('dissonance');
    expect(codesOf(await fit('plain.json', []))).not.toContain('dissonance');
    const held = await fit('held.json', ['--examples', '10']);
    expect(codesOf(held)).toContain('dissonance');
    expect(held.trainedOn).toBe(`16 human-coded turns of 1 transcript, and the codebook's ${cfbtDecisionExamples.length} decision-rule examples counted 10 times each`);
    const bad = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--examples', 'many', '--out', 'x.json'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--examples/);
  });

  it('a gold file with a bad line: that line is reported with file and line, the rest is used (exit 1)', async () => {
    const lines = TALK_GOLD.trim().split('\n');
    lines.splice(2, 0, '{"file": "talk.txt", "turn": oops');
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': lines.join('\n') + '\n' });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--out', 'model.json'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gold\.jsonl:3: .*not valid JSON/m);
    expect(readModelFile(join(cwd, 'model.json')).trainedOn).toBe('6 human-coded turns of 1 transcript');
  });

  it('an input that cannot be read is reported; the others are still used (exit 1)', async () => {
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': TALK_GOLD });
    const r = await runCli(['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', 'missing.vtt', '--out', 'model.json', '-q'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^missing\.vtt: .*no such file/m);
    expect(readModelFile(join(cwd, 'model.json')).trainedOn).toBe('6 human-coded turns of 1 transcript');
  });

  it('refuses to overwrite an input (transcript, gold or base), and writes nothing', async () => {
    const transcript = readFileSync(join(REPO, 'fixtures/transcripts/department-lead-coaching.json'), 'utf8');
    const cwd = tempTree({ 'talk.json': transcript, 'sessions/talk.txt': TALK, 'gold.jsonl': TALK_GOLD, 'base.json': JSON.stringify(BASE) });
    const cases = [
      ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.json', '--out', 'talk.json'],
      ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'sessions', '--out', './sessions/../talk.json', 'talk.json'],
      ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'sessions', '--base', 'base.json', '--out', 'base.json'],
    ];
    for (const argv of cases) {
      const r = await runCli(argv, { cwd });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/coachcode: refusing to write .*talk\.json|coachcode: refusing to write base\.json/);
    }
    expect(readFileSync(join(cwd, 'talk.json'), 'utf8')).toBe(transcript);
    expect(readFileSync(join(cwd, 'base.json'), 'utf8')).toBe(JSON.stringify(BASE));
  });

  it.each([
    ['a missing --out', ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt'], /required option '-o, --out <file>' not specified/],
    ['no paths', ['train', '--base', 'cfbt-cues', '--out', 'm.json'], /missing required argument 'paths'/],
    ['no human codes anywhere', ['train', '--base', 'cfbt-cues', 'talk.txt', '--out', 'm.json'], /no human codes to train on/],
    ['human codes for other transcripts', ['train', '--base', 'cfbt-cues', '--gold', 'other.jsonl', 'talk.txt', '--out', 'm.json'], /none of the 1 human-coded turns of other\.jsonl pairs with a turn of the inputs/],
    ['an --out that is not .json', ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--out', 'model.txt'], /--out model\.txt: .*expected a file ending in \.json/],
    ['an --out that is a folder', ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--out', 'dir.json'], /--out dir\.json: expected a file name, found a folder/],
    ['an unreadable --base', ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--base', 'nope.json', '--out', 'm.json'], /--base nope\.json: cannot read the model/],
    ['an invalid --base', ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--base', 'bad-model.json', '--out', 'm.json'], /bad-model\.json: .*format/],
    ['--model (train has --base)', ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--model', 'x.json', '--out', 'm.json'], /unknown option '--model'/],
    ['an unknown code', ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--codes', 'challange', '--out', 'm.json'], /--codes: "challange" is not one of summary, acceptance/],
    ['bad numbers, all reported', ['train', '--base', 'cfbt-cues', '--gold', 'gold.jsonl', 'talk.txt', '--prior', '-1', '--prior-new', 'x', '--epochs', '0', '--learning-rate', '0', '--out', 'm.json'], /--epochs: .*"0"\n.*--learning-rate: .*"0"\n.*--prior: .*"-1"\n.*--prior-new: .*"x"/],
  ])('usage error (exit 2, nothing written): %s', async (_name, argv, message) => {
    const cwd = tempTree({ 'talk.txt': TALK, 'gold.jsonl': TALK_GOLD, 'other.jsonl': '{"file": "other.txt", "turn": 1, "codes": []}\n', 'bad-model.json': '{"format": "x"}', 'dir.json/keep': '' });
    const r = await runCli(argv, { cwd });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(cwd, 'm.json'))).toBe(false);
  });
});

describe('pairing human codes with turns (label-turns)', () => {
  const turns = (n: number): Turn[] => Array.from({ length: n }, (_, i) => ({ turn: i + 1, speaker: i % 2 ? 'B' : 'A', role: 'unknown', text: `turn ${i + 1}`, humanCodes: ['carried'] }));
  const coding = (units: CodedUnit[]): Coding => new Map(units.map((u) => [`${u.file}#${u.turn}`, u]));
  const unit = (file: string, turn: number, codes: string[], scored?: string[]): CodedUnit => ({ file, turn, codes, ...(scored ? { scored } : {}) });

  it('pairs by base name, else by name without extension, then turn number; the first input of a name wins', () => {
    const inputs = [
      { source: 'a/talk.vtt', turns: turns(3) },
      { source: 'b/talk.vtt', turns: turns(3) },
      { source: 'other.csv', turns: turns(2) },
    ];
    const gold = coding([unit('talk.txt', 1, ['challenge']), unit('talk.txt', 3, []), unit('talk.txt', 7, []), unit('gone.txt', 1, [])]);
    const l = labelTurns(inputs, gold, CODES);
    expect(l.transcripts.map((t) => t.gold.map((g) => (g ? g.codes.join('+') || '-' : null)))).toEqual([
      ['challenge', null, '-'],
      [null, null, null],
      [null, null],
    ]);
    expect([l.matched, l.uncoded, l.unpaired]).toEqual([2, 6, 2]);
    // The turns handed to fit carry no machine codes and none of the codes the source carried.
    expect(l.transcripts[0]?.turns[0]).toEqual({ turn: 1, speaker: 'A', role: 'unknown', text: 'turn 1' });
    expect(l.warnings.map((w) => w.code).sort()).toEqual(['file-matched-by-stem', 'train-duplicate-name', 'train-gold-file-unpaired', 'train-gold-turns-unpaired', 'train-input-uncoded']);
  });

  it.each([
    ['no scored: one group', [undefined, undefined, undefined], [['summary', 'challenge']], []],
    ['same scored everywhere', [['challenge'], ['challenge'], ['challenge']], [['challenge']], ['summary']],
    ['scored on different turns', [['summary', 'challenge'], ['challenge'], undefined], [['summary'], ['challenge']], []],
  ] as const)('groups codes by the turns coded for them: %s', (_name, scored, groups, unscored) => {
    const gold = coding(scored.map((s, i) => unit('t.txt', i + 1, i === 0 ? ['summary'] : [], s ? [...s] : undefined)));
    const l = labelTurns([{ source: 't.txt', turns: turns(4) }], gold, CODES);
    const result = groupCodesByScoredTurns(l, ['summary', 'challenge']);
    expect(result.groups).toEqual(groups);
    expect(result.unscored).toEqual(unscored);
  });

  it('each group is fitted on exactly the turns coded for it, in whole conversations', () => {
    const gold = coding([unit('t.txt', 1, ['summary'], ['summary', 'challenge']), unit('t.txt', 2, [], ['challenge']), unit('t.txt', 3, ['challenge'])]);
    const l = labelTurns([{ source: 't.txt', turns: turns(4) }, { source: 'u.txt', turns: turns(2) }], gold, CODES);
    const labels = (codes: string[]) => conversationsFor(l, codes).map((c) => c.map((t) => t.humanCodes ?? null));
    expect(labels(['summary'])).toEqual([[['summary'], null, ['challenge'], null]]);
    expect(labels(['challenge'])).toEqual([[['summary'], [], ['challenge'], null]]);
  });
});

describe('docs/cli.md', () => {
  it("states core's fit defaults as they are", () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../docs/cli.md', import.meta.url)), 'utf8');
    const section = doc.slice(doc.indexOf('## `coachcode train`'), doc.indexOf('## `coachcode compare`'));
    const grid = `${OPEN_L2_GRID.slice(0, -1).join(', ')} and ${String(OPEN_L2_GRID.at(-1))}`;
    expect(section).toMatch(new RegExp(`\\| \`--prior X\` \\|[^\\n]*open models: default chosen by the ${OPEN_THRESHOLD_FOLDS}-fold cross-validation from ${grid}; cue models: default ${FIT_DEFAULTS.prior}\\)`));
    expect(section).toMatch(new RegExp(`\\| \`--min-count N\` \\|[^\\n]*default ${OPEN_FIT_DEFAULTS.minTurns} for open models, ${FIT_DEFAULTS.minCount} for cue models\\)`));
    expect(section).toMatch(new RegExp(`\\| \`--epochs N\` \\|[^\\n]*default ${OPEN_FIT_DEFAULTS.epochs} for open models, ${FIT_DEFAULTS.epochs} for cue models\\)`));
    expect(section).toMatch(new RegExp(`\\| \`--learning-rate X\` \\|[^\\n]*default ${FIT_DEFAULTS.learningRate}\\)`));
  });
});
