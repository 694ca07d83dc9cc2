/** The last part of a source path (`sessions/angela.vtt` → `angela.vtt`); the text itself when it has no slash. */
export function sourceName(source: string): string {
  return source.split(/[\\/]/).filter(Boolean).pop() ?? source;
}
