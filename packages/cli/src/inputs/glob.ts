import { join } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

/**
 * Glob patterns through tinyglobby (picomatch's syntax: `*` within one path segment, `?` one
 * character, `**` any number of folders, braces `{a,b}` and classes `[0-9]`). Hidden files and
 * folders (names starting with `.`) are not matched unless the pattern names them; links to
 * folders are not followed. Patterns use `/` as separator on every system.
 */

/** Whether a path argument is a glob pattern. */
export function isGlob(pattern: string): boolean {
  return isDynamicPattern(pattern);
}

/** Splits a pattern into the folder before its first wildcard segment and the rest. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  const first = segments.findIndex((s) => isGlob(s));
  if (first < 0) return { base: pattern, rest: '' };
  return { base: segments.slice(0, first).join('/'), rest: segments.slice(first).join('/') };
}

/** Path order: folder by folder, each level by name (`a/b.txt` before `a.txt`, as a walk lists them). */
function byPath(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * The files matching a pattern, sorted, as paths spelt the way the pattern spells them
 * (`notes/*.txt` → `notes/a.txt`, `./d/?.vtt` → `./d/z.vtt`). `cwd` resolves relative patterns.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const { base, rest } = splitGlob(pattern.replace(/\\/g, '/'));
  const root = base === '' ? cwd : base.startsWith('/') ? base : join(cwd, base);
  const prefix = base === '' ? '' : base.endsWith('/') ? base : `${base}/`;
  const found = globSync(rest, { cwd: root, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
  return found.sort(byPath).map((f) => prefix + f);
}
