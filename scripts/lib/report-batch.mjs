// A generated batch of coded transcripts for measuring `coachcode report` at scale, and the
// time a report takes to show its overview in Chromium. Shared by `pnpm bench`
// (scripts/bench-speed.mjs) and the CLI's browser test (packages/cli/test/report-scale.test.ts).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Writes `count` coded transcripts as one coded JSONL file in `dir` and returns its path: the
 * example transcripts of `fixtures/transcripts`, coded once by the built CLI, repeated under new
 * names (`batch/0001-<name>`, …) until there are `count`. Coded JSONL keeps its codes in
 * `report`, so the batch costs one coding of the fixtures, not of `count` transcripts.
 */
export function writeCodedBatch(root, dir, count) {
  const bin = join(root, 'packages/cli/dist/bin.js');
  const r = spawnSync(process.execPath, [bin, 'code', join(root, 'fixtures/transcripts'), '--format', 'jsonl', '-q'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`coachcode code fixtures/transcripts failed: ${r.stderr}`);
  const bySource = new Map();
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const record = JSON.parse(line);
    if (!bySource.has(record.source)) bySource.set(record.source, []);
    bySource.get(record.source).push(record);
  }
  const templates = [...bySource.values()];
  const out = [];
  for (let i = 0; i < count; i++) {
    const records = templates[i % templates.length];
    const name = `batch/${String(i + 1).padStart(4, '0')}-${records[0].source.split('/').pop()}`;
    for (const record of records) out.push(JSON.stringify({ ...record, source: name }));
  }
  const file = join(dir, `coded-${count}.jsonl`);
  writeFileSync(file, out.join('\n') + '\n');
  return { file, transcripts: count, turns: out.length };
}

/** Chromium's launch options on these machines (STACK.md): no sandbox, GPU or background network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Opens a report in Chromium and returns how long after navigation its overview was drawn: the
 * page marks `<html data-charts-ready="ms">` once every chart on it at load is drawn. `page` is a
 * playwright-core page; `timeout` in ms.
 */
export async function timeToOverview(page, file, timeout = 60_000) {
  await page.goto(pathToFileURL(file).href, { timeout });
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-charts-ready'), undefined, { timeout });
  return Number(await page.evaluate(() => document.documentElement.getAttribute('data-charts-ready')));
}
