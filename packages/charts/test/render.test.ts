import { cfbtCodebook, CoachcodeError } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { outputFormatOf, profileChart, renderChart, renderSvg, timelineChart, transitionsChart } from '../src/index.js';
import { angelaProfile, angelaTurns, transitions } from './sample-data.js';

const profile = profileChart(angelaProfile, { codebook: cfbtCodebook });
const timeline = timelineChart(angelaTurns, { codebook: cfbtCodebook });
const heat = transitionsChart(transitions, { codebook: cfbtCodebook });

describe('renderSvg', () => {
  it('gives byte-identical SVG for the same spec, even with other charts rendered in between', async () => {
    const first = await renderSvg(profile);
    await renderSvg(heat);
    await renderSvg(timeline);
    expect(await renderSvg(profile)).toBe(first);
  });

  it('gives the same bytes when renders run concurrently', async () => {
    const alone = await Promise.all([renderSvg(profile), renderSvg(timeline), renderSvg(heat)]);
    const together = await Promise.all([renderSvg(heat), renderSvg(profile), renderSvg(timeline), renderSvg(profile)]);
    expect(together).toEqual([alone[2], alone[0], alone[1], alone[0]]);
  });

  it('has no time stamp or random id in it', async () => {
    const svg = await renderSvg(profile);
    expect(svg).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    for (const id of ids) expect(id).toMatch(/^(clip|gradient_)\d+$/);
  });

  it('differs when the data differ (the comparison above can fail)', async () => {
    const other = profileChart(angelaProfile, { codebook: cfbtCodebook, measure: 'per100' });
    expect(await renderSvg(other)).not.toBe(await renderSvg(profile));
  });
});

describe('renderChart picks the format from the file name', () => {
  it.each([
    ['chart.svg', 'svg'],
    ['out/Chart.SVG', 'svg'],
    ['chart.png', 'png'],
    ['report.html', 'html'],
    ['report.htm', 'html'],
    ['spec.vl.json', 'vl.json'],
    ['spec.json', undefined],
    ['chart', undefined],
    ['dir.svg/chart.txt', undefined],
  ])('%s → %s', (path, expected) => {
    expect(outputFormatOf(path)).toBe(expected);
  });

  it.each([
    ['a.svg', (out: string | Uint8Array) => typeof out === 'string' && out.startsWith('<svg')],
    ['a.png', (out: string | Uint8Array) => out instanceof Uint8Array && Buffer.from(out.subarray(0, 8)).toString('hex') === '89504e470d0a1a0a'],
    ['a.html', (out: string | Uint8Array) => typeof out === 'string' && out.startsWith('<!DOCTYPE html>')],
    ['a.vl.json', (out: string | Uint8Array) => typeof out === 'string' && JSON.stringify(JSON.parse(out)) === JSON.stringify(profile)],
  ])('%s', async (path, check) => {
    expect(check(await renderChart(profile, path))).toBe(true);
  });

  it('refuses an unknown extension, naming the file and the formats it expected', async () => {
    const error = await renderChart(profile, 'chart.gif').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoachcodeError);
    expect((error as Error).message).toMatch(/"chart\.gif".*\.svg, \.png, \.html, \.vl\.json/);
  });
});
