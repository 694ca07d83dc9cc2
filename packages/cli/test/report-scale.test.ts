import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The same batch and measurement as `pnpm bench` (plain JavaScript, shared with the bench script).
import { CHROMIUM_ARGS, timeToOverview, writeCodedBatch } from '../../../scripts/lib/report-batch.mjs';

// `coachcode report` on a generated batch of 1,000 coded transcripts, opened in Chromium: the
// overview is drawn at once, every session is listed closed, and a session far down the list
// opens with its charts and turns. Size and time to overview are printed here and by `pnpm bench`
// (which holds the goals); this test checks what the page does.

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO, 'packages/cli/dist/bin.js');
const CHROMIUM = '/usr/bin/chromium';
const built = existsSync(BIN) && existsSync(join(REPO, 'packages/charts/dist/report-page-script.js'));
const ready = built && existsSync(CHROMIUM);
const COUNT = 1000;

it.runIf(built && !existsSync(CHROMIUM) && process.env.COACHCODE_REQUIRE_BROWSER === '1')('has the browser it needs (COACHCODE_REQUIRE_BROWSER=1)', () => {
  expect.fail(`${CHROMIUM} not found, and COACHCODE_REQUIRE_BROWSER=1 requires the browser test to run (apt-get install -y chromium)`);
});

describe.skipIf(!ready)(`coachcode report on ${COUNT} transcripts, in Chromium`, () => {
  if (!ready) it.skip(`skipped: needs the built CLI (pnpm build) and ${CHROMIUM} (apt-get install -y chromium)`, () => {});
  const dir = mkdtempSync(join(tmpdir(), 'coachcode-report-scale-'));
  const out = join(dir, 'report.html');
  let browser: Browser;
  let batch: { file: string; transcripts: number; turns: number };
  let report: { code: number | null; stderr: string; ms: number };

  beforeAll(async () => {
    batch = writeCodedBatch(REPO, dir, COUNT);
    const t = performance.now();
    const r = spawnSync(process.execPath, [BIN, 'report', batch.file, '--out', out, '-q'], { cwd: dir, encoding: 'utf8' });
    report = { code: r.status, stderr: r.stderr, ms: performance.now() - t };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one file, draws the overview at once and lists every session closed; a session opens with its charts and turns', async () => {
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toBe('');
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const ms = await timeToOverview(page, out, 120_000);
    console.info(`report of ${COUNT} transcripts (${batch.turns} turns): ${(statSync(out).size / 1048576).toFixed(2)} MB, written in ${(report.ms / 1000).toFixed(1)} s, overview drawn ${ms} ms after navigation`);

    // The overview: totals, comparison and transitions drawn; every session listed and closed.
    const overview = await page.$$eval('[data-vega-spec]', (els) => els.map((el) => el.getAttribute('data-rendered')));
    expect(overview).toEqual(['true', 'true', 'true']);
    expect(await page.locator('h1').textContent()).toBe(`Coaching conversations: ${COUNT} sessions`);
    const sessions = await page.$$eval('details.session', (d) => d.map((x) => [Number((x as HTMLElement).dataset.session), (x as HTMLDetailsElement).open]));
    expect(sessions).toEqual(Array.from({ length: COUNT }, (_, i) => [i, false]));
    expect(await page.locator('table.transcript').count()).toBe(0);

    // The last session (in the last chunk of data) opens with its two charts and its turns.
    const last = page.locator(`details.session[data-session="${COUNT - 1}"]`);
    await last.locator(':scope > summary').click();
    await page.waitForFunction((n) => document.querySelector<HTMLElement>(`details.session[data-session="${n}"]`)?.dataset.state === 'ready', COUNT - 1, { timeout: 30_000 });
    expect(await last.locator('[data-rendered="true"]').count()).toBe(2);
    const turns = await last.locator('table.transcript tbody tr').count();
    expect(turns).toBeGreaterThan(10);
    expect(await last.locator(':scope > summary').textContent()).toContain(`${turns} turns`);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
