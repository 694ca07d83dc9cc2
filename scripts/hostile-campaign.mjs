#!/usr/bin/env node
/**
 * A hostile-input campaign (issue 14), run by hand after a build, never in CI (it takes minutes):
 *
 *   node scripts/hostile-campaign.mjs [--sample N] [--workers N] [--timeout S] [--json FILE] [--root DIR] [--no-endless]
 *
 * --sample N tries every N-th input of the corpus; --root DIR runs the built packages of another
 * checkout (an older commit, to compare) with this corpus; --no-endless leaves out /dev/zero and
 * the endless standard input (an old build reads them into memory until it is stopped).
 *
 * 1. Library: every input of the hostile corpus (scripts/hostile-corpus.mjs) through
 *    safeDecodeBytes, safeParseTranscript (format detected and forced to each of the 12 formats)
 *    and safeAnalyze: a result or a CoachcodeError, never another exception.
 * 2. CLI: every input, beside a good transcript, through 20 command lines (code in four formats,
 *    --out, --anonymise, -j 2, profile, compare, chart of each kind, report, evaluate, export,
 *    suggest, train); every hostile roles file, gold coding, codebook and model through the flags
 *    that read them. Runs go through the built CLI's `run()` in worker processes, each run
 *    watched by a time limit (a hang) and by the prototype every object shares (pollution).
 * 3. Places: a named pipe, /dev/zero, link loops, an unreadable folder, an unwritable output
 *    folder, an endless standard input; outputs aimed at every kind of input; a process killed
 *    (SIGKILL) while it writes, then a run into the same folder; the same batch with -j 1 and -j 2.
 *
 * Prints inputs tried, runs, internal errors, escaped exceptions, lost good files, hangs,
 * overwritten inputs, formula cells in CSV output, crashes, pollution, messages without a file, raw control characters on the
 * terminal and partial or left-over files; exits 1 when any of them is not 0.
 */
import { fork, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GOOD_TALK, writeHostileFixtures } from './hostile-fixtures.mjs';
import { writeHostileCorpus } from './hostile-corpus.mjs';
import { COACHCODE_TEMP, fileHash, fileHashes } from './lib/file-hashes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The checkout whose built packages run (`--root`, passed to the workers as COACHCODE_CAMPAIGN_ROOT). */
const target = process.env.COACHCODE_CAMPAIGN_ROOT ?? root;
const BIN = join(target, 'packages/cli/dist/bin.js');
const CLI = pathToFileURL(join(target, 'packages/cli/dist/index.js')).href;
const CORE = pathToFileURL(join(target, 'packages/core/dist/index.js')).href;
const FORMATS = ['text', 'zoom-vtt', 'teams-vtt', 'vtt', 'srt', 'otter', 'meet', 'csv', 'tsv', 'json', 'jsonl'];

// ---------------------------------------------------------------------------------------------
// Worker processes: `--child` runs CLI command lines in-process; `--library` calls the safe* functions.

const PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const polluted = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTOTYPE || Object.getPrototypeOf({}) !== Object.prototype || {}.polluted !== undefined;

/**
 * Cells of CSV text that a spreadsheet would run as a formula: a value (quotes removed) that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a number (OWASP's rule).
 */
function formulaCells(text) {
  let count = 0;
  const cell = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/gy;
  for (const line of text.split(/\n(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    cell.lastIndex = 0;
    let m;
    while (cell.lastIndex < line.length && (m = cell.exec(line)) !== null) {
      const value = m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2];
      if (/^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(value)) count++;
      if (m[0] === '' ) cell.lastIndex++;
    }
  }
  return count;
}

async function child() {
  const { run } = await import(CLI);
  process.on('message', async (job) => {
    let stdout = '';
    let stderr = '';
    const stream = (tty, onWrite) => ({ isTTY: tty, columns: tty ? 100 : undefined, write: (s) => (onWrite(String(s)), true) });
    const io = {
      stdout: stream(job.tty ?? false, (s) => (stdout += s)),
      stderr: stream(false, (s) => (stderr += s)),
      readStdin: async () => new Uint8Array(),
      env: { NO_COLOR: '1' },
      cwd: job.cwd,
    };
    const started = performance.now();
    let code;
    let thrown;
    try {
      code = await run(job.args, io);
    } catch (error) {
      thrown = String(error?.stack ?? error);
    }
    const good = job.good ? job.good.every((g) => (g.stdout ? stdout.includes(g.stdout) : existsSync(g.file) && (g.has === undefined || readFileSync(g.file, 'utf8').includes(g.has)))) : true;
    const csv = job.csv === 'stdout' ? stdout : job.csv && existsSync(job.csv) ? readFileSync(job.csv, 'utf8') : '';
    process.send({ id: job.id, code, thrown, good, formulas: csv ? formulaCells(csv) : 0, stderr: stderr.slice(0, 20000), stdoutBytes: stdout.length, rawControl: /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(stderr + (job.tty ? stdout : '')), polluted: polluted(), ms: performance.now() - started });
  });
  process.send({ ready: true });
}

async function library() {
  const core = await import(CORE);
  process.on('message', (job) => {
    const bytes = new Uint8Array(readFileSync(job.file));
    const out = { id: job.id, calls: 0, escaped: [], unlocated: 0 };
    const call = (what, fn) => {
      out.calls++;
      try {
        const r = fn();
        if (!r.success) {
          if (!(r.error instanceof core.CoachcodeError)) out.escaped.push(`${what}: not a CoachcodeError`);
          for (const d of r.error.issues) if (d.source !== job.source || (d.code !== 'invalid-option' && !(d.line >= 1))) out.unlocated++;
        } else if (r.data && 'turns' in r.data) {
          JSON.stringify(r.data.records);
          JSON.stringify(r.data.profile);
        }
      } catch (error) {
        out.escaped.push(`${what}: ${String(error?.message ?? error).slice(0, 200)}`);
      }
    };
    call('safeDecodeBytes', () => core.safeDecodeBytes(bytes, { source: job.source }));
    const text = new TextDecoder().decode(bytes);
    for (const format of [undefined, ...FORMATS]) {
      call(`safeParseTranscript(${format ?? 'detected'})`, () => core.safeParseTranscript(text, { source: job.source, ...(format ? { format } : {}) }));
      call(`safeAnalyze(${format ?? 'detected'})`, () => core.safeAnalyze(bytes, { source: job.source, ...(format ? { format } : {}) }));
    }
    out.polluted = polluted();
    process.send(out);
  });
  process.send({ ready: true });
}

// ---------------------------------------------------------------------------------------------
// The parent: a pool of workers with a time limit per job.

class Pool {
  constructor(mode, size, timeoutMs) {
    this.mode = mode;
    this.timeoutMs = timeoutMs;
    this.workers = Array.from({ length: size }, () => null);
    this.done = 0;
  }

  spawnWorker() {
    const w = fork(fileURLToPath(import.meta.url), [this.mode], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: ['--stack-size=984'] });
    w.stderr.on('data', () => {});
    w.ready = new Promise((resolve) => w.once('message', resolve));
    w.jobs = 0;
    return w;
  }

  /** Runs every job; `onResult(job, result)` gets `{ hang: true }` or `{ crash: code }` when the worker did not answer. */
  async runAll(jobs, onResult) {
    let next = 0;
    const lane = async (k) => {
      for (;;) {
        const i = next++;
        if (i >= jobs.length) return;
        const job = jobs[i];
        if (!this.workers[k] || this.workers[k].jobs >= 200) {
          this.workers[k]?.kill('SIGKILL');
          this.workers[k] = this.spawnWorker();
        }
        const w = this.workers[k];
        await w.ready;
        w.jobs++;
        const result = await new Promise((resolve) => {
          const timer = setTimeout(() => finish({ hang: true }), job.timeoutMs ?? this.timeoutMs);
          const onMessage = (m) => m.id === job.id && finish(m);
          const onExit = (code, signal) => finish({ crash: code ?? signal });
          function finish(r) {
            clearTimeout(timer);
            w.off('message', onMessage);
            w.off('exit', onExit);
            resolve(r);
          }
          w.on('message', onMessage);
          w.once('exit', onExit);
          w.send(job);
        });
        if (result.hang || result.crash !== undefined || result.polluted) {
          w.kill('SIGKILL');
          this.workers[k] = null;
        }
        this.done++;
        onResult(job, result);
      }
    };
    await Promise.all(this.workers.map((_, k) => lane(k)));
    for (const w of this.workers) w?.kill('SIGKILL');
  }
}

/** Lines on standard error that report a result, not a problem. */
const INFO_LINE = /^(?:wrote |\d+ files?, |trained on |exported |human codes for |\d+ turns? from |base: |cross-validation)/;

function parseArgs(argv) {
  const options = { sample: 1, workers: 2, timeout: 120, json: undefined, endless: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sample') options.sample = Number(argv[++i]);
    else if (a === '--workers') options.workers = Number(argv[++i]);
    else if (a === '--timeout') options.timeout = Number(argv[++i]);
    else if (a === '--json') options.json = argv[++i];
    else if (a === '--root') process.env.COACHCODE_CAMPAIGN_ROOT = argv[++i];
    else if (a === '--no-endless') options.endless = false;
    else throw new Error(`unknown argument ${a}; expected --sample N, --workers N, --timeout S, --json FILE, --root DIR, --no-endless`);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (process.env.COACHCODE_CAMPAIGN_ROOT && process.env.COACHCODE_CAMPAIGN_ROOT !== target) {
    // --root changes the packages run: start again with it in the environment (workers inherit it).
    const r = spawnSync(process.execPath, process.argv.slice(1), { stdio: 'inherit', env: process.env });
    process.exit(r.status ?? 1);
  }
  if (!existsSync(BIN)) throw new Error(`build first: npx -y pnpm@10 build (no ${BIN})`);
  const started = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), 'coachcode-campaign-'));
  chmodSync(tmp, 0o755);
  const corpusDir = join(tmp, 'corpus');
  const placesDir = join(tmp, 'places');
  const outDir = join(tmp, 'out');
  mkdirSync(outDir, { recursive: true });
  chmodSync(outDir, 0o777);
  const { inputs: allInputs, flags } = writeHostileCorpus(corpusDir);
  writeHostileFixtures(placesDir);
  chmodSync(placesDir, 0o755);
  const inputs = allInputs.filter((_, i) => i % options.sample === 0);
  // The good transcript beside every hostile one, and a gold coding of it.
  const good = join(tmp, 'good', 'good.txt');
  mkdirSync(dirname(good), { recursive: true });
  writeFileSync(good, GOOD_TALK);
  const gold = join(tmp, 'good', 'gold.jsonl');
  writeFileSync(gold, [[], ['dissonance'], ['challenge'], ['dissonance'], ['summary'], ['acceptance']].map((codes, i) => JSON.stringify({ file: 'good.txt', turn: i + 1, codes })).join('\n') + '\n');
  const before = fileHashes([tmp]);
  const tally = { inputs: inputs.length, flagFiles: flags.length, runs: 0, libraryCalls: 0, internalErrors: 0, escapedExceptions: 0, thrownByRun: 0, lostGoodFiles: 0, hangs: 0, crashes: 0, polluted: 0, badExit: 0, overwrittenInputs: 0, unlocatedMessages: 0, rawControlOnTerminal: 0, formulaCells: 0, partialFiles: 0, leftoverTemps: 0, nondeterministic: 0 };
  const examples = new Map();
  const note = (what, detail) => {
    const list = examples.get(what) ?? [];
    if (list.length < 8) list.push(detail);
    examples.set(what, list);
  };
  const progress = (label, pool, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${label} ${pool.done}/${total}   `);
  };

  // 1. Library.
  {
    const pool = new Pool('--library', options.workers, options.timeout * 1000);
    const jobs = inputs.map((inp, i) => ({ id: `lib${i}`, file: join(corpusDir, inp.path), source: inp.path }));
    await pool.runAll(jobs, (job, r) => {
      progress('library', pool, jobs.length);
      if (r.hang) {
        tally.hangs++;
        note('hang', `library: ${job.source}`);
        return;
      }
      if (r.crash !== undefined) {
        tally.crashes++;
        note('crash', `library: ${job.source} (${r.crash})`);
        return;
      }
      tally.libraryCalls += r.calls;
      tally.escapedExceptions += r.escaped.length;
      for (const e of r.escaped) note('escaped exception', `${job.source}: ${e}`);
      tally.unlocatedMessages += r.unlocated;
      if (r.unlocated) note('message without file or line (library)', job.source);
      if (r.polluted) {
        tally.polluted++;
        note('polluted', `library: ${job.source}`);
      }
    });
  }

  // 2. CLI command lines.
  const jobs = [];
  const commands = [
    ['code', (x, o) => ['code', x, good, '--format', 'jsonl'], 'stdout'],
    ['code-csv', (x, o) => ['code', x, good, '--format', 'csv'], 'stdout'],
    ['code-json', (x, o) => ['code', x, good, '--format', 'json'], 'stdout'],
    ['code-table', (x, o) => ['code', x, good, '--format', 'table'], 'stdout', true],
    ['code-out', (x, o) => ['code', x, good, '--out', o, '--format', 'jsonl'], (o) => [{ file: join(o, 'good.jsonl'), has: '"turn":6' }]],
    ['code-anonymise', (x, o) => ['code', x, good, '--anonymise', '--format', 'jsonl'], 'stdout'],
    ['code-j2', (x, o) => ['code', x, good, '-j', '2', '--format', 'jsonl'], 'stdout'],
    ['profile', (x, o) => ['profile', x, good, '--by-speaker'], 'stdout', true],
    ['profile-csv', (x, o) => ['profile', x, good, '--by-speaker', '--format', 'csv'], 'stdout'],
    ['profile-json', (x, o) => ['profile', x, good, '--format', 'json'], 'stdout'],
    ['compare', (x, o) => ['compare', x, good, '--by', 'file'], () => [{ stdout: 'good' }], true],
    ['chart-profile', (x, o) => ['chart', x, good, '--type', 'profile', '--out', `${o}.svg`], (o) => [{ file: `${o}.svg` }]],
    ['chart-compare', (x, o) => ['chart', x, good, '--type', 'compare', '--by', 'file', '--out', `${o}.vl.json`], (o) => [{ file: `${o}.vl.json`, has: 'good' }]],
    ['chart-timeline', (x, o) => ['chart', x, '--type', 'timeline', '--out', `${o}.svg`], undefined],
    ['chart-transitions', (x, o) => ['chart', x, good, '--type', 'transitions', '--out', `${o}.vl.json`], (o) => [{ file: `${o}.vl.json` }]],
    ['report', (x, o) => ['report', x, good, '--out', `${o}.html`], (o) => [{ file: `${o}.html`, has: 'good.txt' }]],
    ['evaluate', (x, o) => ['evaluate', x, good, '--gold', gold], () => [{ stdout: 'challenge' }]],
    ['export', (x, o) => ['export', x, good, '--out', `${o}.qdpx`], (o) => [{ file: `${o}.qdpx` }]],
    ['suggest', (x, o) => ['suggest', x, good, '-n', '3', '--out', `${o}.csv`], (o) => [{ file: `${o}.csv` }]],
    ['train', (x, o) => ['train', x, good, '--gold', gold, '--out', `${o}.json`], (o) => [{ file: `${o}.json` }]],
  ];
  let n = 0;
  for (const inp of inputs) {
    for (const [name, args, check, tty] of commands) {
      const o = join(outDir, `${n}-${name}`);
      const goodCheck = check === 'stdout' ? [{ stdout: good }] : typeof check === 'function' ? check(o) : undefined;
      const csv = name === 'code-csv' || name === 'profile-csv' ? 'stdout' : name === 'suggest' ? `${o}.csv` : undefined;
      jobs.push({ id: `cli${n++}`, what: `${name} ${inp.path}`, args: args(join(corpusDir, inp.path), o), cwd: tmp, good: goodCheck, tty: tty ?? false, csv });
    }
  }
  for (const f of flags) {
    const path = join(corpusDir, f.path);
    const o = join(outDir, `${n}-flag`);
    const lines =
      f.flag === '--gold'
        ? [['evaluate', good, '--gold', path], ['report', good, '--gold', path, '--out', `${o}.html`], ['train', good, '--gold', path, '--out', `${o}.json`], ['suggest', good, '--gold', path, '--out', `${o}.csv`]]
        : [['code', good, f.flag, path, '--format', 'jsonl'], ['profile', good, f.flag, path, '--by-speaker'], ['chart', good, f.flag, path, '--type', 'compare', '--out', `${o}.svg`]];
    for (const args of lines) jobs.push({ id: `cli${n++}`, what: `${args[0]} ${f.flag} ${f.path}`, args, cwd: tmp, flagRun: true });
  }
  {
    const pool = new Pool('--child', options.workers, options.timeout * 1000);
    await pool.runAll(jobs, (job, r) => {
      progress('cli', pool, jobs.length);
      tally.runs++;
      if (r.hang) {
        tally.hangs++;
        note('hang', job.what);
        return;
      }
      if (r.crash !== undefined) {
        tally.crashes++;
        note('crash', `${job.what} (${r.crash})`);
        return;
      }
      if (r.thrown) {
        tally.thrownByRun++;
        note('run() threw', `${job.what}: ${r.thrown.slice(0, 300)}`);
      }
      if (/internal error/.test(r.stderr)) {
        tally.internalErrors++;
        note('internal error', `${job.what}: ${r.stderr.split('\n').find((l) => /internal error/.test(l))?.slice(0, 300)}`);
      }
      if (![0, 1, 2].includes(r.code)) {
        tally.badExit++;
        note('exit status not 0, 1 or 2', `${job.what}: ${r.code}`);
      }
      if (job.flagRun ? false : r.code === 2 || !r.good) {
        if (job.good) {
          tally.lostGoodFiles++;
          note('lost good file', `${job.what} (exit ${r.code}): ${r.stderr.split('\n')[0]?.slice(0, 200)}`);
        }
      }
      if (r.formulas > 0) {
        tally.formulaCells += r.formulas;
        note('formula in CSV output', `${job.what}: ${r.formulas} cells`);
      }
      if (r.rawControl) {
        tally.rawControlOnTerminal++;
        note('raw control character on the terminal', job.what);
      }
      for (const line of r.stderr.split('\n').filter((l) => l !== '' && !INFO_LINE.test(l))) {
        if (!/^(?:coachcode: |\S[^:]*?(?::\d+)?: )/.test(line)) {
          tally.unlocatedMessages++;
          note('message without a file', `${job.what}: ${line.slice(0, 200)}`);
        }
      }
      if (r.polluted) {
        tally.polluted++;
        note('polluted', job.what);
      }
    });
  }

  // 3. Places, run as real processes.
  const cli = (args, opts = {}) => spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: options.timeout * 1000, maxBuffer: 1 << 28, ...opts });
  const asNobody = (args) => {
    const isRoot = process.getuid?.() === 0;
    return isRoot ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: options.timeout * 1000 }) : cli(args);
  };
  const place = (what, r, { exit, good: goodNeeded = false, out } = {}) => {
    tally.runs++;
    if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') {
      tally.hangs++;
      note('hang', what);
      return;
    }
    if (/internal error/.test(r.stderr ?? '')) {
      tally.internalErrors++;
      note('internal error', `${what}: ${r.stderr}`);
    }
    if (exit !== undefined && r.status !== exit) note('unexpected exit', `${what}: ${r.status} ${r.stderr?.slice(0, 200)}`);
    if (goodNeeded && !(r.stdout ?? '').includes(good) && !(out && existsSync(out))) {
      tally.lostGoodFiles++;
      note('lost good file', what);
    }
  };
  place('a named pipe among the inputs', cli(['code', join(placesDir, 'pipe.txt'), good, '-q']), { exit: 1, good: true });
  if (options.endless) {
    place('/dev/zero among the inputs', cli(['code', '/dev/zero', good, '-q']), { exit: 1, good: true });
    place('a folder with a pipe and a link to /dev/zero', cli(['code', join(placesDir, 'special'), '-q']), { exit: 0 });
  }
  place('link loops', cli(['code', join(placesDir, 'loops'), good, '-q']), { exit: 0, good: true });
  place('an unreadable sub-folder', asNobody(['code', join(placesDir, 'locked'), good, '-q']), { exit: 1, good: true });
  place('an unwritable output folder', asNobody(['code', good, '--out', join(placesDir, 'readonly', 'x'), '-q']), { exit: 2 });
  place('a chart into an unwritable folder', asNobody(['chart', good, '--type', 'profile', '--out', join(placesDir, 'readonly', 'x.svg'), '-q']), { exit: 2 });
  place('a 150,000-turn transcript as a table', cli(['code', join(placesDir, 'many-turns.txt'), '--format', 'table', '-q'], { stdio: ['ignore', 'ignore', 'pipe'] }), { exit: 0 });
  place('a 250-character input name with --out', cli(['code', join(placesDir, readdirSync(placesDir).find((f) => f.startsWith('long-name'))), good, '--out', join(outDir, 'long'), '-q']), { exit: 0, out: join(outDir, 'long', 'good.jsonl') });
  if (options.endless) {
    // An endless standard input: stopped at the size limit, not read for ever.
    const r = await new Promise((resolve) => {
      const p = spawn(process.execPath, [BIN, 'code', '-', '-q'], { cwd: tmp, stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      p.stderr.on('data', (d) => (stderr += d));
      const zeros = Buffer.alloc(1 << 20);
      const pump = () => {
        while (p.stdin.writable && p.stdin.write(zeros));
      };
      p.stdin.on('drain', pump);
      p.stdin.on('error', () => {});
      pump();
      const timer = setTimeout(() => p.kill('SIGKILL'), options.timeout * 1000);
      p.on('exit', (status, signal) => {
        clearTimeout(timer);
        resolve({ status, signal: signal === 'SIGKILL' ? 'SIGTERM' : signal, stderr });
      });
    });
    place('an endless standard input', r, { exit: 1 });
  }
  // Outputs aimed at inputs of every kind: refused (exit 2), the input unchanged.
  const roles = join(placesDir, 'roles.vl.json');
  const goldHtml = join(placesDir, 'gold.html');
  const codebook = join(root, 'fixtures/codebooks/cfbt-defence.json');
  const codebookCopy = join(tmp, 'good', 'codebook.json');
  copyFileSync(codebook, codebookCopy);
  const model = join(tmp, 'good', 'model.json');
  cli(['train', good, '--gold', gold, '--out', model, '-q']);
  const codedCopy = join(tmp, 'good', 'coded.jsonl');
  writeFileSync(codedCopy, cli(['code', good, '--format', 'jsonl', '-q']).stdout);
  const sheetCsv = join(tmp, 'good', 'sheet.csv');
  writeFileSync(sheetCsv, 'file,turn,speaker,role,previous,text,summary,acceptance,challenge,continuity,dissonance,machine\ngood.txt,1,Coach,coach,,x,0,0,0,0,0,\n');
  const attacks = [
    ['code good --out (its own folder, as json: good.json is the roles file)', ['code', join(placesDir, 'good.txt'), '--roles', join(placesDir, 'out', 'good.json'), '--out', join(placesDir, 'out'), '--format', 'json'], join(placesDir, 'out', 'good.json')],
    ['code --out over the transcript itself (coded JSONL in, JSONL out, same folder)', ['code', codedCopy, '--out', dirname(codedCopy), '--format', 'jsonl'], codedCopy],
    ['report --out the gold', ['report', good, '--gold', goldHtml, '--out', goldHtml], goldHtml],
    ['chart --out the roles file', ['chart', good, '--roles', roles, '--type', 'profile', '--out', roles], roles],
    ['chart --out the transcript', ['chart', good, '--type', 'profile', '--out', good], good],
    ['compare --chart the roles file', ['compare', good, '--roles', roles, '--chart', roles], roles],
    ['train --out the codebook', ['train', good, '--gold', gold, '--codebook', codebookCopy, '--out', codebookCopy], codebookCopy],
    ['train --out the gold', ['train', good, '--gold', gold, '--out', gold], gold],
    ['train --out the base model', ['train', good, '--gold', gold, '--base', model, '--out', model], model],
    ['export --out the model', ['export', good, '--model', model, '--out', model], model],
    ['suggest --out the gold sheet', ['suggest', good, '--gold', sheetCsv, '--out', sheetCsv], sheetCsv],
    ['report --out the codebook', ['report', good, '--codebook', codebookCopy, '--out', codebookCopy], codebookCopy],
  ];
  for (const [what, args, target] of attacks) {
    if (!target) continue;
    const hash = existsSync(target) ? fileHash(target) : undefined;
    const r = cli([...args, '-q']);
    place(`output over an input: ${what}`, r);
    if (hash !== undefined && fileHash(target) !== hash) {
      tally.overwrittenInputs++;
      note('overwritten input', what);
    }
    if (r.status !== 2) note('output over an input not refused', `${what}: exit ${r.status}`);
  }
  // A process killed while it writes: no partial final file; the next run removes its temporary files.
  {
    const killDir = join(outDir, 'killed');
    const many = join(placesDir, 'many-turns.txt');
    for (let trial = 0; trial < 12; trial++) {
      const p = spawn(process.execPath, [BIN, 'code', many, good, many, '--out', killDir, '-q'], { cwd: tmp, stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, 150 + trial * 250));
      p.kill('SIGKILL');
      await new Promise((resolve) => p.on('exit', resolve));
      for (const name of existsSync(killDir) ? readdirSync(killDir) : []) {
        if (name.startsWith('.')) continue;
        const text = readFileSync(join(killDir, name), 'utf8');
        const whole = name.endsWith('.json') ? (() => { try { JSON.parse(text); return true; } catch { return false; } })() : text.split('\n').slice(0, -1).every((l) => { try { JSON.parse(l); return true; } catch { return false; } }) && text.endsWith('\n');
        if (!whole) {
          tally.partialFiles++;
          note('partial file after SIGKILL', `${name} (trial ${trial})`);
        }
      }
    }
    const tempsBefore = existsSync(killDir) ? readdirSync(killDir).filter((f) => COACHCODE_TEMP.test(f)).length : 0;
    place('a run into the folder of a killed one', cli(['code', good, '--out', killDir, '-q']), { exit: 0 });
    const tempsAfter = readdirSync(killDir).filter((f) => COACHCODE_TEMP.test(f)).length;
    tally.leftoverTemps += tempsAfter;
    tally.killTrials = 12;
    tally.tempsLeftByKills = tempsBefore;
    if (tempsAfter) note('temporary files left after the next run', `${tempsAfter}`);
  }
  // The same batch, twice with -j 1 and once with -j 2: byte-identical.
  {
    const batch = [good, ...inputs.filter((i) => i.kind === 'hostile-name').slice(0, 20).map((i) => join(corpusDir, i.path))];
    const outputs = [['-j', '1'], ['-j', '1'], ['-j', '2']].map((j) => cli(['code', ...batch, ...j, '--format', 'jsonl', '-q']).stdout);
    tally.runs += 3;
    if (!(outputs[0] === outputs[1] && outputs[1] === outputs[2])) {
      tally.nondeterministic++;
      note('output differs between runs or -j', 'code batch');
    }
  }

  // Inputs never overwritten: every file that was there at the start has the same content.
  const after = fileHashes([tmp]);
  for (const [path, hash] of before) {
    if (path.startsWith(outDir)) continue;
    if (after.get(path) !== hash) {
      tally.overwrittenInputs++;
      note('overwritten input', path);
    }
  }
  tally.seconds = Math.round((performance.now() - started) / 1000);
  const command = `node scripts/hostile-campaign.mjs ${process.argv.slice(2).join(' ')}`.trim() + (target !== root ? ` (packages of ${target})` : '');
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
  const lines = [
    `hostile campaign (${command}), ${tally.seconds} s`,
    `inputs tried: ${tally.inputs} hostile inputs and ${tally.flagFiles} hostile flag files; ${tally.runs} CLI runs (${commands.length} command lines per input); ${tally.libraryCalls} library calls`,
    `internal errors: ${tally.internalErrors}`,
    `escaped exceptions: ${tally.escapedExceptions} from safe* functions, ${tally.thrownByRun} from run()`,
    `lost good files: ${tally.lostGoodFiles}`,
    `hangs: ${tally.hangs}`,
    `overwritten inputs: ${tally.overwrittenInputs}`,
    `crashes: ${tally.crashes}; exit statuses other than 0, 1, 2: ${tally.badExit}; polluted prototypes: ${tally.polluted}`,
    `formulas passed through to CSV: ${tally.formulaCells} cells`,
    `messages without a file (or line): ${tally.unlocatedMessages}; raw control characters on a terminal: ${tally.rawControlOnTerminal}`,
    `SIGKILL during writes: ${tally.killTrials} trials, ${tally.partialFiles} partial files, ${tally.tempsLeftByKills} temporary files left, ${tally.leftoverTemps} after the next run; -j 1 / -j 2 output differences: ${tally.nondeterministic}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  for (const [what, list] of examples) process.stdout.write(`\n${what}:\n${list.map((l) => `  ${l}`).join('\n')}\n`);
  if (options.json) writeFileSync(options.json, JSON.stringify({ command, tally, examples: Object.fromEntries(examples) }, null, 2) + '\n');
  for (const d of ['locked/closed', 'readonly']) chmodSync(join(placesDir, d), 0o755);
  rmSync(tmp, { recursive: true, force: true });
  const bad = ['formulaCells', 'internalErrors', 'escapedExceptions', 'thrownByRun', 'lostGoodFiles', 'hangs', 'overwrittenInputs', 'crashes', 'badExit', 'polluted', 'partialFiles', 'leftoverTemps', 'nondeterministic'];
  process.exitCode = bad.some((k) => tally[k] > 0) ? 1 : 0;
}

if (process.argv[2] === '--child') await child();
else if (process.argv[2] === '--library') await library();
else await main();
