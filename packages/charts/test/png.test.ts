import { cfbtCodebook } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { bundledFontFiles, profileChart, renderPng } from '../src/index.js';
import { decodePng, type Pixels } from './decode-png.js';
import { angelaProfile } from './sample-data.js';

/** The lowest pixel row that is mostly the grey (#888888) of the x-axis domain line. */
function xAxisRow(p: Pixels): number {
  let row = -1;
  for (let y = 0; y < p.height; y++) {
    let grey = 0;
    for (let x = 0; x < p.width; x++) {
      const o = (y * p.width + x) * 4;
      const [r, g, b] = [p.rgba[o] ?? 0, p.rgba[o + 1] ?? 0, p.rgba[o + 2] ?? 0];
      if (Math.abs(r - 0x88) < 24 && Math.abs(g - 0x88) < 24 && Math.abs(b - 0x88) < 24) grey++;
    }
    if (grey > p.width * 0.4) row = y;
  }
  return row;
}

/** Pixels darker than the axis greys (text is #222222) in rows `from`…bottom. */
function darkPixelsBelow(p: Pixels, from: number): number {
  let dark = 0;
  for (let y = from; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const o = (y * p.width + x) * 4;
      const luminance = 0.2126 * (p.rgba[o] ?? 255) + 0.7152 * (p.rgba[o + 1] ?? 255) + 0.0722 * (p.rgba[o + 2] ?? 255);
      if (luminance < 90 && (p.rgba[o + 3] ?? 0) > 200) dark++;
    }
  }
  return dark;
}

describe('renderPng', () => {
  it('ships its font files', () => {
    expect(bundledFontFiles().map((f) => f.split(/[\\/]/).pop())).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']);
  });

  it('draws the axis labels and title as dark text below the x axis', async () => {
    const scale = 2;
    const pixels = decodePng(await renderPng(profileChart(angelaProfile, { codebook: cfbtCodebook }), { scale }));
    const axis = xAxisRow(pixels);
    expect(axis).toBeGreaterThan(pixels.height / 2);
    // Below the tick marks (5 px long) lie only the axis labels and the axis title: all text.
    expect(darkPixelsBelow(pixels, axis + 7 * scale)).toBeGreaterThan(500);
  });

  it('finds no text below the x axis when no font is given (the check above can fail)', async () => {
    const pixels = decodePng(await renderPng(profileChart(angelaProfile, { codebook: cfbtCodebook }), { fontFiles: [] }));
    expect(darkPixelsBelow(pixels, xAxisRow(pixels) + 14)).toBe(0);
  });

  it('scales the picture', async () => {
    const spec = profileChart(angelaProfile, { codebook: cfbtCodebook });
    const one = decodePng(await renderPng(spec, { scale: 1 }));
    const two = decodePng(await renderPng(spec, { scale: 2 }));
    expect(Math.abs(two.width - 2 * one.width)).toBeLessThanOrEqual(1);
    expect(two.width).toBeGreaterThan(one.width * 1.9);
  });
});
