// Core's schemas use zod/mini: the same validation and inferred types as zod, with functions
// instead of methods so that a bundle keeps only what it uses (about 9 KB gzipped here against
// 110 KB for `zod`). zod/mini ships no messages by default; English ones are passed on each call
// rather than set with z.config(), so an application's own zod settings are left alone.
import type { output, ZodMiniType } from 'zod/mini';
import { en } from 'zod/locales';
import { dict } from './dict.js';

const english = en().localeError;

/** `schema.safeParse(value)` with zod's English issue messages. */
export function checkSchema<T extends ZodMiniType>(schema: T, value: unknown): ReturnType<T['safeParse']> {
  return schema.safeParse(value, { error: english }) as ReturnType<T['safeParse']>;
}

/** A problem with one value of a record: its path from the record (the key first) and zod's message. */
export interface RecordIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * The own entries of an object from `JSON.parse`, each value checked with `value`, as a record
 * without a prototype (`dict`). Read records keyed by names a user chose (speakers, attributes,
 * file names) with this rather than from the output of `z.record(z.string(), value)`: zod leaves
 * a `__proto__` key out of its record, unchecked (assigned on a plain object it would set the
 * prototype), so a speaker or attribute of that name vanished. Anything but a plain object gives
 * no entries (the caller's schema has reported it). Issues carry the key first in their path.
 */
export function userRecord<T extends ZodMiniType>(input: unknown, value: T): { data: Record<string, output<T>>; issues: RecordIssue[] } {
  const data = dict<output<T>>();
  const issues: RecordIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { data, issues };
  for (const [key, raw] of Object.entries(input)) {
    const r = checkSchema(value, raw) as { success: boolean; data?: output<T>; error?: { issues: RecordIssue[] } };
    if (r.success) data[key] = r.data as output<T>;
    else for (const i of r.error?.issues ?? []) issues.push({ path: [key, ...i.path], message: i.message });
  }
  return { data, issues };
}
