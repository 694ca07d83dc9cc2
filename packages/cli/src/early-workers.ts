// Starts `-j N`'s worker threads first thing in bin.js, before the CLI's own modules are loaded,
// so that a worker's start-up (Node, the CLI's and core's modules, the model: about 0.3 s) runs on
// the second core while the main thread loads the same and reads the arguments and the listing.
// Imports nothing but Node's own modules: whatever this file imports is loaded before the worker
// starts. run-batch.ts takes the workers from here (see PRESTARTED); a worker that no batch takes
// (a usage error, a command without files) is unreferenced and ends with the process.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Where bin.js leaves the workers it started, for run-batch.ts (a global, so that every copy of this module sees the same list). */
const PRESTARTED = Symbol.for('coachcode.prestarted-workers');

/** The value of `-j` / `--jobs` on this command line, or 1 (the parser checks it properly later). */
export function jobsInArgv(argv: readonly string[]): number {
  let jobs = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    let value: string | undefined;
    if (a === '-j' || a === '--jobs') value = argv[i + 1];
    else if (a.startsWith('--jobs=')) value = a.slice(7);
    else if (/^-j\d+$/.test(a)) value = a.slice(2);
    if (value !== undefined && /^\d+$/.test(value)) jobs = Number(value);
  }
  return jobs;
}

/** A worker started early, and whether it has failed before the batch took it. */
export interface Prestarted {
  worker: Worker;
  failed: boolean;
}

/** Starts min(`-j`, cores) − 1 worker threads from `worker.js` beside `here`, unreferenced, and leaves them for the batch. */
export function prestartWorkers(argv: readonly string[], here: string): void {
  const helpOnly = argv.some((a) => a === '-h' || a === '--help' || a === '-V' || a === '--version');
  const count = helpOnly ? 0 : Math.min(jobsInArgv(argv), availableParallelism()) - 1;
  const started: Prestarted[] = [];
  for (let n = 0; n < count; n++) {
    try {
      const entry: Prestarted = { worker: new Worker(new URL('./worker.js', here)), failed: false };
      entry.worker.unref();
      // A worker that fails before the batch takes it (no worker.js) is dropped: the batch starts
      // one the ordinary way, which reports why it cannot.
      entry.worker.on('error', () => (entry.failed = true));
      entry.worker.on('exit', () => (entry.failed = true));
      started.push(entry);
    } catch {
      break;
    }
  }
  (globalThis as Record<symbol, unknown>)[PRESTARTED] = started;
}

/** The workers bin.js started early and no batch has taken yet (the batch takes them with `shift`). */
export function prestarted(): Prestarted[] | undefined {
  return (globalThis as Record<symbol, Prestarted[] | undefined>)[PRESTARTED];
}
