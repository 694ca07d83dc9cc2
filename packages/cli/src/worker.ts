// Worker-thread entry of `coachcode … -j N`: receives tasks, sends back outcomes.
import { parentPort, workerData } from 'node:worker_threads';
import type { Job, Task } from './batch/job.js';
import { processInput } from './batch/process-input.js';

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('worker.js is a worker-thread entry; run bin.js instead');
port.on('message', (task: Task) => port.postMessage(processInput(task, job)));
