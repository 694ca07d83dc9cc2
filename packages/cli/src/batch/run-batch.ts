import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InputRef } from '../inputs/input-ref.js';
import { messages } from '../messages.js';
import type { Job, Outcome, Task } from './job.js';
import { processInput } from './process-input.js';

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** Worker threads; 1 processes every file on the calling thread. */
  jobs: number;
  /** Reads standard input, for the `-` input. */
  readStdin: () => Promise<Uint8Array>;
  /** Called once per input, in input order, as soon as it and every input before it are done. */
  onOutcome: (outcome: Outcome) => Promise<void> | void;
}

/** The worker entry beside this module (tsup builds `dist/worker.js` next to the chunk holding this code). */
function workerUrl(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const up = new URL('../worker.js', import.meta.url);
  if (existsSync(fileURLToPath(up))) return up;
  throw new Error(messages.workerMissing(fileURLToPath(here)));
}

async function makeTask(index: number, input: InputRef, readStdin: () => Promise<Uint8Array>): Promise<Task> {
  return input.kind === 'stdin' ? { index, input, bytes: await readStdin() } : { index, input };
}

/** A fixed set of worker threads, each coding one file at a time. */
class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { task: Task; resolve: (o: Outcome) => void; reject: (e: unknown) => void }[] = [];
  private readonly busy = new Map<Worker, { resolve: (o: Outcome) => void; reject: (e: unknown) => void }>();
  private readonly workers: Worker[];

  constructor(size: number, job: Job) {
    const url = workerUrl();
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(url, { workerData: job });
      w.on('message', (outcome: Outcome) => this.finish(w, (p) => p.resolve(outcome)));
      w.on('error', (error) => this.finish(w, (p) => p.reject(error)));
      w.on('exit', (code) => {
        if (code !== 0) this.finish(w, (p) => p.reject(new Error(messages.workerStopped(code))));
      });
      return w;
    });
    this.idle.push(...this.workers);
  }

  run(task: Task): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  private finish(worker: Worker, settle: (p: { resolve: (o: Outcome) => void; reject: (e: unknown) => void }) => void): void {
    const pending = this.busy.get(worker);
    if (!pending) return;
    this.busy.delete(worker);
    settle(pending);
    this.idle.push(worker);
    this.pump();
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift() as Worker;
      const item = this.queue.shift() as (typeof this.queue)[number];
      this.busy.set(worker, item);
      worker.postMessage(item.task);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Processes inputs one transcript at a time and hands each outcome over in input order. With
 * `jobs` > 1, files are coded on worker threads; at most 2 × jobs outcomes wait in memory at any
 * time, so memory does not grow with the number of files.
 */
export async function runBatch(inputs: readonly InputRef[], job: Job, options: BatchOptions): Promise<void> {
  if (options.jobs <= 1 || inputs.length <= 1) {
    for (let i = 0; i < inputs.length; i++) {
      await options.onOutcome(processInput(await makeTask(i, inputs[i] as InputRef, options.readStdin), job));
    }
    return;
  }
  const pool = new WorkerPool(Math.min(options.jobs, inputs.length), job);
  const window = options.jobs * 2;
  const inflight: Promise<Outcome>[] = [];
  let started = 0;
  const fill = async () => {
    while (started < inputs.length && inflight.length < window) {
      const task = await makeTask(started, inputs[started] as InputRef, options.readStdin);
      started++;
      const p = pool.run(task);
      p.catch(() => undefined); // awaited below, in order
      inflight.push(p);
    }
  };
  try {
    await fill();
    while (inflight.length > 0) {
      const outcome = await (inflight.shift() as Promise<Outcome>);
      await options.onOutcome(outcome);
      await fill();
    }
  } finally {
    await pool.close();
  }
}
