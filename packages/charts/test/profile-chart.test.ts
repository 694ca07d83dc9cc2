import { cfbtCodebook, profileTurns, type CodedTurn } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { compareChart, profileChart, renderSvg } from '../src/index.js';
import { barStep } from '../src/profile-chart.js';
import { angelaProfile, groups, miriamProfile } from './sample-data.js';

interface Bar {
  code: string;
  codeLabel: string;
  role: string;
  value: number;
  count: number;
  per100: number;
  group: string;
}

function bars(spec: object): Bar[] {
  return (spec as { data: { values: Bar[] } }).data.values;
}

/** The texts of the x-axis labels of an SVG, in drawing order. */
function axisLabels(svg: string): string[] {
  const axis = svg.split('role-axis-label').slice(1);
  return axis.flatMap((part) => [...(part.split('</g>')[0] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? ''));
}

describe('profileChart', () => {
  it('draws every code of the codebook for coach and coachee, zeros included, in codebook order', () => {
    const values = bars(profileChart(angelaProfile, { codebook: cfbtCodebook }));
    expect(values.map((b) => `${b.code}/${b.role}`)).toEqual(
      cfbtCodebook.codes.flatMap((c) => [`${c.id}/coach`, `${c.id}/coachee`]),
    );
    expect(values.filter((b) => b.code === 'continuity').map((b) => b.value)).toEqual([0, 0]);
  });

  it.each([
    // [code, role, turns of the invented Angela episode carrying it]
    ['summary', 'coach', 2],
    ['challenge', 'coach', 3],
    ['challenge', 'coachee', 2],
    ['acceptance', 'coachee', 1],
    ['dissonance', 'coachee', 1],
    ['acceptance', 'coach', 0],
  ])('counts %s for the %s as %i', (code, role, expected) => {
    const bar = bars(profileChart(angelaProfile, { codebook: cfbtCodebook })).find((b) => b.code === code && b.role === role);
    expect(bar?.value).toBe(expected);
  });

  it('shows an axis label for every code, even a code no one used', async () => {
    const svg = await renderSvg(profileChart(angelaProfile, { codebook: cfbtCodebook }));
    const labels = axisLabels(svg);
    for (const code of cfbtCodebook.codes) expect(labels).toContain(code.label);
  });

  it('shows a silent coachee as zero bars, and an observer only when one spoke', () => {
    const coachOnly: CodedTurn[] = [
      { turn: 1, speaker: 'Angela', role: 'coach', text: 'Why?', codes: ['challenge'], primary: 'challenge', scores: {}, evidence: [] },
    ];
    const alone = bars(profileChart(profileTurns(coachOnly, cfbtCodebook), { codebook: cfbtCodebook }));
    expect([...new Set(alone.map((b) => b.role))]).toEqual(['coach', 'coachee']);
    expect(alone.filter((b) => b.role === 'coachee').every((b) => b.value === 0)).toBe(true);
    const triad = bars(profileChart(miriamProfile, { codebook: cfbtCodebook }));
    expect([...new Set(triad.map((b) => b.role))]).toEqual(['coach', 'coachee', 'observer']);
  });

  it('uses turns per 100 turns of the role for measure per100', () => {
    const values = bars(profileChart(angelaProfile, { codebook: cfbtCodebook, measure: 'per100' }));
    // Angela has 5 turns, 3 of them challenges: 60 per 100.
    expect(values.find((b) => b.code === 'challenge' && b.role === 'coach')?.value).toBe(60);
  });

  it('is titled with the coach and the session, and describes every value for screen readers', () => {
    const spec = profileChart(angelaProfile, { codebook: cfbtCodebook }) as { title: { text: string; subtitle: string }; description: string };
    expect(spec.title.text).toBe('Interaction profile: Angela');
    expect(spec.title.subtitle).toContain('angela.vtt');
    expect(spec.description).toContain('Coach (Angela): Summary 2, Acceptance 0, Challenge 3, Continuity 0, Dissonance 0');
    expect(spec.description).toContain('Coachee (Ben): Summary 0, Acceptance 1, Challenge 2, Continuity 0, Dissonance 1');
  });
});

describe('compareChart', () => {
  it('puts the groups side by side on one shared y scale, every code in every group', () => {
    const spec = compareChart(groups, { codebook: cfbtCodebook }) as { resolve: unknown; facet: { sort: string[] } };
    expect(spec.resolve).toEqual({ scale: { y: 'shared', x: 'shared' } });
    expect(spec.facet.sort).toEqual(['Angela', 'Miriam']);
    const values = bars(spec);
    for (const group of ['Angela', 'Miriam'])
      for (const code of cfbtCodebook.codes) expect(values.some((b) => b.group === group && b.code === code.id && b.role === 'coach')).toBe(true);
  });

  it('draws observer bars only for the groups that have an observer (docs/charts.md)', () => {
    // Miriam's episode has an observer (Sam), Angela's has none.
    const values = bars(compareChart(groups, { codebook: cfbtCodebook }));
    const rolesOf = (group: string) => [...new Set(values.filter((b) => b.group === group).map((b) => b.role))];
    expect(rolesOf('Angela')).toEqual(['coach', 'coachee']);
    expect(rolesOf('Miriam')).toEqual(['coach', 'coachee', 'observer']);
  });

  it('keeps two groups of the same name apart', () => {
    const values = bars(compareChart([groups[0]!, groups[0]!], { codebook: cfbtCodebook }));
    expect([...new Set(values.map((b) => b.group))]).toEqual(['Angela', 'Angela (2)']);
  });

  it('in the grouped layout, draws one role with one bar per group', () => {
    const values = bars(compareChart(groups, { codebook: cfbtCodebook, layout: 'grouped', role: 'coachee' }));
    expect(new Set(values.map((b) => b.role))).toEqual(new Set(['coachee']));
    expect(values.length).toBe(2 * cfbtCodebook.codes.length);
  });

  it('refuses an empty list of groups with a message saying what was expected', () => {
    expect(() => compareChart([], { codebook: cfbtCodebook })).toThrow(/no groups were given; expected at least one/);
  });
});

describe('barStep', () => {
  it.each([
    // [bars per code, longest label, step]: the code band (bars × step / 0.75) fits the label
    [2, 'Acceptance', 33],
    [3, 'Acceptance', 24],
    [2, 'A', 24],
    [1, 'A much longer user code label', 172],
  ])('%i bars, "%s" → %i px', (bars, label, expected) => {
    const step = barStep(bars, [label]);
    expect(step).toBe(expected);
    expect((bars * step) / 0.75).toBeGreaterThanOrEqual(label.length * 7.4);
  });
});
