#!/usr/bin/env node
// Draws the pictures of docs/charts.md from two invented, human-coded fixture conversations
// (fixtures/gold/challenging-coach-angela.jsonl and supportive-coach-miriam.jsonl).
// Run after a build:  npx -y pnpm@10 build && node packages/charts/scripts/make-doc-images.mjs
// With /usr/bin/chromium present it also takes a screenshot of the HTML report.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cfbtCodebook, countTransitions, profileTurns } from '@coachcode/core';
import { buildReport, compareChart, profileChart, renderPng, timelineChart, transitionsChart } from '../dist/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = join(root, 'docs', 'img');
mkdirSync(out, { recursive: true });

/** A fixture's turns with its human codes as the codes (first code as primary). */
function readFixture(stem) {
  const lines = readFileSync(join(root, 'fixtures', 'gold', `${stem}.jsonl`), 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => {
    const r = JSON.parse(line);
    return { turn: r.turn, speaker: r.speaker, role: r.role, text: r.text, codes: r.codes, primary: r.codes[0] ?? null, scores: {}, evidence: [] };
  });
}

const angela = readFixture('challenging-coach-angela');
const miriam = readFixture('supportive-coach-miriam');
const angelaProfile = profileTurns(angela, cfbtCodebook, { source: 'sessions/challenging-coach-angela.txt' });
const miriamProfile = profileTurns(miriam, cfbtCodebook, { source: 'sessions/supportive-coach-miriam.txt' });
const groups = [
  { group: 'Angela', profile: angelaProfile },
  { group: 'Miriam', profile: miriamProfile },
];
const transitions = countTransitions([angela, miriam], cfbtCodebook.codes.map((c) => c.id));

const charts = {
  'chart-profile': profileChart(angelaProfile, { codebook: cfbtCodebook }),
  'chart-compare': compareChart(groups, { codebook: cfbtCodebook }),
  'chart-compare-grouped': compareChart(groups, { codebook: cfbtCodebook, layout: 'grouped', measure: 'per100' }),
  'chart-timeline': timelineChart(angela, { codebook: cfbtCodebook, source: 'sessions/challenging-coach-angela.txt' }),
  'chart-transitions': transitionsChart(transitions, { codebook: cfbtCodebook, source: 'Angela and Miriam' }),
};
for (const [name, spec] of Object.entries(charts)) {
  const warnings = [];
  writeFileSync(join(out, `${name}.png`), await renderPng(spec, { scale: 2, onWarning: (w) => warnings.push(w) }));
  if (warnings.length) throw new Error(`${name}: ${warnings.join('; ')}`);
  console.log(`docs/img/${name}.png`);
}

const chromiumPath = '/usr/bin/chromium';
if (existsSync(chromiumPath)) {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'coachcode-doc-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(
    file,
    buildReport({
      title: 'Coaching report: Angela and Miriam',
      sessions: [
        { source: 'sessions/challenging-coach-angela.txt', turns: angela, profile: angelaProfile },
        { source: 'sessions/supportive-coach-miriam.txt', turns: miriam, profile: miriamProfile },
      ],
      comparison: groups,
      transitions,
      codebook: cfbtCodebook,
    }),
  );
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 1500 },
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-vega-spec]')).every((el) => el.getAttribute('data-rendered') === 'true'));
  await page.screenshot({ path: join(out, 'report.png') });
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  console.log('docs/img/report.png');
} else {
  console.log(`no ${chromiumPath}: report screenshot left as it is`);
}
