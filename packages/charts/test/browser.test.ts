import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@coachcode/core';
import { buildCoreBundle } from '../../../scripts/lib/core-bundle.mjs';
import { buildReport } from '../src/index.js';
import { reportInput } from './sample-data.js';

const CHROMIUM = '/usr/bin/chromium';
// The report inlines its page script from dist (the root `pnpm test` builds first).
const found = existsSync(CHROMIUM) && existsSync(new URL('../dist/report-page-script.js', import.meta.url));
const title = found
  ? 'the report in a real browser (Debian chromium)'
  : `the report in a real browser: SKIPPED, ${CHROMIUM} not found (install it with: apt-get install -y chromium), or dist/report-page-script.js not built (pnpm build)`;

// CI sets COACHCODE_REQUIRE_BROWSER=1: there a missing chromium is a failure, not a skip.
it.runIf(!found && process.env.COACHCODE_REQUIRE_BROWSER === '1')('has the browser it needs (COACHCODE_REQUIRE_BROWSER=1)', () => {
  expect.fail(`${CHROMIUM} not found, and COACHCODE_REQUIRE_BROWSER=1 requires the browser test to run (apt-get install -y chromium)`);
});

describe.skipIf(!found)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), 'coachcode-charts-e2e-'));
  const file = join(dir, 'report.html');
  let context: BrowserContext;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    writeFileSync(file, buildReport(reportInput));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1200, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close();
    // keep the screenshot for a person to look at; remove the browser profile
    rmSync(join(dir, 'profile'), { recursive: true, force: true });
  });

  it('draws the overview at once, a session when it is opened, logs no error, requests nothing from outside, and shows tooltips', async () => {
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-charts-ready'), undefined, { timeout: 30_000 });

    const charts = (root: string) =>
      page.$$eval(`${root} [data-vega-spec]`, (els) =>
        els.map((el) => ({
          rendered: el.getAttribute('data-rendered'),
          svg: el.querySelectorAll('svg').length,
          marks: el.querySelectorAll('svg g[class*="mark-rect"] path, svg g[class*="mark-text"] text').length,
          label: el.getAttribute('aria-label') ?? '',
        })),
      );
    const check = (list: Awaited<ReturnType<typeof charts>>) => {
      for (const chart of list) {
        expect(chart.rendered).toBe('true');
        expect(chart.svg).toBe(1);
        expect(chart.marks).toBeGreaterThan(5);
        expect(chart.label.length).toBeGreaterThan(40);
      }
    };
    // the totals, the comparison and the heat map; the two sessions are closed and empty
    const overview = await charts('body');
    expect(overview).toHaveLength(3);
    check(overview);
    expect(await page.$$eval('details.session', (d) => d.map((x) => (x as HTMLDetailsElement).open))).toEqual([false, false]);

    // Opening the first session builds its profile chart, timeline and coded turns.
    const session = page.locator('details.session[data-session="0"]');
    await session.locator('summary').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('details.session[data-session="0"]')?.dataset.state === 'ready', undefined, { timeout: 30_000 });
    const drawn = await charts('details.session[data-session="0"]');
    expect(drawn).toHaveLength(2);
    check(drawn);
    expect(await session.locator('table.transcript tbody tr').count()).toBe(10);
    expect(await session.locator('mark.evidence').first().textContent()).toBe('How did');

    // Hovering a turn of its timeline shows its tooltip (Vega's default handler sets `title`).
    const timeline = session.locator('[data-vega-spec]').nth(1);
    const turn = timeline.locator('g[class*="mark-rect"] path').nth(2);
    await turn.hover();
    await expect
      .poll(async () => (await timeline.getAttribute('title')) ?? '', { timeout: 5_000 })
      .toMatch(/Turn: 3[\s\S]*Speaker: Angela[\s\S]*Codes: Challenge[\s\S]*Why do you think they went quiet\?/);

    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    console.info(`report screenshot: ${join(dir, 'report.png')}`);

    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !/^(file|data|about):/.test(url))).toEqual([]);
  });

  it('loads the browser bundle of core (scripts/lib/core-bundle.mjs) and codes a transcript in the page, as Node does', async () => {
    const { code } = await buildCoreBundle();
    const pages: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>core in a page</title><p>coachcode core</p>'],
      '/core.js': ['text/javascript', code],
    };
    const server = createServer((req, res) => {
      const page = pages[req.url ?? ''];
      res.writeHead(page ? 200 : 404, { 'content-type': page?.[0] ?? 'text/plain' });
      res.end(page?.[1] ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = await context.newPage();
    const seen: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${origin}/`);
      await page.addScriptTag({ type: 'module', content: "import * as core from '/core.js'; window.coachcodeCore = core;" });
      await page.waitForFunction(() => 'coachcodeCore' in window, undefined, { timeout: 10_000 });
      const text = 'Angela: Why do you think the group at the back went quiet?\nBen: I think the instructions were too long.\nAngela: So what you are saying is the task needs shorter steps?\nBen: Yes, exactly.';
      const options = { source: 'angela.txt', roles: { coach: ['Angela'] } };
      const inPage = await page.evaluate(
        ([t, o]) => (window as unknown as { coachcodeCore: { analyze: typeof analyze } }).coachcodeCore.analyze(t, o).records,
        [text, options] as const,
      );
      expect(inPage.map((r) => r.role)).toEqual(['coach', 'coachee', 'coach', 'coachee']);
      expect(inPage[0]?.codes).toContain('challenge');
      expect(inPage).toEqual(analyze(text, options).records);
      expect(errors).toEqual([]);
      expect(seen.filter((url) => !url.startsWith(origin))).toEqual([]);
    } finally {
      await page.close();
      server.close();
    }
  });
});
