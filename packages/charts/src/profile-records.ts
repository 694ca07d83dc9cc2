import { own, type Profile, type ProfileRow, type Role } from '@coachcode/core';
import { Measure } from './measure.js';

/** One bar of a profile chart: a code's value for one role (of one group, in a comparison). */
export interface ProfileRecord {
  group: string;
  code: string;
  codeLabel: string;
  role: Role;
  roleLabel: string;
  /** Names of the role's speakers, comma-separated (empty when the role did not speak). */
  speakers: string;
  /** The charted value: `count` or `per100`, per the chosen measure. */
  value: number;
  count: number;
  per100: number;
  /** Turns of the role. */
  turns: number;
}

/** The order roles appear in on every chart. */
export const ROLE_ORDER: readonly Role[] = ['coach', 'coachee', 'observer', 'unknown'];

const ROLE_LABELS: Readonly<Record<Role, string>> = {
  coach: 'Coach',
  coachee: 'Coachee',
  observer: 'Observer',
  unknown: 'Role unknown',
};

/** The display label of a role. */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/**
 * The roles to draw for some profiles: coach and coachee always (so the two bars of the CfBT
 * figure are always there, a silent role showing zeros), observer and unknown only when they spoke.
 */
export function chartRoles(profiles: readonly Profile[]): Role[] {
  return ROLE_ORDER.filter(
    (role) => role === 'coach' || role === 'coachee' || profiles.some((p) => (p.byRole[role]?.turns ?? 0) > 0),
  );
}

/** The names of the speakers of `role` in a profile, in order of first turn. */
export function speakersOf(profile: Profile, role: Role): string[] {
  return Object.entries(profile.bySpeaker)
    .filter(([, row]) => row.role === role)
    .map(([name]) => name);
}

function rounded(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Options of {@link profileRecords}. */
export interface ProfileRecordOptions {
  codes: readonly string[];
  labels: Readonly<Record<string, string>>;
  roles: readonly Role[];
  measure: Measure;
  group?: string;
}

/** One record per code × role, zeros included, in code order then role order. */
export function profileRecords(profile: Profile, options: ProfileRecordOptions): ProfileRecord[] {
  const records: ProfileRecord[] = [];
  for (const code of options.codes) {
    for (const role of options.roles) {
      const row: ProfileRow | undefined = profile.byRole[role];
      const count = own(row?.counts, code) ?? 0;
      const turns = row?.turns ?? 0;
      const per100 = rounded(own(row?.per100, code) ?? (turns ? (100 * count) / turns : 0));
      records.push({
        group: options.group ?? profile.source,
        code,
        codeLabel: own(options.labels, code) ?? code,
        role,
        roleLabel: roleLabel(role),
        speakers: speakersOf(profile, role).join(', '),
        value: options.measure === Measure.per100 ? per100 : count,
        count,
        per100,
        turns,
      });
    }
  }
  return records;
}

