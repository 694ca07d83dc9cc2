import { CHART_KINDS, COMPARE_LAYOUTS, MEASURES, compareChart, isChartKind, isCompareLayout, isMeasure, profileChart, timelineChart, transitionsChart, type ChartKind, type CompareLayout, type Measure } from '@coachcode/charts';
import { ROLES, codeIds, compareProfiles, countTransitions, isRole, sumProfiles, type Role } from '@coachcode/core';
import { collectSessions, type Session } from '../batch/collect-sessions.js';
import { classifierFor } from '../batch/process-input.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import type { CliIo } from '../io.js';
import { messages } from '../messages.js';
import { resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { resolveGrouping, type GroupingFlags } from '../options/grouping.js';
import { checkOutputPath, writeChart } from '../output/chart-output.js';
import { protectedInputs } from '../output/output-paths.js';
import { colorLevel, createColors } from '../render/color.js';
import { terminalText } from '../render/terminal-text.js';
import { UsageError, throwIfProblems } from '../usage-error.js';

/** The chart flags shared by `chart` and `compare --chart`. */
export interface ChartLookFlags {
  measure?: string;
  layout?: string;
  role?: string;
  title?: string;
}

/** Flags of `coachcode chart`. */
export interface ChartFlags extends AnalysisFlags, GroupingFlags, ChartLookFlags {
  type: string;
  out: string;
  quiet?: boolean;
}

/** Validated chart look flags. */
export interface ChartLook {
  measure?: Measure;
  layout?: CompareLayout;
  role?: Role;
  title?: string;
}

export function resolveChartLook(flags: ChartLookFlags, problems: string[]): ChartLook {
  const look: ChartLook = {};
  if (flags.measure !== undefined) {
    if (isMeasure(flags.measure)) look.measure = flags.measure;
    else problems.push(messages.badChoice('--measure', flags.measure, MEASURES));
  }
  if (flags.layout !== undefined) {
    if (isCompareLayout(flags.layout)) look.layout = flags.layout;
    else problems.push(messages.badChoice('--layout', flags.layout, COMPARE_LAYOUTS));
  }
  if (flags.role !== undefined) {
    if (isRole(flags.role)) look.role = flags.role;
    else problems.push(messages.badChoice('--role', flags.role, ROLES));
  }
  if (flags.title !== undefined) look.title = flags.title;
  return look;
}

/** Prints a line on standard error (a chart warning, the file written) unless `--quiet`. */
export function noteFor(io: CliIo, quiet: boolean): (line: string) => void {
  const colors = createColors(colorLevel(io.env, io.stderr.isTTY));
  return (line) => {
    if (!quiet) io.stderr.write(colors.dim(terminalText(line)) + '\n');
  };
}

/**
 * `coachcode chart <paths...> --type KIND --out FILE`: the CfBT profile (all inputs summed), a
 * comparison of groups, the timeline of one transcript, or the transitions heat map; written as
 * SVG, PNG, HTML or the Vega-Lite spec, by the extension of FILE.
 */
export async function chartCommand(paths: readonly string[], flags: ChartFlags, io: CliIo): Promise<number> {
  const problems: string[] = [];
  const settings = resolveAnalysis(flags, io.cwd, problems);
  let kind: ChartKind = 'profile';
  if (isChartKind(flags.type)) kind = flags.type;
  else problems.push(messages.badChoice('--type', flags.type, CHART_KINDS));
  const look = resolveChartLook(flags, problems);
  const grouping = resolveGrouping(flags, problems);
  const expansion = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });
  checkOutputPath('--out', flags.out, protectedInputs(expansion.inputs, flags, io.cwd), io.cwd, problems);
  throwIfProblems(problems);

  const quiet = flags.quiet ?? false;
  const { sessions, failed } = await collectSessions(expansion, settings, io, { quiet, label: 'charting' });
  if (sessions.length === 0) {
    io.stderr.write(`coachcode: ${messages.chartNoTranscript()}\n`);
    return 1;
  }
  const codebook = classifierFor(settings).codebook;
  const note = noteFor(io, quiet);
  const measure = look.measure ? { measure: look.measure } : {};
  const title = look.title !== undefined ? { title: look.title } : {};
  let spec;
  switch (kind) {
    case 'profile': {
      const profile = sessions.length === 1 ? (sessions[0] as Session).profile : sumProfiles(`${sessions.length} sessions`, sessions.map((s) => s.profile));
      spec = profileChart(profile, { codebook, ...measure, ...title });
      break;
    }
    case 'compare': {
      const groups = compareProfiles(sessions.map((s) => s.profile), { by: grouping.groupOf }).map((g) => ({ group: g.group, profile: g.profile }));
      spec = compareChart(groups, { codebook, ...measure, ...title, ...(look.layout ? { layout: look.layout } : {}), ...(look.role ? { role: look.role } : {}) });
      break;
    }
    case 'timeline': {
      if (sessions.length !== 1) throw new UsageError([messages.chartOneTranscript(sessions.length)]);
      const session = sessions[0] as Session;
      spec = timelineChart(session.turns, { codebook, source: session.source, ...title });
      break;
    }
    case 'transitions': {
      const transitions = countTransitions(sessions.map((s) => s.turns), codeIds(codebook));
      spec = transitionsChart(transitions, { codebook, ...(sessions.length === 1 ? { source: (sessions[0] as Session).source } : {}), ...title });
      break;
    }
  }
  await writeChart(spec, flags.out, io.cwd, (w) => note(`${flags.out}: warning: ${w}`));
  note(messages.wroteFile(flags.out));
  return failed > 0 ? 1 : 0;
}
