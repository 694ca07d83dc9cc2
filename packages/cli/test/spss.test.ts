import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/fake-io.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const hasPspp = spawnSync('pspp', ['--version']).status === 0;
const NO_PSPP = 'skipped: pspp is not installed (Debian: apt-get install pspp); it checks that the SPSS syntax of docs/interop.md reads coachcode\'s CSV';

describe.skipIf(!hasPspp)('the SPSS syntax of docs/interop.md reads `code --format csv`', () => {
  if (!hasPspp) it.skip(NO_PSPP, () => {});

  it('every turn, with its 0/1 code columns', async () => {
    const doc = readFileSync(`${REPO}docs/interop.md`, 'utf8');
    const syntax = doc.match(/```spss\n([\s\S]*?)```/)?.[1] as string;
    const cwd = tempTree({ 'read.sps': syntax.replace('CROSSTABS', 'DESCRIPTIVES VARIABLES=turn summary acceptance challenge continuity dissonance.\nCROSSTABS') });
    const r = await runCli(['code', `${REPO}fixtures/transcripts/challenging-coach-angela.vtt`, `${REPO}fixtures/transcripts/triad-observer.csv`, '--format', 'csv', '-q'], { cwd });
    writeFileSync(join(cwd, 'coded.csv'), r.stdout);
    const rows = r.stdout.trim().split('\n').slice(1);
    const challenge = rows.filter((l) => l.split(',').at(-6) === '1').length;
    const out = spawnSync('pspp', ['-O', 'format=txt', 'read.sps'], { cwd, encoding: 'utf8' });
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).not.toMatch(/error|warning/i);
    expect(out.stdout).toMatch(new RegExp(`\\|turn\\s+\\|\\s*${rows.length}\\|`));
    expect(out.stdout).toMatch(new RegExp(`\\|Valid 0\\|\\s*${rows.length - challenge}\\|`));
  });
});
