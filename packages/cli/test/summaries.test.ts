import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMED_TALK, TALK, runCli, tempTree } from './support/fake-io.js';

const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

// Coded JSONL written by hand, as a model's output (its records name the model): the profile counts below are counted from it by hand.
const coded = [
  { source: 'angela-1.vtt', turn: 1, speaker: 'Angela', role: 'coach', text: 'Why do you think?', model: 'hand@1', codes: ['challenge'] },
  { source: 'angela-1.vtt', turn: 2, speaker: 'Tom', role: 'coachee', text: 'I do not agree.', model: 'hand@1', codes: ['dissonance', 'challenge'] },
  { source: 'angela-1.vtt', turn: 3, speaker: 'Angela', role: 'coach', text: 'So you think it was fine?', model: 'hand@1', codes: ['summary', 'challenge'] },
  { source: 'miriam-1.vtt', turn: 1, speaker: 'Miriam', role: 'coach', text: 'Lovely. Going back to last week?', model: 'hand@1', codes: ['continuity'] },
  { source: 'miriam-1.vtt', turn: 2, speaker: 'Hannah', role: 'coachee', text: "Yes, that's fair.", model: 'hand@1', codes: ['acceptance'] },
  { source: 'miriam-1.vtt', turn: 3, speaker: 'Hannah', role: 'coachee', text: 'Right.', model: 'hand@1', codes: [] },
];
const CODED = coded.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('coachcode profile', () => {
  const cwd = tempTree({ 'coded.jsonl': CODED, 'talk.txt': TALK });

  it('csv: counts per code per role, per transcript and in total, from coded JSONL as coded', async () => {
    const r = await runCli(['profile', 'coded.jsonl', '--format', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split(','));
    const header = rows[0] as string[];
    expect(header.slice(0, 4)).toEqual(['source', 'level', 'name', 'role']);
    const col = (name: string) => header.indexOf(name);
    const pick = (source: string, level: string, name: string) => rows.find((x) => x[0] === source && x[1] === level && x[2] === name) as string[];
    const counts = (row: string[]) => CODES.map((c) => Number(row[col(c)]));
    //                                                   sum acc cha con dis
    expect(counts(pick('angela-1.vtt', 'role', 'coach'))).toEqual([1, 0, 2, 0, 0]);
    expect(counts(pick('angela-1.vtt', 'role', 'coachee'))).toEqual([0, 0, 1, 0, 1]);
    expect(counts(pick('miriam-1.vtt', 'role', 'coachee'))).toEqual([0, 1, 0, 0, 0]);
    expect(counts(pick('(all)', 'role', 'coach'))).toEqual([1, 0, 2, 1, 0]);
    expect(counts(pick('(all)', 'total', 'total'))).toEqual([1, 1, 3, 1, 1]);
    expect(Number(pick('(all)', 'total', 'total')[col('turns')])).toBe(6);
    expect(rows.some((x) => x[1] === 'speaker')).toBe(false);
  });

  it('--by-speaker adds a row per speaker', async () => {
    const r = await runCli(['profile', 'coded.jsonl', '--format', 'csv', '--by-speaker'], { cwd });
    const speakers = r.stdout.trimEnd().split('\n').filter((l) => l.split(',')[1] === 'speaker').map((l) => l.split(',').slice(0, 4).join(','));
    expect(speakers).toEqual([
      'angela-1.vtt,speaker,Angela,coach',
      'angela-1.vtt,speaker,Tom,coachee',
      'miriam-1.vtt,speaker,Miriam,coach',
      'miriam-1.vtt,speaker,Hannah,coachee',
      '(all),speaker,Angela,coach',
      '(all),speaker,Tom,coachee',
      '(all),speaker,Miriam,coach',
      '(all),speaker,Hannah,coachee',
    ]);
  });

  it('json: the transcripts and their total', async () => {
    const r = await runCli(['profile', 'coded.jsonl', 'talk.txt', '--format', 'json', '-q'], { cwd });
    const p = JSON.parse(r.stdout) as { codes: string[]; transcripts: { source: string; total: { turns: number } }[]; total: { total: { turns: number } } };
    expect(p.codes).toEqual(CODES);
    expect(p.transcripts.map((t) => [t.source, t.total.turns])).toEqual([['angela-1.vtt', 3], ['miriam-1.vtt', 3], ['talk.txt', 6]]);
    expect(p.total.total.turns).toBe(12);
  });

  it('table on a terminal', async () => {
    const r = await runCli(['profile', 'coded.jsonl'], { cwd, stdoutTTY: true, env: { NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/^angela-1\.vtt · 3 turns · cfbt@1\nwho\s+turns\s+words\s+talk\s+open q\s+closed q\s+summary\s+acceptance\s+challenge\s+continuity\s+dissonance\n/);
    expect(r.stdout).toMatch(/^all 2 transcripts · 6 turns/m);
  });
});

describe('coachcode compare', () => {
  const cwd = tempTree({ 'coded.jsonl': CODED, 'roles.csv': 'file,speaker,role,cohort\nangela-1.vtt,,,2024\nmiriam-1.vtt,,,2025\n' });

  it.each([
    ['by coach (default)', [], ['Angela', 'Miriam']],
    ['by file', ['--by', 'file'], ['angela-1', 'miriam-1']],
    ['by a pattern on the file name', ['--group-by', '^([a-z]+)-'], ['angela', 'miriam']],
    ['by an attribute of the roles file', ['--by', 'cohort', '--roles', 'roles.csv'], ['2024', '2025']],
    ['by a missing attribute', ['--by', 'cohort'], ['(no cohort)']],
  ])('groups %s', async (_name, flags, groups) => {
    const r = await runCli(['compare', 'coded.jsonl', '--format', 'json', ...flags], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as { groups: { group: string }[] };
    expect(c.groups.map((g) => g.group)).toEqual(groups);
  });

  it('csv: one row per group and role, counts and rates per 100 turns', async () => {
    const r = await runCli(['compare', 'coded.jsonl', '--format', 'csv'], { cwd });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(['group', 'sessions', 'role', 'turns', 'words', 'word_share', 'turn_share', 'open_questions', 'closed_questions', ...CODES, ...CODES.map((c) => `${c}_per100`)].join(','));
    const angelaCoach = lines.find((l) => l.startsWith('Angela,1,coach,'))?.split(',') ?? [];
    expect(angelaCoach.slice(9, 14).map(Number)).toEqual([1, 0, 2, 0, 0]);
    expect(Number(angelaCoach[9 + 5 + 2])).toBe(100);
  });

  it('usage errors: --by with --group-by, a bad pattern, a --chart with an unknown extension', async () => {
    const r = await runCli(['compare', 'coded.jsonl', '--by', 'coach', '--group-by', '(', '--chart', 'x.gif'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--by and --group-by cannot be used together/);
    expect(r.stderr).toMatch(/--group-by: "\(" is not a valid regular expression/);
    expect(r.stderr).toMatch(/--chart x\.gif: cannot tell the format/);
  });
});

describe('coachcode chart and report', () => {
  const cwd = tempTree({ 'coded.jsonl': CODED, 'talk.txt': TALK, 'named.txt': NAMED_TALK });

  it.each([
    ['profile', 'profile.svg', /^<svg/],
    ['compare', 'compare.vl.json', /"\$schema"/],
    ['transitions', 'transitions.svg', /^<svg/],
    ['timeline', 'timeline.html', /^<!DOCTYPE html>/i],
  ])('--type %s writes %s', async (type, out, content) => {
    const inputs = type === 'timeline' ? ['talk.txt'] : ['coded.jsonl', 'talk.txt'];
    const r = await runCli(['chart', ...inputs, '--type', type, '--out', out, '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, out), 'utf8')).toMatch(content);
  });

  it('png: a PNG file', async () => {
    const r = await runCli(['chart', 'coded.jsonl', '--type', 'compare', '--out', 'c.png', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect([...readFileSync(join(cwd, 'c.png')).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it.each([
    ['an unknown type', ['chart', 'talk.txt', '--type', 'pie', '--out', 'x.svg'], /--type: "pie" is not one of profile, compare, timeline, transitions/],
    ['an unknown extension', ['chart', 'talk.txt', '--type', 'profile', '--out', 'x.gif'], /--out x\.gif: cannot tell the format/],
    ['an output over an input', ['chart', 'talk.txt', '--type', 'profile', '--out', 'talk.txt'], /refusing to write talk\.txt/],
    ['a missing --out', ['chart', 'talk.txt', '--type', 'profile'], /required option '-o, --out <file>'/],
    ['a timeline of two transcripts', ['chart', 'talk.txt', 'named.txt', '--type', 'timeline', '--out', 't.svg'], /draws one transcript; received 2/],
  ])('usage error: %s', async (_name, argv, message) => {
    const r = await runCli(argv, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('report: one HTML file with every session, no temporary file left', async () => {
    const r = await runCli(['report', 'coded.jsonl', 'talk.txt', '--out', 'out/report.html', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'out/report.html'), 'utf8');
    for (const s of ['angela-1.vtt', 'miriam-1.vtt', 'talk.txt']) expect(html).toContain(s);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['report.html']);
  });

  it('report: agreement tables when the turns carry human codes', async () => {
    const dir = tempTree({ 't.csv': ['speaker,text,challenge', 'Coach,Why do you think they went quiet?,1', 'Teacher,Maybe the task.,0', ''].join('\n') });
    const r = await runCli(['report', 't.csv', '--out', 'r.html', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/Agreement of the machine with the human codes/);
  });

  it('report: refuses a name that is not .html', async () => {
    const r = await runCli(['report', 'talk.txt', '--out', 'r.svg'], { cwd });
    expect(r.code).toBe(2);
    expect(existsSync(join(cwd, 'r.svg'))).toBe(false);
  });
});

