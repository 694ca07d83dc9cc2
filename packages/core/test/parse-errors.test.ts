import { describe, expect, it } from 'vitest';
import { CoachcodeError } from '../src/errors.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { jsonSyntaxErrorOffset } from '../src/parse/json-locate.js';
import { readJson } from '../src/parse/read-json.js';
import { parseTranscript, safeParseTranscript, type ParseOptions } from '../src/parse/parse-transcript.js';

const lines = (...l: string[]): string => l.join('\n');

/** [code, line] of every issue of the thrown error. */
function issuesOf(text: string, options: ParseOptions): [string, number | undefined][] {
  const result = safeParseTranscript(text, options);
  if (result.success) throw new Error(`expected ${options.source} to fail`);
  return result.error.issues.map((d: Diagnostic) => [d.code, d.line]);
}

describe('errors carry every issue with its line', () => {
  it.each<[string, string, ParseOptions, [string, number | undefined][]]>([
    ['empty text', '', { source: 'a.txt' }, [['empty-input', 1]]],
    ['only blank lines', '\n \n\t\n', { source: 'a.txt' }, [['empty-input', 1]]],
    ['prose without any label', lines('We talked about the lesson.', 'It went well, I think.'), { source: 'a.txt' }, [['no-speaker-labels', 1]]],
    [
      'bad VTT times, all of them',
      lines('WEBVTT', '', '00:00:01.000 --> 00:00:0x.000', 'Angela: Hi.', '', '00:00:02.000 --> 00:00:03.000', 'Tom: Hi.', '', '00:00:61.000 --> 00:00:62.000', 'Angela: Hi.'),
      { source: 'a.vtt' },
      [['bad-time', 3], ['bad-time', 9], ['bad-time', 9]],
    ],
    ['a bad SRT time line', lines('1', '00:00:01,000 -> 00:00:02,000', 'Hi.', '', '2', 'oops --> 00:00:03,000', 'Hi.'), { source: 'a.srt', format: 'srt' }, [['bad-time', 2], ['bad-time', 6]]],
    ['an unbalanced quote in CSV names the line it opens on', lines('speaker,text', 'Angela,"Hello."', '', 'Tom,"She said no', 'Angela,Right.'), { source: 'a.csv' }, [['csv-quote', 4]]],
    ['a CSV without a text column', lines('speaker,words said', 'Angela,Hi.'), { source: 'a.csv' }, [['csv-header', 1]]],
    ['a CSV with a missing configured column', lines('speaker,text', 'Angela,Hi.'), { source: 'a.csv', csv: { time: 'When', codes: ['defence'] } }, [['csv-header', 1], ['csv-header', 1]]],
    ['a CSV row with extra fields', lines('speaker,text', 'Angela,Yes, that is fair', 'Tom,Ok.'), { source: 'a.csv' }, [['csv-field-count', 2]]],
    ['JSON syntax', '{\n  "utterances": [\n    {"speaker": "A", "text": "x"},\n  ]\n}', { source: 'a.json' }, [['json-syntax', 4]]],
    [
      'JSON schema: each problem with its path and line',
      '{\n  "utterances": [\n    {"speaker": "A", "text": "x"},\n    {"speaker": 7, "text": "y"},\n    {"text": "z"}\n  ]\n}',
      { source: 'a.json' },
      [['json-schema', 4], ['json-schema', 5]],
    ],
    ['JSONL: every bad line', lines('{"speaker":"A","text":"x"}', '{"speaker":"A"', '{"speaker":"B","text_start":"y"}'), { source: 'a.jsonl' }, [['jsonl-syntax', 2], ['jsonl-record', 3]]],
    ['an unknown format option', 'Angela: Hi.', { source: 'a.txt', format: 'docx' as never }, [['invalid-option', undefined]]],
    ['bad CSV options, all of them', 'speaker,text\nA,b', { source: 'a.csv', csv: { speaker: '', delimiter: ';;', codes: 'all' as never } }, [['invalid-option', undefined], ['invalid-option', undefined], ['invalid-option', undefined]]],
    ['Otter without speaker lines', lines('Some text.', '', 'More text.'), { source: 'a.txt', format: 'otter' }, [['no-speaker-labels', 1]]],
    ['a VTT with no cues', 'WEBVTT\n\nNOTE nothing here\n', { source: 'a.vtt' }, [['no-utterances', 1]]],
  ])('%s', (_name, text, options, expected) => {
    expect(issuesOf(text, options)).toEqual(expected);
  });

  it('the thrown error is a CoachcodeError whose message has file and line', () => {
    const run = (): unknown => parseTranscript(lines('WEBVTT', '', '00:00:01.000 --> soon', 'Angela: Hi.'), { source: 'sessions/a.vtt' });
    expect(run).toThrow(CoachcodeError);
    expect(run).toThrow(/^sessions\/a\.vtt:3: bad time "soon": expected HH:MM:SS\.mmm/);
  });

  it('JSON schema messages name the path', () => {
    const result = safeParseTranscript('{"utterances":[{"speaker":7,"text":"y"}]}', { source: 'a.json' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toMatch(/^utterances\[0\]\.speaker: /);
  });

  it('a missing field is named as missing', () => {
    const result = safeParseTranscript('{"utterances":[{"text":"y"}]}', { source: 'a.json' });
    expect(result.success ? '' : result.error.issues[0]?.message).toBe('utterances[0].speaker: expected string, but the field is missing');
  });

  it('safeParseTranscript returns data on success', () => {
    const result = safeParseTranscript('Angela: Hi.', { source: 'a.txt' });
    expect(result.success && result.data.transcript.utterances.length).toBe(1);
  });
});

describe('warnings with lines', () => {
  it.each<[string, string, ParseOptions, [string, number | undefined][]]>([
    ['a missing WEBVTT header', lines('00:00:01.000 --> 00:00:02.000', 'Angela: Hi.'), { source: 'a.vtt' }, [['missing-webvtt-header', 1]]],
    ['a cue ending before it starts', lines('WEBVTT', '', '00:00:05.000 --> 00:00:02.000', 'Angela: Hi.'), { source: 'a.vtt' }, [['time-order', 3]]],
    ['text outside a cue', lines('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', 'Angela: Hi', '', 'there.'), { source: 'a.vtt' }, [['stray-text', 6]]],
    ['a short CSV row', lines('speaker,text,time', 'Angela,Hi.'), { source: 'a.csv' }, [['csv-field-count', 2]]],
    ['a CSV code value that is not 0/1', lines('speaker,text,challenge', 'Angela,Why?,maybe'), { source: 'a.csv' }, [['csv-code-value', 2]]],
    ['a CSV row without speaker', lines('speaker,text', ',Hi.'), { source: 'a.csv' }, [['unknown-speaker', 2]]],
    ['JSONL from two transcripts', lines('{"source":"a","speaker":"A","text":"x"}', '{"source":"b","speaker":"B","text":"y"}'), { source: 'a.jsonl' }, [['jsonl-mixed-sources', 1]]],
    ['TSV with a stray quote', lines('speaker\ttext', 'Angela\t"Hi', 'Tom\tOk.'), { source: 'a.tsv' }, [['csv-quote', 2]]],
  ])('%s', (_name, text, options, expected) => {
    const parsed = parseTranscript(text, options);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual(expected);
    for (const w of parsed.warnings) expect(w).toMatchObject({ severity: 'warning', source: options.source });
  });

  it('TSV with a stray quote keeps the quote as text', () => {
    const parsed = parseTranscript(lines('speaker\ttext', 'Angela\t"Hi', 'Tom\tOk.'), { source: 'a.tsv' });
    expect(parsed.transcript.utterances.map((u) => [u.speaker, u.text, u.line])).toEqual([
      ['Angela', '"Hi', 2],
      ['Tom', 'Ok.', 3],
    ]);
  });
});

describe('jsonSyntaxErrorOffset', () => {
  it.each<[string, number | undefined]>([
    ['{"a": [1, 2.5e3, "x\\"y", true, null]}', undefined],
    ['  [] ', undefined],
    ['{"a":1,}', 7],
    ['{"a" 1}', 5],
    ['{"a":', 5],
    ['[1,2', 4],
    ['{"a":tru}', 5],
    ['{"a":1} x', 8],
    ['"line\nbreak"', 5],
  ])('%j → %s', (text, expected) => {
    expect(jsonSyntaxErrorOffset(text)).toBe(expected);
  });
});

describe('readJson: JSON of a roles file, model or codebook', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['{\n  "a": [1,\n  2,,\n]\n}', 3],
    ['{\n  "a": [\n', 2],
    ['\n\n{"a": 1} x', 3],
  ])('%j breaks on line %s', (text, line) => {
    if (line === undefined) {
      expect(readJson(text, { source: 'm.json' })).toEqual({ a: 1 });
      return;
    }
    let error: unknown;
    try {
      readJson(text, { source: 'm.json', code: 'model-invalid', message: (d) => `model: not valid JSON (${d})` });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoachcodeError);
    const [issue] = (error as CoachcodeError).issues;
    expect(issue).toMatchObject({ code: 'model-invalid', severity: 'error', source: 'm.json', line });
    expect(issue?.message).toMatch(/^model: not valid JSON \([^\n]+\)$/);
  });
});
