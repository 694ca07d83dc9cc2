import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cfbtCodebook } from '@coachcode/core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codeGuid } from '../src/qdpx/guid.js';
import { readQdpxCoding } from '../src/qdpx/read-project.js';
import { buildSourceText, codePointLength } from '../src/qdpx/source-text.js';
import { runCli, tempTree } from './support/fake-io.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const XSD = `${REPO}fixtures/refi-qda/Project-mrt2019.xsd`;
const ATLAS = fileURLToPath(new URL('../shared/refi-qda/atlas-ti-sample.qdpx', `file://${REPO}`));
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const NO_XMLLINT = 'skipped: xmllint is not installed (Debian: apt-get install libxml2-utils); .ci/run installs it and sets COACHCODE_REQUIRE_XMLLINT=1';
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };

/** Exports paths (relative to the repository) into a fresh folder; returns the folder and the zip's files. */
async function exportProject(paths: string[], extra: string[] = [], cwd = tempTree({})): Promise<{ cwd: string; files: Record<string, Uint8Array>; stderr: string }> {
  const r = await runCli(['export', ...paths, '--format', 'qdpx', '--out', 'p.qdpx', '-q', ...extra], { cwd, env: EPOCH });
  expect(r.code, r.stderr).toBe(0);
  return { cwd, files: unzipSync(readFileSync(join(cwd, 'p.qdpx'))), stderr: r.stderr };
}

function validate(qde: string): { status: number | null; stderr: string } {
  const dir = tempTree({ 'project.qde': qde });
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'project.qde')], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

// CI sets COACHCODE_REQUIRE_XMLLINT=1: there a missing xmllint is a failure, not a skip.
it.runIf(!hasXmllint && process.env.COACHCODE_REQUIRE_XMLLINT === '1')('has xmllint (COACHCODE_REQUIRE_XMLLINT=1)', () => {
  expect.fail('xmllint not found, and COACHCODE_REQUIRE_XMLLINT=1 requires the schema validation to run (apt-get install -y libxml2-utils)');
});

describe.skipIf(!hasXmllint)('QDPX export validates against the REFI-QDA schema', () => {
  if (!hasXmllint) it.skip(NO_XMLLINT, () => {});

  it('the bundled examples: every transcript of fixtures/transcripts', async () => {
    const { files } = await exportProject([`${REPO}fixtures/transcripts`]);
    const qde = strFromU8(files['project.qde'] as Uint8Array);
    const v = validate(qde);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stderr).toMatch(/validates/);
    // One source file per transcript, each named in the project.
    const sources = Object.keys(files).filter((f) => f.startsWith('Sources/'));
    expect(sources).toHaveLength(readdirSync(`${REPO}fixtures/transcripts`).length);
    for (const s of sources) expect(qde).toContain(`plainTextPath="internal://${s.slice('Sources/'.length)}"`);
  });

  it('a project the schema rejects is reported as invalid (the check can fail)', () => {
    const v = validate('<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0"><CodeBook/></Project>');
    expect(v.status).not.toBe(0);
  });

  it('odd names and text: markup characters, control characters, emoji, right-to-left text', async () => {
    const cwd = tempTree({ 'odd.txt': 'A&B <x>: Why "this" & \u0007that? 😀\nرنا: نعم، هذا صحيح\n' });
    const { files } = await exportProject(['odd.txt'], [], cwd);
    const v = validate(strFromU8(files['project.qde'] as Uint8Array));
    expect(v.status, v.stderr).toBe(0);
  });
});

describe('QDPX export', () => {
  it('positions are code points: the selection picks out the turn text, with emoji and accents before it', async () => {
    // "😀" is 1 code point and 2 UTF-16 units; "é" here is one code point, "e\u0301" two.
    const talk = ['Zoë 😀: Going back to the café 😀😀, why do you think they went quiet?', 'Léa: I don\u2019t really agree, e\u0301tienne did it 🙂. Yes, that\u2019s fair though.', ''].join('\n');
    const cwd = tempTree({ 'accents.txt': talk });
    const { files } = await exportProject(['accents.txt', '--coach', 'Zoë 😀'], [], cwd);
    const qde = strFromU8(files['project.qde'] as Uint8Array);
    const source = strFromU8(files[Object.keys(files).find((f) => f.startsWith('Sources/')) as string] as Uint8Array);
    const points = [...source];
    const selections = [...qde.matchAll(/<PlainTextSelection [^>]*name="turn (\d+)[^"]*" startPosition="(\d+)" endPosition="(\d+)"/g)];
    expect(selections.length).toBeGreaterThan(0);
    const lines = source.split('\n');
    for (const [, turn, start, end] of selections) {
      const text = points.slice(Number(start), Number(end)).join('');
      const line = lines[Number(turn) - 1] as string;
      expect(line.endsWith(text)).toBe(true);
      expect(line.slice(0, line.length - text.length)).toMatch(/^[^:]+: $/);
      // UTF-16 offsets would not pick out the text: the emoji before it count 2 units each.
      if (Number(turn) === 2) expect(source.slice(Number(start), Number(end))).not.toBe(text);
    }
    expect(codePointLength('😀é')).toBe(2);
    expect(codePointLength('e\u0301')).toBe(2);
    expect(buildSourceText([{ turn: 2, speaker: 'A', text: '😀 x' }])).toEqual({ text: '\nA: 😀 x\n', spans: [{ turn: 2, start: 4, end: 7 }] });
  });

  it('GUIDs are stable: codes from the codebook id and code id, everything else from its content; SOURCE_DATE_EPOCH makes the bytes the same', async () => {
    const a = await exportProject([`${REPO}fixtures/transcripts/supportive-coach-miriam.vtt`]);
    const b = await exportProject([`${REPO}fixtures/transcripts/supportive-coach-miriam.vtt`]);
    expect(Buffer.from(readFileSync(join(b.cwd, 'p.qdpx'))).equals(readFileSync(join(a.cwd, 'p.qdpx')))).toBe(true);
    const qde = strFromU8(a.files['project.qde'] as Uint8Array);
    const codes = [...qde.matchAll(/<Code guid="([^"]+)" name="([^"]+)"/g)].map((m) => [m[2], m[1]]);
    expect(codes).toEqual(cfbtCodebook.codes.map((c) => [c.label, codeGuid('cfbt', c.id)]));
    expect(codeGuid('cfbt', 'summary')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(codeGuid('grow', 'summary')).not.toBe(codeGuid('cfbt', 'summary'));
    // A later export on another day: other dates, the same GUIDs.
    const later = await runCli(['export', `${REPO}fixtures/transcripts/supportive-coach-miriam.vtt`, '--out', 'q.qdpx', '-q'], { cwd: a.cwd, env: { SOURCE_DATE_EPOCH: '1800000000' } });
    expect(later.code).toBe(0);
    const qde2 = strFromU8(unzipSync(readFileSync(join(a.cwd, 'q.qdpx')))['project.qde'] as Uint8Array);
    const guids = (x: string) => [...x.matchAll(/guid="([^"]+)"/g)].map((m) => m[1]);
    expect(guids(qde2)).toEqual(guids(qde));
    expect(qde2).not.toBe(qde);
  });

  it('carries the model, the date, speakers as cases with their role, and the definitions', async () => {
    const { files } = await exportProject([`${REPO}fixtures/transcripts/supportive-coach-miriam.vtt`]);
    const qde = strFromU8(files['project.qde'] as Uint8Array);
    expect(qde).toMatch(/<Description>Coded by coachcode with model cfbt-default@\d+, codebook cfbt@1 \(CfBT interaction functions\), on 2023-11-14T22:13:20Z\./);
    expect(qde).toMatch(/<Case guid="[^"]+" name="Miriam">\s*<VariableValue>\s*<VariableRef targetGUID="[^"]+"\/>\s*<TextValue>coach<\/TextValue>/);
    expect(qde).toContain(`<Description>${cfbtCodebook.codes[0]?.definition}</Description>`);
  });

  it('refuses another format or extension, and an --out that is an input', async () => {
    const cwd = tempTree({ 't.txt': 'A: Why?\nB: Because.\n' });
    const r = await runCli(['export', 't.txt', '--format', 'nvp', '--out', 't.zip'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format: "nvp" is not one of qdpx/);
    expect(r.stderr).toMatch(/--out t\.zip: .*\.qdpx/);
  });
});

/** The zip of a project with its project.qde replaced. */
function withQde(files: Record<string, Uint8Array>, qde: string): Uint8Array {
  return zipSync({ ...files, 'project.qde': strToU8(qde) });
}

describe('QDPX import as human coding (--gold project.qdpx)', () => {
  const transcripts = ['challenging-coach-angela.vtt', 'discontented-ect.vtt'].map((f) => `${REPO}fixtures/transcripts/${f}`);

  it('round trip: export, edit the XML, import as gold: evaluate finds exactly the edits', async () => {
    const { cwd, files } = await exportProject(transcripts);
    let qde = strFromU8(files['project.qde'] as Uint8Array);
    const guidOf = (label: string) => codeGuid('cfbt', label);
    const selections = [...qde.matchAll(/<PlainTextSelection [^>]*name="turn (\d+) [^"]*"[^>]*>([\s\S]*?)<\/PlainTextSelection>/g)];
    // 1. Remove one coding of the first selection with a challenge coding (Angela's transcript comes first).
    const first = selections.find((m) => (m[2] as string).includes(guidOf('challenge'))) as RegExpMatchArray;
    const removedTurn = Number(first[1]);
    const removed = (first[0] as string).replace(/<Coding [^>]*>\s*<CodeRef targetGUID="[^"]+"\/>\s*<\/Coding>\s*/, (c) => (c.includes(guidOf('challenge')) ? '' : c));
    expect(removed).not.toBe(first[0]);
    qde = qde.replace(first[0] as string, removed);
    // 2. Add a continuity coding to a selection that has none.
    const second = selections.find((m) => m !== first && !(m[2] as string).includes(guidOf('continuity'))) as RegExpMatchArray;
    const addedTurn = Number(second[1]);
    qde = qde.replace(second[0] as string, (second[0] as string).replace('</PlainTextSelection>', `  <Coding guid="11111111-2222-4333-8444-555555555555"><CodeRef targetGUID="${guidOf('continuity')}"/></Coding>\n      </PlainTextSelection>`));
    // 3. Code part of a turn the machine left uncoded: a few characters in the middle of its text.
    const angela = qde.match(/<TextSource [^>]*name="challenging-coach-angela\.vtt" plainTextPath="internal:\/\/([^"]+)"[\s\S]*?<\/Description>/) as RegExpMatchArray;
    const source = strFromU8(files[`Sources/${angela[1]}`] as Uint8Array);
    const coded = new Set([...angela.input!.slice(angela.index, angela.input!.indexOf('</TextSource>', angela.index)).matchAll(/name="turn (\d+) /g)].map((m) => Number(m[1])));
    const lines = source.split('\n');
    const newTurn = lines.findIndex((l, i) => !coded.has(i + 1) && l.length > 30) + 1;
    const lineStart = [...lines.slice(0, newTurn - 1).join('\n')].length + (newTurn > 1 ? 1 : 0);
    qde = qde.replace(angela[0], `${angela[0]}\n      <PlainTextSelection guid="21111111-2222-4333-8444-555555555555" startPosition="${lineStart + 12}" endPosition="${lineStart + 20}"><Coding guid="31111111-2222-4333-8444-555555555555"><CodeRef targetGUID="${guidOf('acceptance')}"/></Coding></PlainTextSelection>`);
    writeFileSync(join(cwd, 'edited.qdpx'), withQde(files, qde));
    if (hasXmllint) expect(validate(qde).stderr).toMatch(/validates/);

    const r = await runCli(['evaluate', '--gold', 'edited.qdpx', ...transcripts, '--format', 'json', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as { turnCounts: { gold: number; matched: number }; perCode: { code: string; fp: number; fn: number }[] };
    expect(e.turnCounts.matched).toBe(e.turnCounts.gold);
    const off = Object.fromEntries(e.perCode.map((c) => [c.code, [c.fp, c.fn]]));
    expect(off).toEqual({ summary: [0, 0], acceptance: [0, 1], challenge: [1, 0], continuity: [0, 1], dissonance: [0, 0] });
    // The disagreements are exactly the three edited turns, each with the edit.
    const d = await runCli(['evaluate', '--gold', 'edited.qdpx', ...transcripts, '--disagreements', '--format', 'json', '-q'], { cwd });
    const rows = (JSON.parse(d.stdout) as { disagreements: { file: string; turn: number; missed: string[]; extra: string[] }[] }).disagreements;
    expect(rows.map((x) => [x.file, x.turn, x.missed, x.extra]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual(
      [
        ['challenging-coach-angela.vtt', removedTurn, [], ['challenge']],
        ['challenging-coach-angela.vtt', addedTurn, ['continuity'], []],
        ['challenging-coach-angela.vtt', newTurn, ['acceptance'], []],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
  });

  it('train --gold project.qdpx fits to the project\'s codings', async () => {
    const { cwd } = await exportProject(transcripts);
    const r = await runCli(['train', ...transcripts, '--gold', 'p.qdpx', '--out', 'model.json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/human codes for 110 turns of 2 transcripts/);
  });

  it('a selection over the end of one turn and the start of the next codes both; names map case-insensitively; unknown codes are reported', () => {
    const text = 'Ann: Why?\nBob: Because.\n\nAnn: Fine.\n';
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="x">
  <CodeBook><Codes>
    <Code guid="00000000-0000-4000-8000-000000000001" name="CHALLENGE" isCodable="true"/>
    <Code guid="00000000-0000-4000-8000-000000000002" name="Defence" isCodable="true"><Code guid="00000000-0000-4000-8000-000000000003" name="dissonance" isCodable="true"/></Code>
  </Codes></CodeBook>
  <Sources><TextSource guid="00000000-0000-4000-8000-0000000000aa" name="t.txt" plainTextPath="internal://a.txt">
    <PlainTextSelection guid="00000000-0000-4000-8000-0000000000b1" startPosition="7" endPosition="12"><Coding guid="00000000-0000-4000-8000-0000000000c1"><CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="00000000-0000-4000-8000-0000000000b2" startPosition="30" endPosition="30"><Coding guid="00000000-0000-4000-8000-0000000000c2"><CodeRef targetGUID="00000000-0000-4000-8000-000000000003"/></Coding><Coding guid="00000000-0000-4000-8000-0000000000c3"><CodeRef targetGUID="00000000-0000-4000-8000-000000000002"/></Coding></PlainTextSelection>
  </TextSource></Sources>
</Project>`;
    const read = readQdpxCoding(zipSync({ 'project.qde': strToU8(qde), 'sources/a.txt': strToU8(text) }), { source: 'x.qdpx', codebook: cfbtCodebook });
    expect([...read.coding.values()].map((u) => [u.turn, u.speaker, u.codes])).toEqual([
      [1, 'Ann', ['challenge']],
      [2, 'Bob', ['challenge']],
      [4, 'Ann', ['dissonance']],
    ]);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['qdpx-unknown-code']);
    expect(read.diagnostics[0]?.message).toMatch(/"Defence" \(1 coding\)/);
  });

  it('bad files are reported, never thrown', () => {
    const bad = [
      [strToU8('not a zip'), /not a zip file/],
      [zipSync({ 'a.txt': strToU8('x') }), /no project\.qde/],
      [zipSync({ 'project.qde': strToU8('<Project><CodeBook>') }), /not well-formed XML/],
      [zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="00000000-0000-4000-8000-0000000000aa" name="t.txt" plainTextPath="internal://gone.txt"/></Sources></Project>') }), /no PlainTextContent, and its plainTextPath "internal:\/\/gone\.txt" is not in the zip/],
    ] as const;
    for (const [bytes, message] of bad) {
      const read = readQdpxCoding(bytes, { source: 'x.qdpx', codebook: cfbtCodebook });
      expect(read.diagnostics.some((d) => d.severity === 'error' && message.test(d.message)), JSON.stringify(read.diagnostics)).toBe(true);
      expect(read.coding.size).toBe(0);
    }
  });

  it.skipIf(!existsSync(ATLAS))('the ATLAS.ti sample imports without error (a codebook, no sources)', async () => {
    const read = readQdpxCoding(readFileSync(ATLAS), { source: 'atlas-ti-sample.qdpx', codebook: cfbtCodebook });
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(read.codes.map((c) => c.name)).toEqual(['Commits', '2022-05-10T02:05:59Z 19e4dce', '2022-02-11T10:39:25Z cdbfd92']);
    expect(read.sources).toBe(0);
    const r = await runCli(['evaluate', '--gold', ATLAS, `${REPO}fixtures/transcripts/discontented-ect.vtt`], { cwd: REPO });
    expect(r.stderr).toMatch(/atlas-ti-sample\.qdpx: warning: the project has no text source/);
    expect(r.stderr).not.toMatch(/atlas-ti-sample\.qdpx: error/);
  });
  if (!existsSync(ATLAS)) it.skip(`skipped: ${ATLAS} is missing (the shared material sits beside the repository as ../shared)`, () => {});
});
