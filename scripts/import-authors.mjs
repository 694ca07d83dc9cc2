#!/usr/bin/env node
// Adds conversations written by a further author (one folder of <stem>.jsonl gold files, in the
// fixtures/gold format) to the tuning part of the fixtures: checks each file, copies it to
// fixtures/gold, records its author in fixtures/authors.json, gives it a transcript format in
// fixtures/formats.json (in turn from FORMATS) and lists it in fixtures/split.json "tune".
// Then run `node scripts/render-fixtures.mjs`.
// Usage: node scripts/import-authors.mjs <author> <folder> [part]   (part: tune, the default, or
// next — written after the round's model was fixed, kept for the next round's fit)
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [author, folder, part = 'tune'] = process.argv.slice(2);
if (!author || !folder) {
  console.error('usage: node scripts/import-authors.mjs <author> <folder>');
  process.exit(2);
}
const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];
const FORMATS = ['text', 'zoom-vtt', 'otter', 'csv', 'teams-vtt', 'srt', 'meet'];
const json = (f) => JSON.parse(readFileSync(join(root, 'fixtures', f), 'utf8'));
const write = (f, v) => writeFileSync(join(root, 'fixtures', f), `${JSON.stringify(v, null, 2)}\n`);
const authors = json('authors.json');
const formats = json('formats.json');
const split = json('split.json');
let n = 0;
for (const file of readdirSync(folder).filter((f) => f.endsWith('.jsonl')).sort()) {
  const stem = file.replace(/\.jsonl$/, '');
  const records = readFileSync(join(folder, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  records.forEach((r, i) => {
    const where = `${file}:${i + 1}`;
    if (r.turn !== i + 1) throw new Error(`${where}: turn ${r.turn}, expected ${i + 1}`);
    if (i > 0 && records[i - 1].speaker === r.speaker) throw new Error(`${where}: same speaker as the turn before`);
    if (!['coach', 'coachee', 'observer'].includes(r.role)) throw new Error(`${where}: role ${r.role}`);
    if (!r.codes.every((c) => CODES.includes(c))) throw new Error(`${where}: codes ${r.codes}`);
    if (typeof r.text !== 'string' || !r.text.trim() || /\n/.test(r.text)) throw new Error(`${where}: text`);
    r.file = `${stem}.txt`;
    r.codes = CODES.filter((c) => r.codes.includes(c));
    r.text = r.text.replace(/\s+/g, ' ').trim();
  });
  writeFileSync(join(root, 'fixtures/gold', file), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  authors[stem] = author;
  formats[stem] ??= FORMATS[n % FORMATS.length];
  split[part] ??= [];
  if (!split[part].includes(stem)) split[part].push(stem);
  n++;
}
split[part].sort();
write('authors.json', Object.fromEntries(Object.entries(authors).sort()));
write('formats.json', Object.fromEntries(Object.entries(formats).sort()));
write('split.json', split);
console.log(`import-authors: ${n} conversations of ${author} added to the ${part} part`);
