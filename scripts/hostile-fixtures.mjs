#!/usr/bin/env node
/**
 * The hostile inputs and places that are too large to keep in git, or that git cannot keep (a
 * named pipe, a link loop, a folder nobody may read, a name of 250 characters): written into a
 * folder on demand, the same every time. `fixtures/hostile/README.md` names them `$GEN/…`;
 * `packages/cli/test/hostile-fixtures.test.ts` and `scripts/hostile-campaign.mjs` make them.
 *
 *   node scripts/hostile-fixtures.mjs DIR     writes them into DIR and prints what it wrote
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A good transcript: six turns, coach and teacher. */
export const GOOD_TALK = [
  'Coach: So how did the lesson go with 8Y3?',
  'Teacher: Honestly, I thought the starter went well but they went quiet at the back.',
  'Coach: Why do you think the group at the back went quiet?',
  'Teacher: I am not sure. Maybe the task was too hard for them.',
  'Coach: So what you are saying is the task was pitched too high?',
  "Teacher: Yes, that's fair. I'll try a scaffold with them next time.",
  '',
].join('\n');

/** `n` turns of two speakers, one line each (150,000 by default: `--format table` once overflowed the stack on it). */
export function manyTurns(n = 150_000) {
  const lines = new Array(n);
  for (let i = 0; i < n; i++) lines[i] = i % 2 === 0 ? `Ann: Why did the group at table ${i % 9} go quiet?` : `Ben: Because the task ran long, turn ${i}.`;
  return lines.join('\n') + '\n';
}

/** A CSV transcript whose first speaker's name is 100,000 characters long (`--anonymise` once built a regular expression too large of it). */
export function longSpeakerCsv() {
  const name = 'Angela'.repeat(16_667).slice(0, 100_000);
  return `speaker,text\n${name},Why did the group go quiet?\nBen,Because ${name} asked them too fast.\n${name},So the pace was the problem?\n`;
}

/** A file name of 250 characters (`code --out` once aborted the whole batch on its temporary name). */
export const LONG_NAME = `${'long-name-'.repeat(25).slice(0, 246)}.txt`;

/** A pid that is not running here, for a temporary file a killed coachcode left behind. */
export function deadPid() {
  for (let pid = 4_000_000; ; pid++) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if (error.code === 'ESRCH') return pid;
    }
  }
}

/** Whether the system can make a named pipe (`mkfifo`). */
function mkfifo(path) {
  try {
    execFileSync('mkfifo', [path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the generated inputs and places into `dir` (created; it should be empty) and returns
 * what each one is, by its path relative to `dir`.
 */
export function writeHostileFixtures(dir) {
  const made = {};
  const file = (rel, content, what) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
    made[rel] = what;
  };
  const link = (target, rel, what) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    symlinkSync(target, join(dir, rel));
    made[rel] = what;
  };
  file('many-turns.txt', manyTurns(), '150,000 turns of two speakers');
  file('long-speaker-name.csv', longSpeakerCsv(), 'a speaker name of 100,000 characters');
  file(LONG_NAME, GOOD_TALK, 'a good transcript whose name is 250 characters');
  file('good.txt', GOOD_TALK, 'a good transcript');

  // A folder with links back up (a loop), to itself, and a second name for a file.
  file('loops/a.txt', GOOD_TALK, 'a good transcript');
  file('loops/sub/b.txt', GOOD_TALK, 'a good transcript');
  link('..', 'loops/sub/back', 'a link back to loops/ (a loop)');
  link('.', 'loops/sub/self', 'a link to its own folder (a loop)');
  link('a.txt', 'loops/twin.txt', 'a second name for loops/a.txt');

  // Things that are not regular files, among good ones.
  file('special/good.txt', GOOD_TALK, 'a good transcript');
  if (mkfifo(join(dir, 'special/pipe.txt'))) made['special/pipe.txt'] = 'a named pipe (FIFO) that nobody writes to';
  if (existsSync('/dev/zero')) link('/dev/zero', 'special/zero.txt', 'a link to /dev/zero (endless)');
  if (mkfifo(join(dir, 'pipe.txt'))) made['pipe.txt'] = 'a named pipe (FIFO) that nobody writes to';

  // A folder with a sub-folder nobody may read (root still can: the test runs as nobody then).
  file('locked/open.txt', GOOD_TALK, 'a good transcript');
  file('locked/closed/hidden.txt', GOOD_TALK, 'a transcript in a folder nobody may read');
  chmodSync(join(dir, 'locked/closed'), 0o000);

  // A folder nobody may write in, and an output folder holding a temporary file of a killed run.
  mkdirSync(join(dir, 'readonly'), { recursive: true });
  chmodSync(join(dir, 'readonly'), 0o555);
  made.readonly = 'a folder nobody may write in';
  file(`out/.coachcode-${deadPid()}-0badc0de.tmp`, 'half a file', 'a temporary file left by a coachcode that was killed');

  // Inputs that an output could be asked to overwrite.
  file('roles.vl.json', '{}\n', 'a roles file (JSON) named like a chart');
  file('gold.html', '{"file": "good.txt", "turn": 1, "codes": []}\n', 'a gold file named like a report');
  file('out/good.json', '{}\n', 'a roles file (JSON) where code --out would write');
  return made;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/hostile-fixtures.mjs DIR\n');
    process.exit(2);
  }
  for (const [path, what] of Object.entries(writeHostileFixtures(dir))) process.stdout.write(`${join(dir, path)}: ${what}\n`);
}
