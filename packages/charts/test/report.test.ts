import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { cfbtCodebook, profileTurns, type CodedTurn } from '@coachcode/core';
import { describe, expect, it } from 'vitest';
import { buildReport, renderHtml, profileChart } from '../src/index.js';
import { packSession, unpackSession, type PackedSession } from '../src/report-data.js';
import { sessionBodyHtml, type SessionView } from '../src/report-session.js';
import { angelaProfile, angelaTurns, miriamProfile, miriamTurns, reportInput } from './sample-data.js';

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

// buildReport inlines the report's page script, built by `pnpm build` (the root `pnpm test` builds first).
const PAGE_SCRIPT = fileURLToPath(new URL('../dist/report-page-script.js', import.meta.url));
const built = existsSync(PAGE_SCRIPT);
const NOT_BUILT = `skipped: ${PAGE_SCRIPT} is missing; run the build first (the root \`pnpm test\` does)`;

/** The sessions a report embeds, unpacked as its page script unpacks them. */
function embeddedSessions(html: string): PackedSession[] {
  const chunks = [...html.matchAll(/<script type="application\/octet-stream" id="coachcode-sessions-(\d+)">([^<]*)<\/script>/g)];
  return chunks.flatMap((m) => JSON.parse(gunzipSync(Buffer.from(m[2] ?? '', 'base64')).toString('utf8')) as PackedSession[]);
}

const headingsOf = (html: string) => [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);

describe.skipIf(!built)('buildReport', () => {
  if (!built) it.skip(NOT_BUILT, () => {});
  const html = built ? buildReport(reportInput) : '';

  it('is one HTML document: the overview sections, then the sessions', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(headingsOf(html)).toEqual(['contents', 'codes', 'totals', 'comparison', 'transitions', 'tables', 'sessions']);
  });

  it('draws the overview at once: the totals, the comparison and the heat map; sessions are closed and hold no chart yet', () => {
    const markup = html.replace(/<script\b[\s\S]*?<\/script>/g, '');
    expect(count(markup, 'data-vega-spec=')).toBe(3);
    expect(html).toContain('Interaction profile: all 2 sessions');
    expect([...html.matchAll(/<details class="session" data-session="(\d+)"( open)?>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['0', undefined],
      ['1', undefined],
    ]);
    expect(markup).not.toContain('<table class="transcript">');
  });

  it('counts every turn of every session in the totals table', () => {
    const turns = reportInput.sessions.reduce((n, s) => n + s.turns.length, 0);
    const caption = html.indexOf('<caption>Turns with each code, by role: all 2 sessions</caption>');
    expect(caption).toBeGreaterThan(0);
    const table = html.slice(caption, html.indexOf('</table>', caption));
    const turnsRow = /<tr><td>Turns<\/td>((?:<td class="num">\d+<\/td>)+)<\/tr>/.exec(table)?.[1] ?? '';
    expect([...turnsRow.matchAll(/>(\d+)</g)].reduce((n, m) => n + Number(m[1]), 0)).toBe(turns);
  });

  it('embeds every session (gzip, base64) for the page script: the same turns, codes and evidence, without scores', () => {
    const packed = embeddedSessions(html);
    expect(packed.map((p) => p.source)).toEqual(['sessions/angela.vtt', 'sessions/miriam.txt']);
    const back = unpackSession(packed[0] as PackedSession);
    expect(back.profile).toEqual(angelaProfile);
    expect(back.turns).toEqual(angelaTurns.map((t) => ({ ...t, scores: {} })));
    expect(html).toMatch(/DecompressionStream/);
  });

  it('loads nothing from outside: no link, no script src, no remote URL in markup or styles', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<(img|iframe|source|video|audio)\b/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).toContain("connect-src 'none'");
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

  it('escapes every piece of user text, in markup, in embedded chart data and in session data', () => {
    const bad = buildReport({ ...reportInput, sessions: [{ source: 'x<y>.txt', turns: hostile, profile: profileTurns(hostile, cfbtCodebook) }] });
    expect(bad).not.toContain('<script>alert(1)');
    expect(bad).not.toContain('Coach <script>');
    expect(bad).toContain('<span class="session-name">x&lt;y&gt;.txt</span>');
    expect(bad).toContain('<title>Spring coaching &lt;review&gt;</title>');
    // inside JSON, "<" is written \u003c, and base64 has none, so no "</script" can close an element early
    const scripts = [...bad.matchAll(/<script( type="[^"]+" id="[^"]+")?>([\s\S]*?)<\/script>/g)];
    for (const m of scripts.filter((m) => m[1])) expect(m[2]).not.toContain('<');
    expect(bad.replace(/<script( type="[^"]+" id="[^"]+")?>([\s\S]*?)<\/script>/g, '')).not.toMatch(/<\/?script/);
    expect(unpackSession(embeddedSessions(bad)[0] as PackedSession).turns[0]?.text).toBe(hostile[0]?.text);
  });

  it('gives the same bytes for the same input', () => {
    expect(buildReport(reportInput)).toBe(html);
  });

  it('opens the one session of a one-session report, and leaves out the sections it has no data for', () => {
    const small = buildReport({ title: 'One', sessions: [{ source: 'a.vtt', turns: angelaTurns, profile: angelaProfile }], codebook: cfbtCodebook });
    expect(headingsOf(small)).toEqual(['contents', 'codes', 'sessions']);
    expect(small).toContain('<details class="session" data-session="0" open>');
  });

  it('sessions: N gives the first N sessions a section; the page says how many have none', () => {
    const warnings: [string, string | undefined][] = [];
    const one = buildReport(reportInput, { sessions: 1, onWarning: (w, code) => warnings.push([w, code]) });
    expect(count(one, '<details class="session"')).toBe(1);
    expect(embeddedSessions(one).map((p) => p.source)).toEqual(['sessions/angela.vtt']);
    expect(one).toContain('1 of 2 sessions (from sessions/miriam.txt on) have no section here; the overview above counts them all.');
    expect(count(buildReport(reportInput, { sessions: 0 }), '<details class="session"')).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('stops at the size limit of the session data, with a warning, and keeps the overview of every session', () => {
    const warnings: [string, string | undefined][] = [];
    const sessions = Array.from({ length: 120 }, (_, i) => ({ source: `s/${i}.vtt`, turns: angelaTurns, profile: angelaProfile }));
    const whole = embeddedSessionBytes(buildReport({ ...reportInput, sessions }));
    const limit = Math.floor(whole / 2);
    const cut = buildReport({ ...reportInput, sessions }, { sessionBytes: limit, onWarning: (w, code) => warnings.push([w, code]) });
    const kept = count(cut, '<details class="session"');
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(120);
    expect(embeddedSessions(cut)).toHaveLength(kept);
    expect(embeddedSessionBytes(cut)).toBeLessThanOrEqual(limit);
    expect(warnings).toEqual([[`report: ${120 - kept} of 120 sessions have no section of their own (their data would take the file past ${Math.round(limit / 1048576)} MB); the overview counts them all`, 'sessions-left-out']]);
    expect(cut).toContain('Interaction profile: all 120 sessions');
  });
});

/** Bytes of embedded session data (base64) in a report. */
function embeddedSessionBytes(html: string): number {
  return [...html.matchAll(/<script type="application\/octet-stream" id="coachcode-sessions-\d+">([^<]*)<\/script>/g)].reduce((n, m) => n + (m[1]?.length ?? 0), 0);
}

describe('sessionBodyHtml: a session as the page builds it when opened', () => {
  const view: SessionView = { codebook: cfbtCodebook, codes: ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'], measure: 'count' };
  const html = sessionBodyHtml({ source: 'sessions/angela.vtt', turns: angelaTurns, profile: angelaProfile }, 3, view);

  it('holds its profile chart, its counts, its timeline and its coded turns', () => {
    expect([...html.matchAll(/<figure class="chart" id="([^"]+)">/g)].map((m) => m[1])).toEqual(['session-3-profile', 'session-3-timeline']);
    expect(html).toContain('<caption>Turns with each code, by role: angela.vtt</caption>');
    expect(count(html, '<tr><td class="num">')).toBe(angelaTurns.length);
  });

  it('highlights evidence spans with <mark> in the transcript table', () => {
    expect(html).toContain('<mark class="evidence code-2" title="Challenge (cue: test-cue)">Why do you think</mark> they went quiet?');
    expect(html).toContain('<mark class="evidence code-1" title="Acceptance (cue: test-cue)">Yes, that&#39;s fair</mark>');
    expect(html).toContain('More hands up</mark> &lt;and&gt; fewer &quot;I don&#39;t know&quot; answers &amp; less silence.');
  });

  it('escapes user text in markup and in chart data', () => {
    const bad = sessionBodyHtml({ source: 'x<y>.txt', turns: hostile, profile: profileTurns(hostile, cfbtCodebook) }, 1, view);
    expect(bad).not.toContain('<script>alert(1)');
    expect(bad).not.toContain('Coach <script>');
    expect(bad).toContain('<mark class="evidence code-2" title="Challenge (cue: why&quot;&lt;cue&gt;)">Why</mark> &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;so&quot;?');
    expect(count(bad, '</script>')).toBe(count(bad, '<script'));
  });

  it('adds a human-codes column, marking the turns where they differ, when the turns carry human codes', () => {
    const turns = angelaTurns.map((t) => ({ ...t, humanCodes: t.codes.slice(0, 1) }));
    const withHuman = sessionBodyHtml({ source: 'a.vtt', turns, profile: angelaProfile }, 1, view);
    expect(withHuman).toContain('<th scope="col">Human codes</th>');
    // turn 4 has codes dissonance + challenge; its human codes keep only dissonance
    expect(withHuman).toContain('1 turn where machine and human codes differ, marked ≠');
    expect(html).not.toContain('Human codes');
  });
});

describe('packSession / unpackSession', () => {
  it('round-trips a session, scores left out', () => {
    const turns = miriamTurns.map((t, i) => (i === 1 ? { ...t, humanCodes: ['acceptance'] } : t));
    const session = { source: 'm.txt', turns, profile: miriamProfile };
    const packed = JSON.parse(JSON.stringify(packSession(session))) as PackedSession;
    expect(packed.speakers).toEqual(['Miriam', 'Dev', 'Sam']);
    expect(unpackSession(packed)).toEqual({ ...session, turns: turns.map((t) => ({ ...t, scores: {} })) });
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
