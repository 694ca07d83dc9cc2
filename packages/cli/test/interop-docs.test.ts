import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/fake-io.js';

// docs/interop.md, "Profiles in R and Excel": the column lists it gives are the ones the CLI
// writes, --bom writes the bytes it names, and its R code runs on the CLI's files and gives the
// counts (with Rscript installed; skipped with a message otherwise).

const DOC = readFileSync(fileURLToPath(new URL('../../../docs/interop.md', import.meta.url)), 'utf8');
const SECTION = DOC.slice(DOC.indexOf('## Profiles in R and Excel'));
const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];
const hasR = spawnSync('Rscript', ['--version'], { encoding: 'utf8' }).status === 0;

// Hand-coded records (a model's output): Zoë's name has a non-ASCII letter.
const coded = [
  { source: 'a.vtt', turn: 1, speaker: 'Zoë', role: 'coach', text: 'Why?', model: 'hand@1', codes: ['challenge'] },
  { source: 'a.vtt', turn: 2, speaker: 'Tom', role: 'coachee', text: 'I do not agree.', model: 'hand@1', codes: ['dissonance', 'challenge'] },
  { source: 'a.vtt', turn: 3, speaker: 'Zoë', role: 'coach', text: 'So you think so?', model: 'hand@1', codes: ['summary', 'challenge'] },
  { source: 'b.vtt', turn: 1, speaker: 'Miriam', role: 'coach', text: 'Going back?', model: 'hand@1', codes: ['continuity'] },
  { source: 'b.vtt', turn: 2, speaker: 'Hannah', role: 'coachee', text: "Yes, that's fair.", model: 'hand@1', codes: ['acceptance'] },
  { source: 'b.vtt', turn: 3, speaker: 'Hannah', role: 'coachee', text: 'Right.', model: 'hand@1', codes: [] },
];
//                 sum acc cha con dis
const SUMS = [1, 1, 3, 1, 1];

/** The backticked column list that follows `Columns:` the n-th time in the section. */
function documentedColumns(n: number): string[] {
  const m = [...SECTION.matchAll(/Columns: `([^`]+)`/g)][n];
  if (!m?.[1]) throw new Error(`docs/interop.md: no ${n + 1}th "Columns: \`…\`" in the profiles section`);
  return m[1].split(',');
}

describe('docs/interop.md: profiles in R and Excel', () => {
  const cwd = tempTree({ 'coded.jsonl': coded.map((r) => JSON.stringify(r)).join('\n') + '\n' });

  it('the long CSV has the columns the page lists', async () => {
    const r = await runCli(['profile', 'coded.jsonl', '--format', 'csv-long'], { cwd });
    expect(r.stdout.split('\n')[0]?.split(',')).toEqual(documentedColumns(0));
  });

  it('the wide CSV has the columns the page lists, then a count and a _per100 column per code', async () => {
    const r = await runCli(['profile', 'coded.jsonl', '--format', 'csv'], { cwd });
    expect(r.stdout.split('\n')[0]?.split(',')).toEqual([...documentedColumns(1), ...CODES, ...CODES.map((c) => `${c}_per100`)]);
  });

  it('--bom starts the file with the bytes EF BB BF, as the page says', async () => {
    expect(SECTION).toContain('`EF BB BF`');
    const r = await runCli(['profile', 'coded.jsonl', '--format', 'csv-long', '--bom'], { cwd });
    expect([...Buffer.from(r.stdout, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it.skipIf(!hasR)('its R code reads both files (one with --bom, one without) and gives the counts, names intact', async () => {
    const dir = tempTree({ 'coded.jsonl': coded.map((r) => JSON.stringify(r)).join('\n') + '\n' });
    writeFileSync(join(dir, 'profile-long.csv'), (await runCli(['profile', 'coded.jsonl', '--format', 'csv-long', '--bom'], { cwd: dir })).stdout);
    writeFileSync(join(dir, 'profile.csv'), (await runCli(['profile', 'coded.jsonl', '--format', 'csv'], { cwd: dir })).stdout);
    const code = /```r\n([\s\S]*?)```/.exec(SECTION)?.[1];
    expect(code).toBeDefined();
    const checks = [
      'cat("SPEAKERS", sort(unique(long$speaker)), "\\n")',
      'cat("FIRST", names(long)[1], "\\n")',
      'cat("LONG", sapply(c("summary", "acceptance", "challenge", "continuity", "dissonance"), function(k) sum(long$count[long$code == k])), "\\n")',
      'cat("RATE", rates$per100[rates$role == "coach" & rates$code == "challenge"], "\\n")',
    ].join('\n');
    const r = spawnSync('Rscript', ['-e', `${code}\n${checks}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
    expect(r.status, r.stderr).toBe(0);
    const line = (tag: string) => r.stdout.split('\n').find((l) => l.startsWith(`${tag} `))?.trim();
    expect(line('SPEAKERS')).toBe('SPEAKERS Hannah Miriam Tom Zoë');
    expect(line('FIRST')).toBe('FIRST source');
    expect(line('LONG')).toBe(`LONG ${SUMS.join(' ')}`);
    // the coaches' 3 turns carry challenge twice, of 3 coach turns
    expect(line('RATE')).toBe('RATE 66.7');
    // colSums of the wide file, printed by the page's code: the names, then the sums
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => /^\s*summary\s+acceptance\s+challenge\s+continuity\s+dissonance\s*$/.test(l));
    expect(at, r.stdout).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]?.trim().split(/\s+/).map(Number)).toEqual(SUMS);
  });
  if (!hasR) it.skip('skipped: Rscript is not installed (apt-get install r-base-core), so the R code of docs/interop.md is not run', () => {});
});
