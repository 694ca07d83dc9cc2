import { describe, expect, it } from 'vitest';
import { compareProfiles, groupFromName, sumProfiles } from '../src/aggregate/compare.js';
import type { Profile, ProfileRow } from '../src/aggregate/profile.js';
import type { Role } from '../src/model/role.js';
import { CoachcodeError } from '../src/errors.js';

const codes = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

/** A row with the given sums; shares and rates are set to −1 to show they are recomputed. */
function row(counts: Partial<Record<string, number>>, turns: number, words: number, open = 0, closed = 0): ProfileRow {
  const full = Object.fromEntries(codes.map((c) => [c, counts[c] ?? 0]));
  return { counts: full, turns, words, wordShare: -1, turnShare: -1, questions: { open, closed }, per100: Object.fromEntries(codes.map((c) => [c, -1])) };
}
function speaker(role: Role, r: ProfileRow): ProfileRow & { role: Role } {
  return { ...r, role };
}
function profile(source: string, metadata: Profile['metadata'], rows: { coach: ProfileRow; coachee: ProfileRow; speakers: Record<string, ProfileRow & { role: Role }> }): Profile {
  const total = row({}, 0, 0);
  for (const r of [rows.coach, rows.coachee]) {
    total.turns += r.turns;
    total.words += r.words;
    total.questions.open += r.questions.open;
    total.questions.closed += r.questions.closed;
    for (const c of codes) total.counts[c] = (total.counts[c] ?? 0) + (r.counts[c] ?? 0);
  }
  return { source, codebook: 'cfbt@1', codes, total, byRole: { coach: rows.coach, coachee: rows.coachee }, bySpeaker: rows.speakers, metadata };
}

// Invented sessions, counted by hand.
const angela1 = profile('coaching/angela-session-1.vtt', { coach: 'Angela', cohort: 1, date: '2024-01' }, {
  coach: row({ challenge: 1, summary: 1 }, 2, 17, 1, 1),
  coachee: row({ dissonance: 1 }, 1, 6),
  speakers: { Angela: speaker('coach', row({ challenge: 1, summary: 1 }, 2, 17, 1, 1)), Ben: speaker('coachee', row({ dissonance: 1 }, 1, 6)) },
});
const angela2 = profile('coaching/angela-session-2.vtt', { coach: 'Angela', cohort: 2 }, {
  coach: row({ challenge: 1 }, 1, 5, 1, 0),
  coachee: row({ acceptance: 1 }, 1, 3),
  speakers: { Angela: speaker('coach', row({ challenge: 1 }, 1, 5, 1, 0)), Cara: speaker('coachee', row({ acceptance: 1 }, 1, 3)) },
});
const miriam = profile('coaching/miriam-session-10.vtt', { coach: 'Miriam', cohort: 1 }, {
  coach: row({ continuity: 1 }, 1, 7),
  coachee: row({}, 1, 2),
  speakers: { Miriam: speaker('coach', row({ continuity: 1 }, 1, 7)), Dan: speaker('unknown', row({}, 1, 2)) },
});

describe('compareProfiles', () => {
  const byCoach = compareProfiles([miriam, angela1, angela2], { by: 'coach' });
  it('groups by a metadata attribute, sorted by name', () => {
    expect(byCoach.map((g) => [g.group, g.sessions, g.profile.source])).toEqual([
      ['Angela', 2, 'Angela'],
      ['Miriam', 1, 'Miriam'],
    ]);
  });
  it('sums counts, turns, words and questions, and recomputes shares and rates', () => {
    const p = byCoach[0]!.profile;
    // Angela: 5 turns, 17 + 6 + 5 + 3 = 31 words; coach 3 turns, 22 words; coachee 2 turns, 9 words.
    expect(p.total).toEqual({
      counts: { summary: 1, acceptance: 1, challenge: 2, continuity: 0, dissonance: 1 },
      turns: 5, words: 31, wordShare: 1, turnShare: 1, questions: { open: 2, closed: 1 },
      per100: { summary: 20, acceptance: 20, challenge: 40, continuity: 0, dissonance: 20 },
    });
    const coach = p.byRole.coach!;
    expect([coach.turns, coach.words, coach.counts.challenge, coach.questions]).toEqual([3, 22, 2, { open: 2, closed: 1 }]);
    expect(coach.wordShare).toBeCloseTo(22 / 31, 12);
    expect(coach.turnShare).toBeCloseTo(3 / 5, 12);
    expect(coach.per100.challenge).toBeCloseTo(200 / 3, 12);
    expect(coach.per100.summary).toBeCloseTo(100 / 3, 12);
    const coachee = p.byRole.coachee!;
    expect([coachee.turns, coachee.words, coachee.per100.dissonance, coachee.per100.acceptance]).toEqual([2, 9, 50, 50]);
    expect(Object.keys(p.byRole)).toEqual(['coach', 'coachee']);
  });
  it('sums speakers across sessions', () => {
    const s = byCoach[0]!.profile.bySpeaker;
    expect(Object.keys(s).sort()).toEqual(['Angela', 'Ben', 'Cara']);
    expect([s.Angela!.turns, s.Angela!.words, s.Angela!.role]).toEqual([3, 22, 'coach']);
    expect(s.Cara!.turnShare).toBeCloseTo(1 / 5, 12);
  });
  it('keeps only the metadata shared by the whole group', () => {
    expect(byCoach[0]!.profile.metadata).toEqual({ coach: 'Angela' });
    expect(byCoach[1]!.profile.metadata).toEqual({ coach: 'Miriam', cohort: 1 });
  });
  it('groups profiles without the attribute instead of dropping them', () => {
    const byDate = compareProfiles([angela1, angela2, miriam], { by: 'date' });
    expect(byDate.map((g) => [g.group, g.sessions]).sort()).toEqual([['(no date)', 2], ['2024-01', 1]]);
  });
  it('groups by a function, with numbers in names sorted as numbers', () => {
    const bySession = compareProfiles([miriam, angela2, angela1], { by: (p) => `session ${groupFromName(p.source, /session-(\d+)/) ?? '?'}` });
    expect(bySession.map((g) => g.group)).toEqual(['session 1', 'session 2', 'session 10']);
  });
  it('falls back to the source when the attribute is "source" and no metadata has it', () => {
    expect(compareProfiles([angela1], { by: 'source' })[0]!.group).toBe('coaching/angela-session-1.vtt');
  });
  it('sums an empty list to an empty profile', () => {
    expect(compareProfiles([], { by: 'coach' })).toEqual([]);
    expect(sumProfiles('none', []).total.turns).toBe(0);
  });
});

describe('groupFromName', () => {
  const rows: [string, RegExp | string, string | null][] = [
    ['coaching/angela-session-3.vtt', '([^/]+)-session-\\d+', 'angela'],
    ['coaching\\angela-session-3.vtt', /^coaching\/([a-z]+)/, 'angela'],
    ['cohort-2024/miriam.txt', /cohort-(?<group>\d{4})/, '2024'],
    ['x/a-b.txt', /(?<name>\w+)-(?<group>\w+)/, 'b'],
    ['coaching/angela.vtt', /angela|miriam/, 'angela'],
    ['coaching/angela.vtt', /miriam-(\d+)/, null],
    ['coaching/angela.vtt', /(\d+)?angela/, null],
    ['a-1/b-2', /-(\d)/g, '1'],
  ];
  it.each(rows)('%s with %s → %s', (source, pattern, expected) => {
    expect(groupFromName(source, pattern)).toBe(expected);
  });
  it('refuses an invalid pattern with a message naming it', () => {
    expect(() => groupFromName('a.txt', '([a-')).toThrow(CoachcodeError);
    expect(() => groupFromName('a.txt', '([a-')).toThrow(/\/\(\[a-\/ is not a valid regular expression/);
  });
});
