import { codeIds, codebookTag, csvRow, sumProfiles, type Profile } from '@coachcode/core';
import { CodedInput, type Job } from '../batch/job.js';
import { classifierFor } from '../batch/process-input.js';
import { Reporter } from '../batch/reporter.js';
import { runReported } from '../batch/run-reported.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import { writeChunk, type CliIo } from '../io.js';
import { messages } from '../messages.js';
import { csvOptions, type CsvFlags } from '../options/csv-options.js';
import { resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { colorLevel, createColors } from '../render/color.js';
import { checkBom, csvStart } from '../render/csv-output.js';
import { PROFILE_FORMATS, REPORT_FORMATS, isProfileFormat, isReportFormat, type ReportFormat } from '../render/output-format.js';
import { PROFILE_LONG_CSV_HEADER, profileCsvHeader, profileCsvValues, profileLongCsvValues, renderProfileTable } from '../render/profile-table.js';
import { throwIfProblems } from '../usage-error.js';
import { dataStream } from '../render/terminal-text.js';

/** Flags of `coachcode profile`. */
export interface ProfileFlags extends CsvFlags, AnalysisFlags {
  format?: string;
  bySpeaker?: boolean;
  totals?: boolean;
  bom?: boolean;
  quiet?: boolean;
}

/** Resolves `--format` among `formats`: table on a terminal when not given, else `fallback`. */
export function chooseFormat<F extends string>(value: string | undefined, io: CliIo, fallback: F, problems: string[], [formats, isFormat]: readonly [readonly F[], (v: unknown) => v is F]): F {
  if (value === undefined) return io.stdout.isTTY && isFormat('table') ? ('table' as F) : fallback;
  if (isFormat(value)) return value;
  problems.push(messages.badChoice('--format', value, formats));
  return fallback;
}

/** Resolves `--format` of the summary commands: table on a terminal, else as given (default `fallback`). */
export function reportFormat(value: string | undefined, io: CliIo, fallback: ReportFormat, problems: string[]): ReportFormat {
  return chooseFormat(value, io, fallback, problems, [REPORT_FORMATS, isReportFormat]);
}

/** The name of the summed profile of a run. */
export const TOTAL_NAME = '(all)';

/**
 * `coachcode profile <paths...>`: per transcript, counts of each code per role (and speaker),
 * with turns, words, share of talk and questions, then the total over all transcripts.
 * Transcripts are coded on the fly; coded JSONL keeps its codes. CSV comes wide (one row per
 * role or speaker; total rows only with `--totals`) or long (`csv-long`: one row per speaker and code).
 */
export async function profileCommand(paths: readonly string[], flags: ProfileFlags, io: CliIo): Promise<number> {
  const problems: string[] = [];
  const settings = resolveAnalysis(flags, io.cwd, problems);
  const format = chooseFormat(flags.format, io, 'table', problems, [PROFILE_FORMATS, isProfileFormat]);
  checkBom(flags.bom, format, ['csv', 'csv-long'], problems);
  if (flags.totals && format === 'csv-long') problems.push(messages.totalsLong());
  // Data on a terminal shows control characters as escapes; tables escape their own cells.
  const stdout = format === 'table' ? io.stdout : dataStream(io.stdout);
  throwIfProblems(problems);
  const bySpeaker = flags.bySpeaker ?? false;
  const rows = { bySpeaker, totals: flags.totals ?? false };
  const expansion = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });
  const reporter = new Reporter(io, { quiet: flags.quiet ?? false, total: expansion.inputs.length + expansion.problems.length, label: 'profiling' });
  const classifier = classifierFor(settings);
  const codes = codeIds(classifier.codebook);
  const colors = createColors(colorLevel(io.env, io.stdout.isTTY));
  const job: Job = { cwd: io.cwd, analysis: settings, codedInput: CodedInput.reuse, keep: { profile: true } };
  const profiles: Profile[] = [];
  let humanSources = 0;

  if (format === 'csv') await writeChunk(stdout, csvStart(flags.bom) + csvRow(profileCsvHeader(codes), csvOptions(flags)));
  if (format === 'csv-long') await writeChunk(stdout, csvStart(flags.bom) + csvRow(PROFILE_LONG_CSV_HEADER, csvOptions(flags)));
  if (format === 'json') await writeChunk(stdout, `{\n"codebook": ${JSON.stringify(codebookTag(classifier.codebook))},\n"codes": ${JSON.stringify(codes)},\n"transcripts": [\n`);
  await runReported(expansion, job, io, reporter, async (t) => {
    const profile = t.profile as Profile;
    let text: string;
    if (format === 'table') text = renderProfileTable(profile, { title: t.codesAreHuman ? messages.humanCodesTitle(t.source) : t.source, bySpeaker, colors });
    else if (format === 'csv') text = profileCsvValues(profile, t.source, rows).map((row) => csvRow(row, csvOptions(flags))).join('');
    else if (format === 'csv-long') text = profileLongCsvValues(profile, t.source).map((row) => csvRow(row, csvOptions(flags))).join('');
    else text = (profiles.length ? ',\n' : '') + JSON.stringify(profile);
    profiles.push(profile);
    if (t.codesAreHuman) humanSources++;
    await writeChunk(stdout, text);
  });
  const total = sumProfiles(TOTAL_NAME, profiles);
  if (format === 'table' && profiles.length > 1) await writeChunk(stdout, renderProfileTable(total, { title: humanSources > 0 ? messages.humanCodesTitle(`all ${profiles.length} transcripts`) : `all ${profiles.length} transcripts`, bySpeaker, colors }));
  if (format === 'csv' && rows.totals && profiles.length > 0) await writeChunk(stdout, profileCsvValues(total, TOTAL_NAME, rows).map((row) => csvRow(row, csvOptions(flags))).join(''));
  if (format === 'json') await writeChunk(stdout, `\n],\n"total": ${JSON.stringify(total)}\n}\n`);
  return reporter.failedFiles > 0 ? 1 : 0;
}
