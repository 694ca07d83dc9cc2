import { mkdirSync } from 'node:fs';
import { fsReason } from '../fs/fs-errors.js';
import { basename, extname, join, resolve } from 'node:path';
import { codeIds, formatDiagnostic, turnCsvHeader, type Diagnostic } from '@coachcode/core';
import { CodedInput, type Job, type Outcome } from '../batch/job.js';
import { classifierFor } from '../batch/process-input.js';
import { Reporter } from '../batch/reporter.js';
import { runBatch } from '../batch/run-batch.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import { RUN_SUMMARY_NAME, type InputRef } from '../inputs/input-ref.js';
import { writeChunk, type CliIo } from '../io.js';
import { messages } from '../messages.js';
import { csvOptions, type CsvFlags } from '../options/csv-options.js';
import { codebookMismatch, resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { OutputError, writeFileAtomic } from '../output/atomic-write.js';
import { boundedName, checkOutputFolder, outputClash, protectedInputs } from '../output/output-paths.js';
import { colorLevel } from '../render/color.js';
import { checkBom, csvStart } from '../render/csv-output.js';
import { FORMAT_EXTENSION, OUTPUT_FORMATS, isOutputFormat, type OutputFormat } from '../render/output-format.js';
import { throwIfProblems } from '../usage-error.js';
import { VERSION } from '../version.js';
import { dataStream } from '../render/terminal-text.js';

/** Flags of `coachcode code`. */
export interface CodeFlags extends CsvFlags, AnalysisFlags {
  format?: string;
  out?: string;
  bom?: boolean;
  quiet?: boolean;
}

/** One input's line in `run-summary.json`. */
interface SummaryFile {
  input: string;
  output: string | null;
  turns: number;
  warnings: string[];
  errors: string[];
  ms: number;
}

/**
 * Output file names for `--out`: the input's base name with the format's extension, `-2`, `-3` …
 * on a clash (compared without case), cut to a length every file system takes.
 */
function outputNames(inputs: readonly InputRef[], extension: string): string[] {
  const used = new Set<string>([RUN_SUMMARY_NAME]);
  return inputs.map((input) => {
    const stem = basename(input.path, extname(input.path)) || 'stdin';
    let name = boundedName(stem, extension);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = boundedName(stem, `-${n}${extension}`);
    used.add(name.toLowerCase());
    return name;
  });
}

/** The whole content of one output file: a standalone document in the chosen format. */
function fileContent(format: OutputFormat, chunk: string, csvHeader: string): string {
  if (format === 'csv') return csvHeader + chunk;
  if (format === 'json') return `[\n${chunk}\n]\n`;
  return chunk;
}

/**
 * `coachcode code <paths...>`: codes every transcript and writes one record per turn — to
 * standard output in input order, or with `--out DIR` one file per transcript plus
 * `run-summary.json`. Returns 1 when any input failed, else 0.
 */
export async function codeCommand(paths: readonly string[], flags: CodeFlags, io: CliIo): Promise<number> {
  const started = performance.now();
  const startedAt = new Date();
  const problems: string[] = [];
  const settings = resolveAnalysis(flags, io.cwd, problems);
  let format: OutputFormat;
  if (flags.format === undefined) format = flags.out !== undefined || !io.stdout.isTTY ? 'jsonl' : 'table';
  else if (isOutputFormat(flags.format)) format = flags.format;
  else {
    problems.push(messages.badChoice('--format', flags.format, OUTPUT_FORMATS));
    format = 'jsonl';
  }
  // `code` always codes: a model that was not trained for the codebook is refused at once.
  const mismatch = codebookMismatch(settings);
  if (mismatch !== undefined) problems.push(mismatch);
  checkBom(flags.bom, format, ['csv'], problems);
  const { inputs, problems: missing, warnings: skipped } = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });

  // --out: one file per input, never over an input, all names decided before anything runs.
  let outDir: string | undefined;
  let names: string[] = [];
  if (flags.out !== undefined) {
    outDir = resolve(io.cwd, flags.out);
    names = outputNames(inputs, FORMAT_EXTENSION[format]);
    const inputSet = protectedInputs(inputs, flags, io.cwd);
    for (const name of [...names, RUN_SUMMARY_NAME]) {
      const clash = outputClash(join(flags.out, name), inputSet, io.cwd);
      if (clash) problems.push(clash);
    }
    checkOutputFolder('--out', flags.out, io.cwd, problems);
  }
  throwIfProblems(problems);
  // Data on a terminal shows control characters as escapes; the table escapes its own cells.
  const stdout = format === 'table' ? io.stdout : dataStream(io.stdout);
  if (outDir !== undefined) {
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (error) {
      throwIfProblems([messages.outputUnwritable(flags.out ?? outDir, fsReason(error))]);
    }
  }

  const reporter = new Reporter(io, { quiet: flags.quiet ?? false, total: inputs.length + missing.length });
  for (const d of missing) reporter.fileDone({ warnings: [], errors: [d] }, 0);
  reporter.report({ warnings: skipped, errors: [] });

  const classifier = classifierFor(settings);
  const codes = codeIds(classifier.codebook);
  const csvHeader = csvStart(flags.bom) + turnCsvHeader(codes, csvOptions(flags));
  const toStdout = outDir === undefined;
  const job: Job = {
    cwd: io.cwd,
    analysis: settings,
    codedInput: CodedInput.recode,
    render: {
      format,
      csv: csvOptions(flags),
      colorLevel: toStdout ? colorLevel(io.env, io.stdout.isTTY) : 0,
      ...(toStdout && format === 'table' ? { width: io.stdout.columns ?? 120 } : {}),
    },
    keep: {},
  };

  const summary: SummaryFile[] = missing.map((d) => ({ input: d.source ?? '', output: null, turns: 0, warnings: [], errors: [formatDiagnostic(d)], ms: 0 }));
  let turns = 0;
  let firstJson = true;
  if (toStdout && format === 'csv') await writeChunk(stdout, csvHeader);
  if (toStdout && format === 'json') await writeChunk(stdout, '[\n');

  const onOutcome = async (outcome: Outcome) => {
    const fileTurns = outcome.transcripts.reduce((s, t) => s + t.turnCount, 0);
    reporter.fileDone(outcome, fileTurns);
    const entry: SummaryFile = {
      input: outcome.path,
      output: null,
      turns: fileTurns,
      warnings: outcome.warnings.map(formatDiagnostic),
      errors: outcome.errors.map(formatDiagnostic),
      ms: Math.round(outcome.ms * 10) / 10,
    };
    summary.push(entry);
    if (outcome.errors.length > 0) return;
    turns += fileTurns;
    const chunk = outcome.transcripts.map((t) => t.chunk ?? '').join(format === 'json' ? ',\n' : '');
    if (outDir !== undefined) {
      const name = names[outcome.index] as string;
      const shown = join(flags.out ?? outDir, name);
      try {
        writeFileAtomic(join(outDir, name), fileContent(format, chunk, csvHeader), shown);
        entry.output = shown;
      } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        // This file's output is lost, not the batch: the next files may still fit (and the summary says so).
        const d: Diagnostic = { code: 'output-unwritable', severity: 'error', source: outcome.path, message: error.message };
        entry.errors.push(formatDiagnostic(d));
        reporter.report({ warnings: [], errors: [d] });
        turns -= fileTurns;
      }
    } else if (format === 'json') {
      await writeChunk(stdout, (firstJson ? '' : ',\n') + chunk);
      firstJson = false;
    } else await writeChunk(stdout, chunk);
  };
  let threads = settings.jobs;
  try {
    threads = await runBatch(inputs, job, { jobs: settings.jobs, readStdin: io.readStdin, onOutcome, onNote: (line) => reporter.info(line) });
  } finally {
    reporter.stop();
  }
  if (toStdout && format === 'json') await writeChunk(stdout, `${firstJson ? '' : '\n'}]\n`);

  const seconds = (performance.now() - started) / 1000;
  const failed = summary.filter((f) => f.errors.length > 0).length;
  if (outDir !== undefined) {
    const runSummary = {
      command: 'code',
      version: VERSION,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      format,
      model: classifier.id,
      jobs: threads,
      totals: { files: summary.length, coded: summary.length - failed, failed, turns, warnings: summary.reduce((s, f) => s + f.warnings.length, 0) },
      timings: { totalMs: Math.round(seconds * 1000), turnsPerSecond: seconds > 0 ? Math.round(turns / seconds) : null },
      failures: summary.filter((f) => f.errors.length > 0).map((f) => ({ input: f.input, errors: f.errors })),
      files: summary,
    };
    writeFileAtomic(join(outDir, RUN_SUMMARY_NAME), JSON.stringify(runSummary, null, 2) + '\n', join(flags.out ?? outDir, RUN_SUMMARY_NAME));
  }
  if (outDir !== undefined || io.stderr.isTTY) reporter.info(messages.runDone(summary.length, turns, failed, seconds, flags.out));
  return failed > 0 ? 1 : 0;
}
