import { expect, it } from 'vitest';
import * as charts from '../src/index.js';

it('exports exactly the public API (change this list deliberately)', () => {
  expect(Object.keys(charts).sort()).toEqual([
    'CFBT_CODE_COLORS',
    'CHART_KINDS',
    'COMPARE_LAYOUTS',
    'ChartKind',
    'CompareLayout',
    'FONT_FAMILY',
    'MEASURES',
    'Measure',
    'NO_CODE_COLOR',
    'OUTPUT_FORMATS',
    'OutputFormat',
    'ROLE_COLORS',
    'buildReport',
    'bundledFontFiles',
    'codeColors',
    'compareChart',
    'compileChart',
    'escapeHtml',
    'isChartKind',
    'isCompareLayout',
    'isMeasure',
    'isOutputFormat',
    'outputFormatOf',
    'profileChart',
    'renderChart',
    'renderHtml',
    'renderPng',
    'renderSvg',
    'renderVegaLiteJson',
    'timelineChart',
    'transitionsChart',
  ]);
});
