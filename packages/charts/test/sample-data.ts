import { cfbtCodebook, profileTurns, type CodedTurn, type Profile, type Role } from '@coachcode/core';
import type { ComparisonGroup, ReportInput, Transitions } from '../src/index.js';

/** An invented turn: `cue` (a substring of `text`) becomes the evidence span of the first code. */
type Row = [speaker: string, role: Role, text: string, codes: string[], cue?: string];

function coded(rows: readonly Row[]): CodedTurn[] {
  return rows.map(([speaker, role, text, codes, cue], i) => {
    const at = cue ? text.indexOf(cue) : -1;
    if (cue && at < 0) throw new Error(`cue "${cue}" is not in "${text}"`);
    return {
      turn: i + 1,
      speaker,
      role,
      text,
      codes,
      primary: codes[0] ?? null,
      scores: Object.fromEntries(codes.map((c) => [c, 0.9])),
      evidence: cue && codes[0] ? [{ code: codes[0], cue: 'test-cue', start: at, end: at + cue.length }] : [],
    };
  });
}

/** An invented coaching episode (coach Angela, coachee Ben): no `continuity` anywhere. */
export const angelaTurns: CodedTurn[] = coded([
  ['Angela', 'coach', 'How did the lesson with 9C feel to you?', ['challenge'], 'How did'],
  ['Ben', 'coachee', 'Mostly fine, but the group at the back went quiet.', []],
  ['Angela', 'coach', 'Why do you think they went quiet?', ['challenge'], 'Why do you think'],
  ['Ben', 'coachee', "I don't really agree that they were off task, they were thinking.", ['dissonance', 'challenge'], "I don't really agree"],
  ['Angela', 'coach', "So what you're saying is they needed more thinking time.", ['summary'], "So what you're saying"],
  ['Ben', 'coachee', "Yes, that's fair. I'll try a longer pause with 8Y3.", ['acceptance'], "Yes, that's fair"],
  ['Angela', 'coach', 'What evidence would tell you it worked?', ['challenge'], 'What evidence'],
  ['Ben', 'coachee', 'More hands up <and> fewer "I don\'t know" answers & less silence.', ['challenge'], 'More hands up'],
  ['Angela', 'coach', 'So the plan is: longer pauses, then count the hands.', ['summary'], 'So the plan is'],
  ['Ben', 'coachee', 'Okay.', []],
]);

/** A second invented episode (coach Miriam, coachee Dev, an observer Sam). */
export const miriamTurns: CodedTurn[] = coded([
  ['Miriam', 'coach', 'Going back to your target from last time, how is it going?', ['continuity', 'challenge'], 'Going back to'],
  ['Dev', 'coachee', 'Better. The starter is quicker now.', []],
  ['Sam', 'observer', 'I noticed the starter took four minutes.', []],
  ['Miriam', 'coach', 'That links to your target on pace.', ['continuity'], 'That links to'],
  ['Dev', 'coachee', "You're right, I hadn't seen that.", ['acceptance'], "You're right"],
  ['Miriam', 'coach', 'What would happen if you cut it to two minutes?', ['challenge'], 'What would happen if'],
  ['Dev', 'coachee', "That's not how it works with this class.", ['dissonance'], "That's not how it works"],
]);

export const angelaProfile: Profile = profileTurns(angelaTurns, cfbtCodebook, { source: 'sessions/angela.vtt' });
export const miriamProfile: Profile = profileTurns(miriamTurns, cfbtCodebook, { source: 'sessions/miriam.txt' });

export const groups: ComparisonGroup[] = [
  { group: 'Angela', profile: angelaProfile },
  { group: 'Miriam', profile: miriamProfile },
];

/** A small invented transition table over the five CfBT codes. */
export const transitions: Transitions = {
  codes: ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'],
  matrix: ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'].flatMap((from, i) =>
    ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'].map((to, j) => {
      const count = from === 'challenge' && to === 'dissonance' ? 9 : from === 'summary' && to === 'acceptance' ? 6 : (i + 2 * j) % 3;
      const expected = 2.1;
      return { from, to, count, expected, residual: Math.round(((count - expected) / Math.sqrt(expected)) * 100) / 100 };
    }),
  ),
};

/** A report over both invented episodes, with a comparison, transitions and an agreement table. */
export const reportInput: ReportInput = {
  title: 'Spring coaching <review>',
  sessions: [
    { source: 'sessions/angela.vtt', turns: angelaTurns, profile: angelaProfile },
    { source: 'sessions/miriam.txt', turns: miriamTurns, profile: miriamProfile },
  ],
  comparison: groups,
  transitions,
  tables: [{ title: 'Agreement with human codes', columns: ['Code', 'Kappa', 'F1'], rows: [['challenge', 0.71234, 0.8], ['dissonance', Number.NaN, 0.5]] }],
  codebook: cfbtCodebook,
};

