import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_FORMATS, isInputFormat, type InputFormat } from '../src/model/transcript.js';
import { parseTranscript } from '../src/parse/parse-transcript.js';
import { decodeBytes } from '../src/read/decode-bytes.js';
import { segmentTurns } from '../src/segment/segment-turns.js';

const root = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'fixtures');

interface GoldTurn {
  turn: number;
  speaker: string;
  text: string;
}

function readGold(path: string): GoldTurn[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldTurn);
}

interface Case {
  /** Path relative to fixtures/. */
  name: string;
  path: string;
  gold: string;
  /** The format detection should find. */
  format: InputFormat;
}

/** fixtures/transcripts/<stem>.<ext>, rendered from fixtures/gold/<stem>.jsonl in the format of fixtures/formats.json. */
function renderedCases(): Case[] {
  const dir = join(fixtures, 'transcripts');
  if (!existsSync(dir)) return [];
  const assigned = JSON.parse(readFileSync(join(fixtures, 'formats.json'), 'utf8')) as Record<string, string>;
  return readdirSync(dir)
    .sort()
    .map((file) => {
      const stem = file.slice(0, file.lastIndexOf('.'));
      const format = assigned[stem] ?? 'text';
      if (!isInputFormat(format)) throw new Error(`fixtures/formats.json: ${stem} has unknown format ${format}`);
      return { name: `transcripts/${file}`, path: join(dir, file), gold: join(fixtures, 'gold', `${stem}.jsonl`), format };
    })
    .filter((c) => existsSync(c.gold));
}

/** fixtures/formats/<format>.<variant>.<ext> with hand-written gold <format>.<variant>.gold.jsonl. */
function sampleCases(): Case[] {
  const dir = join(fixtures, 'formats');
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.gold.jsonl') && !f.startsWith('.'))
    .sort()
    .map((file) => {
      const stem = file.slice(0, file.lastIndexOf('.'));
      const format = file.slice(0, file.indexOf('.'));
      if (!isInputFormat(format)) throw new Error(`fixtures/formats/${file}: the name must start with a format (${INPUT_FORMATS.join(', ')})`);
      return { name: `formats/${file}`, path: join(dir, file), gold: join(dir, `${stem}.gold.jsonl`), format };
    });
}

const cases = [...renderedCases(), ...sampleCases()];

describe('fixture transcripts parse back to their gold turns', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const decoded = decodeBytes(new Uint8Array(readFileSync(c.path)), { source: c.name });
    const parsed = parseTranscript(decoded.text, { source: c.name });
    expect(parsed.transcript.format).toBe(c.format);
    const turns = segmentTurns(parsed.transcript, { merge: true });
    const gold = readGold(c.gold);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual(gold.map((g) => [g.speaker, g.text.replace(/\s+/g, ' ').trim()]));
    // Every turn points at a source line; in line-based formats that line holds its first word.
    const lines = decoded.text.split('\n');
    for (const t of turns) {
      expect(t.line, `turn ${t.turn} has a line`).toBeGreaterThan(0);
      if (c.format !== 'json') {
        // The line holds the speaker's label or the start of the text (Otter and `NAME:` lines put the text below).
        const first = t.text.split(' ')[0]?.replace(/["&<>]/g, '') ?? '';
        const line = lines[(t.line ?? 0) - 1] ?? '';
        expect(line.includes(first) || line.includes(t.speaker), `${c.name}: turn ${t.turn} line ${t.line}: ${line}`).toBe(true);
      }
    }
  });

  it('uses every input format at least once', () => {
    expect(new Set(cases.map((c) => c.format))).toEqual(new Set(INPUT_FORMATS));
  });

  it('covers every encoding', () => {
    const encodings = new Set(cases.map((c) => decodeBytes(new Uint8Array(readFileSync(c.path))).encoding));
    expect(encodings).toEqual(new Set(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']));
  });

  it('keeps the rendered transcripts in step with fixtures/gold (node scripts/render-fixtures.mjs --check)', () => {
    const run = (): string => execFileSync(process.execPath, [join(root, 'scripts', 'render-fixtures.mjs'), '--check'], { encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  });
});

describe('hostile fixtures', () => {
  const hostile = join(fixtures, 'hostile');
  const read = (file: string): { warnings: string[]; error?: string; lines: (number | undefined)[] } => {
    const bytes = new Uint8Array(readFileSync(join(hostile, file)));
    const warnings: string[] = [];
    try {
      const decoded = decodeBytes(bytes, { source: file });
      warnings.push(...decoded.warnings.map((w) => w.code));
      const parsed = parseTranscript(decoded.text, { source: file });
      warnings.push(...parsed.warnings.map((w) => w.code));
      return { warnings, lines: [] };
    } catch (error) {
      const issues = (error as { issues?: { code: string; line?: number }[] }).issues;
      if (!issues) throw error;
      return { warnings, error: [...new Set(issues.map((i) => i.code))].join(','), lines: issues.map((i) => i.line) };
    }
  };

  it.each<[string, string | undefined, string[], (number | undefined)[]]>([
    ['empty.txt', 'empty-input', [], [1]],
    ['binary.txt', 'binary-input', [], [1]],
    ['bad-times.vtt', 'bad-time', [], [8, 12, 12, 16]],
    ['unbalanced-quotes.csv', 'csv-quote', [], [4]],
    ['unlabelled-prose.txt', 'no-speaker-labels', [], [1]],
    ['unlabelled-captions.srt', undefined, ['unknown-speaker'], []],
    ['one-megabyte-line.txt', undefined, ['long-utterance'], []],
    ['cp1252.txt', undefined, ['encoding-fallback'], []],
    ['schema-fail.json', 'json-schema', [], [3, 10, 13, 20]],
  ])('%s → error %s, warnings %j', (file, error, warnings, lines) => {
    const result = read(file);
    expect(result.error).toBe(error);
    expect(result.warnings).toEqual(warnings);
    expect(result.lines).toEqual(lines);
  });

  it('reads the Windows-1252 file without mojibake', () => {
    const decoded = decodeBytes(new Uint8Array(readFileSync(join(hostile, 'cp1252.txt'))));
    expect(decoded.text).toBe('Zoë: I don’t really agree – it wasn’t the timer.\nTom: “Fair”, but what else changed?\n');
  });
});
