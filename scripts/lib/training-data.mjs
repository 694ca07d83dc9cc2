// Training and measuring data for the default model, loaded the same way by
// scripts/train-default-model.mjs, scripts/validate-recipe.mjs and scripts/bench-quality.mjs.
//
//  - fixtures: the project's own coded conversations (fixtures/gold), split by fixtures/split.json
//    into the tuning part (fitted to) and the held-out part (only ever scored), with the author
//    (the round and writer) of each in fixtures/authors.json;
//  - examples: the codebook's decision-rule examples (core's cfbtDecisionExamples);
//  - mrda: ../shared/benchmarks/mrda, real meetings with three mapped codes; the Bed* meetings
//    are kept out of every fit, for measuring;
//  - coaching-authors and talkmoves: measuring only, never fitted to (their licences and the
//    owner's rule); loaded by the bench alone.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const shared = join(root, '../shared/benchmarks');

export async function loadCore() {
  return import(join(root, 'packages/core/dist/index.js')).catch(() => {
    console.error('packages/core/dist is missing; run `pnpm build` first');
    process.exit(2);
  });
}

/** Text as alignment compares it: lower case, straight quotes, single spaces. */
function norm(text) {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
}

function readJsonl(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** Gold records (with `text`) as turns carrying `humanCodes`. */
function turnsOfRecords(records) {
  return records.map((r) => ({ turn: r.turn, speaker: r.speaker, role: r.role, text: r.text, humanCodes: r.codes }));
}

/** The coded fixtures of one part (`tune` or `heldout`), each with its author. */
export function loadFixtures(part) {
  const split = JSON.parse(readFileSync(join(root, 'fixtures/split.json'), 'utf8'));
  const authors = JSON.parse(readFileSync(join(root, 'fixtures/authors.json'), 'utf8'));
  return split[part].map((stem) => {
    const records = readJsonl(join(root, 'fixtures/gold', `${stem}.jsonl`));
    // The author is the round of writing (r1-a and r1-b wrote in the same round): leave-one-author-out folds.
    const author = (authors[stem] ?? 'unknown').replace(/-[a-z]$/, '');
    return { name: stem, source: 'fixtures', author, group: stem, scored: records[0]?.scored, turns: turnsOfRecords(records) };
  });
}

/** The codebook's decision-rule examples, each a conversation scored for the codes it requires or rules out. */
export function loadExamples(core) {
  return core.cfbtDecisionExamples.map((e, i) => {
    const turns = core.exampleConversation(e);
    const last = turns.at(-1);
    last.humanCodes = [...e.codes];
    // One group for all of them: a word must be in 3 transcripts, whatever the examples say.
    return { name: `example-${i + 1}`, source: 'examples', author: 'codebook', group: 'codebook-examples', scored: [...e.codes, ...e.notCodes], turns };
  });
}

/**
 * A benchmark set of ../shared/benchmarks: its transcripts read and segmented by coachcode as a
 * user's would be, with the gold codes put on the turns. `filter(file)` picks transcripts.
 */
export function loadBenchmark(core, set, filter = () => true) {
  const dir = join(shared, set);
  if (!existsSync(dir)) return undefined;
  const gold = new Map();
  for (const r of readJsonl(join(dir, 'gold.jsonl'))) {
    if (!gold.has(r.file)) gold.set(r.file, []);
    gold.get(r.file).push(r);
  }
  const rolesFile = join(dir, 'roles.json');
  const roles = existsSync(rolesFile) ? JSON.parse(readFileSync(rolesFile, 'utf8')) : {};
  const out = [];
  for (const file of readdirSync(join(dir, 'transcripts')).sort()) {
    if (!filter(file) || !gold.has(file)) continue;
    const records = gold.get(file);
    const a = core.analyze(readFileSync(join(dir, 'transcripts', file)), { source: file, roles: roles[file] ? { speakers: roles[file] } : {} });
    const turns = a.turns.map((t) => ({ turn: t.turn, speaker: t.speaker, role: t.role, text: t.text }));
    // Gold records are put on the turns whose text they start (in order, a few turns of slack), so
    // that a transcript coachcode segments differently from the corpus (a label it does not read
    // merges two turns) loses only the turns it cannot match, not the alignment of all after it.
    let j = 0;
    let unmatched = 0;
    for (const r of records) {
      const start = norm(r.text ?? r.text_start ?? '');
      let k = j;
      while (k < turns.length && k < j + 8 && !norm(turns[k].text).startsWith(start)) k++;
      if (k < turns.length && k < j + 8 && start !== '') {
        turns[k].humanCodes = r.codes;
        turns[k].scored = r.scored; // per turn: talkmoves scores summary on the teacher's turns only
        j = k + 1;
      } else unmatched++;
    }
    if (unmatched > 0) console.error(`${set}/${file}: ${unmatched} of ${records.length} gold turns not matched to a turn coachcode read (they are left out)`);
    out.push({ name: file, source: set, author: set, group: file, scored: records[0]?.scored, turns });
  }
  return out;
}

/** MRDA meetings: `measure` (the Bed* meetings, never fitted) or `train` (the others). */
export function loadMrda(core, part) {
  return loadBenchmark(core, 'mrda', (file) => (part === 'measure') === /^mrda-Bed/.test(file));
}

/** The value after a command-line flag (`--sets a,b`), or undefined. */
export function flagValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];
