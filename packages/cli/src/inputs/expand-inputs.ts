import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Diagnostic } from '@coachcode/core';
import { messages } from '../messages.js';
import { expandGlob, isGlob } from './glob.js';
import { RUN_SUMMARY_NAME, TRANSCRIPT_EXTENSIONS, type InputRef } from './input-ref.js';

/** The inputs named on the command line, in order, and the paths that named nothing. */
export interface Expansion {
  inputs: InputRef[];
  /** One error per path that is missing, unreadable or matched no transcript (the batch goes on). */
  problems: Diagnostic[];
}

function isTranscriptName(name: string): boolean {
  return !name.startsWith('.') && name !== RUN_SUMMARY_NAME && TRANSCRIPT_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** Every transcript file under a folder, recursively, sorted by name at each level. */
function walkFolder(folder: string, absolute: string, out: string[]): void {
  const entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`;
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        isDir = statSync(join(absolute, e.name)).isDirectory();
      } catch {
        continue;
      }
    }
    if (isDir) walkFolder(prefix + e.name, join(absolute, e.name), out);
    else if (isTranscriptName(e.name)) out.push(prefix + e.name);
  }
}

/**
 * Turns path arguments into the list of transcripts to read: files as given, folders
 * recursively (files with a known extension), glob patterns (`*`, `?`, `**`), and `-` for
 * standard input. A file reached twice is read once. Problems are returned, not thrown.
 */
export function expandInputs(args: readonly string[], options: { cwd: string; stdinName: string }): Expansion {
  const inputs: InputRef[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const key = resolve(options.cwd, path);
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
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const files: string[] = [];
      try {
        walkFolder(arg, absolute, files);
      } catch (error) {
        problems.push({ code: 'input-unreadable', severity: 'error', source: arg, message: messages.folderUnreadable((error as Error).message) });
        continue;
      }
      if (files.length === 0) problems.push({ code: 'input-empty-folder', severity: 'error', source: arg, message: messages.folderEmpty(TRANSCRIPT_EXTENSIONS) });
      files.forEach(add);
    } else if (stat) add(arg);
    else if (isGlob(arg)) {
      const explicitExtension = /\.[A-Za-z0-9]+$/.test(arg);
      const files = expandGlob(arg, options.cwd).filter((f) => explicitExtension || isTranscriptName(f.split('/').pop() ?? f));
      if (files.length === 0) problems.push({ code: 'input-no-match', severity: 'error', source: arg, message: messages.globEmpty() });
      files.forEach(add);
    } else problems.push({ code: 'input-missing', severity: 'error', source: arg, message: messages.inputMissing() });
  }
  return { inputs, problems };
}
