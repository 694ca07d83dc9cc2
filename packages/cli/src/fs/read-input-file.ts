import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { messages } from '../messages.js';
import { fsReason } from './fs-errors.js';

/**
 * The largest input coachcode reads, in bytes (256 MiB). A transcript of a whole day of talk is
 * under a megabyte; the limit keeps a wrong path (a disk image, `/dev/zero` piped in) from
 * filling memory.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** A file that cannot be read as an input: its message is the reason (`permission denied (EACCES)`); the caller says which file. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

/** What a file-system entry is, in words, when it is not a regular file or a folder. */
export function specialKind(stat: Stats): string | undefined {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return undefined;
}

/**
 * Reads a whole input file (transcript, roles file, gold coding, model, codebook): a regular file
 * of at most {@link MAX_INPUT_BYTES}. A named pipe, a socket or a device is refused at once —
 * it is opened without blocking and never read — so a FIFO among the inputs cannot stop a run,
 * and `/dev/zero` cannot fill memory. Throws an {@link InputFileError} saying why.
 */
export function readInputFile(path: string, limit = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputFileError(fsReason(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputFileError(fsReason({ code: 'EISDIR' }));
    const special = specialKind(stat);
    if (special !== undefined || !stat.isFile()) throw new InputFileError(messages.notRegularFile(special ?? 'not a regular file'));
    if (stat.size > limit) throw new InputFileError(messages.fileTooLarge(stat.size, limit));
    // Read to the end (a file may grow while it is read), never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total, 65536), limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw new InputFileError(fsReason(error));
      }
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new InputFileError(messages.fileTooLarge(total, limit));
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Reads an input file as UTF-8 text (a byte-order mark is dropped). */
export function readInputText(path: string): string {
  return new TextDecoder().decode(readInputFile(path));
}
