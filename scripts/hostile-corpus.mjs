#!/usr/bin/env node
/**
 * A hostile corpus: malformed and hostile inputs of every format, the same every time (a seeded
 * generator). Mutations of the transcripts in `fixtures/formats/` (pieces inserted, cut,
 * repeated, bytes changed, truncated), speakers and codes named after `Object.prototype`
 * members, character references out of range, control and invisible characters, formulas, odd
 * encodings and structures, coded JSON lines with wrong fields, and hostile roles files, gold
 * codings, codebooks and models for the flags that read files. Used by
 * `scripts/hostile-campaign.mjs` (all of it) and `packages/cli/test/hostile-corpus.test.ts` (a sample).
 *
 *   node scripts/hostile-corpus.mjs DIR     writes the corpus into DIR and prints a count per kind
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generator } from './lib/seeded-random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Names that are members of `Object.prototype`, and other names a map keyed by text trips on. */
export const HOSTILE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', 'prototype'];

/** Pieces of text a hostile or careless file puts where a parser does not expect them. */
export const HOSTILE_PIECES = [
  'constructor: Why did you do that?\n', '__proto__: Why?\n', 'toString: ok\n', '<v __proto__>Why?</v>', '<v constructor>', '&#99999999;', '&#xD800;',
  '&#0;', '&#x110000;', '&#', '\u200fAngela: ', '\u202eBen: ', '\u200b', '\u0000', '\u001b]0;owned\u0007\u001b[2J', '\r', '\r\n\r\n', '\n\n', '"', '""',
  ',', '\t', '{', '}', '[', ']', '{"speaker": "__proto__", "text": "x"}', '{"version": 1, "utterances": [', 'WEBVTT\n\n', '00:00:01.000 --> 00:00:02.000\n',
  '99:99:99.999 --> 00:00:00.000\n', '-->', 'NOTE ', 'Speaker 1  0:12\n', '[00:01:23] ', '9'.repeat(40), ':'.repeat(30), 'A'.repeat(300),
  '=HYPERLINK("http://x")', '@SUM(1+1)', '\ud800', '\udfff',
];

const TALK = [
  ['Angela', 'How did the lesson go with 8Y3?'],
  ['Ben', 'The starter went well but the back row went quiet.'],
  ['Angela', 'Why do you think they went quiet?'],
  ['Ben', 'I am not sure. Maybe the task was too hard.'],
  ['Angela', 'So the task was pitched too high?'],
  ['Ben', "Yes, that's fair. I'll try a scaffold next time."],
];

/** The six turns of TALK with `name` as the first speaker, in each format. */
function namedTalk(name) {
  const turns = TALK.map(([who, text]) => [who === 'Angela' ? name : who, text]);
  const csvCell = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const time = (i) => `00:00:${String(i * 3).padStart(2, '0')}.000`;
  return {
    txt: turns.map(([w, t]) => `${w}: ${t}`).join('\n') + '\n',
    csv: 'speaker,text\n' + turns.map(([w, t]) => `${csvCell(w)},${csvCell(t)}`).join('\n') + '\n',
    vtt: 'WEBVTT\n\n' + turns.map(([w, t], i) => `${time(i)} --> ${time(i + 1)}\n<v ${w}>${t}</v>\n`).join('\n'),
    json: JSON.stringify({ version: 1, speakers: { [name]: 'coach' }, metadata: { [name]: name, coach: name }, utterances: turns.map(([speaker, text]) => ({ speaker, text })) }) + '\n',
    jsonl: turns.map(([speaker, text], i) => JSON.stringify({ source: 'talk.vtt', turn: i + 1, speaker, role: 'unknown', text, codes: i === 2 ? ['challenge', name] : [name], primary: name, scores: { [name]: 0.5, challenge: 0.9 }, evidence: [], codebook: 'cfbt@1', model: 'cfbt-default@3' })).join('\n') + '\n',
  };
}

/** One mutation of a text: a hostile piece inserted, a stretch cut or repeated, or the end cut off. */
function mutate(text, rand) {
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.45) return text.slice(0, at) + HOSTILE_PIECES[Math.floor(rand() * HOSTILE_PIECES.length)] + text.slice(at);
  if (r < 0.65) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 80));
  if (r < 0.85) {
    const len = 1 + Math.floor(rand() * 200);
    return text.slice(0, at) + text.slice(at, at + len).repeat(2 + Math.floor(rand() * 4)) + text.slice(at + len);
  }
  return text.slice(0, at);
}

/**
 * Every input of the corpus: `{ path, bytes, kind }`, paths relative to the corpus folder with the
 * extension of the format they pretend to be. `flagFiles` are for `--roles`, `--gold`,
 * `--codebook` and `--model` (by flag).
 */
export function hostileCorpus({ mutationsPerSeed = 15 } = {}) {
  const inputs = [];
  const add = (kind, path, content) => inputs.push({ kind, path, bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content) });
  const rand = generator(14);

  // 1. Mutations of every format's example transcript (text and bytes).
  const formatsDir = join(root, 'fixtures/formats');
  const seeds = readdirSync(formatsDir).filter((f) => !f.startsWith('.') && !f.endsWith('.gold.jsonl')).sort();
  for (const seed of seeds) {
    const bytes = readFileSync(join(formatsDir, seed));
    // UTF-16 examples are edited as text and written back in UTF-16 (else every edit is a broken encoding).
    const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf16be' : 'utf8';
    const decode = (b) => (encoding === 'utf16be' ? Buffer.from(b).swap16().toString('utf16le') : b.toString(encoding));
    const encode = (t) => (encoding === 'utf16be' ? Buffer.from(t, 'utf16le').swap16() : Buffer.from(t, encoding));
    const text = decode(bytes);
    const ext = seed.slice(seed.lastIndexOf('.'));
    for (let i = 0; i < mutationsPerSeed; i++) {
      if (i % 5 === 4) {
        const b = Buffer.from(bytes);
        for (let k = 0; k < 1 + Math.floor(rand() * 8); k++) if (b.length > 0) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
        add('mutated-bytes', `mutated/${seed.slice(0, -ext.length)}.${i}${ext}`, b.subarray(0, rand() < 0.3 ? Math.floor(rand() * b.length) : b.length));
      } else {
        let t = text;
        for (let k = 0, n = 1 + Math.floor(rand() * 6); k < n; k++) t = mutate(t, rand);
        add('mutated', `mutated/${seed.slice(0, -ext.length)}.${i}${ext}`, encode(t));
      }
    }
  }

  // 2. Speakers (and codes, attributes) named after Object.prototype members, in every format.
  const odd = [...HOSTILE_NAMES, 'A'.repeat(1000), 'B'.repeat(100_000), 'Eve\u001b]0;owned\u0007\u001b[2J', '\u200fAngela', '\u202eevE', '=cmd|" /C calc"!A0', '+1', '-1', '@x'];
  odd.forEach((name, i) => {
    const talk = namedTalk(name);
    for (const [ext, content] of Object.entries(talk)) add('hostile-name', `names/${i}.${ext}`, content);
  });

  // 3. Character references, control and invisible characters in cues and lines.
  const refs = ['&#99999999;', '&#xD800;', '&#xDFFF;', '&#0;', '&#x110000;', '&#-1;', '&#x;', '&#1e5;', '&#' + '9'.repeat(400) + ';', '&#x' + 'F'.repeat(400) + ';', '&amp;&lt;&gt;&nbsp;&lrm;&rlm;', '&unknown;'];
  refs.forEach((ref, i) => add('entity', `entities/${i}.vtt`, `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello ${ref} there?</v>\n\n00:00:02.000 --> 00:00:03.000\n<v Ben>${ref}</v>\n`));
  const marks = ['\u200f', '\u200e', '\u200b', '\u2067', '\u202e', '\ufeff', '\u00ad', '\u2060'];
  marks.forEach((m, i) => add('invisible', `invisible/${i}.txt`, TALK.map(([w, t]) => `${m}${w}${m}: ${t}`).join('\n') + '\n'));

  // 4. Structure: empty, blank, BOM only, NUL, deep nesting, long lines, many empty cues, encodings.
  const structure = {
    'empty.txt': '',
    'blank.txt': ' \n\t\n\r\n',
    'bom-only.txt': '\ufeff',
    'nul.txt': 'Angela: hi\u0000\nBen: ok\n',
    'deep.json': '['.repeat(200_000),
    'deep-objects.json': '{"a":'.repeat(100_000),
    'deep-valid.json': '['.repeat(5000) + ']'.repeat(5000),
    'metadata-deep.json': JSON.stringify({ version: 1, metadata: JSON.parse('{"a":'.repeat(2000) + '1' + '}'.repeat(2000)), utterances: [{ speaker: 'A', text: 'hi' }] }),
    'long-line.txt': 'Angela: ' + 'so the group went quiet '.repeat(200_000),
    'many-empty-cues.vtt': 'WEBVTT\n\n' + Array.from({ length: 20_000 }, (_, i) => `${i}\n00:00:01.000 --> 00:00:02.000\n\n`).join(''),
    'only-times.srt': Array.from({ length: 1000 }, (_, i) => `${i + 1}\n00:00:01,000 --> 00:00:02,000\n`).join('\n'),
    'many-columns.csv': Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',') + '\n' + Array.from({ length: 5000 }, () => 'x').join(',') + '\n',
    'header-only.csv': 'speaker,text\n',
    'quotes.csv': 'speaker,text\n"Ann,"""\n',
    'cr-only.txt': 'Angela: How did it go?\rBen: Fine.\rAngela: Why?\r',
    'mixed-ends.txt': 'Angela: How did it go?\r\nBen: Fine.\rAngela: Why?\n',
    'tabs.tsv': 'speaker\ttext\nAnn\t"open\nBen\tfine\n',
    'jsonl-junk.jsonl': '{"speaker":"a","text":"b"}\nnot json\n[1,2]\nnull\n"str"\n',
    'json-array-junk.json': '[null, 1, "x", {"speaker": 5}]',
    'json-null.json': 'null',
    'json-string.json': '"hello"',
    'huge-number.json': '{"version": 1e999, "utterances": [{"speaker": "A", "text": "hi", "start": 1e999}]}',
    'time-overflow.vtt': 'WEBVTT\n\n99999999999999999999:00:00.000 --> 99999999999999999999:00:01.000\n<v A>hi</v>\n',
    'otter-like.txt': 'Angela Smith  0:12\n\nSpeaker 1  99:99\nx\n',
    'meet-like.txt': 'Meeting (2026-01-01 at 10:00 GMT)\nTranscript\nAttendees\n__proto__, constructor\n00:00:00\n__proto__: hi\nconstructor: hello?\nMeeting ended after 00:00:01\n',
  };
  for (const [name, content] of Object.entries(structure)) add('structure', `structure/${name}`, content);
  add('encoding', 'encoding/utf16le-no-bom.txt', Buffer.from('Angela: Hello there?\nBen: Hi.\n', 'utf16le'));
  add('encoding', 'encoding/utf16be-bom-odd.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Angela: Hi?\n', 'utf16le').swap16(), Buffer.from([0x41])]));
  add('encoding', 'encoding/invalid-utf8.txt', Buffer.from([0x41, 0x3a, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0x0a, 0x42, 0x3a, 0x20, 0xf0, 0x28, 0x8c, 0xbc, 0x0a]));
  add('encoding', 'encoding/utf8-bom-invalid.txt', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
  add('encoding', 'encoding/binary.txt', Buffer.from(Array.from({ length: 4096 }, () => Math.floor(rand() * 256))));
  add('encoding', 'encoding/zip.vtt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));

  // 5. Coded JSON lines with wrong fields (read back by profile, chart, report …).
  const base = { source: 'talk.vtt', turn: 1, speaker: 'Angela', role: 'coach', text: 'Why did they go quiet?', codes: ['challenge'], primary: 'challenge', scores: { challenge: 0.9 }, evidence: [{ code: 'challenge', cue: 'why', start: 0, end: 3 }], codebook: 'cfbt@1', model: 'cfbt-default@3' };
  const coded = [
    { scores: { challenge: 'high', constructor: 1 } },
    { scores: null },
    { scores: [1, 2] },
    { evidence: ['bad', null, 5] },
    { evidence: [{ code: 'challenge', cue: 'x', start: -5, end: 99999 }] },
    { evidence: [{ code: 7, cue: null, start: 'a', end: {} }] },
    { codes: ['constructor', '__proto__', 'toString'] },
    { turn: -1 },
    { turn: 1.5 },
    { turn: 1e308 },
    { role: '__proto__' },
    { speaker: 42 },
    { text: 42 },
    { source: '__proto__' },
    { source: 'constructor', model: 'constructor', codebook: 'toString' },
    { primary: 42 },
    { human: ['constructor'] },
    { start: 42, line: -7 },
  ];
  coded.forEach((over, i) => {
    const rec = { ...base, ...over };
    const second = { ...base, turn: 2, speaker: 'Ben', role: 'coachee', text: 'Maybe the task.', codes: [], primary: null, evidence: [] };
    add('coded-jsonl', `coded/${i}.jsonl`, `${JSON.stringify(rec)}\n${JSON.stringify(second)}\n`);
  });
  return inputs;
}

/** Hostile files for the flags that read one: `--roles`, `--gold`, `--codebook`, `--model`. */
export function hostileFlagFiles() {
  const files = [];
  const add = (flag, path, content) => files.push({ flag, path, bytes: Buffer.from(content, 'utf8') });
  for (const [i, name] of HOSTILE_NAMES.entries()) {
    add('--roles', `flags/roles-${i}.json`, JSON.stringify({ '*': { speakers: { [name]: 'coach', Ben: 'coachee' }, metadata: { [name]: name, coach: name } }, [name]: { Ben: 'coach' } }));
    add('--roles', `flags/roles-${i}.csv`, `file,speaker,role,${name}\n*,${name},coach,${name}\n${name},Ben,coachee,x\n`);
    add('--gold', `flags/gold-${i}.jsonl`, `${JSON.stringify({ file: name, turn: 1, codes: [name], role: name, speaker: name })}\n${JSON.stringify({ file: 'good.txt', turn: 1, codes: ['challenge', name], scored: [name] })}\n`);
    add('--gold', `flags/gold-${i}.csv`, `file,turn,codes,role\n${name},1,${name},${name}\ngood.txt,2,challenge;${name},coach\n`);
    add('--codebook', `flags/codebook-${i}.json`, JSON.stringify({ id: name, version: 1, title: name, codes: [{ id: /^[a-z][a-z0-9-]*$/.test(name) ? name : 'x', label: name, definition: name }] }));
  }
  const junk = ['', '{', 'null', '[]', '"x"', '{"__proto__": {"polluted": true}}', '\u0000', '{"a":'.repeat(50_000)];
  junk.forEach((text, i) => {
    for (const [flag, ext] of [['--roles', 'json'], ['--roles', 'csv'], ['--gold', 'jsonl'], ['--gold', 'csv'], ['--codebook', 'json'], ['--model', 'json']]) add(flag, `flags/junk-${i}.${flag.slice(2)}.${ext}`, text);
  });
  add('--model', 'flags/model-proto.json', JSON.stringify({ id: 'x', version: 1, codebook: 'cfbt@1', threshold: 0.5, codes: { constructor: { bias: 1, weights: { 'cue:x': 1 } }, challenge: { bias: 0, weights: { constructor: 5, __proto__: 1 } } } }));
  return files;
}

/** Writes the corpus and the flag files into `dir`; returns both lists. */
export function writeHostileCorpus(dir, options) {
  const inputs = hostileCorpus(options);
  const flags = hostileFlagFiles();
  for (const f of [...inputs, ...flags]) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
  }
  return { inputs, flags };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/hostile-corpus.mjs DIR\n');
    process.exit(2);
  }
  const { inputs, flags } = writeHostileCorpus(dir);
  const kinds = new Map();
  for (const i of inputs) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
  process.stdout.write(`${inputs.length} inputs (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) and ${flags.length} flag files → ${dir}\n`);
}
