import { describe, expect, it } from 'vitest';
import { normaliseSpace, segmentTurns } from '../src/segment/segment-turns.js';
import type { Transcript } from '../src/model/transcript.js';

function transcript(utterances: Transcript['utterances'], speakerRoles: Record<string, string> = {}): Transcript {
  return { source: 't.txt', format: 'text', utterances, metadata: {}, speakerRoles };
}

describe('segmentTurns', () => {
  const t = transcript([
    { speaker: 'Angela', text: 'So, the starter.', line: 1, start: '00:00:01.000' },
    { speaker: 'angela ', text: '  How did it   go?', line: 2 },
    { speaker: 'Ben', text: 'Well.', line: 3, codes: ['acceptance'] },
    { speaker: 'Ben', text: '', line: 4 },
    { speaker: 'Ben', text: 'Mostly.', line: 5, codes: ['dissonance', 'acceptance'] },
    { speaker: 'Angela', text: 'Go on.', line: 6 },
  ]);

  it.each([
    [true, [['Angela', 'So, the starter. How did it go?', 1], ['Ben', 'Well. Mostly.', 3], ['Angela', 'Go on.', 6]]],
    [false, [['Angela', 'So, the starter.', 1], ['angela', 'How did it go?', 2], ['Ben', 'Well.', 3], ['Ben', 'Mostly.', 5], ['Angela', 'Go on.', 6]]],
  ] as const)('merge=%s gives speaker, text and line per turn', (merge, expected) => {
    const turns = segmentTurns(t, { merge });
    expect(turns.map((x) => [x.speaker, x.text, x.line])).toEqual(expected);
    expect(turns.map((x) => x.turn)).toEqual(expected.map((_, i) => i + 1));
  });

  it('keeps the first start time and the union of human codes', () => {
    const [first, second] = segmentTurns(t);
    expect(first?.start).toBe('00:00:01.000');
    expect(second?.humanCodes).toEqual(['acceptance', 'dissonance']);
  });

  it('takes roles stated by the source and leaves the rest unknown', () => {
    const turns = segmentTurns(transcript([{ speaker: 'A', text: 'x', role: 'coach' }, { speaker: 'B', text: 'y' }], { B: 'observer' }));
    expect(turns.map((x) => x.role)).toEqual(['coach', 'observer']);
  });
});

describe('normaliseSpace', () => {
  it.each(['tidy text', ' leading', 'trailing ', 'two  spaces', 'tab\there', 'no\u00a0break', 'new\nline', '\ufeffmark', 'crlf\r\n', '  ', '', 'a'])(
    'collapses and trims %j as a full replace would',
    (text) => {
      expect(normaliseSpace(text)).toBe(text.replace(/\s+/g, ' ').trim());
    },
  );
});
