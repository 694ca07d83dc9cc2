#!/usr/bin/env node
// pnpm bench:quality — coding agreement of the default model with human coders.
//  1. The project's own coded fixtures (fixtures/gold + fixtures/transcripts), split as in
//     fixtures/split.json into the part used while tuning and the part never tuned on.
//  2. ../shared/benchmarks/mrda (real meetings, three codes), split into the development part
//     looked at while tuning (meetings Bed*) and the rest, never looked at.
// Uses the built packages (pnpm build first). Prints Markdown tables.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const core = await import(join(root, 'packages/core/dist/index.js')).catch(() => {
  console.error('bench:quality: packages/core/dist is missing; run `pnpm build` first');
  process.exit(2);
});
const classifier = core.createClassifier();
const hand = core.createClassifier({ model: core.handModel });
const fmt = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(2));

/** Codes every transcript in `files` (with the default model unless told), returns the machine coding. */
function codeFiles(files, by = classifier) {
  let jsonl = '';
  for (const f of files) {
    const a = core.analyze(readFileSync(f), { source: f, classifier: by });
    jsonl += core.toJsonl(a.records);
  }
  return core.readCodingJsonl(jsonl, { source: 'machine' }).coding;
}

function goldOf(lines) {
  return core.readCodingJsonl(lines.join('\n'), { source: 'gold' }).coding;
}

function table(title, evaluation) {
  console.log(`\n### ${title}\n`);
  console.log(`${evaluation.turnCounts.matched} turns matched (gold ${evaluation.turnCounts.gold}, machine ${evaluation.turnCounts.predicted}; missing ${evaluation.missing.count}, extra ${evaluation.extra.count})\n`);
  console.log('| code | support | predicted | precision | recall | F1 | kappa |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const c of evaluation.perCode) {
    console.log(`| ${c.code} | ${c.support} | ${c.predicted} | ${fmt(c.precision)} | ${fmt(c.recall)} | ${fmt(c.f1)} | ${fmt(c.kappa)} |`);
  }
  const m = evaluation.macro;
  console.log(`| **macro** | | | ${fmt(m.precision.mean)} | ${fmt(m.recall.mean)} | ${fmt(m.f1.mean)} | **${fmt(m.kappa.mean)}** |`);
}

/** One row of kappas per code and their mean. */
function kappaRow(label, evaluation) {
  const ks = evaluation.perCode.map((c) => fmt(c.kappa));
  return `| ${label} | ${ks.join(' | ')} | ${fmt(evaluation.macro.kappa.mean)} |`;
}

// 1. fixtures
const goldDir = join(root, 'fixtures/gold');
const transcriptDir = join(root, 'fixtures/transcripts');
const split = JSON.parse(readFileSync(join(root, 'fixtures/split.json'), 'utf8'));
const transcripts = readdirSync(transcriptDir);
const codes = core.codeIds(core.cfbtCodebook);
const compared = [];
for (const part of ['tune', 'heldout']) {
  const stems = split[part];
  const files = stems.map((s) => {
    const name = transcripts.find((t) => t.replace(/\.[^.]+$/, '') === s);
    if (!name) throw new Error(`fixtures/transcripts has no transcript for ${s}`);
    return join(transcriptDir, name);
  });
  const gold = goldOf(stems.flatMap((s) => readFileSync(join(goldDir, `${s}.jsonl`), 'utf8').split('\n').filter(Boolean)));
  const evaluation = core.evaluateCodings(gold, codeFiles(files), { codes, byRole: true });
  table(`Fixtures, ${part === 'tune' ? 'tuning part' : 'held-out part (never tuned on)'}: ${stems.length} conversations`, evaluation);
  compared.push(kappaRow(`${part}, default (${classifier.id})`, evaluation));
  compared.push(kappaRow(`${part}, hand weights only (${hand.id})`, core.evaluateCodings(gold, codeFiles(files, hand), { codes })));
}
console.log('\n### Fixtures: the default model against the hand weights it was fitted from (kappa)\n');
console.log(`| part, model | ${codes.join(' | ')} | macro |`);
console.log(`|---|${codes.map(() => '---:|').join('')}---:|`);
for (const row of compared) console.log(row);

// 2. MRDA
const mrda = join(root, '../shared/benchmarks/mrda');
if (!existsSync(mrda)) {
  console.log('\n(../shared/benchmarks/mrda is absent: MRDA tables skipped)');
} else {
  const goldLines = readFileSync(join(mrda, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean);
  const all = readdirSync(join(mrda, 'transcripts')).filter((f) => f.endsWith('.txt'));
  const parts = [
    ['development part (Bed* meetings, looked at while tuning)', (f) => f.startsWith('mrda-Bed')],
    ['test part (all other meetings, never looked at)', (f) => !f.startsWith('mrda-Bed')],
  ];
  for (const [title, keep] of parts) {
    const files = all.filter(keep);
    const names = new Set(files);
    const gold = goldOf(goldLines.filter((l) => names.has(JSON.parse(l).file)));
    const evaluation = core.evaluateCodings(gold, codeFiles(files.map((f) => join(mrda, 'transcripts', f))), { codes: ['acceptance', 'dissonance', 'summary'] });
    table(`MRDA, ${title}: ${files.length} meetings`, evaluation);
  }
}
