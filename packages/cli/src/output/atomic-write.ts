import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fsReason } from '../fs/fs-errors.js';
import { messages } from '../messages.js';

/** An output that could not be written: the path as the user gave it and the reason, a user error (exit status 1). */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(messages.outputUnwritable(path, reason));
  }
}

/** Our temporary files: `.coachcode-<pid>-<8 hex>.tmp` (and, from before, `.<name>.<pid>.<8 hex>.tmp`). */
const TEMP = /^\.coachcode-(\d+)-[0-9a-f]{8}\.tmp$/;
const OLD_TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A temporary name in `folder`: short whatever the output's name, so it never exceeds a file-name limit. */
function tempPath(folder: string): string {
  return join(folder, `.coachcode-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const swept = new Set<string>();

/**
 * Removes the temporary files a killed coachcode left in `folder` (their process no longer runs),
 * once per folder and process. Files of a coachcode still running are kept; nothing else is touched.
 */
export function removeStaleTemps(folder: string): number {
  if (swept.has(folder)) return 0;
  swept.add(folder);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = TEMP.exec(name) ?? OLD_TEMP.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    const path = join(folder, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path, { force: true });
      removed++;
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/**
 * Writes a whole file under a temporary name in the same folder, then renames it into place, so
 * a reader never sees half a file and an interrupted run leaves no partial output (the next run
 * into the folder removes a temporary file left by a killed one). Creates the folder when it does
 * not exist. Throws an {@link OutputError} naming `shown` (the path as the user gave it) and the reason.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, shown: string = path): void {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new OutputError(shown, fsReason(error));
  }
  removeStaleTemps(folder);
  const temp = tempPath(folder);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new OutputError(shown, fsReason(error));
  }
}
