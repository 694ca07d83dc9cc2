import type { Codebook } from '@coachcode/core';
import type { TopLevelSpec } from 'vega-lite';
import { chartConfig, codeLabels } from './theme.js';
import type { TransitionCell, Transitions } from './transitions.js';
import { VEGA_LITE_SCHEMA_URL } from './vega-lite-schema.js';

/** Options of {@link transitionsChart}. */
export interface TransitionsChartOptions {
  title?: string;
  /** Gives the codes their labels; without it the code ids are shown. */
  codebook?: Codebook;
  /** Where the transitions came from, shown in the subtitle. */
  source?: string;
}

/** The residual beyond which a transition is notable (two-sided p < .05). */
export const NOTABLE_RESIDUAL = 1.96;

interface TransitionRecord {
  from: string;
  to: string;
  count: number;
  expected: number;
  residual: number;
}

function finite(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

/**
 * A heat map of code → code transitions: rows the code of a turn, columns the code of the next
 * turn, each cell coloured by its adjusted residual (blue: rarer than chance, orange: more
 * common; a diverging colour-blind-safe scheme centred on 0) and labelled with its count.
 * Every code × code cell is drawn; a pair missing from the matrix counts 0.
 */
export function transitionsChart(transitions: Transitions, options: TransitionsChartOptions = {}): TopLevelSpec {
  const codes = [...transitions.codes];
  for (const cell of transitions.matrix) for (const c of [cell.from, cell.to]) if (!codes.includes(c)) codes.push(c);
  const labels = codeLabels(codes, options.codebook);
  const label = (c: string): string => labels[c] ?? c;
  const byPair = new Map<string, TransitionCell>();
  for (const cell of transitions.matrix) byPair.set(`${cell.from}\u0000${cell.to}`, cell);
  const records: TransitionRecord[] = codes.flatMap((from) =>
    codes.map((to) => {
      const cell = byPair.get(`${from}\u0000${to}`);
      return {
        from: label(from),
        to: label(to),
        count: cell?.count ?? 0,
        expected: finite(cell?.expected ?? 0),
        residual: finite(cell?.residual ?? 0),
      };
    }),
  );
  const domain = codes.map(label);
  const extent = Math.max(3, ...records.map((r) => Math.ceil(Math.abs(r.residual))));
  const total = records.reduce((s, r) => s + r.count, 0);
  const notable = records.filter((r) => Math.abs(r.residual) > NOTABLE_RESIDUAL);
  const title = options.title ?? 'Transitions between codes';
  const subtitle = [
    [options.source ?? '', `${total} transitions`].filter(Boolean).join(' · '),
    'colour: adjusted residual (beyond ±1.96 is notable) · number: count',
  ];

  return {
    $schema: VEGA_LITE_SCHEMA_URL,
    title: { text: title, subtitle },
    description:
      `Heat map of ${total} transitions between ${codes.length} codes: rows are the code of a turn, columns the code of ` +
      `the next turn; colour is the adjusted residual, the number the count. ` +
      (notable.length
        ? `Notable transitions: ${notable.map((r) => `${r.from} to ${r.to} ${r.count} (residual ${r.residual})`).join('; ')}.`
        : 'No transition departs notably from chance.'),
    config: chartConfig(),
    width: { step: Math.max(64, 9 * domain.reduce((w, d) => Math.max(w, d.length), 0)) },
    height: { step: 40 },
    data: { values: records },
    encoding: {
      x: {
        field: 'to',
        type: 'nominal',
        title: 'Code of the reply (next turn of the other speaker)',
        sort: domain,
        scale: { domain },
        axis: { orient: 'top', labelAngle: 0, labelLimit: 0, domain: false, ticks: false },
      },
      y: {
        field: 'from',
        type: 'nominal',
        title: 'Code of a turn',
        sort: domain,
        scale: { domain },
        axis: { labelLimit: 0, domain: false, ticks: false },
      },
      tooltip: [
        { field: 'from', type: 'nominal', title: 'From' },
        { field: 'to', type: 'nominal', title: 'To' },
        { field: 'count', type: 'quantitative', title: 'Count' },
        { field: 'expected', type: 'quantitative', title: 'Expected', format: '.2f' },
        { field: 'residual', type: 'quantitative', title: 'Adjusted residual', format: '.2f' },
      ],
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#FFFFFF', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'residual',
            type: 'quantitative',
            title: 'Adjusted residual',
            scale: { scheme: 'blueorange', domain: [-extent, extent], domainMid: 0 },
            legend: { orient: 'right', gradientLength: 160 },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 13, fontWeight: 'bold' },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: `abs(datum.residual) > ${(extent * 0.7).toFixed(2)}`, value: '#FFFFFF' }, value: '#000000' },
        },
      },
    ],
  };
}
