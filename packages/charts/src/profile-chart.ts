import type { Codebook, Profile } from '@coachcode/core';
import type { TopLevelSpec } from 'vega-lite';
import { Measure, measureTitle, valueDomainMax } from './measure.js';
import { chartRoles, profileRecords, roleLabel, speakersOf, type ProfileRecord } from './profile-records.js';
import { sourceName } from './source-name.js';
import { chartCodes, chartConfig, codeLabels, ROLE_COLORS } from './theme.js';
import { VEGA_LITE_SCHEMA_URL } from './vega-lite-schema.js';

/** Options of {@link profileChart}. */
export interface ProfileChartOptions {
  codebook: Codebook;
  /** Bar height: turns with the code (default), or such turns per 100 turns of the role. */
  measure?: Measure;
  /** Replaces the default title `Interaction profile: <coach>`. */
  title?: string;
}

/** Pixels per bar: with bars side by side (`xOffset`), Vega-Lite's width step is per bar. */
export const BAR_STEP = 30;

/** The screen-reader description: what the chart shows and every value in it. */
function describe(records: readonly ProfileRecord[], roles: readonly string[], measure: Measure, name: string): string {
  const parts = roles.map((role) => {
    const rows = records.filter((r) => r.role === role);
    const who = rows[0]?.speakers ? ` (${rows[0].speakers})` : '';
    return `${rows[0]?.roleLabel ?? role}${who}: ${rows.map((r) => `${r.codeLabel} ${r.value}`).join(', ')}`;
  });
  const what = measure === Measure.per100 ? 'turns carrying each code per 100 turns' : 'number of turns carrying each code';
  return `Bar chart of ${name}: the ${what}, by role, codes in codebook order. ${parts.join('. ')}.`;
}

/**
 * The CfBT interaction-profile figure of one episode: codes on x in codebook order (every code,
 * zeros too), the count (or rate per 100 turns) on y, coach and coachee bars side by side
 * (observer and unknown roles too when they spoke), each bar labelled with its value.
 */
export function profileChart(profile: Profile, options: ProfileChartOptions): TopLevelSpec {
  const measure = options.measure ?? Measure.count;
  const codes = chartCodes(options.codebook, profile.codes);
  const labels = codeLabels(codes, options.codebook);
  const roles = chartRoles([profile]);
  const records = profileRecords(profile, { codes, labels, roles, measure });
  const codeDomain = codes.map((c) => labels[c] ?? c);
  const roleDomain = roles.map(roleLabel);
  const coaches = speakersOf(profile, 'coach');
  const file = sourceName(profile.source);
  const title = options.title ?? `Interaction profile: ${coaches.length ? coaches.join(', ') : file || 'session'}`;
  const subtitle = [file, `${profile.total.turns} turns`, options.codebook.title].filter(Boolean).join(' · ');
  const format = measure === Measure.count ? 'd' : '.1f';

  return {
    $schema: VEGA_LITE_SCHEMA_URL,
    title: { text: title, subtitle },
    description: describe(records, roles, measure, title),
    config: chartConfig(),
    width: { step: BAR_STEP },
    height: 260,
    data: { values: records },
    encoding: {
      x: {
        field: 'codeLabel',
        type: 'nominal',
        title: options.codebook.title,
        sort: codeDomain,
        scale: { domain: codeDomain, paddingInner: 0.25 },
        axis: { labelAngle: 0, labelLimit: 0 },
      },
      xOffset: { field: 'roleLabel', type: 'nominal', sort: roleDomain, scale: { domain: roleDomain, paddingInner: 0.05 } },
      y: {
        field: 'value',
        type: 'quantitative',
        title: measureTitle(measure),
        scale: { domain: [0, valueDomainMax(Math.max(0, ...records.map((r) => r.value)))], nice: true },
        axis: { format, tickMinStep: 1 },
      },
      color: {
        field: 'roleLabel',
        type: 'nominal',
        title: 'Role',
        sort: roleDomain,
        scale: { domain: roleDomain, range: roles.map((r) => ROLE_COLORS[r] ?? '#999999') },
        legend: { orient: 'top', direction: 'horizontal' },
      },
      tooltip: [
        { field: 'codeLabel', type: 'nominal', title: 'Code' },
        { field: 'roleLabel', type: 'nominal', title: 'Role' },
        { field: 'speakers', type: 'nominal', title: 'Speakers' },
        { field: 'count', type: 'quantitative', title: 'Turns with the code' },
        { field: 'per100', type: 'quantitative', title: 'Per 100 turns', format: '.1f' },
        { field: 'turns', type: 'quantitative', title: 'Turns of the role' },
      ],
    },
    layer: [
      { mark: { type: 'bar' } },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11 },
        encoding: { text: { field: 'value', type: 'quantitative', format }, color: { value: '#222222' } },
      },
    ],
  };
}
