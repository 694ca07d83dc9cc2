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

  const csvRows = (stdout: string) => stdout.replace(/^\uFEFF/, '').trimEnd().split('\n').map((l) => l.split(','));
  //                        sum acc cha con dis: the hand counts of CODED over both transcripts
  const ALL_COUNTS = [1, 1, 3, 1, 1];

  it('csv: one row per transcript and role and no total rows, so each code column sums to the batch count', async () => {
    const r = await runCli(['profile', 'coded.jsonl', '--format', 'csv'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = csvRows(r.stdout) as [string[], ...string[][]];
    expect(header.slice(0, 4)).toEqual(['source', 'level', 'name', 'role']);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((x) => x.slice(0, 4).join(','))).toEqual([
      'angela-1.vtt,role,coach,coach',
      'angela-1.vtt,role,coachee,coachee',
      'miriam-1.vtt,role,coach,coach',
      'miriam-1.vtt,role,coachee,coachee',
    ]);
    expect(CODES.map((c) => rows.reduce((sum, x) => sum + Number(x[col(c)]), 0))).toEqual(ALL_COUNTS);
    expect(rows.reduce((sum, x) => sum + Number(x[col('turns')]), 0)).toBe(6);
  });

  it("csv --totals: each transcript's total row and the (all) rows of the sum as well", async () => {
    const r = await runCli(['profile', 'coded.jsonl', '--format', 'csv', '--totals'], { cwd });
    const rows = csvRows(r.stdout);
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    const pick = (source: string, level: string, name: string) => rows.find((x) => x[0] === source && x[1] === level && x[2] === name) as string[];
    const counts = (row: string[]) => CODES.map((c) => Number(row[col(c)]));
    //                                                   sum acc cha con dis
    expect(counts(pick('angela-1.vtt', 'role', 'coach'))).toEqual([1, 0, 2, 0, 0]);
    expect(counts(pick('angela-1.vtt', 'role', 'coachee'))).toEqual([0, 0, 1, 0, 1]);
    expect(counts(pick('miriam-1.vtt', 'role', 'coachee'))).toEqual([0, 1, 0, 0, 0]);
    expect(counts(pick('angela-1.vtt', 'total', 'total'))).toEqual([1, 0, 3, 0, 1]);
    expect(counts(pick('(all)', 'role', 'coach'))).toEqual([1, 0, 2, 1, 0]);
    expect(counts(pick('(all)', 'total', 'total'))).toEqual(ALL_COUNTS);
    expect(Number(pick('(all)', 'total', 'total')[col('turns')])).toBe(6);
    expect(rows.filter((x) => x[1] === 'total')).toHaveLength(3);
    expect(rows.some((x) => x[1] === 'speaker')).toBe(false);
  });

  it('csv --by-speaker: one row per speaker instead of per role', async () => {
    const r = await runCli(['profile', 'coded.jsonl', '--format', 'csv', '--by-speaker'], { cwd });
    const [header, ...rows] = csvRows(r.stdout) as [string[], ...string[][]];
    expect(rows.map((x) => x.slice(0, 4).join(','))).toEqual([
      'angela-1.vtt,speaker,Angela,coach',
      'angela-1.vtt,speaker,Tom,coachee',
      'miriam-1.vtt,speaker,Miriam,coach',
      'miriam-1.vtt,speaker,Hannah,coachee',
    ]);
    expect(CODES.map((c) => rows.reduce((sum, x) => sum + Number(x[header.indexOf(c)]), 0))).toEqual(ALL_COUNTS);
  });

  it('csv-long: one row per transcript, role, speaker and code (zeros too) with its count and the speaker\'s turns', async () => {
    const r = await runCli(['profile', 'coded.jsonl', '--format', 'csv-long'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = csvRows(r.stdout) as [string[], ...string[][]];
    expect(header).toEqual(['source', 'role', 'speaker', 'code', 'count', 'turns']);
    expect(rows).toHaveLength(4 * CODES.length);
    const count = (source: string, speaker: string, code: string) => rows.find((x) => x[0] === source && x[2] === speaker && x[3] === code);
    expect(count('angela-1.vtt', 'Angela', 'challenge')).toEqual(['angela-1.vtt', 'coach', 'Angela', 'challenge', '2', '2']);
    expect(count('angela-1.vtt', 'Tom', 'dissonance')).toEqual(['angela-1.vtt', 'coachee', 'Tom', 'dissonance', '1', '1']);
    expect(count('miriam-1.vtt', 'Hannah', 'acceptance')).toEqual(['miriam-1.vtt', 'coachee', 'Hannah', 'acceptance', '1', '2']);
    expect(count('miriam-1.vtt', 'Hannah', 'challenge')?.[4]).toBe('0');
    expect(CODES.map((c) => rows.filter((x) => x[3] === c).reduce((sum, x) => sum + Number(x[4]), 0))).toEqual(ALL_COUNTS);
  });

  it.each([
    ['csv', ['--format', 'csv']],
    ['csv-long', ['--format', 'csv-long']],
  ])('--bom puts a UTF-8 byte-order mark before the %s header, and only there', async (_name, format) => {
    const r = await runCli(['profile', 'coded.jsonl', ...format, '--bom'], { cwd });
    expect(r.stdout.startsWith('\uFEFFsource,')).toBe(true);
    expect(r.stdout.indexOf('\uFEFF', 1)).toBe(-1);
    expect((await runCli(['profile', 'coded.jsonl', ...format], { cwd })).stdout.startsWith('source,')).toBe(true);
  });

  it.each([
    ['--bom with json', ['--format', 'json', '--bom'], /^coachcode: --bom applies to --format csv or csv-long; received --format json$/m],
    ['--totals with csv-long', ['--format', 'csv-long', '--totals'], /^coachcode: --totals applies to --format csv/m],
  ])('%s is a usage error', async (_name, flags, message) => {
    const r = await runCli(['profile', 'coded.jsonl', ...flags], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
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
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['Angela,1,coach', 'Angela,1,coachee', 'Miriam,1,coach', 'Miriam,1,coachee']);
  });

  it('csv --totals --bom: each group\'s total row as well, after a byte-order mark', async () => {
    const r = await runCli(['compare', 'coded.jsonl', '--format', 'csv', '--totals', '--bom'], { cwd });
    expect(r.stdout.startsWith('\uFEFFgroup,')).toBe(true);
    const totals = r.stdout.trimEnd().split('\n').filter((l) => l.split(',')[2] === 'total').map((l) => l.split(',').slice(0, 4).join(','));
    expect(totals).toEqual(['Angela,1,total,3', 'Miriam,1,total,3']);
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

  it.each([
    ['all', ['--sessions', 'all'], 3],
    ['none', ['--sessions', 'none'], 0],
    ['2', ['--sessions', '2'], 2],
    ['(default: all that fit)', [], 3],
  ])('report --sessions %s: that many sessions get a section', async (_name, flags, sections) => {
    const r = await runCli(['report', 'coded.jsonl', 'talk.txt', '--out', 'sessions.html', '-q', ...flags], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'sessions.html'), 'utf8');
    expect([...html.matchAll(/<details class="session" data-session="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(Array.from({ length: sections }, (_, i) => i));
    // the overview counts all three either way
    expect(html).toContain('Interaction profile: all 3 sessions');
  });

  it('report --sessions: anything but all, none or a whole number is a usage error', async () => {
    const r = await runCli(['report', 'coded.jsonl', '--out', 'x.html', '--sessions', 'some'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sessions: expected all, none or a whole number, received "some"/);
  });

  it('report: refuses a name that is not .html', async () => {
    const r = await runCli(['report', 'talk.txt', '--out', 'r.svg'], { cwd });
    expect(r.code).toBe(2);
    expect(existsSync(join(cwd, 'r.svg'))).toBe(false);
  });
});

