import { describe, expect, it } from 'vitest';
import { assignRoles, roleFromLabel } from '../src/roles/assign-roles.js';
import { attributesFor, parseRolesFile } from '../src/roles/roles-file.js';
import { CoachcodeError } from '../src/errors.js';
import type { Turn } from '../src/model/turn.js';

function turns(...rows: [string, string][]): Turn[] {
  return rows.map(([speaker, text], i) => ({ turn: i + 1, speaker, role: 'unknown', text }));
}

const talk = turns(
  ['Angela', 'How did the lesson go?'],
  ['Ben', 'It went fine, I think the group at the back was quiet though and I did not know why.'],
  ['Angela', 'Why do you think they went quiet?'],
  ['Ben', 'They had finished early.'],
  ['Cara', 'I noticed that too.'],
);

describe('roleFromLabel', () => {
  it.each([
    ['Coach', 'coach'],
    ['MENTOR', 'coach'],
    ['Teacher (Ben)', 'coachee'],
    ['Mentee', 'coachee'],
    ['Observer', 'observer'],
    ['Angela', undefined],
  ])('%s → %s', (label, role) => expect(roleFromLabel(label)).toBe(role));
});

describe('assignRoles', () => {
  it('uses options first, case-insensitively', () => {
    const r = assignRoles(talk, { coach: [' ben '], coachee: ['ANGELA'], observer: ['cara'] });
    expect(r.roles).toEqual({ Angela: 'coachee', Ben: 'coach', Cara: 'observer' });
    expect(r.warnings).toEqual([]);
  });

  it('uses a speakers map (roles file) when no option names the speaker', () => {
    const r = assignRoles(talk, { coach: ['Angela'], speakers: { ben: 'coachee', Cara: 'observer' } });
    expect(r.turns.map((t) => t.role)).toEqual(['coach', 'coachee', 'coach', 'coachee', 'observer']);
    expect(r.basis).toEqual({ Angela: 'option', Ben: 'roles-file', Cara: 'roles-file' });
  });

  it('guesses the questioner as coach and warns', () => {
    const r = assignRoles(talk, { source: 's.txt' });
    expect(r.roles.Angela).toBe('coach');
    expect(r.roles.Ben).toBe('coachee');
    expect(r.roles.Cara).toBe('unknown');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.message).toMatch(/Angela → coach/);
    expect(r.warnings[0]?.source).toBe('s.txt');
  });

  it('guesses a third participant with two turns or more as observer, and says so', () => {
    const triad = turns(
      ['Angela', 'How did the lesson go?'],
      ['Ben', 'It went fine, I think the group at the back was quiet though and I did not know why.'],
      ['Cara', 'I noticed that too, they finished the task in ten minutes.'],
      ['Angela', 'Why do you think they went quiet?'],
      ['Ben', 'They had finished early.'],
      ['Cara', 'And nobody had an extension task.'],
    );
    const r = assignRoles(triad);
    expect(r.roles).toEqual({ Angela: 'coach', Ben: 'coachee', Cara: 'observer' });
    expect(r.basis.Cara).toBe('guess');
    expect(r.warnings[0]?.message).toMatch(/Cara → observer \(a third participant, 2 turns\)/);
  });

  it('counts questions a speech recogniser left without "?" when guessing the coach', () => {
    const call = turns(
      ['Gareth', 'hello, can you hear me'],
      ['Zoe', 'Yes hi, can you hear me? my camera is not working'],
      ['Gareth', 'yep got you. how did the starters go'],
      ['Zoe', 'Good, they did the first two questions fine, the last one nobody could do.'],
      ['Gareth', 'why do you think that one was so hard for them'],
      ['Zoe', 'It was a totally different topic, we did Romans and now we are on the Normans.'],
    );
    expect(assignRoles(call).roles).toEqual({ Gareth: 'coach', Zoe: 'coachee' });
  });

  it('does not guess when told not to', () => {
    expect(assignRoles(talk, { guess: false }).roles).toEqual({ Angela: 'unknown', Ben: 'unknown', Cara: 'unknown' });
  });
});

describe('parseRolesFile', () => {
  it('reads the JSON shorthand and the long form', () => {
    const f = parseRolesFile('{"*": {"Angela": "coach"}, "b.vtt": {"speakers": {"Ben": "coachee"}, "metadata": {"cohort": 2025}}}', { format: 'json' });
    expect(attributesFor(f, 'sessions/b.vtt')).toEqual({ speakers: { Angela: 'coach', Ben: 'coachee' }, metadata: { cohort: '2025' } });
    expect(attributesFor(f, 'c.txt')).toEqual({ speakers: { Angela: 'coach' }, metadata: {} });
  });

  it('reads CSV with extra columns as metadata', () => {
    const f = parseRolesFile('file,speaker,role,coach\na,Angela,coach,Angela\na,Ben,coachee,Angela\n', { format: 'csv' });
    expect(attributesFor(f, 'x/a.txt')).toEqual({ speakers: { Angela: 'coach', Ben: 'coachee' }, metadata: { coach: 'Angela' } });
  });

  it.each([
    ['{"a": {"Ben": "boss"}}', 'json', /unknown role "boss"/],
    ['{not json', 'json', /not valid JSON/],
    ['file,speaker,role\na,Ben,boss\n', 'csv', /roles.csv:2: unknown role/],
  ] as const)('rejects %s', (text, format, message) => {
    expect(() => parseRolesFile(text, { format, source: 'roles.csv' })).toThrow(CoachcodeError);
    expect(() => parseRolesFile(text, { format, source: 'roles.csv' })).toThrow(message);
  });
});

// zod leaves a `__proto__` key out of a record (unchecked): names a user chose must all survive.
describe('JSON records keyed by names a user chose keep every name, __proto__ included', () => {
  // Expected entries as JSON text: an object literal `{ __proto__: … }` would set a prototype instead.
  it.each([
    ['roles file, short entry', '{"a.vtt": {"__proto__": "coach", "Ben": "coachee"}}', 'a.vtt', '[["__proto__","coach"],["Ben","coachee"]]', '[]'],
    ['roles file, long entry', '{"a.vtt": {"speakers": {"__proto__": "coach"}, "metadata": {"__proto__": "x", "constructor": 3}}}', 'a.vtt', '[["__proto__","coach"]]', '[["__proto__","x"],["constructor","3"]]'],
    ['roles file, a transcript named __proto__', '{"__proto__": {"Ann": "coach"}}', '__proto__', '[["Ann","coach"]]', '[]'],
  ])('%s', (_name, text, file, speakers, metadata) => {
    const entry = parseRolesFile(text, { format: 'json', source: 'r.json' }).get(file);
    expect(entry && Object.entries(entry.speakers)).toEqual(JSON.parse(speakers));
    expect(entry && Object.entries(entry.metadata)).toEqual(JSON.parse(metadata));
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('a __proto__ entry is checked like any other: a wrong role or value is an error on its line', () => {
    const text = '{\n  "a.vtt": {\n    "speakers": {"Ann": "coach"},\n    "metadata": {"__proto__": ["x"]}\n  }\n}';
    let error: unknown;
    try {
      parseRolesFile(text, { format: 'json', source: 'r.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoachcodeError);
    expect((error as CoachcodeError).issues).toEqual([expect.objectContaining({ source: 'r.json', line: 4, message: expect.stringMatching(/^roles file: a\.vtt\.metadata\.__proto__: /) })]);
    expect(() => parseRolesFile('{"a.vtt": {"__proto__": "boss"}}', { format: 'json' })).toThrow(/unknown role "boss"/);
  });
});
