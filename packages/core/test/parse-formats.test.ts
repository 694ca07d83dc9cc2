import { describe, expect, it } from 'vitest';
import type { InputFormat } from '../src/model/transcript.js';
import { parseTranscript, type ParseOptions } from '../src/parse/parse-transcript.js';

/** [speaker, text, line, start?] of every utterance. */
type Row = [string, string, number | undefined, string?];

function rows(text: string, options: ParseOptions = {}): Row[] {
  return parseTranscript(text, { source: 'sample', ...options }).transcript.utterances.map((u) => {
    const row: Row = [u.speaker, u.text, u.line];
    if (u.start !== undefined) row.push(u.start);
    return row;
  });
}

const lines = (...l: string[]): string => l.join('\n');

describe('plain text', () => {
  it.each<[string, string, Row[]]>([
    ['one label per line', lines('Angela: Hello.', 'Tom: Hi.'), [['Angela', 'Hello.', 1], ['Tom', 'Hi.', 2]]],
    [
      'wrapped continuation lines',
      lines('Angela: Right, shall we start with the', 'starter? I noticed the group', 'at the back.', 'Tom: Yes.'),
      [['Angela', 'Right, shall we start with the starter? I noticed the group at the back.', 1], ['Tom', 'Yes.', 4]],
    ],
    [
      'headings, rules and blank lines are skipped',
      lines('Transcript of coaching session 3', '=====', '', '# Part one', 'COACH: Shall we?', '', 'COACHEE: Go on.'),
      [['COACH', 'Shall we?', 5], ['COACHEE', 'Go on.', 7]],
    ],
    [
      'time stamps before, after and inside the label',
      lines('[00:00:05] Angela: One.', 'Tom (0:41): Two.', '00:01:02 Angela: Three.', 'Tom: [00:01:10] Four.'),
      [
        ['Angela', 'One.', 1, '00:00:05.000'],
        ['Tom', 'Two.', 2, '00:00:41.000'],
        ['Angela', 'Three.', 3, '00:01:02.000'],
        ['Tom', 'Four.', 4, '00:01:10.000'],
      ],
    ],
    [
      'a label on its own line, the text below',
      lines('ANGELA:', 'Shall we start?', '', 'TOM:', 'Yes.'),
      [['ANGELA', 'Shall we start?', 1], ['TOM', 'Yes.', 4]],
    ],
    [
      'a bare stamp line gives the next utterance its start',
      lines('[00:02:00]', 'Angela: Hello.'),
      [['Angela', 'Hello.', 2, '00:02:00.000']],
    ],
    [
      'a wrapped clause that looks like a one-off label stays text',
      lines('Angela: We did the starter activity again this morning with', 'Year 9: they were quiet.', 'Tom: Yes.', 'Angela: Ok.', 'Tom: Ok.'),
      [['Angela', 'We did the starter activity again this morning with Year 9: they were quiet.', 1], ['Tom', 'Yes.', 3], ['Angela', 'Ok.', 4], ['Tom', 'Ok.', 5]],
    ],
    [
      'a one-off speaker after a short unpunctuated line is a speaker',
      lines('Angela: yeah ok', 'Tom: right', 'Angela: so', 'Joe: can I add something', 'Tom: sure'),
      [['Angela', 'yeah ok', 1], ['Tom', 'right', 2], ['Angela', 'so', 3], ['Joe', 'can I add something', 4], ['Tom', 'sure', 5]],
    ],
    [
      'in unpunctuated speech-recogniser text a one-off speaker after a long line is a speaker',
      lines('me011: and so if each one of those is a fixed length the sorting becomes a lot easier', 'me001: she wanted to keep them the same', 'me011: yep'),
      [['me011', 'and so if each one of those is a fixed length the sorting becomes a lot easier', 1], ['me001', 'she wanted to keep them the same', 2], ['me011', 'yep', 3]],
    ],
    [
      'paragraphs after a blank line continue the speaker',
      lines('Angela: First paragraph.', '', 'Second paragraph.', 'Tom: Yes.'),
      [['Angela', 'First paragraph. Second paragraph.', 1], ['Tom', 'Yes.', 4]],
    ],
    ['speaker names are trimmed and spaces collapsed', lines('  Angela   Smith :   Hi   there  '), [['Angela Smith', 'Hi there', 1]]],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('reads header fields as metadata and a stated role', () => {
    const { transcript } = parseTranscript(lines('Title: Cycle 2', 'Date: 4 March 2026', '', 'Angela (coach): Hi.', 'Tom: Hi.'), { source: 'a.txt' });
    expect(transcript.metadata).toEqual({ title: 'Cycle 2', date: '4 March 2026' });
    expect(transcript.speakerRoles).toEqual({ Angela: 'coach' });
    expect(transcript.format).toBe('text');
  });

  it.each<[string, string, string[], Row[]]>([
    ['prose before the first label', lines('We met after school on Tuesday to talk about the lesson.', 'Angela: Hi.'), ['skipped-line'], [['Angela', 'Hi.', 2]]],
    ['a transcriber note', lines('Angela: Hi.', 'Note: the recording paused here.', 'Tom: Hi.'), ['skipped-note'], [['Angela', 'Hi.', 1], ['Tom', 'Hi.', 3]]],
    ['a label without text', lines('Angela: Hi.', 'Tom:', 'Angela: Well?'), ['empty-utterance'], [['Angela', 'Hi.', 1], ['Angela', 'Well?', 3]]],
  ])('warns about %s', (_name, text, codes, expected) => {
    const parsed = parseTranscript(text, { source: 'a.txt' });
    expect(parsed.warnings.map((w) => w.code)).toEqual(codes);
    expect(parsed.transcript.utterances.map((u) => [u.speaker, u.text, u.line])).toEqual(expected);
  });
});

describe('WebVTT', () => {
  const zoom = lines(
    'WEBVTT',
    '',
    '1',
    '00:00:01.020 --> 00:00:05.310',
    'Angela Smith: Right, shall we start with the starter? I noticed',
    '',
    '2',
    '00:00:05.310 --> 00:00:08.000',
    'the group at the back went very quiet.',
    '',
    '3',
    '00:00:08.500 --> 00:00:09.000',
    'Tom Baker: Yeah.',
  );
  it('Zoom: names in cues; a cue without a name continues the speaker', () => {
    expect(rows(zoom, { source: 'z.vtt' })).toEqual([
      ['Angela Smith', 'Right, shall we start with the starter? I noticed', 5, '00:00:01.020'],
      ['Angela Smith', 'the group at the back went very quiet.', 9, '00:00:05.310'],
      ['Tom Baker', 'Yeah.', 13, '00:00:08.500'],
    ]);
    const u = parseTranscript(zoom, { source: 'z.vtt' }).transcript.utterances[0];
    expect(u?.end).toBe('00:00:05.310');
  });

  const teams = lines(
    'WEBVTT',
    '',
    '9a1c3f2e-8b7d-4c1a-9e2f-1d3b5a7c9e0b/12-0',
    '0:0:13.540 --> 0:0:17.210',
    '<v Angela Smith>Right, shall we start',
    'with the starter?</v>',
    '',
    '9a1c3f2e-8b7d-4c1a-9e2f-1d3b5a7c9e0b/13-0',
    '00:00:17.210 --> 00:00:18.000',
    '<v Tom Baker>Fish &amp; chips.</v>',
  );
  it('Teams: voice tags over several lines, GUID cue ids, 0:0:13.540 times, entities', () => {
    expect(rows(teams, { source: 't.vtt' })).toEqual([
      ['Angela Smith', 'Right, shall we start with the starter?', 5, '00:00:13.540'],
      ['Tom Baker', 'Fish & chips.', 10, '00:00:17.210'],
    ]);
  });

  it('generic WebVTT: NOTE and STYLE blocks skipped, tags stripped, unlabelled start is unknown', () => {
    const text = lines('WEBVTT Kind: captions', '', 'NOTE written by hand', '', 'STYLE', '::cue { color: red }', '', '00:01.000 --> 00:02.000', '<i>Hello</i> there', '', '00:02.000 --> 00:03.000', 'Angela: Hi.');
    const parsed = parseTranscript(text, { source: 'g.vtt', format: 'vtt' });
    expect(parsed.transcript.utterances.map((u) => [u.speaker, u.text, u.line, u.start])).toEqual([
      ['unknown', 'Hello there', 9, '00:00:01.000'],
      ['Angela', 'Hi.', 12, '00:00:02.000'],
    ]);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([['unknown-speaker', 9]]);
  });

  it('Zoom display names outside the label rule count when they start three cues or more', () => {
    const cue = (n: number, text: string): string => `${n}\n00:00:0${n}.000 --> 00:00:0${n}.900\n${text}\n`;
    const text = ['WEBVTT\n', cue(1, 'Angela Smith - Hillside: Hello.'), cue(2, 'Tom: Hi.'), cue(3, 'Angela Smith - Hillside: Ready?'), cue(4, 'Tom: Yes.'), cue(5, 'Angela Smith - Hillside: Good.')].join('\n');
    expect(rows(text, { source: 'z.vtt' }).map((r) => r[0])).toEqual(['Angela Smith - Hillside', 'Tom', 'Angela Smith - Hillside', 'Tom', 'Angela Smith - Hillside']);
    const twice = ['WEBVTT\n', cue(1, 'Tom: Hi.'), cue(2, 'Angela Smith - Hillside: Hello.'), cue(3, 'Tom: Yes.'), cue(4, 'Angela Smith - Hillside: Good.')].join('\n');
    expect(rows(twice, { source: 'z.vtt' }).map((r) => r[0])).toEqual(['Tom', 'Tom', 'Tom', 'Tom']);
  });

  it('an empty voice name reads as unknown', () => {
    expect(rows(lines('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', '<v >Ready?</v>'), { format: 'teams-vtt' })).toEqual([['unknown', 'Ready?', 4, '00:00:01.000']]);
  });

  it('two voices in one cue become two utterances', () => {
    expect(rows(lines('WEBVTT', '', '00:00:01.000 --> 00:00:02.000', '<v Angela>Ready?</v> <v Tom>Yes.</v>'), { format: 'teams-vtt' })).toEqual([
      ['Angela', 'Ready?', 4, '00:00:01.000'],
      ['Tom', 'Yes.', 4, '00:00:01.000'],
    ]);
  });
});

describe('SRT', () => {
  it('wrapped cue text, Name: prefixes, cues without a name continue the speaker', () => {
    const text = lines(
      '1',
      '00:00:01,000 --> 00:00:04,200',
      'Angela: Right, shall we start',
      'with the starter?',
      '',
      '2',
      '00:00:04,500 --> 00:00:06,000',
      'I noticed something.',
      '',
      '3',
      '00:00:06,500 --> 00:00:07,000',
      '<i>Tom:</i> Go on.',
    );
    expect(rows(text, { source: 's.srt' })).toEqual([
      ['Angela', 'Right, shall we start with the starter?', 3, '00:00:01.000'],
      ['Angela', 'I noticed something.', 8, '00:00:04.500'],
      ['Tom', 'Go on.', 12, '00:00:06.500'],
    ]);
  });

  it('an SRT without names gives the speaker unknown, with one warning', () => {
    const parsed = parseTranscript(lines('1', '00:00:01,000 --> 00:00:02,000', 'Hello.', '', '2', '00:00:02,000 --> 00:00:03,000', 'Hi.'), { source: 's.srt' });
    expect(parsed.transcript.utterances.map((u) => u.speaker)).toEqual(['unknown', 'unknown']);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([['unknown-speaker', 3]]);
    expect(parsed.warnings[0]?.message).toContain('2 cues have no speaker label');
  });
});

describe('Otter', () => {
  it('speaker lines with times, text below, blank lines between blocks', () => {
    const text = lines('Angela Smith  0:12', 'Right, shall we start', 'with the starter?', '', 'Tom Baker  1:02:03', 'Yeah.', '', 'More from Tom.', '', 'Transcribed by https://otter.ai');
    expect(rows(text, { source: 'o.txt' })).toEqual([
      ['Angela Smith', 'Right, shall we start with the starter?', 1, '00:00:12.000'],
      ['Tom Baker', 'Yeah. More from Tom.', 5, '01:02:03.000'],
    ]);
  });
});

describe('Google Meet', () => {
  it('header to metadata, bare time lines skipped, footer to duration', () => {
    const text = lines(
      'Coaching: Angela / Tom (2026-03-04 10:02 GMT)',
      'Transcript',
      '',
      '00:00:00',
      '',
      'Angela Smith: Right, shall we start?',
      'Tom Baker: Yeah.',
      '',
      '00:05:00',
      '',
      'Angela Smith: Good.',
      'Meeting ended after 00:32:14',
    );
    const { transcript } = parseTranscript(text, { source: 'm.txt' });
    expect(transcript.format).toBe('meet');
    expect(transcript.metadata).toEqual({ title: 'Coaching: Angela / Tom', date: '2026-03-04', time: '10:02', timezone: 'GMT', duration: '00:32:14.000' });
    expect(transcript.utterances.map((u) => [u.speaker, u.text, u.line, u.start])).toEqual([
      ['Angela Smith', 'Right, shall we start?', 6, undefined],
      ['Tom Baker', 'Yeah.', 7, undefined],
      ['Angela Smith', 'Good.', 11, undefined],
    ]);
  });
});

describe('CSV and TSV', () => {
  it.each<[string, string, ParseOptions, Row[]]>([
    ['default headers', lines('speaker,text', 'Angela,Hello.', 'Tom,Hi.'), {}, [['Angela', 'Hello.', 2], ['Tom', 'Hi.', 3]]],
    [
      'quoted commas, doubled quotes, embedded newlines keep line numbers',
      lines('Name,Utterance', 'Angela,"So, what happened?"', 'Tom,"She said ""no"" and', 'left."', '', 'Angela,"Right."'),
      {},
      [['Angela', 'So, what happened?', 2], ['Tom', 'She said "no" and left.', 3], ['Angela', 'Right.', 6]],
    ],
    ['time column', lines('who,time,content', 'Angela,0:05,Hello.', 'Tom,83.5,Hi.'), {}, [['Angela', 'Hello.', 2, '00:00:05.000'], ['Tom', 'Hi.', 3, '00:01:23.500']]],
    ['configured column names', lines('Person,Said,When', 'Angela,Hello.,00:00:01'), { csv: { speaker: 'Person', text: 'said', time: 'When' } }, [['Angela', 'Hello.', 2, '00:00:01.000']]],
    ['semicolons (European Excel)', lines('speaker;text', 'Angela;Hello, you.'), {}, [['Angela', 'Hello, you.', 2]]],
    ['TSV', lines('speaker\ttext', 'Angela\tShe said "no".'), { source: 'x.tsv' }, [['Angela', 'She said "no".', 2]]],
  ])('%s', (_name, text, options, expected) => {
    expect(rows(text, { source: 'x.csv', ...options })).toEqual(expected);
  });

  it.each<[string, string, ParseOptions, (string[] | undefined)[]]>([
    ['a codes column', lines('speaker,text,codes', 'Angela,Why?,challenge;dissonance', 'Tom,Ok.,'), {}, [['challenge', 'dissonance'], []]],
    ['0/1 code columns', lines('speaker,text,summary,challenge', 'Angela,So…,1,0', 'Tom,Why?,0,1'), {}, [['summary'], ['challenge']]],
    ['explicit code columns', lines('speaker,text,defence', 'Tom,But I did.,1'), { csv: { codes: ['defence'] } }, [['defence']]],
    ['no code columns', lines('speaker,text', 'Tom,Hi.'), {}, [undefined]],
  ])('human codes: %s', (_name, text, options, expected) => {
    const { transcript } = parseTranscript(text, { source: 'x.csv', ...options });
    expect(transcript.utterances.map((u) => u.codes)).toEqual(expected);
  });

  it('a role column sets roles', () => {
    const { transcript } = parseTranscript(lines('speaker,role,text', 'Angela,Coach,Hi.', 'Tom,coachee,Hi.'), { source: 'x.csv' });
    expect(transcript.speakerRoles).toEqual({ Angela: 'coach', Tom: 'coachee' });
  });
});

describe('JSON transcript', () => {
  it('reads the schema, lines of utterance objects, metadata and roles', () => {
    const text = JSON.stringify(
      {
        format: 'coachcode-transcript',
        version: 1,
        metadata: { coach: 'Angela', session: 3 },
        speakers: { Angela: 'coach', Tom: 'coachee' },
        utterances: [
          { speaker: 'Angela', text: 'Shall we start?', start: '00:00:05.000' },
          { speaker: 'Tom', text: 'Yes.', line: 40 },
        ],
      },
      null,
      2,
    );
    const { transcript } = parseTranscript(text, { source: 'x.json' });
    expect(transcript.metadata).toEqual({ coach: 'Angela', session: 3 });
    expect(transcript.speakerRoles).toEqual({ Angela: 'coach', Tom: 'coachee' });
    expect(transcript.utterances.map((u) => [u.speaker, u.text, u.line, u.start])).toEqual([
      ['Angela', 'Shall we start?', 13, '00:00:05.000'],
      ['Tom', 'Yes.', 40, undefined],
    ]);
  });

  it('keeps a speaker and an attribute named __proto__ (zod leaves that key out of a record), and checks their values', () => {
    const text = '{"metadata": {"__proto__": "x", "coach": "Ann"}, "speakers": {"__proto__": "coach"},\n "utterances": [{"speaker": "__proto__", "text": "Why?"}]}';
    const { transcript } = parseTranscript(text, { source: 'x.json' });
    expect(Object.entries(transcript.metadata)).toEqual([['__proto__', 'x'], ['coach', 'Ann']]);
    expect(Object.entries(transcript.speakerRoles)).toEqual([['__proto__', 'coach']]);
    expect(() => parseTranscript('{"speakers": {"Ann": "coach",\n"__proto__": 3}, "utterances": []}', { source: 'x.json' })).toThrow(/^x\.json:2: speakers\.__proto__: expected string, received number/);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('reads a bare array of utterances', () => {
    expect(rows('[{"speaker":"A","text":"x"},\n{"speaker":"B","text":"y"}]', { source: 'x.json' })).toEqual([['A', 'x', 1], ['B', 'y', 2]]);
  });
});

describe('coded JSONL', () => {
  it('reads coachcode output and gold records, keeping codes and roles', () => {
    const text = lines(
      '{"source":"a.vtt","turn":1,"speaker":"Angela","role":"coach","start":"00:00:01.000","text":"Why?","codes":["challenge"],"primary":"challenge"}',
      '',
      '{"source":"a.vtt","turn":2,"speaker":"Tom","role":"coachee","text":"Because.","codes":[]}',
    );
    const { transcript } = parseTranscript(text, { source: 'a.jsonl' });
    expect(transcript.utterances).toEqual([
      { speaker: 'Angela', text: 'Why?', line: 1, start: '00:00:01.000', codes: ['challenge'], role: 'coach' },
      { speaker: 'Tom', text: 'Because.', line: 3, codes: [], role: 'coachee' },
    ]);
    expect(transcript.speakerRoles).toEqual({ Angela: 'coach', Tom: 'coachee' });
    expect(transcript.metadata).toEqual({ source: 'a.vtt' });
  });
});

describe('format option', () => {
  it.each<[InputFormat, string]>([
    ['text', 'Angela: Hi.'],
    ['csv', 'speaker,text\nAngela,Hi.'],
    ['json', '{"utterances":[{"speaker":"Angela","text":"Hi."}]}'],
  ])('format %s overrides detection', (format, text) => {
    expect(parseTranscript(text, { source: 'x.unknown', format }).transcript.format).toBe(format);
  });
});
