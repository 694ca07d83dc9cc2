// Programmatic entry of @coachcode/cli, for tests and embedding: build the program or run it.
export { createProgram } from './program.js';
export type { ProgramResult } from './program.js';
export { ExitCode, run } from './run.js';
export type { CliIo, OutputStream } from './io.js';
export { nodeIo } from './io.js';
