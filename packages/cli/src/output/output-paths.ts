import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fsReason } from '../fs/fs-errors.js';
import { expandInputs } from '../inputs/expand-inputs.js';
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

/** The flags that name files a command reads besides its transcripts. */
export interface InputFileFlags {
  roles?: string;
  model?: string;
  base?: string;
  codebook?: string;
  gold?: readonly string[];
  coders?: readonly string[];
}

/**
 * Every file a run reads, by real path (links resolved) → the path as given: the transcripts, and
 * the files of `--roles`, `--model`, `--base`, `--codebook`, `--gold` and `--coders` (folders
 * expanded). No output may be one of them.
 */
export function protectedInputs(inputs: readonly InputRef[], flags: InputFileFlags, cwd: string): Map<string, string> {
  const paths = inputs.filter((i) => i.kind === 'file').map((i) => i.path);
  for (const single of [flags.roles, flags.model, flags.base, flags.codebook]) if (single !== undefined) paths.push(single);
  const many = [...(flags.gold ?? []), ...(flags.coders ?? [])];
  if (many.length > 0) {
    paths.push(...many);
    for (const i of expandInputs(many, { cwd, stdinName: 'stdin' }).inputs) if (i.kind === 'file') paths.push(i.path);
  }
  return new Map(paths.map((p) => [realPath(resolve(cwd, p)), p]));
}

/** A problem message when `output` is one of the inputs (compared as real paths, links resolved). */
export function outputClash(output: string, inputs: ReadonlyMap<string, string>, cwd: string): string | undefined {
  const input = inputs.get(realPath(resolve(cwd, output)));
  return input === undefined ? undefined : messages.outputIsInput(output, input);
}

/** The longest output file name written, in UTF-8 bytes (file systems allow 255; the rest is margin). */
export const MAX_NAME_BYTES = 200;
const utf8 = new TextEncoder();

/** Cuts `stem` so that `stem + suffix` is at most {@link MAX_NAME_BYTES} bytes of UTF-8, at a character boundary. */
export function boundedName(stem: string, suffix: string): string {
  const room = MAX_NAME_BYTES - utf8.encode(suffix).length;
  if (utf8.encode(stem).length <= room) return stem + suffix;
  let out = '';
  let bytes = 0;
  for (const ch of stem) {
    const n = utf8.encode(ch).length;
    if (bytes + n > room) break;
    out += ch;
    bytes += n;
  }
  return out + suffix;
}

/** The nearest folder of `path` that exists (the path itself when it is one). */
function nearestFolder(path: string): string {
  let p = path;
  for (;;) {
    try {
      statSync(p);
      return p;
    } catch {
      const up = dirname(p);
      if (up === p) return p;
      p = up;
    }
  }
}

/**
 * Checks before anything runs that a folder can take output: it is a folder (or can be made in
 * one) and can be written in. Problems are recorded with `flag` and `shown`, the output as given.
 */
export function checkOutputFolder(flag: string, folder: string, cwd: string, problems: string[], shown = folder): void {
  const absolute = resolve(cwd, folder);
  const existing = nearestFolder(absolute);
  try {
    if (!statSync(existing).isDirectory()) {
      problems.push(existing === absolute && shown === folder ? messages.outputFolderIsFile(flag, folder) : messages.outputUnwritable(shown, fsReason({ code: 'ENOTDIR' })));
      return;
    }
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (error) {
    problems.push(messages.outputUnwritable(shown, fsReason(error)));
  }
}

/**
 * Checks an output file before anything runs: an allowed extension (when given), a name the file
 * system takes, not a folder, in a folder that can be written, and not one of the inputs.
 */
export function checkOutputFile(flag: string, out: string, inputs: ReadonlyMap<string, string>, cwd: string, problems: string[], extensions?: readonly string[]): void {
  if (extensions && !extensions.some((e) => out.toLowerCase().endsWith(e))) problems.push(messages.outputExtension(flag, out, extensions));
  const absolute = resolve(cwd, out);
  if (utf8.encode(basename(absolute)).length > 255) problems.push(messages.outputUnwritable(out, fsReason({ code: 'ENAMETOOLONG' })));
  let folder = false;
  try {
    folder = statSync(absolute).isDirectory();
  } catch {
    // Not there yet: it will be created.
  }
  if (folder) problems.push(messages.outputIsFolder(flag, out));
  else checkOutputFolder(flag, dirname(out) || '.', cwd, problems, out);
  const clash = outputClash(out, inputs, cwd);
  if (clash) problems.push(clash);
}
