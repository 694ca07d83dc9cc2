import type { Transitions as CoreTransitions } from '@coachcode/core';

export type { TransitionCell } from '@coachcode/core';

/** The part of the core's code-to-code transitions (`countTransitions`) that a chart draws. */
export type Transitions = Pick<CoreTransitions, 'codes' | 'matrix'>;
