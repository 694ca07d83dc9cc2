import { basename, resolve } from 'node:path';
import { buildReport, type ReportOptions, type ReportTable } from '@coachcode/charts';
import { baseName, codeIds, codingFiles, compareProfiles, countTransitions, evaluateCodings, formatDiagnostic, matchFiles, type AgreementTable, type Coding, type Evaluation } from '@coachcode/core';
import { readCodings } from '../agreement/read-codings.js';
import { addToCoding, humanUnits, machineUnits } from '../agreement/units.js';
import { collectSessions, type Session } from '../batch/collect-sessions.js';
import { classifierFor } from '../batch/process-input.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import type { CliIo } from '../io.js';
import { messages } from '../messages.js';
import { resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { resolveGrouping, type GroupingFlags } from '../options/grouping.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { checkOutputPath } from '../output/chart-output.js';
import { protectedInputs } from '../output/output-paths.js';
import { terminalText } from '../render/terminal-text.js';
import { throwIfProblems } from '../usage-error.js';
import { noteFor, resolveChartLook } from './chart.js';

/** Flags of `coachcode report`. */
export interface ReportFlags extends AnalysisFlags, GroupingFlags {
  out: string;
  gold: string[];
  title?: string;
  measure?: string;
  sessions?: string;
  quiet?: boolean;
}

/** `--sessions all|none|N` as buildReport's options (not given: its default, every session that fits in its size limit). */
function sessionChoice(value: string | undefined, problems: string[]): Pick<ReportOptions, 'sessions' | 'sessionBytes'> {
  if (value === undefined) return {};
  const v = value.trim().toLowerCase();
  if (v === 'all') return { sessions: Infinity, sessionBytes: Infinity };
  if (v === 'none') return { sessions: 0 };
  if (/^\d+$/.test(v)) return { sessions: Number(v), sessionBytes: Infinity };
  problems.push(messages.badNumber('--sessions', value, 'all, none or a whole number'));
  return {};
}

const pct = (x: number | null) => (x === null ? Number.NaN : Math.round(x * 1000) / 10);
const num = (x: number | null) => (x === null ? Number.NaN : x);

/** Agreement tables for the report: all turns, then per role. */
function agreementTables(e: Evaluation, goldName: string): ReportTable[] {
  const table = (title: string, t: AgreementTable): ReportTable => ({
    title,
    columns: ['Code', 'Turns compared', 'Gold', 'Machine', 'Precision', 'Recall', 'F1', "Cohen's kappa", '% agreement'],
    rows: [
      ...t.perCode.map((c) => [c.code, c.n, c.support, c.predicted, num(c.precision), num(c.recall), num(c.f1), num(c.kappa), pct(c.percentAgreement)]),
      ['macro average', t.turns, '', '', num(t.macro.precision.mean), num(t.macro.recall.mean), num(t.macro.f1.mean), num(t.macro.kappa.mean), pct(t.macro.percentAgreement.mean)],
    ],
  });
  return [
    table(`Agreement of the machine with ${goldName}: ${e.turnCounts.matched} turns matched (gold ${e.turnCounts.gold}, machine ${e.turnCounts.predicted})`, e),
    ...Object.entries(e.byRole ?? {}).map(([role, t]) => table(`Agreement for the ${role} role: ${t.turns} turns`, t)),
  ];
}

/**
 * Sets each session turn's human codes from a coding, pairing files as evaluate does (base name,
 * else the name without extension) and turns by number; turns the coding lacks keep none.
 */
function attachHumanCodes(sessions: readonly Session[], gold: Coding): void {
  const sessionFiles = sessions.map((s) => baseName(s.source));
  const matching = matchFiles([...codingFiles(gold).keys()], sessionFiles);
  const goldFileOf = new Map(matching.matches.map((m) => [m.other, m.reference]));
  for (const s of sessions) {
    const file = goldFileOf.get(baseName(s.source));
    for (const t of s.turns) {
      const unit = file === undefined ? undefined : gold.get(`${file}#${t.turn}`);
      if (unit) t.humanCodes = [...unit.codes];
      else delete t.humanCodes;
    }
  }
}

/**
 * `coachcode report <paths...> --out report.html`: one self-contained HTML file with each
 * session's profile chart, the comparison, timelines, transitions, every coded transcript with
 * evidence highlighted, and agreement tables when human codes are present (or `--gold`).
 */
export async function reportCommand(paths: readonly string[], flags: ReportFlags, io: CliIo): Promise<number> {
  const problems: string[] = [];
  const settings = resolveAnalysis(flags, io.cwd, problems);
  const grouping = resolveGrouping(flags, problems);
  const look = resolveChartLook({ ...(flags.measure !== undefined ? { measure: flags.measure } : {}) }, problems);
  const choice = sessionChoice(flags.sessions, problems);
  const expansion = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });
  checkOutputPath('--out', flags.out, protectedInputs(expansion.inputs, flags, io.cwd), io.cwd, problems, ['html']);
  throwIfProblems(problems);

  const quiet = flags.quiet ?? false;
  const note = noteFor(io, quiet);
  const { sessions, failed } = await collectSessions(expansion, settings, io, { quiet, label: 'reporting' });
  if (sessions.length === 0) {
    io.stderr.write(`coachcode: ${messages.chartNoTranscript()}\n`);
    return 1;
  }
  const classifier = classifierFor(settings);
  const codebook = classifier.codebook;
  const codes = codeIds(codebook);
  let goldFailed = false;

  // Agreement: with --gold, or the human codes the turns carry.
  const predicted: Coding = new Map();
  let gold: Coding = new Map();
  const ignored: Parameters<typeof addToCoding>[3] = [];
  for (const s of sessions) {
    for (const u of machineUnits(s.source, s.turns)) addToCoding(predicted, u, s.source, ignored);
    for (const u of humanUnits(s.source, s.turns)) addToCoding(gold, u, s.source, ignored);
  }
  let goldName = messages.goldFromInputs();
  if (flags.gold.length > 0) {
    const read = readCodings(flags.gold, settings, io.cwd);
    for (const e of read.errors) io.stderr.write(terminalText(formatDiagnostic(e)) + '\n');
    if (!quiet) for (const w of read.warnings) io.stderr.write(terminalText(formatDiagnostic({ ...w, severity: 'warning' })) + '\n');
    goldFailed = read.errors.length > 0;
    gold = read.coding;
    goldName = flags.gold.map((g) => basename(g)).join(', ');
    // The human codes beside the machine's in each transcript, paired as evaluate pairs them.
    attachHumanCodes(sessions, gold);
  }
  const tables = gold.size > 0 ? agreementTables(evaluateCodings(gold, predicted, { codes, byRole: true }), goldName) : [];

  const human = sessions.filter((s) => s.codesAreHuman).length;
  const title = flags.title ?? `Coaching conversations: ${sessions.length} session${sessions.length === 1 ? '' : 's'}`;
  const groups = compareProfiles(sessions.map((s) => s.profile), { by: grouping.groupOf });
  const html = buildReport(
    {
      title: human > 0 ? messages.humanCodesTitle(title) : title,
      intro:
        human > 0
          ? messages.reportHumanIntro(human, sessions.length, `${codebook.id}@${codebook.version}`, grouping.describe)
          : `Coded with ${classifier.id} (codebook ${codebook.id}@${codebook.version}) by coachcode. Groups by ${grouping.describe}.`,
      sessions: sessions.map((s) => ({ source: s.source, turns: s.turns, profile: s.profile })),
      ...(groups.length > 1 ? { comparison: groups.map((g) => ({ group: g.group, profile: g.profile })) } : {}),
      transitions: countTransitions(sessions.map((s) => s.turns), codes),
      tables,
      codebook,
      ...(look.measure ? { measure: look.measure } : {}),
    },
    { onWarning: (w, code) => note(`${flags.out}: warning: ${w}${code === 'sessions-left-out' ? messages.sessionsHint() : ''}`), ...choice },
  );
  writeFileAtomic(resolve(io.cwd, flags.out), html, flags.out);
  note(messages.wroteFile(flags.out));
  return failed > 0 || goldFailed ? 1 : 0;
}
