import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { InputRef } from '../inputs/input-ref.js';
import { messages } from '../messages.js';

/** The real path of a file (links resolved); for a file not yet there, its folder's real path plus its name. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** The real paths of the file inputs, for the check that no output overwrites an input. */
export function inputPathSet(inputs: readonly InputRef[], cwd: string): Map<string, string> {
  return new Map(inputs.filter((i) => i.kind === 'file').map((i) => [realPath(resolve(cwd, i.path)), i.path]));
}

/** A problem message when `output` is one of the inputs (compared as real paths, links resolved). */
export function outputClash(output: string, inputs: ReadonlyMap<string, string>, cwd: string): string | undefined {
  const input = inputs.get(realPath(resolve(cwd, output)));
  return input === undefined ? undefined : messages.outputIsInput(output, input);
}
