import { Measure, measureTitle, valueDomainMax } from './measure.js';
import type { ProfileRecord } from './profile-records.js';

/** Space between code groups on the x axis (as a fraction of a step). */
export const CODE_PADDING = 0.25;

/** The x encoding of profile bars: codes in codebook order, every code shown. */
export function codeAxisEncoding(codeDomain: readonly string[], title: string) {
  return {
    field: 'codeLabel',
    type: 'nominal' as const,
    title,
    sort: [...codeDomain],
    scale: { domain: [...codeDomain], paddingInner: CODE_PADDING },
    axis: { labelAngle: 0, labelLimit: 0 },
  };
}

/** The y encoding of profile bars: the measure, with headroom for the value labels. */
export function valueAxisEncoding(records: readonly ProfileRecord[], measure: Measure) {
  return {
    field: 'value',
    type: 'quantitative' as const,
    title: measureTitle(measure),
    scale: { domain: [0, valueDomainMax(Math.max(0, ...records.map((r) => r.value)))], nice: true },
    axis: measure === Measure.count ? { format: 'd', tickMinStep: 1 } : {},
  };
}

/** Tooltip fields of a profile bar. */
export const PROFILE_TOOLTIP = [
  { field: 'codeLabel', type: 'nominal', title: 'Code' },
  { field: 'roleLabel', type: 'nominal', title: 'Role' },
  { field: 'speakers', type: 'nominal', title: 'Speakers' },
  { field: 'count', type: 'quantitative', title: 'Turns with the code' },
  { field: 'per100', type: 'quantitative', title: 'Per 100 turns', format: '.1f' },
  { field: 'turns', type: 'quantitative', title: 'Turns of the role' },
] as const;
