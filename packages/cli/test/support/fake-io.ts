import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run, type CliIo } from '../../src/index.js';
// @ts-expect-error: a plain ES module of the repository's scripts, without types
import { GOOD_TALK } from '../../../../scripts/hostile-fixtures.mjs';

/** A fake terminal or pipe that records what was written. */
export class FakeStream {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns?: number,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface FakeIoOptions {
  cwd: string;
  stdin?: string | Uint8Array;
  env?: Record<string, string | undefined>;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
}

/** Injected io for `run`/`createProgram`: fake streams, a given environment and stdin. */
export function fakeIo(options: FakeIoOptions): CliIo & { stdout: FakeStream; stderr: FakeStream } {
  const stdin = typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array());
  return {
    stdout: new FakeStream(options.stdoutTTY ?? false, options.stdoutTTY ? 100 : undefined),
    stderr: new FakeStream(options.stderrTTY ?? false),
    readStdin: async () => stdin,
    env: options.env ?? {},
    cwd: options.cwd,
  };
}

/** Runs the CLI in-process and returns exit status and the two streams' text. */
export async function runCli(argv: string[], options: FakeIoOptions): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIo(options);
  const code = await run(argv, io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

/** A fresh temporary folder holding the given files (path → content). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'coachcode-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** Invented coaching talk, six turns, two speakers: the good transcript of scripts/hostile-fixtures.mjs. */
export const TALK: string = GOOD_TALK;

/** Invented mentoring talk, four turns, speakers named. */
export const NAMED_TALK = [
  'Angela Price: Going back to your target from last week, Tom, how did the questioning go?',
  'Tom: Better, I think. I asked Angela for help planning it, as you know.',
  'Angela Price: What evidence do you have that it was better?',
  "Tom: I don't really agree that I need evidence for everything.",
  '',
].join('\n');
