import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Diagnostic } from '@coachcode/core';
import { fsReason } from '../fs/fs-errors.js';
import { specialKind } from '../fs/read-input-file.js';
import { messages } from '../messages.js';
import { expandGlob, isGlob } from './glob.js';
import { RUN_SUMMARY_NAME, TRANSCRIPT_EXTENSIONS, type InputRef } from './input-ref.js';

/** The inputs named on the command line, in order, and the paths that named nothing. */
export interface Expansion {
  inputs: InputRef[];
  /** One error per path that is missing, unreadable, not a regular file or matched no transcript (the batch goes on). */
  problems: Diagnostic[];
  /** Entries skipped without loss: a link back to a folder already read. */
  warnings: Diagnostic[];
}

function isTranscriptName(name: string): boolean {
  return !name.startsWith('.') && name !== RUN_SUMMARY_NAME && TRANSCRIPT_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** The real path of an existing entry (links resolved), or the absolute path when it cannot be resolved. */
function realOf(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** What one expansion has seen so far: folders by real path (so a link loop ends), problems, warnings. */
class Walk {
  readonly folders = new Map<string, string>();
  readonly problems: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  error(source: string, code: string, message: string): void {
    this.problems.push({ code, severity: 'error', source, message });
  }

  warn(source: string, code: string, message: string): void {
    this.warnings.push({ code, severity: 'warning', source, message });
  }

  /**
   * Every transcript file under a folder, recursively, sorted by name at each level. A folder
   * reached again through a link is skipped with a warning (so link loops end); an unreadable
   * sub-folder is an error and the rest goes on; named pipes, sockets and devices with a
   * transcript's name are reported and never opened.
   */
  folder(shown: string, absolute: string, out: string[]): void {
    const real = realOf(absolute);
    const first = this.folders.get(real);
    if (first !== undefined) {
      this.warn(shown, 'input-link-loop', messages.folderLinkSeen(first));
      return;
    }
    this.folders.set(real, shown);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true }).sort(byName);
    } catch (error) {
      this.error(shown, 'input-unreadable', messages.folderUnreadable(fsReason(error)));
      return;
    }
    const prefix = shown.endsWith('/') || shown.endsWith('\\') ? shown : `${shown}/`;
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = prefix + e.name;
      const abs = join(absolute, e.name);
      if (e.isDirectory()) this.folder(path, abs, out);
      else if (e.isFile()) {
        if (isTranscriptName(e.name)) out.push(path);
      } else if (e.isSymbolicLink()) {
        let stat;
        try {
          stat = statSync(abs);
        } catch (error) {
          if (isTranscriptName(e.name)) this.warn(path, 'input-broken-link', messages.brokenLink(fsReason(error)));
          continue;
        }
        if (stat.isDirectory()) this.folder(path, abs, out);
        else if (isTranscriptName(e.name)) this.file(path, stat, out);
      } else if (isTranscriptName(e.name)) {
        this.warn(path, 'input-not-regular', messages.specialFileSkipped(specialKindOf(e)));
      }
    }
  }

  /** A file reached through a link: a regular file is read, anything else is reported. */
  private file(path: string, stat: Stats, out: string[]): void {
    const special = specialKind(stat);
    if (special === undefined) out.push(path);
    else this.warn(path, 'input-not-regular', messages.specialFileSkipped(special));
  }
}

function specialKindOf(e: Dirent): string {
  if (e.isFIFO()) return 'a named pipe (FIFO)';
  if (e.isSocket()) return 'a socket';
  if (e.isCharacterDevice()) return 'a character device';
  if (e.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * Turns path arguments into the list of transcripts to read: files as given, folders
 * recursively (files with a known extension), glob patterns (`*`, `?`, `**`), and `-` for
 * standard input. A file reached twice (also through a link) is read once; only regular files
 * are read. Problems are returned, not thrown.
 */
export function expandInputs(args: readonly string[], options: { cwd: string; stdinName: string }): Expansion {
  const inputs: InputRef[] = [];
  const walk = new Walk();
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = realOf(resolve(options.cwd, path));
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', path });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (!seen.has('\0stdin')) inputs.push({ kind: 'stdin', path: options.stdinName });
      seen.add('\0stdin');
      continue;
    }
    const absolute = resolve(options.cwd, arg);
    let stat;
    try {
      stat = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && !isGlob(arg)) {
        walk.error(arg, 'input-unreadable', messages.fileUnreadable(fsReason(error)));
        continue;
      }
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const files: string[] = [];
      const before = walk.problems.length + walk.warnings.length;
      walk.folder(arg, absolute, files);
      if (files.length === 0 && walk.problems.length + walk.warnings.length === before) {
        walk.error(arg, 'input-empty-folder', messages.folderEmpty(TRANSCRIPT_EXTENSIONS));
      }
      files.forEach(add);
    } else if (stat) {
      const special = specialKind(stat);
      if (special !== undefined) walk.error(arg, 'input-not-regular', messages.fileUnreadable(messages.notRegularFile(special)));
      else add(arg);
    } else if (isGlob(arg)) {
      const explicitExtension = /\.[A-Za-z0-9]+$/.test(arg);
      const files = expandGlob(arg, options.cwd).filter((f) => explicitExtension || isTranscriptName(f.split('/').pop() ?? f));
      if (files.length === 0) walk.error(arg, 'input-no-match', messages.globEmpty());
      for (const f of files) {
        let fileStat;
        try {
          fileStat = statSync(resolve(options.cwd, f));
        } catch (error) {
          walk.error(f, 'input-unreadable', messages.fileUnreadable(fsReason(error)));
          continue;
        }
        const special = specialKind(fileStat);
        if (special !== undefined) walk.warn(f, 'input-not-regular', messages.specialFileSkipped(special));
        else if (!fileStat.isDirectory()) add(f);
      }
    } else walk.error(arg, 'input-missing', messages.inputMissing());
  }
  return { inputs, problems: walk.problems, warnings: walk.warnings };
}
