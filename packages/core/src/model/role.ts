/** Roles a speaker can have in a coaching conversation. */
export const Role = {
  coach: 'coach',
  coachee: 'coachee',
  observer: 'observer',
  unknown: 'unknown',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
