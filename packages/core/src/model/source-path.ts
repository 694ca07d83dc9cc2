/** The base name of a path, with `/` or `\` separators (`sessions\a.vtt` → `a.vtt`). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** A base name without its last extension (`angela.vtt` → `angela`; `.hidden` stays `.hidden`). */
export function fileStem(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
