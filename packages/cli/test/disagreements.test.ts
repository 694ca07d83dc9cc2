import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/fake-io.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** The turns of each session a report embeds (gzip JSON in base64; a turn is [turn, speaker, role, text, codes, primary, evidence, human]). */
function embeddedTurns(html: string): { turn: number; codes: string[]; human: string[] | null }[][] {
  const chunks = [...html.matchAll(/<script type="application\/octet-stream" id="coachcode-sessions-\d+">([^<]*)<\/script>/g)];
  const sessions = chunks.flatMap((m) => JSON.parse(gunzipSync(Buffer.from(m[1] ?? '', 'base64')).toString('utf8')) as { turns: [number, number, string, string, string[], string | null, unknown, string[] | null][] }[]);
  return sessions.map((s) => s.turns.map((t) => ({ turn: t[0], codes: t[4], human: t[7] })));
}
const STEM = 'challenging-coach-angela';
const GOLD = `fixtures/gold/${STEM}.jsonl`;
const TRANSCRIPT = `fixtures/transcripts/${STEM}.vtt`;
const CODES = ['summary', 'acceptance', 'challenge', 'continuity', 'dissonance'];

interface Row { file: string; turn: number; speaker: string; text: string; human: string[]; machine: string[]; missed: string[]; extra: string[]; scores: Record<string, number>; evidence: { code: string; text: string }[] }

/** The turns where the machine's codes (from `code`) and the gold differ, worked out here from the two files. */
async function expectedDiffering(code?: string): Promise<number[]> {
  const machine = await runCli(['code', '--model', 'cfbt-cues', TRANSCRIPT, '--format', 'jsonl', '-q'], { cwd: REPO });
  const byTurn = new Map(machine.stdout.trim().split('\n').map((l) => JSON.parse(l) as { turn: number; codes: string[] }).map((r) => [r.turn, r.codes]));
  const gold = readFileSync(`${REPO}${GOLD}`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { turn: number; codes: string[] });
  return gold.filter((g) => (code ? [code] : CODES).some((c) => g.codes.includes(c) !== (byTurn.get(g.turn) ?? []).includes(c))).map((g) => g.turn);
}

describe('evaluate --disagreements', () => {
  it('JSON: exactly the turns where machine and human differ, with text, codes, scores and evidence', async () => {
    const r = await runCli(['evaluate', '--model', 'cfbt-cues', '--gold', GOLD, TRANSCRIPT, '--disagreements', '--format', 'json', '-q'], { cwd: REPO });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { mode: string; disagreements: Row[] };
    expect(out.mode).toBe('disagreements');
    expect(out.disagreements.map((d) => d.turn)).toEqual(await expectedDiffering());
    expect(out.disagreements.length).toBeGreaterThan(0);
    for (const d of out.disagreements) {
      expect(d.file).toBe(`${STEM}.txt`);
      expect(d.text.length).toBeGreaterThan(0);
      expect(d.missed.every((c) => d.human.includes(c) && !d.machine.includes(c))).toBe(true);
      expect(d.extra.every((c) => d.machine.includes(c) && !d.human.includes(c))).toBe(true);
      expect(Object.keys(d.scores).sort()).toEqual([...d.missed, ...d.extra].sort());
      for (const e of d.evidence) expect(d.text).toContain(e.text);
    }
  });

  it('--code C: only the turns that differ on C; table and CSV', async () => {
    const table = await runCli(['evaluate', '--model', 'cfbt-cues', '--gold', GOLD, TRANSCRIPT, '--disagreements', '--code', 'challenge', '--format', 'table', '-q'], { cwd: REPO });
    expect(table.code, table.stderr).toBe(0);
    const expected = await expectedDiffering('challenge');
    expect(table.stdout.split('\n')[0]).toMatch(/^disagreements: cfbt-cues@3 against fixtures\/gold\/challenging-coach-angela\.jsonl · challenge · 53 turns compared$/);
    expect(table.stdout).toContain(`${expected.length} turns where machine and human differ`);
    const csv = await runCli(['evaluate', '--model', 'cfbt-cues', '--gold', GOLD, TRANSCRIPT, '--disagreements', '--code', 'challenge', '--format', 'csv', '-q'], { cwd: REPO });
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('file,turn,speaker,role,text,human,machine,missed,extra,scores,evidence');
    expect(lines.slice(1).map((l) => Number(l.split(',')[1]))).toEqual(expected);
  });

  it('--code needs --disagreements and a code of the codebook', async () => {
    const r = await runCli(['evaluate', '--model', 'cfbt-cues', '--gold', GOLD, TRANSCRIPT, '--code', 'challenge,advice'], { cwd: REPO });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--code picks the codes of --disagreements/);
    expect(r.stderr).toMatch(/--code: "advice" is not one of summary, acceptance, challenge, continuity, dissonance/);
  });

  it('the report given --gold shows the human codes beside the machine\'s and marks the same disagreements', async () => {
    const cwd = tempTree({});
    const r = await runCli(['report', '--model', 'cfbt-cues', `${REPO}${TRANSCRIPT}`, '--gold', `${REPO}${GOLD}`, '--out', 'r.html', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'r.html'), 'utf8');
    const expected = await expectedDiffering();
    // The report builds each session's table in the page, from the data it embeds: the turns
    // with their machine and human codes (see buildReport). The turns that differ are those.
    const [session] = embeddedTurns(html);
    expect(session?.some((t) => t.human !== null)).toBe(true);
    const differing = (session ?? []).filter((t) => t.human !== null && [...new Set([...t.codes, ...t.human])].some((c) => t.codes.includes(c) !== (t.human ?? []).includes(c)));
    expect(differing.map((t) => t.turn)).toEqual(expected);
    // Without --gold and without carried human codes: no human codes.
    const plain = await runCli(['report', `${REPO}${TRANSCRIPT}`, '--out', 'p.html', '-q'], { cwd });
    expect(plain.code).toBe(0);
    expect(embeddedTurns(readFileSync(join(cwd, 'p.html'), 'utf8'))[0]?.every((t) => t.human === null)).toBe(true);
  });
});
