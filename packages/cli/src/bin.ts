#!/usr/bin/env node
import { prestartWorkers } from './early-workers.js';

// -j N: the workers start before the rest of the CLI is loaded (see early-workers.ts).
prestartWorkers(process.argv.slice(2), import.meta.url);
const { main } = await import('./run.js');
await main();
