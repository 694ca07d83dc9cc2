import type { Codebook, CodedTurn, Role } from '@coachcode/core';
import type { TopLevelSpec } from 'vega-lite';
import { ROLE_ORDER, roleLabel } from './profile-records.js';
import { sourceName } from './source-name.js';
import { chartCodes, chartConfig, codeColors, codeLabels, NO_CODE_COLOR, NO_CODE_LABEL } from './theme.js';
import { VEGA_LITE_SCHEMA_URL } from './vega-lite-schema.js';

/** Options of {@link timelineChart}. */
export interface TimelineChartOptions {
  codebook: Codebook;
  title?: string;
  /** Where the turns came from, shown in the subtitle. */
  source?: string;
  /** Plot width in pixels (default 720). */
  width?: number;
}

/** Longest turn text kept in a tooltip, in characters. */
export const TOOLTIP_TEXT_LIMIT = 280;

/** Up to this many turns, the screen-reader description lists every turn. */
const DESCRIBED_TURNS = 60;

/** One turn of the timeline. */
interface TimelineRecord {
  turn: number;
  /** The bar spans turn ± 0.5, so the axis tick of a turn sits in the middle of its bar. */
  turnStart: number;
  turnEnd: number;
  role: Role;
  roleLabel: string;
  speaker: string;
  primary: string;
  codes: string;
  text: string;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TOOLTIP_TEXT_LIMIT ? `${flat.slice(0, TOOLTIP_TEXT_LIMIT - 1)}…` : flat;
}

/**
 * The conversation turn by turn: one lane per role, one mark per turn at its turn number,
 * coloured by its primary code (grey when uncoded); the tooltip gives speaker, turn, every code
 * and the text.
 */
export function timelineChart(turns: readonly CodedTurn[], options: TimelineChartOptions): TopLevelSpec {
  const codes = chartCodes(options.codebook, turns.flatMap((t) => [...t.codes, ...(t.primary ? [t.primary] : [])]));
  const labels = codeLabels(codes, options.codebook);
  const colors = codeColors(codes, options.codebook);
  const roles = ROLE_ORDER.filter((r) => turns.some((t) => t.role === r));
  const roleDomain = roles.map(roleLabel);
  const records: TimelineRecord[] = turns.map((t) => {
    const primary = t.primary ?? t.codes[0] ?? null;
    return {
      turn: t.turn,
      turnStart: t.turn - 0.5,
      turnEnd: t.turn + 0.5,
      role: t.role,
      roleLabel: roleLabel(t.role),
      speaker: t.speaker,
      primary: primary === null ? NO_CODE_LABEL : (labels[primary] ?? primary),
      codes: t.codes.length ? t.codes.map((c) => labels[c] ?? c).join(', ') : NO_CODE_LABEL,
      text: clip(t.text),
    };
  });
  const colorDomain = [...codes.map((c) => labels[c] ?? c), NO_CODE_LABEL];
  const colorRange = [...codes.map((c) => colors[c] ?? NO_CODE_COLOR), NO_CODE_COLOR];
  const first = turns.reduce((m, t) => Math.min(m, t.turn), Number.POSITIVE_INFINITY);
  const last = turns.reduce((m, t) => Math.max(m, t.turn), Number.NEGATIVE_INFINITY);
  const domain = turns.length ? [first - 0.5, last + 0.5] : [0.5, 1.5];
  const file = options.source ? sourceName(options.source) : '';
  const speakers = [...new Set(turns.map((t) => t.speaker))];
  const coded = turns.filter((t) => t.codes.length > 0).length;
  const title = options.title ?? `Timeline${file ? `: ${file}` : ''}`;
  const laneText = roles
    .map((r) => `${roleLabel(r)} ${turns.filter((t) => t.role === r).length} turns`)
    .join(', ');

  return {
    $schema: VEGA_LITE_SCHEMA_URL,
    title: { text: title, subtitle: `${turns.length} turns, ${coded} coded · ${speakers.join(', ')}` },
    description:
      `Timeline of the conversation ${file || ''}: one lane per role (${laneText}); each turn is a bar ` +
      `at its turn number, coloured by its primary code, grey when it carries no code. ` +
      `Primary codes: ${colorDomain.map((d) => `${d} ${records.filter((r) => r.primary === d).length}`).join(', ')}.` +
      (records.length <= DESCRIBED_TURNS
        ? ` Turns in order: ${records.map((r) => `${r.turn} ${r.roleLabel} ${r.primary}`).join('; ')}.`
        : ''),
    config: chartConfig(),
    width: options.width ?? 720,
    height: { step: 42 },
    data: { values: records },
    mark: { type: 'rect', stroke: '#FFFFFF', strokeWidth: turns.length > 150 ? 0 : 0.75 },
    encoding: {
      x: {
        field: 'turnStart',
        type: 'quantitative',
        title: 'Turn',
        scale: { domain, nice: false, zero: false },
        axis: { format: 'd', tickMinStep: 1, grid: false },
      },
      x2: { field: 'turnEnd' },
      y: {
        field: 'roleLabel',
        type: 'nominal',
        title: 'Role',
        sort: roleDomain,
        scale: { domain: roleDomain, paddingInner: 0.25, paddingOuter: 0.1 },
        axis: { labelLimit: 0 },
      },
      color: {
        field: 'primary',
        type: 'nominal',
        title: 'Primary code',
        scale: { domain: colorDomain, range: colorRange },
        legend: { orient: 'bottom', direction: 'horizontal', columns: Math.min(colorDomain.length, 6), labelLimit: 0 },
      },
      tooltip: [
        { field: 'turn', type: 'quantitative', title: 'Turn' },
        { field: 'speaker', type: 'nominal', title: 'Speaker' },
        { field: 'roleLabel', type: 'nominal', title: 'Role' },
        { field: 'codes', type: 'nominal', title: 'Codes' },
        { field: 'text', type: 'nominal', title: 'Text' },
      ],
    },
  };
}
