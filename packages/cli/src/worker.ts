// Worker-thread entry of `coachcode … -j N`: its first message is the run's job (the worker may be
// started before the job is known, see early-workers.ts); it then loads the classifier once and
// codes the batches of files it is sent.
import { parentPort } from 'node:worker_threads';
import type { Job } from './batch/job.js';
import { serveWorker } from './batch/run-batch.js';

const port = parentPort;
if (!port) throw new Error('worker.js is a worker-thread entry; run bin.js instead');
port.once('message', (first: { job: Job }) => serveWorker(port, first.job));
