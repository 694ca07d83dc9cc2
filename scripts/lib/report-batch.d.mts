// Types of report-batch.mjs, for the TypeScript test that shares it with `pnpm bench`.
import type { Page } from 'playwright-core';

export function writeCodedBatch(root: string, dir: string, count: number): { file: string; transcripts: number; turns: number };
export const CHROMIUM_ARGS: string[];
export function timeToOverview(page: Page, file: string, timeout?: number): Promise<number>;
