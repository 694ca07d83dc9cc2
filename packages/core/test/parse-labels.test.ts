import { describe, expect, it } from 'vitest';
import { isSpeakerName, matchBareStamp, matchSpeakerLabel } from '../src/parse/speaker-label.js';
import { normaliseTime } from '../src/parse/time-stamp.js';

describe('normaliseTime', () => {
  it.each([
    ['1:23', '00:01:23.000'],
    ['01:23', '00:01:23.000'],
    ['1:02:03', '01:02:03.000'],
    ['00:00:13.540', '00:00:13.540'],
    ['0:0:13.540', '00:00:13.540'],
    ['00:00:01,000', '00:00:01.000'],
    ['00:01.5', '00:00:01.500'],
    ['75:10', '01:15:10.000'],
    ['12:34:56.78', '12:34:56.780'],
    ['00:00:60.000', undefined],
    ['00:60:00', undefined],
    ['1:2x', undefined],
    ['abc', undefined],
    ['', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseTime(raw)).toBe(expected);
  });
});

describe('isSpeakerName (the label rule)', () => {
  it.each([
    ['Angela', true],
    ['Angela Smith', true],
    ['COACH', true],
    ['MRS JONES', true],
    ['Speaker 1', true],
    ["Mrs O'Neil-Brown", true],
    ['Dr. Patel', true],
    ['Ana de la Cruz', true],
    ['Head of Science', true],
    ['Zoë', true],
    ['angela', true],
    ['SPEAKER_01', true],
    ['The thing is', false], // a clause: later words are lower case
    ['So what I said was', false], // five words
    ['Note', false],
    ['NOTE', false],
    ['So', false],
    ['Date', false],
    ['https', false],
    ['1st', false], // must start with a letter
    ['Angela Mary Jane Smith Jones', false], // five words
    ['A'.repeat(41), false], // over 40 characters
    ['Angela!', false],
  ])('%s → %s', (name, expected) => {
    expect(isSpeakerName(name)).toBe(expected);
  });
});

describe('matchSpeakerLabel', () => {
  it.each([
    ['Angela: Hello there.', { speaker: 'Angela', text: 'Hello there.' }],
    ['ANGELA: Hello', { speaker: 'ANGELA', text: 'Hello' }],
    ['Angela Smith:   spaced', { speaker: 'Angela Smith', text: 'spaced' }],
    ['Angela:', { speaker: 'Angela', text: '' }],
    ['[00:01:23] Angela: Hi', { speaker: 'Angela', text: 'Hi', start: '00:01:23.000' }],
    ['(1:23) Angela: Hi', { speaker: 'Angela', text: 'Hi', start: '00:01:23.000' }],
    ['00:01:23 Angela: Hi', { speaker: 'Angela', text: 'Hi', start: '00:01:23.000' }],
    ['00:01:23 - Angela: Hi', { speaker: 'Angela', text: 'Hi', start: '00:01:23.000' }],
    ['Angela [00:01:23]: Hi', { speaker: 'Angela', text: 'Hi', start: '00:01:23.000' }],
    ['Angela (1:23): Hi', { speaker: 'Angela', text: 'Hi', start: '00:01:23.000' }],
    ['Angela: [00:01:23] Hi', { speaker: 'Angela', text: 'Hi', start: '00:01:23.000' }],
    ['Angela (coach): Hi', { speaker: 'Angela', text: 'Hi', role: 'coach' }],
    ['Priya (Mentor): Hi', { speaker: 'Priya', text: 'Hi', role: 'coach' }],
    ['Angela (AS): Hi', { speaker: 'Angela (AS)', text: 'Hi' }],
    ['Speaker 2: ok', { speaker: 'Speaker 2', text: 'ok' }],
    ['Angela: at 10:30 we met', { speaker: 'Angela', text: 'at 10:30 we met' }],
  ])('%s', (line, expected) => {
    expect(matchSpeakerLabel(line)).toEqual(expected);
  });

  it.each([
    ['Note: the recording paused here.'],
    ['The thing is: they never listen.'],
    ['So what I said was: stop.'],
    ['See https://example.org for more'],
    ['It was at 10:30 that they left'],
    ['Angela:no space after the colon'],
    ['10:30: meeting'],
    ['Just prose without a colon'],
  ])('%s → not a label', (line) => {
    expect(matchSpeakerLabel(line)).toBeUndefined();
  });
});

describe('matchBareStamp', () => {
  it.each([
    ['00:05:00', '00:05:00.000'],
    ['[00:01:23]', '00:01:23.000'],
    ['(1:23)', '00:01:23.000'],
    ['Angela: 00:05:00', undefined],
    ['00:05:00 and more', undefined],
  ])('%s → %s', (line, expected) => {
    expect(matchBareStamp(line)).toBe(expected);
  });
});
