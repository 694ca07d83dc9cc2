import type { Codebook, Profile } from '@coachcode/core';
import type { TopLevelSpec } from 'vega-lite';
import { Measure } from './measure.js';
import { chartRoles, profileRecords, roleLabel, speakersOf, type ProfileRecord } from './profile-records.js';
import { CODE_PADDING, codeAxisEncoding, PROFILE_TOOLTIP, valueAxisEncoding } from './profile-encoding.js';
import { sourceName } from './source-name.js';
import { chartCodes, chartConfig, codeLabels, roleColorEncoding } from './theme.js';
import { VEGA_LITE_SCHEMA_URL } from './vega-lite-schema.js';

/** Options of {@link profileChart}. */
export interface ProfileChartOptions {
  codebook: Codebook;
  /** Bar height: turns with the code (default), or such turns per 100 turns of the role. */
  measure?: Measure;
  /** Replaces the default title `Interaction profile: <coach>`. */
  title?: string;
}

/** Smallest width of one bar, in pixels. */
export const MIN_BAR_STEP = 24;


/**
 * The width step of one bar when `bars` bars stand side by side per code. With `xOffset`,
 * Vega-Lite's step is per bar and a code's band is `bars × step / (1 − padding)`: the step is
 * chosen so that band fits the longest code label (12 px DejaVu Sans, about 7.4 px a character).
 */
export function barStep(bars: number, labels: readonly string[]): number {
  const label = Math.max(0, ...labels.map((l) => l.length)) * 7.4 + 14;
  return Math.max(MIN_BAR_STEP, Math.ceil((label * (1 - CODE_PADDING)) / Math.max(1, bars)));
}

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
    width: { step: Math.max(30, barStep(roles.length, codeDomain)) },
    height: 260,
    data: { values: records },
    encoding: {
      x: codeAxisEncoding(codeDomain, options.codebook.title),
      xOffset: { field: 'roleLabel', type: 'nominal', sort: roleDomain, scale: { domain: roleDomain, paddingInner: 0.05 } },
      y: valueAxisEncoding(records, measure),
      color: roleColorEncoding(roles, roleDomain),
      tooltip: [...PROFILE_TOOLTIP],
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
