import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CodedInput, type Job, type Outcome, type Task } from '../src/batch/job.js';
import { processInput } from '../src/batch/process-input.js';
import { packChunks, runBatch, serveWorker, threadsFor, unpackChunks, type BatchWorker, type WorkerReply } from '../src/batch/run-batch.js';
import { jobsInArgv } from '../src/early-workers.js';
import type { InputRef } from '../src/inputs/input-ref.js';
import { NAMED_TALK, TALK, tempTree } from './support/fake-io.js';

// The batch's scheduling with stand-in workers (the real worker threads need the built CLI; the
// end-to-end tests run those): order, sharing, batching, failures and the cap on threads.

const settings = { merge: true, guess: true, coach: [], coachee: [], observer: [], anonymise: false, stdinName: 'stdin', jobs: 1 };

function batchOf(count: number): { inputs: InputRef[]; job: Job } {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`t${String(i).padStart(3, '0')}.txt`] = i % 3 ? TALK : NAMED_TALK;
  const cwd = tempTree(files);
  const inputs = Object.keys(files).map((path): InputRef => ({ kind: 'file', path }));
  return { inputs, job: { cwd, analysis: settings, codedInput: CodedInput.recode, keep: { records: true } } };
}

/** A worker thread's stand-in: codes in this thread, answering each batch on a later turn of the event loop. */
class FakeWorker extends EventEmitter implements BatchWorker {
  readonly batches: number[][] = [];
  maxHeld = 0;
  private held = 0;
  terminated = false;
  constructor(
    private readonly job: Job,
    private readonly behaviour: { ready?: boolean; failOnBatch?: number } = {},
  ) {
    super();
    if (behaviour.ready !== false) queueMicrotask(() => this.emit('message', { kind: 'ready' } satisfies WorkerReply));
  }
  postMessage(tasks: Task[]): void {
    this.batches.push(tasks.map((t) => t.index));
    this.maxHeld = Math.max(this.maxHeld, ++this.held);
    if (this.batches.length === this.behaviour.failOnBatch) {
      setTimeout(() => this.emit('error', new Error('worker fell over')), 1);
      return;
    }
    setTimeout(() => {
      this.held--;
      this.emit('message', { kind: 'done', outcomes: tasks.map((t) => processInput(t, this.job)) } satisfies WorkerReply);
    }, 2);
  }
  terminate(): void {
    this.terminated = true;
  }
}

async function collect(inputs: InputRef[], job: Job, jobs: number, startWorker?: (job: Job) => BatchWorker, notes: string[] = []) {
  const outcomes: Outcome[] = [];
  const threads = await runBatch(inputs, job, {
    jobs,
    cores: 4,
    readStdin: async () => new Uint8Array(),
    onOutcome: (o) => {
      outcomes.push(o);
    },
    onNote: (line) => notes.push(line),
    ...(startWorker ? { startWorker } : {}),
  });
  const bare = outcomes.map((o) => ({ ...o, ms: 0 }));
  return { outcomes: bare, threads };
}

describe('runBatch', () => {
  it('with -j 3, two workers and the calling thread share the files; outcomes come in input order, the same as -j 1', async () => {
    const { inputs, job } = batchOf(60);
    const workers: FakeWorker[] = [];
    const one = await collect(inputs, job, 1);
    const three = await collect(inputs, job, 3, (j) => {
      const w = new FakeWorker(j);
      workers.push(w);
      return w;
    });
    expect(three.threads).toBe(3);
    expect(workers).toHaveLength(2);
    expect(three.outcomes.map((o) => o.index)).toEqual(inputs.map((_, i) => i));
    expect(three.outcomes).toEqual(one.outcomes);
    expect(one.outcomes.every((o) => o.errors.length === 0 && o.transcripts[0]?.records?.length)).toBe(true);
    const byWorkers = workers.flatMap((w) => w.batches.flat());
    for (const w of workers) {
      expect(w.batches.length).toBeGreaterThan(0);
      expect(w.maxHeld).toBeLessThanOrEqual(2);
      expect(w.batches.every((b) => b.length >= 1 && b.length <= 16)).toBe(true);
      expect(w.terminated).toBe(true);
    }
    // Each file goes to one thread only, and the calling thread codes some of them itself.
    expect(new Set(byWorkers).size).toBe(byWorkers.length);
    expect(byWorkers.length).toBeGreaterThan(0);
    expect(byWorkers.length).toBeLessThan(inputs.length);
    // Batches of several files while many are left: fewer messages than files.
    expect(workers.reduce((n, w) => n + w.batches.length, 0)).toBeLessThan(byWorkers.length);
  });

  it('a worker that never gets ready gets no file: the calling thread codes them all', async () => {
    const { inputs, job } = batchOf(8);
    let worker: FakeWorker | undefined;
    const r = await collect(inputs, job, 2, (j) => (worker = new FakeWorker(j, { ready: false })));
    expect(r.outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(worker?.batches).toEqual([]);
    expect(worker?.terminated).toBe(true);
  });

  it("a worker's crash fails the run with its error, and the workers are stopped", async () => {
    const { inputs, job } = batchOf(40);
    let worker: FakeWorker | undefined;
    await expect(collect(inputs, job, 2, (j) => (worker = new FakeWorker(j, { failOnBatch: 1 })))).rejects.toThrow('worker fell over');
    expect(worker?.terminated).toBe(true);
  });

  it('one input starts no worker', async () => {
    const { inputs, job } = batchOf(1);
    const r = await collect(inputs, job, 4, () => {
      throw new Error('no worker expected');
    });
    expect(r.outcomes).toHaveLength(1);
    expect(r.threads).toBe(1);
  });

  it('-j above the cores is capped at the cores, with a note', async () => {
    const notes: string[] = [];
    expect(threadsFor(8, { cores: 2, onNote: (l) => notes.push(l) })).toBe(2);
    expect(notes).toEqual(['note: -j 8 is more than the 2 cores here; coding on 2 threads']);
    expect(threadsFor(2, { cores: 2, onNote: (l) => notes.push(l) })).toBe(2);
    expect(notes).toHaveLength(1);
    const { inputs, job } = batchOf(3);
    const r = await collect(inputs, job, 9, (j) => new FakeWorker(j), notes);
    expect(r.threads).toBe(4);
    expect(notes[1]).toMatch(/-j 9 is more than the 4 cores/);
  });
});

describe('serveWorker', () => {
  it('sends the rendered chunks as UTF-8 bytes whose buffers are transferred, and they read back as the same text', () => {
    const { inputs, job } = batchOf(3);
    const rendered: Job = { ...job, render: { format: 'jsonl', colorLevel: 0 } };
    const sent: [WorkerReply, ArrayBuffer[] | undefined][] = [];
    const port = new EventEmitter();
    serveWorker({ postMessage: (r, transfer) => sent.push([r, transfer]), on: (e, l) => port.on(e, l) }, rendered);
    port.emit('message', [0, 1].map((index): Task => ({ index, input: inputs[index] as InputRef })));
    const [reply, transfer] = sent[1] as [Extract<WorkerReply, { kind: 'done' }>, ArrayBuffer[]];
    expect(reply.outcomes.flatMap((o) => o.transcripts.map((t) => t.chunk))).toEqual([undefined, undefined]);
    expect(reply.chunks?.map((c) => c?.buffer)).toEqual(transfer);
    unpackChunks(reply.outcomes, reply.chunks ?? []);
    const direct = [0, 1].map((index) => processInput({ index, input: inputs[index] as InputRef }, rendered));
    expect(reply.outcomes.map((o) => o.transcripts[0]?.chunk)).toEqual(direct.map((o) => o.transcripts[0]?.chunk));
    expect(reply.outcomes[0]?.transcripts[0]?.chunk).toMatch(/^\{"source":"t000\.txt"/);
  });

  it('packs text with any characters, and transcripts without a chunk, in order', () => {
    const outcome = (chunks: (string | undefined)[]): Outcome => ({ index: 0, path: 'a', warnings: [], errors: [], ms: 0, transcripts: chunks.map((chunk) => ({ source: 'a', turnCount: 0, roles: {}, human: false, model: 'm', codesAreHuman: false, ...(chunk === undefined ? {} : { chunk }) })) });
    const outcomes = [outcome(['“Why?” — she asked ’twas', undefined]), outcome(['', '日本語 😀\n'])];
    const { chunks, transfer } = packChunks(outcomes);
    expect(chunks.map((c) => (c === null ? null : c.length))).toEqual([Buffer.byteLength('“Why?” — she asked ’twas'), null, 0, 15]);
    expect(transfer).toHaveLength(3);
    unpackChunks(outcomes, chunks);
    expect(outcomes.flatMap((o) => o.transcripts.map((t) => t.chunk))).toEqual(['“Why?” — she asked ’twas', undefined, '', '日本語 😀\n']);
  });


  it('says it is ready, then answers each batch with its outcomes in the order sent', () => {
    const { inputs, job } = batchOf(3);
    const sent: WorkerReply[] = [];
    const port = new EventEmitter();
    serveWorker({ postMessage: (r) => sent.push(r), on: (e, l) => port.on(e, l) }, job);
    expect(sent).toEqual([{ kind: 'ready' }]);
    port.emit('message', [2, 0].map((index): Task => ({ index, input: inputs[index] as InputRef })));
    const reply = sent[1] as Extract<WorkerReply, { kind: 'done' }>;
    expect(reply.outcomes.map((o) => [o.index, o.path, o.errors.length])).toEqual([
      [2, 't002.txt', 0],
      [0, 't000.txt', 0],
    ]);
  });
});

describe('jobsInArgv (bin.js starts the workers before the arguments are parsed)', () => {
  it('reads -j N, -jN, --jobs N and --jobs=N, the last one winning, and stops at --', () => {
    expect(jobsInArgv(['code', 'in'])).toBe(1);
    expect(jobsInArgv(['code', 'in', '-j', '2'])).toBe(2);
    expect(jobsInArgv(['code', '-j4', 'in'])).toBe(4);
    expect(jobsInArgv(['code', '--jobs', '3', 'in'])).toBe(3);
    expect(jobsInArgv(['code', '--jobs=2', 'in', '-j', '1'])).toBe(1);
    expect(jobsInArgv(['code', '-j', 'two', 'in'])).toBe(1);
    expect(jobsInArgv(['code', '--', '-j', '2'])).toBe(1);
  });
});
