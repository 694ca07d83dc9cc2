import { cfbtCodebook, profileTurns, type CodedTurn } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { buildReport, renderHtml, profileChart } from '../src/index.js';
import { angelaProfile, angelaTurns, reportInput } from './sample-data.js';

const hostile: CodedTurn[] = [
  {
    turn: 1,
    speaker: 'Coach <script>',
    role: 'coach',
    text: 'Why </script><script>alert(1)</script> & "so"?',
    codes: ['challenge'],
    primary: 'challenge',
    scores: { challenge: 0.9 },
    evidence: [{ code: 'challenge', cue: 'why"<cue>', start: 0, end: 3 }],
  },
];

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('buildReport', () => {
  const html = buildReport(reportInput);

  it('is one HTML document with every section, in order', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const headings = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(headings).toEqual(['contents', 'codes', 'profiles', 'comparison', 'timelines', 'transitions', 'tables', 'transcripts']);
  });

  it('holds one chart per profile and timeline, the comparison and the heat map', () => {
    // 2 profiles + 1 comparison + 2 timelines + 1 transitions
    expect(count(html, 'data-vega-spec=')).toBe(6);
    expect(count(html, '<script type="application/json"')).toBe(6);
  });

  it('loads nothing from outside: no link, no script src, no remote URL in markup or styles', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<(img|iframe|source|video|audio)\b/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).toContain("connect-src 'none'");
  });

  it('highlights evidence spans with <mark> in the transcript tables', () => {
    expect(html).toContain('<mark class="evidence code-2" title="Challenge (cue: test-cue)">Why do you think</mark> they went quiet?');
    expect(html).toContain('<mark class="evidence code-1" title="Acceptance (cue: test-cue)">Yes, that&#39;s fair</mark>');
    expect(html).toContain('More hands up</mark> &lt;and&gt; fewer &quot;I don&#39;t know&quot; answers &amp; less silence.');
  });

  it('shows codes as coloured labels with one fixed colour per code', () => {
    expect(html).toContain('<span class="code-label code-4">Dissonance</span>');
    expect(html).toContain('.code-label.code-2 { background: #E69F00; color: #000000; }');
    expect(html).toContain('.code-label.code-0 { background: #0072B2; color: #FFFFFF; }');
  });

  it('renders given tables with captions, numbers rounded and a dash for a missing value', () => {
    expect(html).toContain('<caption>Agreement with human codes</caption>');
    expect(html).toContain('<td class="num">0.712</td>');
    expect(html).toContain('<td class="num">—</td>');
  });

  it('escapes every piece of user text, in markup and in embedded chart data', () => {
    const bad = buildReport({ ...reportInput, sessions: [{ source: 'x<y>.txt', turns: hostile, profile: profileTurns(hostile, cfbtCodebook) }] });
    expect(bad).not.toContain('<script>alert(1)');
    expect(bad).not.toContain('Coach <script>');
    expect(bad).toContain('<mark class="evidence code-2" title="Challenge (cue: why&quot;&lt;cue&gt;)">Why</mark> &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;so&quot;?');
    expect(bad).toContain('<title>Spring coaching &lt;review&gt;</title>');
    // inside the JSON chart data, "<" is written \u003c, so no "</script" can close the element
    expect(count(bad, '</script>')).toBe(count(bad, '<script'));
  });

  it('gives the same bytes for the same input', () => {
    expect(buildReport(reportInput)).toBe(html);
  });

  it('adds a human-codes column when the turns carry human codes', () => {
    const turns = angelaTurns.map((t) => ({ ...t, humanCodes: t.codes.slice(0, 1) }));
    const withHuman = buildReport({ ...reportInput, sessions: [{ source: 'a.vtt', turns, profile: angelaProfile }] });
    expect(withHuman).toContain('<th scope="col">Human codes</th>');
    expect(html).not.toContain('Human codes');
  });

  it('leaves out the sections it has no data for', () => {
    const small = buildReport({ title: 'One', sessions: [{ source: 'a.vtt', turns: angelaTurns, profile: angelaProfile }], codebook: cfbtCodebook });
    const headings = [...small.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(headings).toEqual(['contents', 'codes', 'profiles', 'timelines', 'transcripts']);
  });
});

describe('renderHtml', () => {
  it('puts each chart on one self-contained page with its description', () => {
    const spec = profileChart(angelaProfile, { codebook: cfbtCodebook });
    const page = renderHtml([spec, spec], { title: 'Two charts' });
    expect(count(page, 'data-vega-spec=')).toBe(2);
    expect(page).toContain('<h1>Two charts</h1>');
    expect(page).toContain(`<p id="chart-1-description">${spec.description?.replace(/'/g, '&#39;')}</p>`);
    expect(page).toMatch(/<script>\n\/\*! vega 6\.\d+\.\d+/);
  });
});
