import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prestarted } from '../early-workers.js';
import type { InputRef } from '../inputs/input-ref.js';
import { messages } from '../messages.js';
import type { Job, Outcome, Task } from './job.js';
import { processInput, warmUp } from './process-input.js';

/**
 * What a worker thread sends: `ready` once its classifier is loaded, then one `done` per batch of
 * tasks. In `done`, the transcripts' rendered `chunk`s may travel as UTF-8 bytes in `chunks` (see
 * {@link packChunks}).
 */
export type WorkerReply = { kind: 'ready' } | { kind: 'done'; outcomes: Outcome[]; chunks?: (Uint8Array | null)[] };

/** A worker thread as the batch sees it (a real `Worker`, or a stand-in in tests). */
export interface BatchWorker {
  postMessage(tasks: Task[]): void;
  on(event: 'message', listener: (reply: WorkerReply) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number> | void;
}

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** Threads that code, the calling thread included; 1 codes every file on the calling thread. */
  jobs: number;
  /** Reads standard input, for the `-` input. */
  readStdin: () => Promise<Uint8Array>;
  /** Called once per input, in input order, as soon as it and every input before it are done. */
  onOutcome: (outcome: Outcome) => Promise<void> | void;
  /** Told when `jobs` is more than the cores and is lowered to their number. */
  onNote?: (line: string) => void;
  /** Cores to cap `jobs` at (default: `os.availableParallelism()`). */
  cores?: number;
  /** Starts one worker thread for the job (default: `dist/worker.js`; tests pass a stand-in). */
  startWorker?: (job: Job) => BatchWorker;
}

/**
 * How many outcomes may wait, per thread, for an earlier input to finish (keeps memory flat: about
 * 30 KB of JSONL a file, so 8 MB with -j 2). It was 32: the main thread then ran out of room while
 * a worker held the oldest input in its two batches of 16, and waited for it about 0.2-0.3 s of a
 * 2.3 s run of 540 files (docs/benchmarks.md).
 */
const AHEAD_PER_THREAD = 128;
/** Most files sent to a worker in one message. */
const MAX_BATCH = 16;
/** Batches a worker holds at once: the next is there when it finishes one, while the main thread is busy coding. */
const BATCHES_PER_WORKER = 2;

/** The worker entry beside this module (tsup builds `dist/worker.js` next to the chunk holding this code). */
function workerUrl(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const up = new URL('../worker.js', import.meta.url);
  if (existsSync(fileURLToPath(up))) return up;
  throw new Error(messages.workerMissing(fileURLToPath(here)));
}

/** A worker thread for the job: one bin.js started early if there is one left, else a new one; its first message is the job. */
function startThread(job: Job): BatchWorker {
  const early = prestarted();
  let worker: Worker | undefined;
  for (let e = early?.shift(); e && !worker; e = early?.shift()) {
    if (e.failed) void e.worker.terminate();
    else worker = e.worker;
  }
  worker ??= new Worker(workerUrl());
  worker.ref();
  worker.postMessage({ job });
  return worker as unknown as BatchWorker;
}

/** `jobs`, capped at the number of cores (more threads than cores only add start-up and switching). */
export function threadsFor(jobs: number, options: Pick<BatchOptions, 'cores' | 'onNote'>): number {
  const cores = Math.max(1, options.cores ?? availableParallelism());
  if (jobs <= cores) return Math.max(1, jobs);
  options.onNote?.(messages.jobsCapped(jobs, cores));
  return cores;
}

/** One worker thread's state in the batch. */
interface Helper {
  worker: BatchWorker;
  ready: boolean;
  /** Batches sent and not yet answered, oldest first. */
  pending: number;
}

/**
 * Codes every input and hands each outcome over in input order. With `jobs` N > 1 the calling
 * thread codes too, beside N − 1 worker threads started once for the whole run: each worker
 * loads the classifier once, says it is ready, and is then sent files in batches (up to
 * {@link MAX_BATCH} a message, smaller towards the end so the threads finish together). Until a
 * worker is ready the calling thread codes alone, so a small batch never waits for start-up.
 * At most {@link AHEAD_PER_THREAD} × N outcomes wait in memory for an earlier input, so memory
 * does not grow with the number of files. Returns the number of threads used.
 */
export async function runBatch(inputs: readonly InputRef[], job: Job, options: BatchOptions): Promise<number> {
  const threads = threadsFor(options.jobs, options);
  const stdin = inputs.some((i) => i.kind === 'stdin') ? options.readStdin : undefined;
  let stdinBytes: Uint8Array | undefined;
  const task = (index: number): Task => {
    const input = inputs[index] as InputRef;
    return input.kind === 'stdin' && stdinBytes ? { index, input, bytes: stdinBytes } : { index, input };
  };
  if (stdin) stdinBytes = await stdin();

  if (threads <= 1 || inputs.length <= 1) {
    for (let i = 0; i < inputs.length; i++) await options.onOutcome(processInput(task(i), job));
    return 1;
  }

  const done = new Map<number, Outcome>();
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const start = options.startWorker ?? startThread;
  const helpers: Helper[] = [];
  for (let n = 1; n < Math.min(threads, inputs.length); n++) {
    const helper: Helper = { worker: start(job), ready: false, pending: 0 };
    helper.worker.on('message', (reply) => {
      if (reply.kind === 'ready') helper.ready = true;
      else {
        helper.pending--;
        if (reply.chunks) unpackChunks(reply.outcomes, reply.chunks);
        for (const o of reply.outcomes) done.set(o.index, o);
      }
      signal();
    });
    helper.worker.on('error', (error) => {
      failure ??= error;
      signal();
    });
    helper.worker.on('exit', (code) => {
      helper.ready = false;
      if (code !== 0 || helper.pending > 0) failure ??= new Error(messages.workerStopped(code));
      signal();
    });
    helpers.push(helper);
  }

  const limit = AHEAD_PER_THREAD * threads;
  let next = 0; // the next input to hand out
  let emitted = 0; // inputs handed to onOutcome
  // Hands out up to `max` inputs, fewer near the end so every thread gets a share of what is left.
  const take = (max: number): Task[] => {
    const room = Math.min(inputs.length, emitted + limit) - next;
    const share = Math.ceil((inputs.length - next) / (threads * 2));
    const count = Math.max(0, Math.min(room, max, Math.max(1, share)));
    const tasks = Array.from({ length: count }, (_, k) => task(next + k));
    next += count;
    return tasks;
  };
  try {
    while (emitted < inputs.length) {
      if (failure !== undefined) throw failure;
      while (done.has(emitted)) {
        const outcome = done.get(emitted) as Outcome;
        done.delete(emitted);
        emitted++;
        await options.onOutcome(outcome);
      }
      if (emitted >= inputs.length) break;
      for (const h of helpers) {
        while (h.ready && h.pending < BATCHES_PER_WORKER) {
          const tasks = take(MAX_BATCH);
          if (tasks.length === 0) break;
          h.pending++;
          h.worker.postMessage(tasks);
        }
      }
      const mine = take(1)[0];
      if (mine) {
        done.set(mine.index, processInput(mine, job));
        // Let the workers' messages in before the next file.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else if (!done.has(emitted)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    await Promise.all(helpers.map((h) => h.worker.terminate()));
  }
  return threads;
}

/**
 * Moves the transcripts' rendered chunks out of the outcomes into UTF-8 bytes, in transcript
 * order (`null` where a transcript has none), with the buffers to transfer rather than copy.
 * Copying the strings was the largest cost of a worker's replies: the JSONL of 432 files is
 * 16 MB of text with curly quotes and dashes (two-byte strings), and a structured clone of half
 * of it took about 300 ms between the threads; encoding takes about 10 ms and the transfer 1 ms.
 */
export function packChunks(outcomes: readonly Outcome[]): { chunks: (Uint8Array | null)[]; transfer: ArrayBuffer[] } {
  const encoder = new TextEncoder();
  const chunks: (Uint8Array | null)[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const o of outcomes) {
    for (const t of o.transcripts) {
      if (t.chunk === undefined) {
        chunks.push(null);
        continue;
      }
      const bytes = encoder.encode(t.chunk);
      delete t.chunk;
      chunks.push(bytes);
      transfer.push(bytes.buffer as ArrayBuffer);
    }
  }
  return { chunks, transfer };
}

/** Puts the chunks of {@link packChunks} back into the outcomes, as text. */
export function unpackChunks(outcomes: readonly Outcome[], chunks: readonly (Uint8Array | null)[]): void {
  const decoder = new TextDecoder();
  let k = 0;
  for (const o of outcomes) {
    for (const t of o.transcripts) {
      const bytes = chunks[k++];
      if (bytes) t.chunk = decoder.decode(bytes);
    }
  }
}

/** The body of a worker thread: loads the classifier, says it is ready, then codes each batch it is sent. */
export function serveWorker(port: { postMessage(reply: WorkerReply, transfer?: ArrayBuffer[]): void; on(event: 'message', listener: (tasks: Task[]) => void): unknown }, job: Job): void {
  warmUp(job);
  port.on('message', (tasks) => {
    const outcomes = tasks.map((t) => processInput(t, job));
    const { chunks, transfer } = packChunks(outcomes);
    port.postMessage({ kind: 'done', outcomes, chunks }, transfer);
  });
  port.postMessage({ kind: 'ready' });
}
