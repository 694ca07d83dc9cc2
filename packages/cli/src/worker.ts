// Worker-thread entry of `coachcode … -j N`: loads the classifier once, then codes the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { Job } from './batch/job.js';
import { serveWorker } from './batch/run-batch.js';

if (!parentPort) throw new Error('worker.js is a worker-thread entry; run bin.js instead');
serveWorker(parentPort, workerData as Job);
