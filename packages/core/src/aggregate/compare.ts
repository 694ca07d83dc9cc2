import { CoachcodeError } from '../errors.js';
import { agreementMessages } from '../agreement/messages.js';
import { ROLES, type Role } from '../model/role.js';
import { dict, own } from '../model/dict.js';
import { emptyRow, type Profile, type ProfileRow } from './profile.js';

/** Options of {@link compareProfiles}. */
export interface CompareOptions {
  /**
   * What puts a profile in a group: a metadata attribute (`coach`, `cohort`, `date` …; `source`
   * when no such attribute exists) or a function of the profile (see {@link groupFromName}).
   * Profiles without the attribute form the group `(no <attribute>)`: none is dropped.
   */
  by: string | ((profile: Profile) => string);
}

/** One group of profiles summed into one. */
export interface ProfileGroup {
  group: string;
  /**
   * The group's profile: counts, turns, words and questions summed per role and per speaker;
   * shares of talk and rates per 100 turns recomputed from the sums. `source` is the group name,
   * `metadata` keeps the attributes whose value is the same in every profile of the group.
   */
  profile: Profile;
  /** Number of profiles (sessions) in the group. */
  sessions: number;
}

/**
 * Groups profiles (one per transcript) by an attribute and sums each group, so coaches, cohorts
 * or dates can be set side by side. Groups are sorted by name (numbers in names compare as
 * numbers: `session 2` before `session 10`).
 */
export function compareProfiles(profiles: readonly Profile[], options: CompareOptions): ProfileGroup[] {
  const { by } = options;
  const key =
    typeof by === 'function'
      ? by
      : (p: Profile) => {
          const value = own(p.metadata, by);
          if (value !== undefined) return String(value);
          if (by === 'source') return p.source;
          return `(no ${by})`;
        };
  const groups = new Map<string, Profile[]>();
  for (const p of profiles) {
    const g = key(p);
    const list = groups.get(g);
    if (list) list.push(p);
    else groups.set(g, [p]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([group, members]) => ({ group, profile: sumProfiles(group, members), sessions: members.length }));
}

/**
 * Sums profiles into one named `source`: counts, turns, words and questions added per role and
 * speaker; shares and per-100 rates recomputed. Codes are the union in first-seen order; a
 * speaker keeps the first role other than `unknown` it had.
 */
export function sumProfiles(source: string, profiles: readonly Profile[]): Profile {
  const codes = [...new Set(profiles.flatMap((p) => p.codes))];
  const codebooks = [...new Set(profiles.map((p) => p.codebook))];
  const total = emptyRow(codes);
  const byRole: Partial<Record<Role, ProfileRow>> = {};
  const bySpeaker = dict<ProfileRow & { role: Role }>();
  for (const p of profiles) {
    addRow(total, p.total);
    for (const [role, row] of Object.entries(p.byRole) as [Role, ProfileRow][]) addRow((byRole[role] ??= emptyRow(codes)), row);
    for (const [speaker, row] of Object.entries(p.bySpeaker)) {
      const target = (bySpeaker[speaker] ??= { ...emptyRow(codes), role: row.role });
      if (target.role === 'unknown' && row.role !== 'unknown') target.role = row.role;
      addRow(target, row);
    }
  }
  const rows = [total, ...Object.values(byRole), ...Object.values(bySpeaker)];
  for (const row of rows) finishRow(row, total);
  const orderedRoles: Partial<Record<Role, ProfileRow>> = {};
  for (const r of ROLES) if (byRole[r]) orderedRoles[r] = byRole[r];
  return { source, codebook: codebooks.join('+'), codes, total, byRole: orderedRoles, bySpeaker, metadata: commonMetadata(profiles) };
}

/**
 * The group name a pattern takes from a transcript's path, for `--group-by`: the named group
 * `group` if the pattern has one, else the first capture group, else the whole match; `null`
 * when the pattern does not match (or that group took no part in the match). The pattern is
 * matched against the path as given, with `\` turned into `/`; for example
 * `/([^/]+)-session-\d+/` takes `angela` from `coaching/angela-session-3.vtt`.
 * Throws a {@link CoachcodeError} when a string pattern is not a valid regular expression.
 */
export function groupFromName(source: string, pattern: RegExp | string): string | null {
  let re: RegExp;
  if (typeof pattern === 'string') {
    try {
      re = new RegExp(pattern);
    } catch (error) {
      throw new CoachcodeError([{ code: 'group-pattern-invalid', severity: 'error', message: agreementMessages.badGroupPattern(pattern, error instanceof Error ? error.message : String(error)) }]);
    }
  } else re = new RegExp(pattern.source, pattern.flags.replace('g', '').replace('y', ''));
  const m = re.exec(source.replace(/\\/g, '/'));
  if (!m) return null;
  if (m.groups && 'group' in m.groups) return m.groups.group ?? null;
  if (m.length > 1) return m[1] ?? null;
  return m[0];
}

function addRow(target: ProfileRow, row: ProfileRow): void {
  target.turns += row.turns;
  target.words += row.words;
  target.questions.open += row.questions.open;
  target.questions.closed += row.questions.closed;
  for (const [code, count] of Object.entries(row.counts)) target.counts[code] = (target.counts[code] ?? 0) + count;
}

function finishRow(row: ProfileRow, total: ProfileRow): void {
  row.wordShare = total.words ? row.words / total.words : 0;
  row.turnShare = total.turns ? row.turns / total.turns : 0;
  for (const code of Object.keys(row.counts)) row.per100[code] = row.turns ? (100 * (row.counts[code] ?? 0)) / row.turns : 0;
}

function commonMetadata(profiles: readonly Profile[]): Record<string, string | number | boolean> {
  const [first, ...rest] = profiles;
  if (!first) return dict();
  return dict(Object.entries(first.metadata).filter(([k, v]) => rest.every((p) => own(p.metadata, k) === v)));
}
