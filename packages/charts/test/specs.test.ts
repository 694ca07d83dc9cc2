import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { cfbtCodebook, type Codebook } from '@coachcode/core';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { compareChart, compileChart, profileChart, renderSvg, timelineChart, transitionsChart } from '../src/index.js';
import { angelaProfile, angelaTurns, groups, miriamTurns, transitions } from './sample-data.js';

/** A user codebook: the CfBT five plus `defence`, to check extra codes. */
const withDefence: Codebook = {
  ...cfbtCodebook,
  id: 'cfbt-plus',
  codes: [...cfbtCodebook.codes, { id: 'defence', label: 'Defence', definition: 'Defending a practice.', examples: [] }],
};

const specs: [name: string, spec: TopLevelSpec][] = [
  ['profile, count', profileChart(angelaProfile, { codebook: cfbtCodebook })],
  ['profile, per 100 turns, own title', profileChart(angelaProfile, { codebook: cfbtCodebook, measure: 'per100', title: 'Angela, spring term' })],
  ['profile, user codebook with an extra code', profileChart(angelaProfile, { codebook: withDefence })],
  ['compare, facets', compareChart(groups, { codebook: cfbtCodebook })],
  ['compare, facets, per 100, one column', compareChart(groups, { codebook: cfbtCodebook, measure: 'per100', columns: 1 })],
  ['compare, grouped, coach', compareChart(groups, { codebook: cfbtCodebook, layout: 'grouped' })],
  ['compare, grouped, coachee', compareChart(groups, { codebook: cfbtCodebook, layout: 'grouped', role: 'coachee' })],
  ['timeline', timelineChart(angelaTurns, { codebook: cfbtCodebook, source: 'sessions/angela.vtt' })],
  ['timeline with an observer', timelineChart(miriamTurns, { codebook: cfbtCodebook, title: 'Miriam' })],
  ['timeline, no turns', timelineChart([], { codebook: cfbtCodebook })],
  ['transitions', transitionsChart(transitions, { codebook: cfbtCodebook })],
  ['transitions without codebook, missing cells', transitionsChart({ codes: ['a', 'b'], matrix: [{ from: 'a', to: 'b', count: 3, expected: 1.5, residual: 2.4 }] })],
];

function vegaLiteSchema(): object {
  const require = createRequire(import.meta.url);
  const root = dirname(dirname(require.resolve('vega-lite')));
  return JSON.parse(readFileSync(join(root, 'build', 'vega-lite-schema.json'), 'utf8')) as object;
}

describe('every chart spec', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(vegaLiteSchema());

  it('rejects an invalid spec (the validator can fail)', () => {
    expect(validate({ mark: 'bar', encoding: { x: { field: 'a', type: 'no-such-type' } } })).toBe(false);
  });

  it.each(specs)('%s: validates against the Vega-Lite JSON schema', (_, spec) => {
    const ok = validate(JSON.parse(JSON.stringify(spec)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(specs)('%s: compiles with no warnings', (_, spec) => {
    expect(compileChart(spec).warnings).toEqual([]);
  });

  it.each(specs)('%s: renders to SVG with no warnings, titled and described', async (_, spec) => {
    const warnings: string[] = [];
    const svg = await renderSvg(spec, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(spec.description?.length ?? 0).toBeGreaterThan(40);
    expect(svg).toMatch(/^<svg [^>]* role="img"><title>[^<]+<\/title><desc>[^<]{40,}<\/desc>/);
  });
});

describe('compileChart', () => {
  it('collects Vega-Lite warnings instead of printing them', () => {
    const spec = { data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } } } as TopLevelSpec;
    expect(compileChart(spec).warnings.length).toBeGreaterThan(0);
  });
});
