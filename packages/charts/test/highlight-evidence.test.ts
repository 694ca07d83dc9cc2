import type { Evidence } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { highlightEvidence } from '../src/highlight-evidence.js';

const style = (spans: readonly Evidence[]) => ({ className: `ev ${spans.map((s) => s.code).join('+')}`, title: spans.map((s) => s.cue).join(';') });
const ev = (code: string, start: number, end: number, cue = 'c'): Evidence => ({ code, cue, start, end });

describe('highlightEvidence', () => {
  it.each<[string, string, Evidence[], string]>([
    ['no evidence', 'Why <now>?', [], 'Why &lt;now&gt;?'],
    ['one span', 'Why do you think so?', [ev('challenge', 0, 16)], '<mark class="ev challenge" title="c">Why do you think</mark> so?'],
    [
      'text escaped inside and outside the mark',
      'a <b> & "c"',
      [ev('x', 2, 5)],
      'a <mark class="ev x" title="c">&lt;b&gt;</mark> &amp; &quot;c&quot;',
    ],
    [
      'overlapping spans: the overlap names both codes',
      'abcdef',
      [ev('p', 0, 4), ev('q', 2, 6)],
      '<mark class="ev p" title="c">ab</mark><mark class="ev p+q" title="c;c">cd</mark><mark class="ev q" title="c">ef</mark>',
    ],
    ['span past the end is clipped', 'abc', [ev('p', 1, 99)], 'a<mark class="ev p" title="c">bc</mark>'],
    ['empty, reversed and negative spans are left out', 'abc', [ev('p', 2, 2), ev('q', 2, 1), ev('r', -5, -1)], 'abc'],
    ['a cue with quotes is escaped in the title', 'ab', [ev('p', 0, 1, 'say "no" <x>')], '<mark class="ev p" title="say &quot;no&quot; &lt;x&gt;">a</mark>b'],
    ['a boundary inside an emoji moves off it', 'a😀b', [ev('p', 2, 4)], 'a<mark class="ev p" title="c">😀b</mark>'],
  ])('%s', (_, text, evidence, expected) => {
    expect(highlightEvidence(text, evidence, style)).toBe(expected);
  });
});
