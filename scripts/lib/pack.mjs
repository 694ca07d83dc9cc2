// Packing the workspace's packages as a user gets them, and installing the tarballs with plain
// npm into an empty folder. Used by `pnpm bench` (core's install size) and by the packaging test.
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGES = ['core', 'charts', 'cli'];

/**
 * `pnpm pack` of every package into `dest` (pnpm writes `workspace:*` as the real version).
 * Returns package name → tarball path. The packages must be built.
 */
export function packWorkspace(dest) {
  const out = execFileSync('npx', ['-y', 'pnpm@10', '-r', '--filter', './packages/*', 'pack', '--pack-destination', dest], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tarballs = {};
  for (const name of PACKAGES) {
    const file = readdirSync(dest).find((f) => f.startsWith(`coachcode-${name}-`) && f.endsWith('.tgz'));
    if (!file) throw new Error(`pnpm pack wrote no tarball for @coachcode/${name}:\n${out}`);
    tarballs[`@coachcode/${name}`] = join(dest, file);
  }
  return tarballs;
}

/**
 * `npm install` of the given tarballs into `dir`, a new folder holding only a package.json.
 * Uses npm's cache first (`--prefer-offline`), so a second run fetches nothing.
 */
export function npmInstall(dir, tarballs) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'coachcode-consumer', private: true, version: '1.0.0' }, null, 2));
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm install failed (${r.status}):\n${r.stderr}`);
  return r;
}

/** Bytes of every file under `dir` (what `du -sb` counts, without following links). */
export function treeBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += treeBytes(path);
    else total += lstatSync(path).size;
  }
  return total;
}

/** The packages installed under `node_modules` (`name` or `@scope/name`), sorted. */
export function installedPackages(nodeModules) {
  const names = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      if (entry.name.startsWith('@')) {
        for (const sub of readdirSync(join(dir, entry.name), { withFileTypes: true })) {
          if (sub.isDirectory()) {
            names.push(`${entry.name}/${sub.name}`);
            const nested = join(dir, entry.name, sub.name, 'node_modules');
            if (exists(nested)) walk(nested);
          }
        }
      } else {
        names.push(entry.name);
        const nested = join(dir, entry.name, 'node_modules');
        if (exists(nested)) walk(nested);
      }
    }
  };
  walk(nodeModules);
  return [...new Set(names)].sort();
}

function exists(path) {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
