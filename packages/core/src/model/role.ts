import { vocabulary } from './vocabulary.js';

/** Roles a speaker can have in a coaching conversation. */
export const Role = {
  coach: 'coach',
  coachee: 'coachee',
  observer: 'observer',
  unknown: 'unknown',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const [ROLES, isRole] = vocabulary(Role);
