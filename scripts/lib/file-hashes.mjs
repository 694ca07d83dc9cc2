import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A temporary file of coachcode's atomic writes (`.coachcode-<pid>-<8 hex>.tmp`): a killed run's leftover, not an input. */
export const COACHCODE_TEMP = /^\.coachcode-\d+-[0-9a-f]{8}\.tmp$/;

/** The SHA-256 of a file's bytes, in hex. */
export function fileHash(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Content hashes of every regular file that can be read under the folders, by path (links are not
 * followed; coachcode's temporary files are left out). Taken before and after a run, two of them
 * show whether the run changed any file it should not have.
 */
export function fileHashes(folders) {
  const out = new Map();
  const walk = (dir) => {
    let names;
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && !COACHCODE_TEMP.test(name)) {
        try {
          out.set(path, fileHash(path));
        } catch {
          // Unreadable (a file nobody may read): not compared.
        }
      }
    }
  };
  folders.forEach(walk);
  return out;
}
