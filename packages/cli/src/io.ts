import { MAX_INPUT_BYTES } from './fs/read-input-file.js';

/** A text stream the CLI writes to: stdout or stderr, or a fake one in tests. */
export interface OutputStream {
  write(chunk: string): boolean | void;
  /** Whether the stream is a terminal (decides colour, default format, progress bar). */
  isTTY?: boolean;
  /** Terminal width, when known. */
  columns?: number;
  /** Present on Node streams: lets writers wait for `drain` (back-pressure keeps memory flat). */
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * Everything the CLI takes from the outside world, injected so that tests can build a program
 * with fake streams and environment (see `createProgram`).
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Reads all of standard input (used for the `-` path). */
  readStdin(): Promise<Uint8Array>;
  env: Readonly<Record<string, string | undefined>>;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
}

/** The real process's streams and environment. */
export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      // Stops one byte past the limit (the caller refuses it), so an endless pipe cannot fill memory.
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        total += (chunk as Buffer).length;
        if (total > MAX_INPUT_BYTES) {
          process.stdin.destroy();
          break;
        }
      }
      return Buffer.concat(chunks);
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Writes a chunk and, when the stream asks for it, waits until it has drained. */
export async function writeChunk(stream: OutputStream, chunk: string): Promise<void> {
  if (chunk === '') return;
  const ok = stream.write(chunk);
  if (ok === false && stream.once) await new Promise<void>((resolve) => stream.once?.('drain', () => resolve()));
}
