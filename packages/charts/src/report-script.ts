import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CoachcodeError } from '@coachcode/core';
import { messages } from './messages.js';

let cached: string | undefined;

/**
 * The report's page script (`dist/report-page-script.js`, built from
 * `src/client/report-page-script.ts` with Vega-Lite inside), ready to inline in a page. Read
 * once, then cached.
 */
export function reportPageScript(): string {
  if (cached !== undefined) return cached;
  // From dist/ (the built package) the file is beside this module; from src/ (tests) it is in ../dist.
  const candidates = [new URL('./report-page-script.js', import.meta.url), new URL('../dist/report-page-script.js', import.meta.url)].map((u) => fileURLToPath(u));
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new CoachcodeError([{ code: 'chart-report-client-missing', severity: 'error', message: messages.reportClientMissing(candidates[1] ?? '') }]);
  cached = readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
  return cached;
}
