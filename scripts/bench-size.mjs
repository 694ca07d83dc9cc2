#!/usr/bin/env node
// pnpm bench (sizes) — what @coachcode/core weighs for those who embed it:
//  1. its browser bundle (scripts/lib/core-bundle.mjs): minified and gzipped, with and without
//     the default model, and which inputs make it up (goal: under 80 KB gzipped);
//  2. its consumer install: core packed with pnpm and installed alone with plain npm into an
//     empty folder (goal: under 10 MB, no database or network clients).
// The packages must be built (pnpm build). The install reuses npm's cache.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCoreBundle, CORE_BUNDLE_GOAL, CORE_CODE_BUDGET, kb } from './lib/core-bundle.mjs';
import { installedPackages, npmInstall, packWorkspace, treeBytes } from './lib/pack.mjs';

const [full, bare] = await Promise.all([buildCoreBundle(), buildCoreBundle({ models: false })]);
const over = full.gzipped - CORE_BUNDLE_GOAL;
console.log(`core browser bundle   ${kb(full.gzipped).padStart(9)} gzipped, ${kb(full.minified)} minified (goal: under ${kb(CORE_BUNDLE_GOAL)}${over > 0 ? `: ${kb(over)} over` : ': met'})`);
console.log(`  without the model   ${kb(bare.gzipped).padStart(9)} gzipped, ${kb(bare.minified)} minified (budget: under ${kb(CORE_CODE_BUDGET)}); the default model adds ${kb(full.gzipped - bare.gzipped)} gzipped`);
const parts = Object.entries(full.inputs)
  .reduce((acc, [k, v]) => {
    const key = k.startsWith('core/') ? (/(?:default|cues)-model\./.test(k) ? 'core: default model' : 'core: code') : k;
    acc.set(key, (acc.get(key) ?? 0) + v);
    return acc;
  }, new Map());
for (const [name, bytes] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(22)}${kb(bytes).padStart(9)} minified`);

const work = mkdtempSync(join(tmpdir(), 'coachcode-size-'));
try {
  const tarballs = packWorkspace(work);
  const consumer = join(work, 'consumer');
  mkdirSync(consumer);
  npmInstall(consumer, [tarballs['@coachcode/core']]);
  const modules = join(consumer, 'node_modules');
  const packages = installedPackages(modules);
  const bytes = treeBytes(modules);
  console.log(`core consumer install ${(bytes / 1e6).toFixed(2).padStart(6)} MB in node_modules (goal: under 10 MB): ${packages.join(', ')}`);
  for (const name of packages) console.log(`  ${name.padEnd(22)}${(treeBytes(join(modules, name)) / 1e6).toFixed(2).padStart(6)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
