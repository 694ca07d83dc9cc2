import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseModel, type Model } from '@coachcode/core';
import { cuesModel } from '@coachcode/core/models/cues';
import { expect } from 'vitest';

/** What the tests of `coachcode train` share: the repository's fixtures, the base model, invented gold. */
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** The base of these tests: the cue model, whose fit has the flags --prior-new, --keep-bias, --keep-prior and --clip (open-model fits: train-open.test.ts). */
export const BASE = cuesModel;
export const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

/** Checks that the stems are 'tune' stems of fixtures/split.json: the 'heldout' ones measure the built-in model. */
export function expectTuneStems(stems: readonly string[]): void {
  const split = JSON.parse(readFileSync(join(REPO, 'fixtures/split.json'), 'utf8')) as { tune: string[]; heldout: string[] };
  for (const stem of stems) {
    expect(split.tune).toContain(stem);
    expect(split.heldout).not.toContain(stem);
  }
}

/** The fixture transcript of a stem, relative to the repository (its extension varies). */
export const transcriptOf = (stem: string) => `fixtures/transcripts/${readdirSync(join(REPO, 'fixtures/transcripts')).find((f) => f.replace(/\.[^.]+$/, '') === stem)}`;

/** The gold JSON lines of a fixture stem, parsed. */
export const goldRecords = (stem: string) =>
  readFileSync(join(REPO, `fixtures/gold/${stem}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { codes: string[] });

export function readModelFile(path: string): Model {
  return parseModel(JSON.parse(readFileSync(path, 'utf8')), path);
}

/** Gold JSON lines for a copy of TALK (six turns, coach and teacher in turn) named `file`. */
export function talkGold(rows: readonly (readonly [number, readonly string[], (readonly string[])?])[], file = 'talk.txt'): string {
  return rows.map(([turn, codes, scored]) => JSON.stringify({ file, turn, codes, ...(scored ? { scored } : {}) })).join('\n') + '\n';
}

/** A coding of every TALK turn. */
export const TALK_CODES: [number, string[]][] = [
  [1, []],
  [2, ['dissonance']],
  [3, ['challenge']],
  [4, ['dissonance']],
  [5, ['summary']],
  [6, ['acceptance']],
];
