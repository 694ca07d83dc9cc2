import type { Diagnostic } from '../model/diagnostic.js';
import { dict } from '../model/dict.js';
import type { Role } from '../model/role.js';
import type { Turn } from '../model/turn.js';
import { asksQuestion, countWords } from '../language/index.js';
import { speakerKey } from '../segment/segment-turns.js';
import { messages } from '../messages.js';

/** Options of {@link assignRoles}. Names match after trimming and case-folding. */
export interface RoleOptions {
  coach?: readonly string[];
  coachee?: readonly string[];
  observer?: readonly string[];
  /** Speaker → role for this transcript, e.g. from a roles file. */
  speakers?: Readonly<Record<string, Role>>;
  /** Guess the roles left unknown from how people talk (default `true`). */
  guess?: boolean;
  /** Source path, for messages. */
  source?: string;
}

/** Result of {@link assignRoles}. */
export interface RoleAssignment {
  turns: Turn[];
  /** Speaker (as written in the first turn) → role. */
  roles: Record<string, Role>;
  /** How each role was decided. */
  basis: Record<string, 'option' | 'roles-file' | 'source' | 'label' | 'guess' | 'none'>;
  warnings: Diagnostic[];
}

const LABEL_ROLES: readonly [RegExp, Role][] = [
  [/\b(?:coach|mentor|facilitator|tutor|coach\s*\d*)\b/i, 'coach'],
  [/\b(?:coachee|mentee|teacher|trainee|ect|nqt|student teacher|participant)\b/i, 'coachee'],
  [/\b(?:observer|note[- ]?taker)\b/i, 'observer'],
];

/** The role a speaker label itself names (`Coach:`, `MENTOR`, `Teacher (Ben)`), if any. */
export function roleFromLabel(speaker: string): Role | undefined {
  for (const [re, role] of LABEL_ROLES) if (re.test(speaker)) return role;
  return undefined;
}

function keyed(names: readonly string[] | undefined): Set<string> {
  return new Set((names ?? []).map(speakerKey));
}

/**
 * Step 4 of the pipeline: gives every turn a role. Decided in this order: the `coach`,
 * `coachee`, `observer` options; the `speakers` map; a role stated by the source; a label that
 * names a role; else (unless `guess: false`) a guess — the speaker who asks the most questions
 * per turn is the coach, the one who talks most of the rest is the coachee, and anyone else with
 * two turns or more an observer — reported as a warning. Speakers still undecided are `unknown`.
 */
export function assignRoles(turns: readonly Turn[], options: RoleOptions = {}): RoleAssignment {
  const byOption: [Set<string>, Role][] = [
    [keyed(options.coach), 'coach'],
    [keyed(options.coachee), 'coachee'],
    [keyed(options.observer), 'observer'],
  ];
  const fromFile = new Map(Object.entries(options.speakers ?? {}).map(([k, v]) => [speakerKey(k), v] as const));
  const names = new Map<string, string>();
  const roles = new Map<string, Role>();
  const basis: RoleAssignment['basis'] = dict();
  for (const t of turns) {
    const key = speakerKey(t.speaker);
    if (names.has(key)) continue;
    names.set(key, t.speaker);
    const option = byOption.find(([set]) => set.has(key));
    let role: Role | undefined;
    let why: RoleAssignment['basis'][string] = 'none';
    if (option) [role, why] = [option[1], 'option'];
    else if (fromFile.has(key)) [role, why] = [fromFile.get(key), 'roles-file'];
    else if (t.role !== 'unknown') [role, why] = [t.role, 'source'];
    else if ((role = roleFromLabel(t.speaker))) why = 'label';
    if (role) roles.set(key, role);
    basis[t.speaker] = why;
  }
  const warnings: Diagnostic[] = [];
  if ((options.guess ?? true) && roles.size < names.size) guessRoles(turns, names, roles, basis, warnings, options.source);
  const out = turns.map((t) => ({ ...t, role: roles.get(speakerKey(t.speaker)) ?? 'unknown' }));
  const named = dict<Role>();
  for (const [key, name] of names) named[name] = roles.get(key) ?? 'unknown';
  return { turns: out, roles: named, basis, warnings };
}

function guessRoles(
  turns: readonly Turn[],
  names: Map<string, string>,
  roles: Map<string, Role>,
  basis: RoleAssignment['basis'],
  warnings: Diagnostic[],
  source: string | undefined,
): void {
  const stats = new Map<string, { turns: number; questions: number; words: number }>();
  for (const t of turns) {
    const key = speakerKey(t.speaker);
    const s = stats.get(key) ?? { turns: 0, questions: 0, words: 0 };
    s.turns++;
    s.questions += asksQuestion(t.text) ? 1 : 0;
    s.words += countWords(t.text);
    stats.set(key, s);
  }
  const taken = new Set(roles.values());
  const open = [...names.keys()].filter((k) => !roles.has(k));
  const guessed: string[] = [];
  const askers = open.filter((k) => (stats.get(k)?.turns ?? 0) >= 2);
  if (!taken.has('coach') && askers.length > 0) {
    const coach = askers.reduce((a, b) => (rate(stats.get(b)) > rate(stats.get(a)) ? b : a));
    roles.set(coach, 'coach');
    guessed.push(messages.roleGuess(names.get(coach) ?? coach, 'coach', `asks questions in ${stats.get(coach)?.questions ?? 0} of ${stats.get(coach)?.turns ?? 0} turns`));
  }
  const rest = open.filter((k) => !roles.has(k));
  if (!taken.has('coachee') && rest.length > 0) {
    const coachee = rest.reduce((a, b) => ((stats.get(b)?.words ?? 0) > (stats.get(a)?.words ?? 0) ? b : a));
    roles.set(coachee, 'coachee');
    guessed.push(messages.roleGuess(names.get(coachee) ?? coachee, 'coachee', `speaks ${stats.get(coachee)?.words ?? 0} words`));
  }
  // A third participant who takes part (two turns or more) once coach and coachee are known is,
  // in coaching, an observer: the triad's third member, a lesson-study colleague.
  const known = new Set(roles.values());
  if (known.has('coach') && known.has('coachee')) {
    for (const key of open.filter((k) => !roles.has(k) && (stats.get(k)?.turns ?? 0) >= 2)) {
      roles.set(key, 'observer');
      guessed.push(messages.roleGuess(names.get(key) ?? key, 'observer', `a third participant, ${stats.get(key)?.turns ?? 0} turns`));
    }
  }
  for (const key of names.keys()) if (roles.has(key) && basis[names.get(key) ?? key] === 'none') basis[names.get(key) ?? key] = 'guess';
  if (guessed.length > 0) warnings.push({ code: 'roles-guessed', severity: 'warning', message: messages.rolesGuessed(guessed), ...(source ? { source } : {}) });
}

function rate(s: { turns: number; questions: number } | undefined): number {
  return s && s.turns ? s.questions / s.turns : 0;
}
