import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small glob for Node 20, which has no stable `fs.glob`: `*` matches within one path segment,
 * `?` one character of a segment, `**` any number of segments. No braces, no character classes.
 * Hidden files and folders (names starting with `.`) are not matched unless the pattern
 * segment itself starts with `.`. Patterns use `/` as separator on every system.
 */

const WILDCARD = /[*?]/;

/** Whether a path argument is a glob pattern. */
export function isGlob(pattern: string): boolean {
  return WILDCARD.test(pattern);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** The regular expression of one pattern segment (no `/`). */
function segmentSource(segment: string): string {
  let out = '';
  for (const ch of segment) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += escapeRegExp(ch);
  }
  return segment.startsWith('.') ? out : `(?!\\.)${out}`;
}

/** The regular expression a whole pattern compiles to (matches paths with `/` separators). */
export function globToRegExp(pattern: string): RegExp {
  const segments = pattern.split('/');
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') source += last ? '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?' : '(?:(?!\\.)[^/]*/)*';
    else source += segmentSource(segment) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`);
}

/** Splits a pattern into the folder before its first wildcard segment and the rest. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  const first = segments.findIndex((s) => isGlob(s));
  if (first < 0) return { base: pattern, rest: '' };
  return { base: segments.slice(0, first).join('/'), rest: segments.slice(first).join('/') };
}

/**
 * The files matching a pattern, sorted, as paths spelt the way the pattern spells them
 * (`notes/*.txt` → `notes/a.txt`). `cwd` resolves relative patterns.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
  const normal = pattern.replace(/\\/g, '/');
  const { base, rest } = splitGlob(normal);
  const regex = globToRegExp(rest);
  const deep = rest.includes('**');
  const depth = rest.split('/').length;
  const absoluteBase = base === '' ? cwd : base.startsWith('/') ? base : join(cwd, base);
  const prefix = base === '' ? '' : base.endsWith('/') ? base : `${base}/`;
  const found: string[] = [];
  const walk = (dir: string, rel: string, level: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if ((deep || level < depth) && !e.name.startsWith('.')) walk(join(dir, e.name), relPath, level + 1);
      } else if (regex.test(relPath)) found.push(prefix + relPath);
    }
  };
  walk(absoluteBase, '', 1);
  return found;
}
