import { describe, expect, it } from 'vitest';
import type { InputFormat } from '../src/model/transcript.js';
import { detectFormat } from '../src/parse/detect-format.js';

const lines = (...l: string[]): string => l.join('\n');

describe('detectFormat', () => {
  it.each<[string, string, string, InputFormat]>([
    ['Teams .vtt', 'a.vtt', lines('WEBVTT', '', 'x/1-0', '00:00:01.000 --> 00:00:02.000', '<v Angela>Hi.</v>'), 'teams-vtt'],
    ['Zoom .vtt', 'a.vtt', lines('WEBVTT', '', '1', '00:00:01.000 --> 00:00:02.000', 'Angela: Hi.'), 'zoom-vtt'],
    ['unlabelled .vtt', 'a.vtt', lines('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', 'Hi.'), 'vtt'],
    ['WebVTT content in a .txt', 'a.txt', lines('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', '<v Angela>Hi.</v>'), 'teams-vtt'],
    ['.srt', 'a.srt', 'anything', 'srt'],
    ['SRT content without extension', 'stdin', lines('1', '00:00:01,000 --> 00:00:02,000', 'Hi.'), 'srt'],
    ['.csv', 'a.CSV', 'anything', 'csv'],
    ['.tsv', 'dir.x/a.tsv', 'anything', 'tsv'],
    ['CSV content in a .txt', 'a.txt', lines('speaker,text', 'Angela,Hi.'), 'csv'],
    ['TSV content in a .txt', 'a.txt', lines('Speaker\tUtterance', 'Angela\tHi.'), 'tsv'],
    ['.json', 'a.json', '{}', 'json'],
    ['JSON content', 'a', lines('{', '  "utterances": []', '}'), 'json'],
    ['a JSON array', 'a', '[{"speaker":"A","text":"x"}]', 'json'],
    ['.jsonl', 'a.jsonl', '{}', 'jsonl'],
    ['JSON lines content', 'a.txt', lines('{"speaker":"A","text":"x"}', '{"speaker":"B","text":"y"}'), 'jsonl'],
    ['Google Meet', 'a.txt', lines('Coaching (2026-03-04 10:02 GMT)', 'Transcript', '', '00:00:00', '', 'Angela: Hi.'), 'meet'],
    ['Google Meet without a dated title', 'a.txt', lines('Coaching', 'Transcript', '00:00:00', 'Angela: Hi.'), 'meet'],
    ['Otter', 'a.txt', lines('Angela Smith  0:12', 'Hi.', '', 'Tom Baker  0:20', 'Hi.'), 'otter'],
    ['plain text', 'a.txt', lines('Angela: Hi.', 'Tom: Hi.'), 'text'],
    ['plain text starting with a stamp', 'a.txt', lines('[00:00:01] Angela: Hi.'), 'text'],
    ['plain text with a bare time but no Meet header', 'a.txt', lines('00:00:00', 'Angela: Hi.'), 'text'],
    ['a BOM before WEBVTT', 'a', '\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nAngela: Hi.', 'zoom-vtt'],
    ['no extension, prose', 'notes', 'Just prose.', 'text'],
  ])('%s', (_name, source, text, expected) => {
    expect(detectFormat(source, text)).toBe(expected);
  });
});
