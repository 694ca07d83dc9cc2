#!/usr/bin/env node
// Learning curve of `coachcode suggest` against random sampling, on ../shared/benchmarks/mrda:
// hand codes are simulated from its gold. The MRDA meetings are split: the Bed* meetings are kept
// out for measuring; the others are the pool a researcher would hand-code from. For each
// strategy, round after round: pick turns (suggest, with the model trained so far; or at random),
// fill the coding sheet from the gold, train on every sheet so far (from the default model, only
// the codes MRDA scores), and measure macro kappa on the Bed* meetings.
//
//   node scripts/bench-suggest.mjs [--sizes 100,200,400,800,1600] [--seeds 3] [--train "--prior 0.1"]
//
// Needs the build (pnpm build). Writes its sheets and models to a temporary folder; prints a
// Markdown table and the JSON of every measurement.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generator } from './lib/seeded-random.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(REPO, 'packages/cli/dist/bin.js');
const MRDA = join(REPO, '../shared/benchmarks/mrda');
const CODES = ['acceptance', 'dissonance', 'summary'];
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('--sizes', '100,200,400,800,1600').split(',').map(Number);
const SEEDS = Number(arg('--seeds', '3'));
// Further options of the fit, as train takes them (default: none, train's defaults).
const TRAIN = arg('--train', '').split(' ').filter(Boolean);
if (!existsSync(BIN)) throw new Error('run the build first (pnpm build)');
if (!existsSync(MRDA)) throw new Error(`${MRDA} is missing`);

const files = readdirSync(join(MRDA, 'transcripts')).sort();
const test = files.filter((f) => f.startsWith('mrda-Bed')).map((f) => join(MRDA, 'transcripts', f));
const poolFiles = files.filter((f) => !f.startsWith('mrda-Bed'));
const pool = poolFiles.map((f) => join(MRDA, 'transcripts', f));
const gold = new Map();
for (const line of readFileSync(join(MRDA, 'gold.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  gold.set(`${r.file}#${r.turn}`, r);
}
const poolTurns = [...gold.values()].filter((r) => poolFiles.includes(r.file));
const work = mkdtempSync(join(tmpdir(), 'coachcode-bench-suggest-'));
const header = ['file', 'turn', 'speaker', 'role', 'previous', 'text', 'summary', 'acceptance', 'dissonance', 'machine'];

function coachcode(args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`coachcode ${args.slice(0, 3).join(' ')} … exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return r.stdout;
}

const csvField = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
/** Fills a coding sheet's code columns (the codes MRDA scores, as suggest --codes writes them) from the gold: 1 or 0. */
function fillSheet(path, rows) {
  const lines = rows.map(({ file, turn }) => {
    const g = gold.get(`${file}#${turn}`);
    const cells = header.map((h) => {
      if (h === 'file') return file;
      if (h === 'turn') return turn;
      if (CODES.includes(h)) return g.scored.includes(h) ? (g.codes.includes(h) ? 1 : 0) : '';
      return '';
    });
    return cells.map(csvField).join(',');
  });
  writeFileSync(path, [header.join(','), ...lines].join('\n') + '\n');
}

/** The rows (file, turn) of a sheet written by suggest. */
function sheetRows(path) {
  return readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => {
    const [file, turn] = l.split(',');
    return { file, turn: Number(turn) };
  });
}

function measure(model) {
  const out = coachcode(['evaluate', '--gold', join(MRDA, 'gold.jsonl'), ...test, ...(model ? ['--model', model] : []), '--codes', CODES.join(','), '--format', 'json', '-q']);
  const e = JSON.parse(out);
  return { macro: e.macro.kappa.mean, perCode: Object.fromEntries(e.perCode.map((c) => [c.code, c.kappa])) };
}

function curve(strategy, seed) {
  const sheets = [];
  const chosen = new Set();
  const random = generator(seed);
  let model;
  let have = 0;
  const points = [];
  for (const size of SIZES) {
    const k = size - have;
    const sheet = join(work, `${strategy}-${seed}-${size}.csv`);
    let rows;
    if (strategy === 'suggest') {
      coachcode(['suggest', ...pool, ...sheets.flatMap((s) => ['--gold', s]), ...(model ? ['--model', model] : []), '--codes', CODES.join(','), '-n', String(k), '--out', sheet, '-q']);
      rows = sheetRows(sheet);
    } else {
      rows = [];
      while (rows.length < k) {
        const r = poolTurns[Math.floor(random() * poolTurns.length)];
        const key = `${r.file}#${r.turn}`;
        if (chosen.has(key)) continue;
        chosen.add(key);
        rows.push({ file: r.file, turn: r.turn });
      }
    }
    fillSheet(sheet, rows);
    sheets.push(sheet);
    have = size;
    model = join(work, `${strategy}-${seed}-${size}.model.json`);
    coachcode(['train', ...pool, ...sheets.flatMap((s) => ['--gold', s]), '--codes', CODES.join(','), ...TRAIN, '--out', model, '-q']);
    const m = measure(model);
    points.push({ turns: size, ...m });
    process.stderr.write(`${strategy} seed ${seed}: ${size} turns → macro kappa ${m.macro?.toFixed(3)}\n`);
  }
  return points;
}

const started = Date.now();
const base = measure(undefined);
const suggested = curve('suggest', 0);
const randoms = Array.from({ length: SEEDS }, (_, i) => curve('random', i + 1));
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3));
console.log(`| hand-coded turns | suggested: macro κ | ${CODES.join(' | ')} | random (mean of ${SEEDS}): macro κ | random min–max |`);
console.log(`|---:|---:|${CODES.map(() => '---:').join('|')}|---:|---:|`);
console.log(`| 0 (default model) | ${f(base.macro)} | ${CODES.map((c) => f(base.perCode[c])).join(' | ')} | ${f(base.macro)} | |`);
SIZES.forEach((size, i) => {
  const s = suggested[i];
  const r = randoms.map((c) => c[i].macro);
  console.log(`| ${size} | ${f(s.macro)} | ${CODES.map((c) => f(s.perCode[c])).join(' | ')} | ${f(mean(r))} | ${f(Math.min(...r))}–${f(Math.max(...r))} |`);
});
console.log(`\ntrain options: ${TRAIN.join(' ') || '(defaults)'}`);
console.log(`pool: ${pool.length} meetings, ${poolTurns.length} turns; measured on ${test.length} Bed* meetings; ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(JSON.stringify({ sizes: SIZES, base, suggested, randoms }));
