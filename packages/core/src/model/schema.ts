// Core's schemas use zod/mini: the same validation and inferred types as zod, with functions
// instead of methods so that a bundle keeps only what it uses (about 9 KB gzipped here against
// 110 KB for `zod`). zod/mini ships no messages by default; English ones are passed on each call
// rather than set with z.config(), so an application's own zod settings are left alone.
import type { ZodMiniType } from 'zod/mini';
import { en } from 'zod/locales';

const english = en().localeError;

/** `schema.safeParse(value)` with zod's English issue messages. */
export function checkSchema<T extends ZodMiniType>(schema: T, value: unknown): ReturnType<T['safeParse']> {
  return schema.safeParse(value, { error: english }) as ReturnType<T['safeParse']>;
}
