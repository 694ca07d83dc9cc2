import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CoachcodeError } from '@coachcode/core';
import { messages } from './messages.js';

let cached: string | undefined;

/**
 * Vega's browser build (`vega/build/vega.min.js`, about 520 kB) with its licence as a comment,
 * ready to inline in a page so charts draw with no network request. Read once, then cached.
 */
export function vegaBrowserScript(): string {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  const build = dirname(require.resolve('vega'));
  const file = join(build, 'vega.min.js');
  if (!existsSync(file)) throw new CoachcodeError([{ code: 'chart-vega-missing', severity: 'error', message: messages.vegaBundleMissing(file) }]);
  const root = dirname(build);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const license = existsSync(join(root, 'LICENSE')) ? readFileSync(join(root, 'LICENSE'), 'utf8').replace(/\*\//g, '* /') : '';
  const code = readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
  cached = `/*! vega ${version} (https://vega.github.io/vega/), which includes parts of d3 (ISC licence).\n${license}*/\n${code}`;
  return cached;
}
