import { describe, expect, it } from 'vitest';
import { analyze, safeAnalyze } from '../src/pipeline/analyze.js';
import { toJsonl } from '../src/export/record.js';

const talk = '[00:00:01] Angela: Why do you think the group at the back went quiet?\n[00:00:05] Ben: Because the task was too long.\n';

describe('analyze', () => {
  const a = analyze(talk, { source: 'sessions/angela.txt', roles: { coach: ['angela'] } });

  it('writes exactly the record of DESIGN.md, keys in order', () => {
    const record = JSON.parse(toJsonl(a.records).split('\n')[0] ?? '{}');
    expect(Object.keys(record)).toEqual(['source', 'turn', 'speaker', 'role', 'start', 'text', 'codes', 'primary', 'scores', 'evidence', 'codebook', 'model']);
    expect(record).toMatchObject({ source: 'sessions/angela.txt', turn: 1, speaker: 'Angela', role: 'coach', start: '00:00:01.000', codebook: 'cfbt@1', model: 'cfbt-default@9' });
  });

  it('gives roles, a profile and one record per turn', () => {
    expect(a.roles).toEqual({ Angela: 'coach', Ben: 'coachee' });
    expect(a.records.map((r) => r.turn)).toEqual([1, 2]);
    expect(a.profile.total.turns).toBe(2);
  });

  it('builds records and profile once, on first read, and carries metadata with the options over the transcript', () => {
    const b = analyze('Title: Observation debrief\nAngela: Why?\nBen: Because.\n', { metadata: { cohort: '2026', title: 'mine' } });
    expect(b.records).toBe(b.records);
    expect(b.profile).toBe(b.profile);
    expect(b.metadata).toMatchObject({ cohort: '2026', title: 'mine' });
    expect(b.profile.metadata).toEqual(b.metadata);
  });

  it('decodes bytes (UTF-8 with BOM) the same as text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(talk)]);
    expect(analyze(bytes, { source: 'sessions/angela.txt', roles: { coach: ['angela'] } }).records).toEqual(a.records);
  });

  it.each([
    ['', /no speaker|empty/i],
    ['\u0000\u0001binary', /binary/i],
  ])('safeAnalyze reports %j with the source', (input, message) => {
    const r = safeAnalyze(typeof input === 'string' && input.includes('\u0000') ? new TextEncoder().encode(input) : input, { source: 'bad.txt' });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.message).toMatch(message);
      expect(r.error.issues[0]?.source).toBe('bad.txt');
    }
  });
});
