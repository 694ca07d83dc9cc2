import { describe, expect, it } from 'vitest';
import { chartCodes, codeColors, EXTRA_CODE_COLORS, textColorOn } from '../src/theme.js';
import { cfbtCodebook } from '@coachcode/core';

describe('codeColors', () => {
  it.each([
    // [codes, expected colours]
    [['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'], ['#0072B2', '#009E73', '#E69F00', '#56B4E9', '#D55E00']],
    // a CfBT code keeps its colour wherever it stands in a user codebook
    [['defence', 'challenge'], ['#CC79A7', '#E69F00']],
    // extra codes take the next unused palette colours in codebook order
    [['goal', 'reality', 'options', 'will'], ['#CC79A7', '#F0E442', '#332288', '#88CCEE']],
  ])('%j → %j', (codes, expected) => {
    const colors = codeColors(codes);
    expect(codes.map((c) => colors[c])).toEqual(expected);
  });

  it('gives every code of a long codebook a colour, distinct until the palette runs out', () => {
    const codes = Array.from({ length: EXTRA_CODE_COLORS.length }, (_, i) => `code-${i}`);
    expect(new Set(Object.values(codeColors(codes))).size).toBe(codes.length);
    expect(codeColors([...codes, 'one-more'])['one-more']).toBe(EXTRA_CODE_COLORS[0]);
  });

  it('is the same for the same codebook', () => {
    expect(codeColors(['x', 'y', 'summary'])).toEqual(codeColors(['x', 'y', 'summary']));
  });
});

describe('textColorOn', () => {
  it.each([
    ['#FFFFFF', '#000000'],
    ['#000000', '#FFFFFF'],
    ['#E69F00', '#000000'],
    ['#0072B2', '#FFFFFF'],
    ['#1F4E79', '#FFFFFF'],
    ['#F0E442', '#000000'],
    ['not a colour', '#000000'],
  ])('on %s: %s', (background, expected) => {
    expect(textColorOn(background)).toBe(expected);
  });
});

describe('chartCodes', () => {
  it('puts codebook codes first in order, then unknown data codes in first-seen order', () => {
    expect(chartCodes(cfbtCodebook, ['defence', 'challenge', 'humour', 'defence'])).toEqual([
      'summary', 'acceptance', 'challenge', 'continuity', 'dissonance', 'defence', 'humour',
    ]);
  });
});
