import { copyFileSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/fake-io.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

/** The README's worked example: its `coachcode …` lines, in order. */
function loopCommands(): string[][] {
  const readme = readFileSync(`${REPO}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf("## The researcher's loop"));
  const block = section.match(/```sh\n([\s\S]*?)```/)?.[1] as string;
  return block
    .split('\n')
    .filter((l) => l.startsWith('coachcode '))
    .map((l) => l.replace(/\s+#.*$/, '').split(/\s+/).slice(1));
}

/** Hand-codes a coding sheet from fixtures/gold (as a coder would, by the codebook): 1 or 0 in every code column. */
function handCode(path: string): void {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const filled = rows.map((row) => {
    const [file, turn] = row.split(',');
    const stem = (file as string).replace(/\.[a-z]+$/, '');
    const goldPath = `${REPO}fixtures/gold/${stem}.jsonl`;
    const gold = existsSync(goldPath) ? readFileSync(goldPath, 'utf8').split('\n').find((l) => l.includes(`"turn":${turn},`)) : undefined;
    const codes = gold ? (JSON.parse(gold) as { codes: string[] }).codes : [];
    // The code cells are the five empty cells before the machine column: ",,,,,," + machine.
    return row.replace(/,,,,,(,[^,"]*)$/, `,${CODES.map((c) => (codes.includes(c) ? 1 : 0)).join(',')}$1`);
  });
  writeFileSync(path, [header, ...filled].join('\n') + '\n');
}

describe("the README's researcher's loop runs as written", () => {
  it('code → suggest → hand-code → train → suggest → evaluate --disagreements → export → evaluate the QDPX', async () => {
    const commands = loopCommands();
    expect(commands.map((c) => c[0])).toEqual(['code', 'suggest', 'train', 'suggest', 'evaluate', 'export', 'evaluate']);
    const cwd = tempTree({});
    symlinkSync(`${REPO}fixtures`, join(cwd, 'fixtures'));
    for (const argv of commands) {
      // The human steps between the commands: hand-code each new sheet; recode the project in a package (here: unchanged).
      if (argv[0] === 'train') handCode(join(cwd, 'sheet-1.csv'));
      if (argv[0] === 'evaluate' && argv.includes('sheet-2.csv')) handCode(join(cwd, 'sheet-2.csv'));
      if (argv[0] === 'evaluate' && argv.includes('project-recoded.qdpx')) copyFileSync(join(cwd, 'project.qdpx'), join(cwd, 'project-recoded.qdpx'));
      const r = await runCli([...argv, '-q'], { cwd });
      expect(r.code, `coachcode ${argv.join(' ')}\n${r.stderr}`).toBe(0);
      if (argv.includes('--disagreements')) expect(r.stdout).toMatch(/turns? where machine and human differ|no disagreements/);
      if (argv.includes('project-recoded.qdpx')) expect(r.stdout).toMatch(/kappa/);
    }
    expect(readFileSync(join(cwd, 'sheet-2.csv'), 'utf8').split('\n')).toHaveLength(102);
  }, 120_000);
});
