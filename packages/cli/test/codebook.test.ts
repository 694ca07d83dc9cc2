import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCodebook } from '@coachcode/core';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeGuid } from '../src/qdpx/guid.js';
import { runCli, tempTree } from './support/fake-io.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CODEBOOK = `${REPO}fixtures/codebooks/cfbt-defence.json`;
const CODED = `${REPO}fixtures/codebooks/defence-coded.csv`;

describe('--codebook with a new code (defence) through train, code, profile, chart, evaluate and export', () => {
  const cwd = tempTree({});
  const withBook = ['--codebook', CODEBOOK, '--model', 'model.json', '-q'];
  beforeAll(async () => {
    const r = await runCli(['train', CODED, '--codebook', CODEBOOK, '--out', 'model.json', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
  });

  it('train learns defence from scratch, and the model names the codebook it codes', () => {
    const model = JSON.parse(readFileSync(join(cwd, 'model.json'), 'utf8')) as { codebook: string; codes: Record<string, { weights: Record<string, number> }> };
    expect(model.codebook).toBe('cfbt-defence@1');
    expect(Object.keys(model.codes)).toEqual(['summary', 'acceptance', 'challenge', 'continuity', 'dissonance', 'defence']);
    expect(Object.keys(model.codes.defence?.weights ?? {}).length).toBeGreaterThan(0);
  });

  it('code: a defence column in CSV, and the human defence turns coded defence', async () => {
    const r = await runCli(['code', CODED, '--format', 'csv', ...withBook], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toBe('source,turn,speaker,role,start,text,summary,acceptance,challenge,continuity,dissonance,defence,primary,codebook,model');
    const defence = rows.filter((row) => /,1,[a-z]*,cfbt-defence@1,/.test(row) && row.split(',').at(-4) === '1');
    expect(defence.length).toBeGreaterThanOrEqual(6);
    expect(rows.every((row) => row.includes(',cfbt-defence@1,'))).toBe(true);
  });

  it('profile: defence counted per role, in codebook order', async () => {
    const r = await runCli(['profile', CODED, '--format', 'json', ...withBook], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout) as { codebook: string; codes: string[]; total: { byRole: Record<string, { counts: Record<string, number> }> } };
    expect(p.codebook).toBe('cfbt-defence@1');
    expect(p.codes.at(-1)).toBe('defence');
    expect(p.total.byRole.coachee?.counts.defence).toBeGreaterThanOrEqual(6);
  });

  it('chart: the codebook\'s label and colour for defence', async () => {
    const r = await runCli(['chart', CODED, '--type', 'timeline', '--out', 'timeline.vl.json', ...withBook], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const spec = readFileSync(join(cwd, 'timeline.vl.json'), 'utf8');
    expect(spec).toContain('"Defence"');
    expect(spec).toContain('#CC79A7');
    const profile = await runCli(['chart', CODED, '--type', 'profile', '--out', 'profile.vl.json', ...withBook], { cwd });
    expect(profile.code, profile.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'profile.vl.json'), 'utf8')).toContain('Defence');
  });

  it('evaluate: defence compared with the human coding the CSV carries', async () => {
    const r = await runCli(['evaluate', CODED, '--format', 'json', ...withBook], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as { perCode: { code: string; support: number }[] };
    expect(e.perCode.map((c) => c.code)).toEqual(['summary', 'acceptance', 'challenge', 'continuity', 'dissonance', 'defence']);
    expect(e.perCode.find((c) => c.code === 'defence')?.support).toBe(8);
  });

  it('export: defence in the QDPX codebook with its GUID and colour, and codings of it', async () => {
    const r = await runCli(['export', CODED, '--out', 'p.qdpx', ...withBook], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const files = unzipSync(readFileSync(join(cwd, 'p.qdpx')));
    const qde = strFromU8(files['project.qde'] as Uint8Array);
    const guid = codeGuid('cfbt-defence', 'defence');
    expect(qde).toContain(`<Code guid="${guid}" name="Defence" isCodable="true" color="#CC79A7">`);
    expect(qde.split(`<CodeRef targetGUID="${guid}"/>`).length - 1).toBeGreaterThanOrEqual(6);
    if (spawnSync('xmllint', ['--version']).status === 0) {
      const dir = tempTree({ 'project.qde': qde });
      const v = spawnSync('xmllint', ['--noout', '--schema', `${REPO}fixtures/refi-qda/Project-mrt2019.xsd`, join(dir, 'project.qde')], { encoding: 'utf8' });
      expect(v.status, v.stderr).toBe(0);
    }
  });

  it('a model is refused for a codebook it was not trained for, with both named', async () => {
    const defaultModel = await runCli(['code', CODED, '--codebook', CODEBOOK], { cwd });
    expect(defaultModel.code).toBe(2);
    expect(defaultModel.stderr).toMatch(/the model cfbt-default@\d+ was trained for the codebook cfbt@1, not cfbt-defence@1 \(--codebook\)/);
    const noBook = await runCli(['code', CODED, '--model', 'model.json'], { cwd });
    expect(noBook.code).toBe(2);
    expect(noBook.stderr).toMatch(/the model cfbt-default-fitted@\d+ \(--model\) was trained for the codebook cfbt-defence@1, not cfbt@1 \(the default\); give its codebook with --codebook/);
    // Commands that could read coded JSONL fail each transcript they would have to code.
    const profile = await runCli(['profile', CODED, '--codebook', CODEBOOK], { cwd });
    expect(profile.code).toBe(1);
    expect(profile.stderr).toMatch(/defence-coded\.csv: .*was trained for the codebook cfbt@1, not cfbt-defence@1/);
  });
});

describe('--codebook files', () => {
  it('another scheme altogether (GROW): CSV columns named after its codes are the human codes', async () => {
    const cwd = tempTree({ 't.csv': 'speaker,text,goal,reality,options,will\nCoach,What do you want from today?,1,0,0,0\nTeacher,To sort out my Year 9 marking.,1,0,0,0\nCoach,Where are you with it now?,0,1,0,0\n' });
    const r = await runCli(['train', 't.csv', '--codebook', `${REPO}fixtures/codebooks/grow.json`, '--out', 'm.json', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const e = await runCli(['evaluate', 't.csv', '--codebook', `${REPO}fixtures/codebooks/grow.json`, '--model', 'm.json', '--format', 'json', '-q'], { cwd });
    expect(e.code, e.stderr).toBe(0);
    const ev = JSON.parse(e.stdout) as { perCode: { code: string; support: number }[] };
    expect(ev.perCode.map((c) => [c.code, c.support])).toEqual([['goal', 2], ['reality', 1], ['options', 0], ['will', 0]]);
  });

  it('a bad codebook is a usage error listing every problem with its path', async () => {
    const cwd = tempTree({
      'bad.json': JSON.stringify({ id: 'x', version: 0, title: 'X', codes: [{ id: 'Defence', label: 'D', definition: 'd', color: 'pink' }, { id: 'a', label: 'A', definition: 'a' }, { id: 'a', label: 'A2', definition: 'a' }] }),
      'broken.json': '{"id": ',
      't.txt': 'A: Why?\nB: Because.\n',
    });
    const r = await runCli(['code', 't.txt', '--codebook', 'bad.json'], { cwd });
    expect(r.code).toBe(2);
    for (const p of [/bad\.json: .*codebook: version: /, /codes\.0\.id: code ids are lower-case words/, /codes\.0\.color: a colour such as/, /codes: every code id must be different/]) expect(r.stderr).toMatch(p);
    const broken = await runCli(['profile', 't.txt', '--codebook', 'broken.json'], { cwd });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^coachcode: broken\.json:1: codebook: not valid JSON \(/m);
  });

  it('the complete example of docs/codebook.md is a valid codebook, the same as fixtures/codebooks/cfbt-defence.json but for its examples', () => {
    const doc = readFileSync(`${REPO}docs/codebook.md`, 'utf8');
    const json = doc.slice(doc.indexOf('## Your own codebook')).match(/```json\n([\s\S]*?)```/)?.[1] as string;
    const fromDoc = parseCodebook(JSON.parse(json), 'docs/codebook.md');
    const fixture = parseCodebook(JSON.parse(readFileSync(CODEBOOK, 'utf8')));
    expect(fromDoc.codes.map((c) => [c.id, c.label, c.definition, c.color])).toEqual(fixture.codes.map((c) => [c.id, c.label, c.definition, c.color]));
    expect(fromDoc.id).toBe(fixture.id);
  });
});
