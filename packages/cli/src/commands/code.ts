import { mkdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { codeIds, formatDiagnostic, turnCsvHeader } from '@coachcode/core';
import { CodedInput, type Job, type Outcome } from '../batch/job.js';
import { classifierFor } from '../batch/process-input.js';
import { Reporter } from '../batch/reporter.js';
import { runBatch } from '../batch/run-batch.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import { RUN_SUMMARY_NAME, type InputRef } from '../inputs/input-ref.js';
import { writeChunk, type CliIo } from '../io.js';
import { messages } from '../messages.js';
import { codebookMismatch, resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { inputPathSet, outputClash } from '../output/output-paths.js';
import { colorLevel } from '../render/color.js';
import { checkBom, csvStart } from '../render/csv-output.js';
import { FORMAT_EXTENSION, OUTPUT_FORMATS, isOutputFormat, type OutputFormat } from '../render/output-format.js';
import { throwIfProblems } from '../usage-error.js';
import { VERSION } from '../version.js';

/** Flags of `coachcode code`. */
export interface CodeFlags extends AnalysisFlags {
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

/** Output file names for `--out`: the input's base name with the format's extension, `-2`, `-3` … on a clash. */
function outputNames(inputs: readonly InputRef[], extension: string): string[] {
  const used = new Set<string>([RUN_SUMMARY_NAME]);
  return inputs.map((input) => {
    const stem = basename(input.path, extname(input.path)) || 'stdin';
    let name = `${stem}${extension}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}${extension}`;
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
  const { inputs, problems: missing } = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });

  // --out: one file per input, never over an input, all names decided before anything runs.
  let outDir: string | undefined;
  let names: string[] = [];
  if (flags.out !== undefined) {
    outDir = resolve(io.cwd, flags.out);
    names = outputNames(inputs, FORMAT_EXTENSION[format]);
    const inputSet = inputPathSet(inputs, io.cwd);
    for (const name of [...names, RUN_SUMMARY_NAME]) {
      const clash = outputClash(join(flags.out, name), inputSet, io.cwd);
      if (clash) problems.push(clash);
    }
    try {
      if (statSync(outDir).isFile()) problems.push(messages.outputFolderIsFile(flags.out));
    } catch {
      // does not exist yet: created below
    }
  }
  throwIfProblems(problems);
  if (outDir !== undefined) {
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (error) {
      throwIfProblems([messages.outputFolderUnwritable(flags.out ?? outDir, (error as Error).message)]);
    }
  }

  const reporter = new Reporter(io, { quiet: flags.quiet ?? false, total: inputs.length + missing.length });
  for (const d of missing) reporter.fileDone({ warnings: [], errors: [d] }, 0);

  const classifier = classifierFor(settings);
  const codes = codeIds(classifier.codebook);
  const csvHeader = csvStart(flags.bom) + turnCsvHeader(codes);
  const toStdout = outDir === undefined;
  const job: Job = {
    cwd: io.cwd,
    analysis: settings,
    codedInput: CodedInput.recode,
    render: {
      format,
      colorLevel: toStdout ? colorLevel(io.env, io.stdout.isTTY) : 0,
      ...(toStdout && format === 'table' ? { width: io.stdout.columns ?? 120 } : {}),
    },
    keep: {},
  };

  const summary: SummaryFile[] = missing.map((d) => ({ input: d.source ?? '', output: null, turns: 0, warnings: [], errors: [formatDiagnostic(d)], ms: 0 }));
  let turns = 0;
  let firstJson = true;
  if (toStdout && format === 'csv') await writeChunk(io.stdout, csvHeader);
  if (toStdout && format === 'json') await writeChunk(io.stdout, '[\n');

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
      writeFileAtomic(join(outDir, name), fileContent(format, chunk, csvHeader));
      entry.output = join(flags.out ?? outDir, name);
    } else if (format === 'json') {
      await writeChunk(io.stdout, (firstJson ? '' : ',\n') + chunk);
      firstJson = false;
    } else await writeChunk(io.stdout, chunk);
  };
  let threads = settings.jobs;
  try {
    threads = await runBatch(inputs, job, { jobs: settings.jobs, readStdin: io.readStdin, onOutcome, onNote: (line) => reporter.info(line) });
  } finally {
    reporter.stop();
  }
  if (toStdout && format === 'json') await writeChunk(io.stdout, `${firstJson ? '' : '\n'}]\n`);

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
    writeFileAtomic(join(outDir, RUN_SUMMARY_NAME), JSON.stringify(runSummary, null, 2) + '\n');
  }
  if (outDir !== undefined || io.stderr.isTTY) reporter.info(messages.runDone(summary.length, turns, failed, seconds, flags.out));
  return failed > 0 ? 1 : 0;
}
