import type { Codebook } from '@coachcode/core';
import { vegaText } from './vega-text.js';
import type { Config } from 'vega-lite';

/**
 * The look of every coachcode chart: one fixed, colour-blind-safe colour per code, a colour per
 * role, the bundled font and readable axis titles. Colours are plain hex strings so the HTML
 * report can use the same ones for its code labels.
 */

/** The family name of the bundled font (`fonts/DejaVuSans.ttf`), first in every chart's font list. */
export const FONT_FAMILY = 'DejaVu Sans';

/** The chart font list: the bundled font first (PNG), then fallbacks for browsers without it. */
export const FONT_STACK = `${FONT_FAMILY}, Verdana, "Helvetica Neue", Arial, sans-serif`;

/**
 * Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008), black left out
 * because it reads as text. The five CfBT codes keep fixed colours from it.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** The fixed colour of each CfBT code, whatever codebook it appears in. */
export const CFBT_CODE_COLORS: Readonly<Record<string, string>> = {
  summary: OKABE_ITO.blue,
  acceptance: OKABE_ITO.bluishGreen,
  challenge: OKABE_ITO.orange,
  continuity: OKABE_ITO.skyBlue,
  dissonance: OKABE_ITO.vermillion,
};

/**
 * Colours for codes outside the CfBT five, handed out in codebook order: the rest of Okabe–Ito,
 * then Paul Tol's colour-blind-safe "muted" scheme; after that the list repeats.
 */
export const EXTRA_CODE_COLORS: readonly string[] = [
  OKABE_ITO.reddishPurple,
  OKABE_ITO.yellow,
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
];

/** The colour of a turn that carries no code. */
export const NO_CODE_COLOR = '#BBBBBB';

/** The legend label of a turn that carries no code. */
export const NO_CODE_LABEL = 'no code';

/** Role colours: dark against light, so coach and coachee differ in lightness as well as hue. */
export const ROLE_COLORS: Readonly<Record<string, string>> = {
  coach: '#1F4E79',
  coachee: '#9DC3E6',
  observer: '#7F7F7F',
  unknown: '#D9D9D9',
};

/** Colours for comparison groups (Paul Tol's "bright" scheme, colour-blind safe). */
/** The bars' colour encoding by role (coach, coachee, observer …), with the legend on top. */
export function roleColorEncoding(roles: readonly string[], roleDomain: readonly string[]) {
  return {
    field: 'roleLabel',
    type: 'nominal' as const,
    title: 'Role',
    sort: [...roleDomain],
    scale: { domain: [...roleDomain], range: roles.map((r) => ROLE_COLORS[r] ?? '#999999') },
    legend: { orient: 'top' as const, direction: 'horizontal' as const },
  };
}

export const GROUP_COLORS: readonly string[] = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB'];

/**
 * One colour per code: the codebook's own colour for a code when it sets one; else a CfBT code's
 * fixed colour; else the next unused colour of {@link EXTRA_CODE_COLORS} in the order given, so
 * the same codebook always gets the same colours.
 */
export function codeColors(codes: readonly string[], codebook?: Codebook): Record<string, string> {
  // Codes are user text (a coding may use `constructor`): a record without a prototype.
  const colors = Object.create(null) as Record<string, string>;
  let next = 0;
  for (const code of codes) {
    if (Object.hasOwn(colors, code)) continue;
    const fixed = codebook?.codes.find((c) => c.id === code)?.color ?? (Object.hasOwn(CFBT_CODE_COLORS, code) ? CFBT_CODE_COLORS[code] : undefined);
    if (fixed) {
      colors[code] = fixed;
      continue;
    }
    colors[code] = EXTRA_CODE_COLORS[next % EXTRA_CODE_COLORS.length] ?? NO_CODE_COLOR;
    next++;
  }
  return colors;
}

/** The display label of each code: the codebook's label, or the id itself for a code it lacks (see {@link vegaText}). */
export function codeLabels(codes: readonly string[], codebook: Codebook | undefined): Record<string, string> {
  const labels = Object.create(null) as Record<string, string>;
  for (const code of codes) labels[code] = vegaText(codebook?.codes.find((c) => c.id === code)?.label ?? code);
  return labels;
}

/** The codes to chart: the codebook's in its order, then any further code of the data in first-seen order. */
export function chartCodes(codebook: Codebook | undefined, dataCodes: Iterable<string> = []): string[] {
  const codes = codebook ? codebook.codes.map((c) => c.id) : [];
  for (const code of dataCodes) if (!codes.includes(code)) codes.push(code);
  return codes;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textColorOn(hex: string): '#000000' | '#FFFFFF' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#000000';
  const channel = (h: string): number => {
    const v = parseInt(h, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(m[1] ?? '0') + 0.7152 * channel(m[2] ?? '0') + 0.0722 * channel(m[3] ?? '0');
  // Contrast with white is (1.05)/(l+0.05), with black (l+0.05)/0.05; they are equal at l ≈ 0.179.
  return l > 0.179 ? '#000000' : '#FFFFFF';
}

/** The Vega-Lite config shared by every chart. */
export function chartConfig(): Config {
  return {
    font: FONT_STACK,
    background: '#FFFFFF',
    padding: 8,
    view: { stroke: null },
    title: { fontSize: 16, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 12, subtitleColor: '#444444', offset: 12 },
    axis: {
      labelFontSize: 12,
      titleFontSize: 13,
      titleFontWeight: 'bold',
      labelColor: '#222222',
      titleColor: '#222222',
      tickColor: '#888888',
      domainColor: '#888888',
      gridColor: '#E6E6E6',
      titlePadding: 10,
    },
    legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'bold', labelColor: '#222222', titleColor: '#222222' },
    header: { labelFontSize: 13, labelFontWeight: 'bold', titleFontSize: 13 },
    text: { fontSize: 11 },
  };
}
