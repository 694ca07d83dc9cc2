import { describe, expect, it } from 'vitest';
import { Anonymiser } from '../src/privacy/anonymiser.js';

describe('Anonymiser', () => {
  const triad = new Anonymiser([
    { speaker: 'Angela Price', role: 'coach' },
    { speaker: 'Tom', role: 'coachee' },
    { speaker: 'Priya', role: 'observer' },
    { speaker: 'sam', role: 'observer' },
    { speaker: 'Host', role: 'unknown' },
  ]);

  it.each([
    ['Angela Price', 'Coach'],
    ['angela price', 'Coach'],
    ['Tom', 'Coachee'],
    ['Priya', 'Observer 1'],
    ['sam', 'Observer 2'],
    ['Host', 'Speaker'],
    ['Nobody', 'Nobody'],
  ])('labels %s as %s', (speaker, label) => {
    expect(triad.label(speaker)).toBe(label);
  });

  it.each([
    ['Thanks Tom, and Angela agrees.', 'Thanks Coachee, and Coach agrees.'],
    ["Ms Price's point was fair", "Ms Coach's point was fair"],
    ['Tomorrow Sam and Priya will watch.', 'Tomorrow Observer 2 and Observer 1 will watch.'],
    ['Angela Price said so', 'Coach said so'],
    ['Atom and Tommy stay', 'Atom and Tommy stay'],
  ])('replaces names in %j', (text, expected) => {
    expect(triad.replaceNames(text).text).toBe(expected);
  });

  it('moves evidence spans with the text', () => {
    const turn = { speaker: 'Tom', text: 'Tom, why do you think Priya went quiet?', evidence: [{ code: 'challenge', cue: 'why', start: 5, end: 21 }, { code: 'x', cue: 'name', start: 0, end: 3 }] };
    const out = triad.apply(turn);
    expect(out.text).toBe('Coachee, why do you think Observer 1 went quiet?');
    expect(out.text.slice(out.evidence[0]?.start, out.evidence[0]?.end)).toBe('why do you think');
    expect(out.text.slice(out.evidence[1]?.start, out.evidence[1]?.end)).toBe('Coachee');
    expect(out.speaker).toBe('Coachee');
  });

  it('does not replace role words used as speaker labels', () => {
    const a = new Anonymiser([{ speaker: 'Coach', role: 'coach' }, { speaker: 'Teacher', role: 'coachee' }]);
    expect(a.replaceNames('As a teacher and a coach I see it.').text).toBe('As a teacher and a coach I see it.');
  });
});
