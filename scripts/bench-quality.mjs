#!/usr/bin/env node
// pnpm bench:quality — coding agreement with human coders, on data the default model never saw.
//
// Zero-shot (every model as shipped; the baseline trained on the default model's training data):
//   1. fixtures, held-out part (fixtures/split.json "heldout": never fitted, never tuned on), and
//      its "next" part when there is one (new authors' conversations, written after the model
//      was fixed, for the next round's fit);
//   2. ../shared/benchmarks/coaching-authors (other authors' coaching talk; measuring only);
//   3. ../shared/benchmarks/mrda, the Bed* meetings (kept out of every fit);
//   4. ../shared/benchmarks/talkmoves (maths classrooms; licence: evaluation only).
// Models: the default, the previous round's default (the newest older version in the
// git history of the model file; left out where the clone has no history), cfbt-cues@3 (the
// default before that), the hand weights cfbt-hand@1, and a plain TF-IDF + logistic-regression baseline (scripts/lib/tfidf-baseline.mjs)
// trained on the same data as the default (tuning fixtures, decision-rule examples ×10, MRDA
// training meetings, each source weighing as much as the coaching data).
//
// In-domain (`coachcode train --folds 5`, as a researcher would run it on their own coding): MRDA
// Bed* and talkmoves, 5 folds grouped by transcript, fitted from scratch (`--base none`) and from
// the default (`--base cfbt-default`), beside the TF-IDF baseline on folds dealt the same way.
// Cross-validated fits measure; they are thrown away.
//
// Options: --no-in-domain (skip the slow part), --sets a,b (only these zero-shot sets).
// Uses the built packages (pnpm build first). Prints Markdown.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confusionOf, kappaTable, scoreModel, useCore } from './lib/scoring.mjs';
import { fitTfidf } from './lib/tfidf-baseline.mjs';
import { CODES, flagValue, loadBenchmark, loadCore, loadExamples, loadFixtures, loadMrda, root, shared } from './lib/training-data.mjs';

const core = await loadCore();
useCore(core);
const { cuesModel } = await import(join(root, 'packages/core/dist/models/cues.js'));
const arg = flagValue;
const only = arg('--sets')?.split(',');
const t0 = Date.now();
const log = (m) => console.error(`bench:quality: ${m} (${Math.round((Date.now() - t0) / 1000)} s)`);

const MODEL_FILE = 'packages/core/src/classify/default-model.json';
const git = (args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
/**
 * The previous round's default model: the newest one in the git history of the model file whose
 * version is below the current default's. Left out where the clone has no history (a download
 * without .git, or a shallow clone).
 */
function previousDefault() {
  let commits;
  try {
    commits = git(['log', '--format=%H', '--', MODEL_FILE]).split('\n').filter(Boolean);
  } catch {
    commits = [];
  }
  for (const commit of commits) {
    const model = JSON.parse(git(['show', `${commit}:${MODEL_FILE}`]));
    if (model.id !== core.defaultModel.id || model.version >= core.defaultModel.version) continue;
    log(`the previous default model: ${model.id}@${model.version}, from commit ${commit.slice(0, 7)}`);
    return core.parseModel(model);
  }
  log(`the previous default model left out: this clone's history has no ${core.defaultModel.id} older than version ${core.defaultModel.version}`);
  return undefined;
}
const previous = previousDefault();
const models = [
  ['default', core.defaultModel],
  ...(previous ? [['previous default', previous]] : []),
  ['default before that', cuesModel],
  ['hand weights', core.handModel],
];
const tag = (m) => `${m.id}@${m.version}`;

// The baseline's training data: what the default model was fitted to.
const mrdaTrain = loadMrda(core, 'train');
const baselineData = [
  ...loadFixtures('tune').map((c) => ({ ...c, source: 'coaching' })),
  ...loadExamples(core).map((c) => ({ ...c, source: 'coaching', weight: 10 })),
  ...(mrdaTrain ?? []).map((c) => ({ ...c, source: 'mrda' })),
];
const baseline = fitTfidf(baselineData, CODES);
log('baseline fitted');

const sets = [
  ['fixtures, held-out part (never fitted or tuned on)', () => loadFixtures('heldout')],
  // Conversations by new authors, written after the default model was fixed (fixtures/split.json "next").
  ['fixtures, next part (new authors, written after the model was fixed; never fitted)', () => {
    const next = loadFixtures('next');
    return next.length > 0 ? next : undefined;
  }],
  ['coaching-authors (other authors, never fitted)', () => loadBenchmark(core, 'coaching-authors')],
  ['MRDA Bed* meetings (kept out of every fit)', () => loadMrda(core, 'measure')],
  ['talkmoves (maths classrooms, evaluation only)', () => loadBenchmark(core, 'talkmoves')],
].filter(([title]) => !only || only.some((o) => title.startsWith(o)));

const fmt = (x) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(2));
console.log('## Zero-shot: the models as shipped (Cohen\'s kappa per code)\n');
for (const [title, load] of sets) {
  const conversations = load();
  if (!conversations) {
    console.log(`### ${title}\n\n(skipped: ${title.startsWith('fixtures') ? 'no such conversations' : 'not in ../shared/benchmarks'})\n`);
    continue;
  }
  const codes = CODES.filter((c) => conversations.some((x) => x.turns.some((t) => (t.scored ?? x.scored ?? CODES).includes(c))));
  const turns = conversations.reduce((n, c) => n + c.turns.filter((t) => t.humanCodes).length, 0);
  console.log(`### ${title}: ${conversations.length} conversations, ${turns} turns\n`);
  console.log(`| model | ${codes.join(' | ')} | macro |`);
  console.log(`|---|${codes.map(() => '---:|').join('')}---:|`);
  let defaultItems;
  for (const [label, model] of models) {
    const items = conversations.flatMap((c) => scoreModel(model, c));
    if (!defaultItems) defaultItems = items;
    const t = kappaTable(items, codes);
    console.log(`| ${label} (${tag(model)}) | ${codes.map((c) => t.perCode[c]).join(' | ')} | **${t.macro}** |`);
  }
  const b = kappaTable(conversations.flatMap((c) => baseline.score(c)), codes);
  console.log(`| TF-IDF + LR baseline | ${codes.map((c) => b.perCode[c]).join(' | ')} | ${b.macro} |`);
  console.log(`\nThe default in detail:\n\n| code | support | predicted | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|`);
  for (const c of codes) {
    const confusion = confusionOf(defaultItems, c);
    const s = core.scoreConfusion(confusion);
    console.log(`| ${c} | ${confusion.tp + confusion.fn} | ${confusion.tp + confusion.fp} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} |`);
  }
  console.log('');
  log(title);
}

if (!process.argv.includes('--no-in-domain')) {
  console.log('## In-domain: `coachcode train --folds 5` (kappa on held-out transcripts)\n');
  const cli = join(root, 'packages/cli/dist/bin.js');
  const inDomain = [
    ['MRDA Bed* meetings', 'mrda', (f) => f.startsWith('mrda-Bed'), () => loadMrda(core, 'measure')],
    ['talkmoves', 'talkmoves', () => true, () => loadBenchmark(core, 'talkmoves')],
  ];
  for (const [title, set, keep, load] of inDomain) {
    const conversations = load();
    if (!conversations) continue;
    const dir = mkdtempSync(join(tmpdir(), 'coachcode-bench-'));
    try {
      // The set's gold, limited to the transcripts used, as the researcher's human coding.
      const files = conversations.map((c) => c.name).filter(keep).sort();
      const gold = conversations.flatMap((c) => c.turns.filter((t) => t.humanCodes).map((t) => JSON.stringify({ file: c.name, turn: t.turn, speaker: t.speaker, role: t.role, codes: t.humanCodes ?? [], scored: t.scored ?? c.scored, text: t.text })));
      writeFileSync(join(dir, 'gold.jsonl'), `${gold.join('\n')}\n`);
      const codes = CODES.filter((c) => conversations.some((x) => x.turns.some((t) => (t.scored ?? x.scored).includes(c))));
      const rows = [];
      for (const base of ['none', 'cfbt-default']) {
        const out = execFileSync(process.execPath, [cli, 'train', ...files.map((f) => join(shared, set, 'transcripts', f)), '--gold', join(dir, 'gold.jsonl'), '--folds', '5', '--base', base, '--out', join(dir, `model-${base}.json`)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
        const kappas = {};
        for (const line of out.split('\n')) {
          const cells = line.split(/\s{2,}|│|\|/).map((x) => x.trim()).filter(Boolean);
          if (cells.length >= 5 && codes.includes(cells[0])) kappas[cells[0]] = cells[4];
        }
        const values = codes.map((c) => Number(kappas[c])).filter((k) => !Number.isNaN(k));
        kappas.macro = (values.reduce((a, k) => a + k, 0) / values.length).toFixed(3);
        rows.push([`coachcode, ${base === 'none' ? 'from scratch (--base none)' : 'from the default (--base cfbt-default)'}`, kappas]);
        log(`${title}, --base ${base}`);
      }
      // The baseline on folds dealt the same way: the i-th transcript (in path order) to fold i mod 5.
      const ordered = files.map((f) => conversations.find((c) => c.name === f));
      const pooled = [];
      for (let fold = 0; fold < 5; fold++) {
        const model = fitTfidf(ordered.filter((_, i) => i % 5 !== fold), codes);
        for (const c of ordered.filter((_, i) => i % 5 === fold)) pooled.push(...model.score(c));
      }
      const b = kappaTable(pooled, codes);
      rows.push(['TF-IDF + LR baseline, same folds', { ...b.perCode, macro: b.macro }]);
      console.log(`### ${title}: ${files.length} transcripts\n`);
      console.log(`| model | ${codes.join(' | ')} | macro |`);
      console.log(`|---|${codes.map(() => '---:|').join('')}---:|`);
      for (const [label, k] of rows) console.log(`| ${label} | ${codes.map((c) => k[c] ?? '–').join(' | ')} | ${k.macro ?? '–'} |`);
      console.log('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
