/**
 * A record keyed by text that comes from a user (speaker names, codes, file names, attributes):
 * an object without a prototype, so that `constructor`, `toString` or `__proto__` are keys like
 * any other — never a function inherited from `Object.prototype`, never a way to change the
 * prototype of every object. Serialises to JSON as a plain object does.
 */
export function dict<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries) for (const [key, value] of entries) out[key] = value;
  return out;
}

/** The value a record holds under `key` as its own property (never one inherited from `Object.prototype`). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
