import { compareChart } from '@coachcode/charts';
import { codeIds, compareProfiles, csvRow, type Profile } from '@coachcode/core';
import { CodedInput, type Job } from '../batch/job.js';
import { classifierFor } from '../batch/process-input.js';
import { Reporter } from '../batch/reporter.js';
import { runReported } from '../batch/run-reported.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import { writeChunk, type CliIo } from '../io.js';
import { messages } from '../messages.js';
import { csvOptions, type CsvFlags } from '../options/csv-options.js';
import { resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { resolveGrouping, type GroupingFlags } from '../options/grouping.js';
import { checkOutputPath, writeChart } from '../output/chart-output.js';
import { protectedInputs } from '../output/output-paths.js';
import { colorLevel, createColors } from '../render/color.js';
import { checkBom, csvStart } from '../render/csv-output.js';
import { comparisonCsvHeader, comparisonCsvValues, renderComparisonTable } from '../render/comparison-table.js';
import { throwIfProblems } from '../usage-error.js';
import { noteFor, resolveChartLook, type ChartLookFlags } from './chart.js';
import { reportFormat } from './profile.js';
import { dataStream } from '../render/terminal-text.js';

/** Flags of `coachcode compare`. */
export interface CompareFlags extends CsvFlags, AnalysisFlags, GroupingFlags, ChartLookFlags {
  format?: string;
  totals?: boolean;
  bom?: boolean;
  chart?: string;
  quiet?: boolean;
}

/**
 * `coachcode compare <paths...>`: profiles grouped by coach (default), by a transcript attribute
 * (`--by cohort`), or by a pattern on the file name (`--group-by`), summed per group, side by
 * side; with `--chart FILE` also the comparison chart.
 */
export async function compareCommand(paths: readonly string[], flags: CompareFlags, io: CliIo): Promise<number> {
  const problems: string[] = [];
  const settings = resolveAnalysis(flags, io.cwd, problems);
  const format = reportFormat(flags.format, io, 'table', problems);
  checkBom(flags.bom, format, ['csv'], problems);
  // Data on a terminal shows control characters as escapes; tables escape their own cells.
  const stdout = format === 'table' ? io.stdout : dataStream(io.stdout);
  const grouping = resolveGrouping(flags, problems);
  const look = resolveChartLook(flags, problems);
  const expansion = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });
  if (flags.chart !== undefined) checkOutputPath('--chart', flags.chart, protectedInputs(expansion.inputs, flags, io.cwd), io.cwd, problems);
  throwIfProblems(problems);

  const quiet = flags.quiet ?? false;
  const reporter = new Reporter(io, { quiet, total: expansion.inputs.length + expansion.problems.length, label: 'comparing' });
  const classifier = classifierFor(settings);
  const codes = codeIds(classifier.codebook);
  // Profiles only: a comparison never needs the turns, so memory stays small.
  const profiles: Profile[] = [];
  const job: Job = { cwd: io.cwd, analysis: settings, codedInput: CodedInput.reuse, keep: { profile: true } };
  await runReported(expansion, job, io, reporter, (t) => {
    profiles.push(t.profile as Profile);
  });
  const groups = compareProfiles(profiles, { by: grouping.groupOf });
  const colors = createColors(colorLevel(io.env, io.stdout.isTTY));
  if (format === 'table') await writeChunk(stdout, renderComparisonTable(groups, { codes, per100: look.measure === 'per100', colors, by: grouping.describe }));
  else if (format === 'csv') await writeChunk(stdout, csvStart(flags.bom) + [comparisonCsvHeader(codes), ...comparisonCsvValues(groups, codes, flags.totals ?? false)].map((row) => csvRow(row, csvOptions(flags))).join(''));
  else await writeChunk(stdout, JSON.stringify({ by: grouping.describe, codes, groups }, null, 2) + '\n');
  if (flags.chart !== undefined && groups.length > 0) {
    const note = noteFor(io, quiet);
    const spec = compareChart(
      groups.map((g) => ({ group: g.group, profile: g.profile })),
      { codebook: classifier.codebook, ...(look.measure ? { measure: look.measure } : {}), ...(look.layout ? { layout: look.layout } : {}), ...(look.role ? { role: look.role } : {}), ...(look.title !== undefined ? { title: look.title } : {}) },
    );
    await writeChart(spec, flags.chart, io.cwd, (w) => note(`${flags.chart}: warning: ${w}`));
    note(messages.wroteFile(flags.chart));
  }
  return reporter.failedFiles > 0 ? 1 : 0;
}
