import { describe, expect, it } from 'vitest';
import { classifyQuestions, countWords } from '../src/language/index.js';
import { profileTurns } from '../src/aggregate/profile.js';
import { cfbtCodebook } from '../src/codebook/cfbt.js';
import type { CodedTurn } from '../src/model/turn.js';

function coded(speaker: string, role: CodedTurn['role'], text: string, codes: string[]): CodedTurn {
  return { turn: 0, speaker, role, text, codes, primary: codes[0] ?? null, scores: {}, evidence: [] };
}

describe('countWords and classifyQuestions', () => {
  it.each([
    ["Don't you think so?", 4],
    ['8Y3 went quiet — again.', 4],
    ['', 0],
  ])('%j has %i words', (text, n) => expect(countWords(text)).toBe(n));

  it.each([
    ['Why do you think that? Did it work?', { open: 1, closed: 1 }],
    ['So what happened next?', { open: 1, closed: 0 }],
    ['Okay, so, what happened next?', { open: 1, closed: 0 }],
    ['It worked.', { open: 0, closed: 0 }],
    // Speech recognisers often leave questions unpunctuated: a last sentence that opens like one counts.
    ['okay so how did it go', { open: 1, closed: 0 }],
    ['Right. did you mark them', { open: 0, closed: 1 }],
    ['so I tried the timer', { open: 0, closed: 0 }],
    ['How did it go. It went fine', { open: 0, closed: 0 }],
  ])('%j', (text, q) => expect(classifyQuestions(text)).toEqual(q));
});

describe('profileTurns (hand-counted)', () => {
  const turns = [
    coded('Angela', 'coach', 'Why do you think they went quiet?', ['challenge']),
    coded('Ben', 'coachee', 'Because the task was too long, I suppose.', ['challenge', 'acceptance']),
    coded('Angela', 'coach', 'So the task length is the issue.', ['summary']),
    coded('Ben', 'coachee', 'Yes.', []),
  ];
  const p = profileTurns(turns, cfbtCodebook, { source: 'a.txt' });

  it('counts every code per role, zeros included, in codebook order', () => {
    expect(p.codes).toEqual(['summary', 'acceptance', 'challenge', 'continuity', 'dissonance']);
    expect(p.byRole.coach?.counts).toEqual({ summary: 1, acceptance: 0, challenge: 1, continuity: 0, dissonance: 0 });
    expect(p.byRole.coachee?.counts).toEqual({ summary: 0, acceptance: 1, challenge: 1, continuity: 0, dissonance: 0 });
    expect(p.total.counts.challenge).toBe(2);
  });

  it('computes turns, words, shares, questions and rates', () => {
    expect(p.total.turns).toBe(4);
    expect(p.total.words).toBe(7 + 8 + 7 + 1);
    expect(p.byRole.coach?.wordShare).toBeCloseTo(14 / 23);
    expect(p.byRole.coachee?.turnShare).toBe(0.5);
    expect(p.byRole.coach?.questions).toEqual({ open: 1, closed: 0 });
    expect(p.byRole.coachee?.per100.acceptance).toBe(50);
    expect(p.bySpeaker.Ben?.role).toBe('coachee');
  });
});
