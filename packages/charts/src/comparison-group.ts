import type { Profile } from '@coachcode/core';

/** One group of a comparison (a coach, a cohort, a session) and its profile, e.g. Angela's episode. */
export interface ComparisonGroup {
  group: string;
  profile: Profile;
}
