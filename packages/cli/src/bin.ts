#!/usr/bin/env node
import { main } from './run.js';

await main();
