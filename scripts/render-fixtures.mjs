#!/usr/bin/env node
/**
 * Renders every human-coded conversation `fixtures/gold/<stem>.jsonl` into the transcript
 * format assigned in `fixtures/formats.json` (`{"<stem>": "zoom-vtt", ...}`; unlisted stems are
 * plain text), as `fixtures/transcripts/<stem>.<ext>`, the way the tools people use would write
 * it: Zoom cues that cut long turns, Teams GUID cue ids and voice tags, wrapped SRT lines,
 * Otter blocks, a Google Meet header with periodic time lines, quoted CSV with a codes column,
 * TSV, plain text with time stamps and wrapped lines, the JSON transcript format, coded JSONL.
 * Also writes the generated hostile inputs (`fixtures/hostile/one-megabyte-line.txt`,
 * `fixtures/hostile/binary.txt`).
 *
 * Deterministic: the same gold gives the same bytes (times, cue ids and layout come from a
 * pseudo-random generator seeded with the stem). A turn's text comes back exactly when the
 * rendering is parsed and consecutive same-speaker utterances are merged (segments joined with
 * single spaces), because every split and wrap is made at a space.
 *
 * Usage: node scripts/render-fixtures.mjs           write the files
 *        node scripts/render-fixtures.mjs --check   exit 1 if a file is missing or differs
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generator } from './lib/seeded-random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const goldDir = join(root, 'fixtures', 'gold');
const outDir = join(root, 'fixtures', 'transcripts');
const hostileDir = join(root, 'fixtures', 'hostile');
const formatsFile = join(root, 'fixtures', 'formats.json');
const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

/** File extension of each format's rendering. */
const EXTENSION = {
  text: 'txt',
  'zoom-vtt': 'vtt',
  'teams-vtt': 'vtt',
  srt: 'srt',
  otter: 'txt',
  meet: 'txt',
  csv: 'csv',
  tsv: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
};

// ---------------------------------------------------------------------------------------------
// Determinism: FNV-1a hash of the stem seeds a mulberry32 generator.

function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// ---------------------------------------------------------------------------------------------
// Text helpers. Every split is at a space, so joining the pieces with one space gives the text.

/**
 * Splits words into chunks of at most `max` words, ending a chunk early at a sentence end after
 * `min` words. A chunk never starts with a word ending in a colon ("One: ..."), which a reader
 * of unlabelled continuation cues would take for a speaker's name.
 */
function chunkWords(text, max, min) {
  const words = text.split(' ');
  const chunks = [];
  let current = [];
  for (const [i, word] of words.entries()) {
    current.push(word);
    if (/:$/.test(words[i + 1] ?? '')) continue;
    if (current.length >= max || (current.length >= min && /[.?!]$/.test(word))) {
      chunks.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current.join(' '));
  return chunks;
}

/** Greedy word wrap: lines of at most `width` characters (a longer word stands alone). */
function wrap(text, width, firstIndent = 0) {
  const lines = [];
  let line = '';
  let limit = width - firstIndent;
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= limit) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
      limit = width;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Splits text in two at the space nearest the middle (prefers a sentence end). */
function splitNearMiddle(text) {
  const mid = Math.floor(text.length / 2);
  let best = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ' ') continue;
    const sentence = /[.?!]$/.test(text.slice(0, i));
    const score = Math.abs(i - mid) - (sentence ? text.length / 4 : 0);
    const bestScore = best === -1 ? Infinity : Math.abs(best - mid) - (/[.?!]$/.test(text.slice(0, best)) ? text.length / 4 : 0);
    if (score < bestScore) best = i;
  }
  return best === -1 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** `HH:MM:SS.mmm` (or with `,` for SRT). */
function clock(ms, sep = '.') {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`;
}

/** Teams' older unpadded style, `0:0:13.540`. */
function teamsClock(ms) {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${h}:${m}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Otter's `0:12`, `12:05`, `1:02:03`. */
function shortClock(ms) {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Plain `HH:MM:SS`. */
const hms = (ms) => clock(ms).slice(0, 8);

/** Gives every turn a start and end time: about 2.6 words a second, with pauses between turns. */
function timeTurns(turns, rand) {
  let t = 1500 + Math.floor(rand() * 2000);
  return turns.map((turn) => {
    const words = turn.text.split(' ').length;
    const duration = Math.round(words * 380 + 300 + rand() * 400);
    const timed = { ...turn, start: t, end: t + duration };
    t += duration + 200 + Math.floor(rand() * 1000);
    return timed;
  });
}

/** Spreads a turn's time over its chunks in proportion to their length. */
function timeChunks(turn, chunks) {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  let at = turn.start;
  return chunks.map((text) => {
    const span = Math.max(400, Math.round(((turn.end - turn.start) * text.length) / total));
    const cue = { text, start: at, end: at + span };
    at += span;
    return cue;
  });
}

function titleOf(stem) {
  return stem.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function csvField(value, delimiter) {
  return value.includes('"') || value.includes(delimiter) || value.includes('\n') ? `"${value.replace(/"/g, '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------
// One renderer per format: (turns with times, stem, rand) → file text.

const renderers = {
  text(turns, stem, rand) {
    const style = hash(stem) % 3;
    const out = [`Coaching conversation, ${titleOf(stem).toLowerCase()}`, '==========', ''];
    if (style !== 1) out.splice(1, 0, `Date: 2026-0${1 + (hash(stem) % 6)}-1${hash(stem) % 10}`);
    for (const t of turns) {
      const prefix = style === 0 ? `[${hms(t.start)}] ${t.speaker}: ` : style === 1 ? `${t.speaker} (${shortClock(t.start)}): ` : `${t.speaker}: `;
      const lines = wrap(t.text, 90, prefix.length);
      out.push(prefix + lines[0], ...lines.slice(1));
      if (style === 2 || rand() < 0.15) out.push('');
    }
    return `${out.join('\n')}\n`;
  },

  'zoom-vtt'(turns, stem, rand) {
    const out = ['WEBVTT', ''];
    let n = 0;
    for (const t of turns) {
      const cues = timeChunks(t, chunkWords(t.text, 16, 6));
      cues.forEach((cue, i) => {
        // Zoom names the speaker in most cues; some continuation cues carry no name.
        const named = i === 0 || rand() < 0.5;
        out.push(String(++n), `${clock(cue.start)} --> ${clock(cue.end)}`, named ? `${t.speaker}: ${cue.text}` : cue.text, '');
      });
    }
    return out.join('\n');
  },

  'teams-vtt'(turns, stem, rand) {
    const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
    const guid = `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
    const unpadded = hash(stem) % 2 === 0;
    const time = unpadded ? teamsClock : clock;
    const out = ['WEBVTT', ''];
    let seq = 10 + Math.floor(rand() * 20);
    for (const t of turns) {
      const cues = timeChunks(t, chunkWords(t.text, 20, 8));
      seq++;
      cues.forEach((cue, part) => {
        const lines = cue.text.length > 60 ? splitNearMiddle(cue.text) : [cue.text];
        lines[0] = `<v ${t.speaker}>${lines[0]}`;
        lines[lines.length - 1] += '</v>';
        out.push(`${guid}/${seq}-${part}`, `${time(cue.start)} --> ${time(cue.end)}`, ...lines, '');
      });
    }
    return out.join('\n');
  },

  srt(turns) {
    const out = [];
    let n = 0;
    for (const t of turns) {
      const cues = timeChunks(t, chunkWords(t.text, 14, 6));
      cues.forEach((cue, i) => {
        const text = i === 0 ? `${t.speaker}: ${cue.text}` : cue.text;
        out.push(String(++n), `${clock(cue.start, ',')} --> ${clock(cue.end, ',')}`, ...wrap(text, 42), '');
      });
    }
    return out.join('\n');
  },

  otter(turns) {
    const out = [];
    for (const t of turns) {
      // Otter starts a new block, with the speaker line repeated, in a long monologue.
      const parts = t.text.split(' ').length > 45 ? splitNearMiddle(t.text) : [t.text];
      const times = timeChunks(t, parts);
      for (const part of times) out.push(`${t.speaker}  ${shortClock(part.start)}`, part.text, '');
    }
    out.push('Transcribed by https://otter.ai', '');
    return out.join('\n');
  },

  meet(turns, stem) {
    const day = 1 + (hash(stem) % 27);
    const title = `${titleOf(stem)} (2026-03-${pad(day)} ${pad(9 + (hash(stem) % 7))}:0${hash(stem) % 10} GMT)`;
    const speakers = [...new Set(turns.map((t) => t.speaker))];
    const out = hash(stem) % 2 === 0 ? [title, 'Transcript', ''] : [`${title} - Transcript`, 'Attendees', speakers.join(', '), 'Transcript', ''];
    let mark = 0;
    for (const t of turns) {
      while (t.start >= mark) {
        out.push(hms(mark), '');
        mark += 120_000;
      }
      out.push(`${t.speaker}: ${t.text}`);
    }
    const last = turns[turns.length - 1];
    out.push('', `Meeting ended after ${hms(last ? last.end : 0)} 👋`, '');
    return out.join('\n');
  },

  csv(turns, stem) {
    const columns = hash(stem) % 2 === 0;
    const rows = [];
    if (columns) {
      rows.push(['speaker', 'text', ...CODES, 'time'].join(','));
      for (const t of turns) {
        const text = t.text.split(' ').length > 30 ? splitNearMiddle(t.text).join('\n') : t.text;
        rows.push([csvField(t.speaker, ','), csvField(text, ','), ...CODES.map((c) => (t.codes.includes(c) ? '1' : '0')), hms(t.start)].join(','));
      }
    } else {
      rows.push('turn,speaker,role,start,text,codes');
      for (const t of turns) {
        const text = t.text.split(' ').length > 30 ? splitNearMiddle(t.text).join('\n') : t.text;
        rows.push([String(t.turn), csvField(t.speaker, ','), t.role, clock(t.start), csvField(text, ','), csvField(t.codes.join(';'), ',')].join(','));
      }
    }
    return `${rows.join('\n')}\n`;
  },

  tsv(turns) {
    const rows = ['Speaker\tRole\tStart\tUtterance\tCodes'];
    for (const t of turns) rows.push([t.speaker, t.role, hms(t.start), csvField(t.text, '\t'), t.codes.join(';')].join('\t'));
    return `${rows.join('\n')}\n`;
  },

  json(turns, stem) {
    const utterances = [];
    for (const t of turns) {
      const parts = t.text.split(' ').length > 35 ? splitNearMiddle(t.text) : [t.text];
      for (const part of timeChunks(t, parts)) utterances.push({ speaker: t.speaker, text: part.text, start: clock(part.start) });
    }
    const speakers = Object.fromEntries(turns.map((t) => [t.speaker, t.role]));
    const doc = { format: 'coachcode-transcript', version: 1, metadata: { title: titleOf(stem), session: 1 + (hash(stem) % 6) }, speakers, utterances };
    return `${JSON.stringify(doc, null, 2)}\n`;
  },

  jsonl(turns, stem) {
    return turns
      .map((t) => JSON.stringify({ source: `${stem}.jsonl`, turn: t.turn, speaker: t.speaker, role: t.role, start: clock(t.start), text: t.text, codes: t.codes }))
      .map((l) => `${l}\n`)
      .join('');
  },
};

// ---------------------------------------------------------------------------------------------
// Generated hostile inputs.

/** One line of 1 MiB: a label and then words, no line end. */
function megabyteLine() {
  const rand = generator(hash('one-megabyte-line'));
  const words = ['so', 'the', 'group', 'at', 'the', 'back', 'went', 'quiet', 'and', 'I', 'think', 'it', 'was', 'because', 'of', 'the', 'starter', 'yeah'];
  const size = 1 << 20;
  let text = 'Angela:';
  const parts = [text];
  let length = text.length;
  while (length < size) {
    const word = ` ${words[Math.floor(rand() * words.length)]}`;
    parts.push(word);
    length += word.length;
  }
  text = parts.join('');
  return text.slice(0, size);
}

/** A small "binary" file: a ZIP local-file header with NUL bytes, as a .docx would start. */
function binaryBytes() {
  const bytes = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00];
  const rand = generator(hash('binary'));
  for (let i = 0; i < 498; i++) bytes.push(Math.floor(rand() * 256));
  return Buffer.from(bytes);
}

// ---------------------------------------------------------------------------------------------

function readGold(file) {
  const turns = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line);
    turns.push({ turn: r.turn, speaker: r.speaker, role: r.role ?? 'unknown', codes: r.codes ?? [], text: String(r.text).replace(/\s+/g, ' ').trim() });
  }
  return turns;
}

function render() {
  const formats = existsSync(formatsFile) ? JSON.parse(readFileSync(formatsFile, 'utf8')) : {};
  const files = new Map();
  const stems = readdirSync(goldDir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort();
  for (const stem of stems) {
    const format = formats[stem] ?? 'text';
    const renderer = renderers[format];
    if (!renderer) throw new Error(`fixtures/formats.json: unknown format "${format}" for ${stem}; expected one of ${Object.keys(renderers).join(', ')}`);
    const rand = generator(hash(stem));
    const turns = timeTurns(readGold(join(goldDir, `${stem}.jsonl`)), rand);
    files.set(join(outDir, `${stem}.${EXTENSION[format]}`), Buffer.from(renderer(turns, stem, rand), 'utf8'));
  }
  files.set(join(hostileDir, 'one-megabyte-line.txt'), Buffer.from(megabyteLine(), 'utf8'));
  files.set(join(hostileDir, 'binary.txt'), binaryBytes());
  return { files, stems };
}

function main() {
  const check = process.argv.includes('--check');
  const { files, stems } = render();
  let stale = 0;
  for (const [path, bytes] of files) {
    const same = existsSync(path) && readFileSync(path).equals(bytes);
    if (same) continue;
    if (check) {
      process.stderr.write(`out of date: ${path.slice(root.length + 1)}\n`);
      stale++;
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    // Write to a temporary file, then rename: never a half-written fixture.
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
  }
  // Renderings of a stem in a format it no longer has.
  if (existsSync(outDir)) {
    for (const name of readdirSync(outDir)) {
      const path = join(outDir, name);
      const stem = name.slice(0, name.lastIndexOf('.'));
      if (stems.includes(stem) && !files.has(path)) {
        if (check) {
          process.stderr.write(`stale: ${path.slice(root.length + 1)}\n`);
          stale++;
        } else rmSync(path);
      }
    }
  }
  if (check && stale > 0) {
    process.stderr.write(`${stale} fixture file(s) out of date: run node scripts/render-fixtures.mjs\n`);
    process.exit(1);
  }
  process.stdout.write(`${check ? 'checked' : 'rendered'} ${stems.length} transcripts and 2 hostile inputs\n`);
}

main();
