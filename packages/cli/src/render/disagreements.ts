import { dict, own, type CodedTurn, type Disagreement } from '@coachcode/core';
import type { ChalkInstance } from 'chalk';
import { messages } from '../messages.js';
import { renderTable } from './table.js';
import { terminalText } from './terminal-text.js';

/** One disagreement with the machine's turn: what the table, CSV and JSON show. */
export interface DisagreementRow {
  file: string;
  turn: number;
  speaker: string;
  role: string;
  text: string;
  human: string[];
  machine: string[];
  /** Human codes the machine did not give. */
  missed: string[];
  /** Machine codes the human did not give. */
  extra: string[];
  /** The machine's score of each code that differs. */
  scores: Record<string, number>;
  /** The evidence for the machine's codes that differ: cue and the text it covers. */
  evidence: { code: string; cue: string; start: number; end: number; text: string }[];
}

/** The rows of the disagreements, with text, scores and evidence from the machine's turn (by `file#turn` of the predicted coding). */
export function disagreementRows(disagreements: readonly Disagreement[], turns: ReadonlyMap<string, CodedTurn>): DisagreementRow[] {
  return disagreements.map((d) => {
    const t = turns.get(`${d.predicted.file}#${d.predicted.turn}`);
    const differing = [...d.missed, ...d.extra];
    return {
      file: d.gold.file,
      turn: d.gold.turn,
      speaker: d.gold.speaker ?? d.predicted.speaker ?? t?.speaker ?? '',
      role: d.gold.role ?? d.predicted.role ?? t?.role ?? '',
      text: t?.text ?? '',
      human: d.gold.codes,
      machine: d.predicted.codes,
      missed: d.missed,
      extra: d.extra,
      scores: dict(differing.flatMap((c) => { const s = own(t?.scores, c); return s === undefined ? [] : [[c, s] as const]; })),
      evidence: (t?.evidence ?? []).filter((e) => d.extra.includes(e.code)).map((e) => ({ ...e, text: (t?.text ?? '').slice(e.start, e.end) })),
    };
  });
}

const codeList = (codes: readonly string[]) => (codes.length ? codes.join(' ') : '–');

/** The CSV header of the disagreements. */
export const DISAGREEMENTS_CSV_HEADER = ['file', 'turn', 'speaker', 'role', 'text', 'human', 'machine', 'missed', 'extra', 'scores', 'evidence'];

/** One CSV row per disagreement: code lists joined by `;`, scores as `code=0.42`, evidence as `code:cue "text"`. */
export function disagreementCsvValues(rows: readonly DisagreementRow[]): unknown[][] {
  return rows.map((r) => [
    r.file,
    r.turn,
    r.speaker,
    r.role,
    r.text,
    r.human.join(';'),
    r.machine.join(';'),
    r.missed.join(';'),
    r.extra.join(';'),
    Object.entries(r.scores).map(([c, s]) => `${c}=${s}`).join(';'),
    r.evidence.map((e) => `${e.code}:${e.cue} "${e.text}"`).join('; '),
  ]);
}

/** The disagreements as a text table, with a title line. */
export function renderDisagreements(rows: readonly DisagreementRow[], colors: ChalkInstance, title: string, width: number): string {
  const head = `${colors.bold(terminalText(title))}\n`;
  if (rows.length === 0) return `${head}${messages.noDisagreements()}\n`;
  const textWidth = Math.max(20, width - 80);
  return (
    head +
    renderTable(
      [
        { header: 'file', maxWidth: 28 },
        { header: 'turn', align: 'right' },
        { header: 'speaker', maxWidth: 14 },
        { header: 'human' },
        { header: 'machine' },
        { header: 'scores' },
        { header: 'text', maxWidth: textWidth },
      ],
      rows.map((r) => [
        r.file,
        String(r.turn),
        r.speaker,
        { text: codeList(r.human), style: r.missed.length ? colors.green : (s: string) => s },
        { text: codeList(r.machine), style: r.extra.length ? colors.red : (s: string) => s },
        Object.entries(r.scores).map(([c, s]) => `${c} ${s.toFixed(2)}`).join(', '),
        r.evidence.length ? `${r.text} [${r.evidence.map((e) => `${e.code}: "${e.text}"`).join('; ')}]` : r.text,
      ]),
      colors,
    ) +
    `${messages.disagreementsCount(rows.length)}\n`
  );
}
