import type { Codebook, Role } from '@coachcode/core';
import { CoachcodeError } from '@coachcode/core';
import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonGroup } from './comparison-group.js';
import { Measure } from './measure.js';
import { messages } from './messages.js';
import { barStep } from './profile-chart.js';
import { codeAxisEncoding, PROFILE_TOOLTIP, valueAxisEncoding } from './profile-encoding.js';
import { chartRoles, profileRecords, roleLabel, type ProfileRecord } from './profile-records.js';
import { chartCodes, chartConfig, codeLabels, GROUP_COLORS, roleColorEncoding } from './theme.js';
import { VEGA_LITE_SCHEMA_URL } from './vega-lite-schema.js';
import { CompareLayout } from './compare-layout.js';
import { vegaText } from './vega-text.js';

export { CompareLayout, COMPARE_LAYOUTS, isCompareLayout } from './compare-layout.js';

/** Options of {@link compareChart}. */
export interface CompareChartOptions {
  codebook: Codebook;
  measure?: Measure;
  /** `facets` (default) or `grouped`. */
  layout?: CompareLayout;
  /** The role compared in the `grouped` layout (default `coach`). */
  role?: Role;
  title?: string;
  /** Small multiples per row in the `facets` layout (default: up to 3). */
  columns?: number;
}

/** Group names made unique (a repeated name gets ` (2)`, ` (3)` …) so groups never merge. */
function uniqueNames(groups: readonly ComparisonGroup[]): string[] {
  const seen = new Map<string, number>();
  return groups.map((g) => {
    const n = (seen.get(g.group) ?? 0) + 1;
    seen.set(g.group, n);
    return vegaText(n === 1 ? g.group : `${g.group} (${n})`);
  });
}

const TOOLTIP = [{ field: 'group', type: 'nominal', title: 'Group' }, ...PROFILE_TOOLTIP] as const;

function describe(records: readonly ProfileRecord[], names: readonly string[], measure: Measure, layout: CompareLayout): string {
  const what = measure === Measure.per100 ? 'turns carrying each code per 100 turns' : 'number of turns carrying each code';
  const parts = names.map((name) => {
    const rows = records.filter((r) => r.group === name);
    const byRole = [...new Set(rows.map((r) => r.roleLabel))].map(
      (label) => `${label} ${rows.filter((r) => r.roleLabel === label).map((r) => `${r.codeLabel} ${r.value}`).join(', ')}`,
    );
    return `${name}: ${byRole.join('; ')}`;
  });
  const how = layout === CompareLayout.facets ? 'one small chart per group on a shared scale' : 'one bar per group for each code';
  return `Comparison of ${names.length} groups, ${how}: the ${what}. ${parts.join('. ')}.`;
}

/**
 * Profiles of several groups side by side (Angela next to Miriam): small multiples on one shared
 * y scale (`facets`), or, for one role, one bar per group for each code (`grouped`).
 */
export function compareChart(groups: readonly ComparisonGroup[], options: CompareChartOptions): TopLevelSpec {
  if (groups.length === 0) throw new CoachcodeError([{ code: 'chart-no-groups', severity: 'error', message: messages.noGroups() }]);
  const measure = options.measure ?? Measure.count;
  const layout = options.layout ?? CompareLayout.facets;
  const names = uniqueNames(groups);
  const codes = chartCodes(options.codebook, groups.flatMap((g) => g.profile.codes));
  const labels = codeLabels(codes, options.codebook);
  const codeDomain = codes.map((c) => labels[c] ?? c);
  const format = measure === Measure.count ? 'd' : '.1f';
  const x = codeAxisEncoding(codeDomain, options.codebook.title);
  const y = (records: readonly ProfileRecord[]) => valueAxisEncoding(records, measure);
  const valueLabels = {
    mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 10 },
    encoding: { text: { field: 'value', type: 'quantitative', format }, color: { value: '#222222' } },
  } as const;

  if (layout === CompareLayout.grouped) {
    const role = options.role ?? 'coach';
    const records = groups.flatMap((g, i) =>
      profileRecords(g.profile, { codes, labels, roles: [role], measure, group: names[i] ?? g.group }),
    );
    const palette = names.map((_, i) => GROUP_COLORS[i % GROUP_COLORS.length] ?? '#999999');
    return {
      $schema: VEGA_LITE_SCHEMA_URL,
      title: { text: options.title ?? `${roleLabel(role)} profiles compared`, subtitle: `${names.join(' · ')} · ${options.codebook.title}` },
      description: describe(records, names, measure, layout),
      config: chartConfig(),
      width: { step: Math.max(30, barStep(names.length, codeDomain)) },
      height: 260,
      data: { values: records },
      encoding: {
        x,
        xOffset: { field: 'group', type: 'nominal', sort: names, scale: { domain: names, paddingInner: 0.05 } },
        y: y(records),
        color: {
          field: 'group',
          type: 'nominal',
          title: roleLabel(role),
          sort: names,
          scale: { domain: names, range: palette },
          legend: { orient: 'top', direction: 'horizontal', labelLimit: 0 },
        },
        tooltip: [...TOOLTIP],
      },
      layer: [{ mark: { type: 'bar' } }, valueLabels],
    };
  }

  const roles = chartRoles(groups.map((g) => g.profile));
  const roleDomain = roles.map(roleLabel);
  // Coach and coachee bars in every group; observer and unknown bars only in the groups where
  // such a speaker spoke (the slot stays, empty, in the others so that bars line up).
  const records = groups.flatMap((g, i) => profileRecords(g.profile, { codes, labels, roles: chartRoles([g.profile]), measure, group: names[i] ?? g.group }));
  return {
    $schema: VEGA_LITE_SCHEMA_URL,
    title: { text: options.title ?? 'Interaction profiles compared', subtitle: `${names.join(' · ')} · ${options.codebook.title}` },
    description: describe(records, names, measure, layout),
    config: chartConfig(),
    data: { values: records },
    columns: Math.max(1, Math.min(options.columns ?? 3, names.length)),
    facet: { field: 'group', type: 'nominal', sort: names, title: null, header: { labelAnchor: 'start' } },
    resolve: { scale: { y: 'shared', x: 'shared' } },
    spec: {
      width: { step: barStep(roles.length, codeDomain) },
      height: 220,
      encoding: {
        x,
        xOffset: { field: 'roleLabel', type: 'nominal', sort: roleDomain, scale: { domain: roleDomain, paddingInner: 0.05 } },
        y: y(records),
        color: roleColorEncoding(roles, roleDomain),
        tooltip: [...TOOLTIP],
      },
      layer: [{ mark: { type: 'bar' } }, valueLabels],
    },
  };
}
