import { basename } from 'node:path';
import { codeIds, compareCoders, csvRow, evaluateCodings, type Coding, type Diagnostic } from '@coachcode/core';
import { readCodings } from '../agreement/read-codings.js';
import { addToCoding, humanUnits, machineUnits } from '../agreement/units.js';
import { CodedInput, type Job, type Outcome } from '../batch/job.js';
import { classifierFor } from '../batch/process-input.js';
import { Reporter } from '../batch/reporter.js';
import { runBatch } from '../batch/run-batch.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import { writeChunk, type CliIo } from '../io.js';
import { messages } from '../messages.js';
import { resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { CODERS_CSV_HEADER, EVALUATION_CSV_HEADER, coderCsvValues, evaluationCsvValues, renderCoderComparison, renderEvaluation } from '../render/agreement-report.js';
import { colorLevel, createColors } from '../render/color.js';
import { UsageError, throwIfProblems } from '../usage-error.js';
import { reportFormat } from './profile.js';

/** Flags of `coachcode evaluate`. */
export interface EvaluateFlags extends AnalysisFlags {
  gold: string[];
  coders?: string[];
  codes?: string[];
  format?: string;
  quiet?: boolean;
}

function report(reporter: Reporter, d: { warnings: readonly Diagnostic[]; errors: readonly Diagnostic[] }): void {
  for (const e of d.errors) reporter.error(e);
  for (const w of d.warnings) reporter.warning(w);
}

/**
 * `coachcode evaluate`: the machine's codes (transcripts coded on the fly, or coded JSONL read
 * back) against human codes (`--gold`, or the human codes the inputs carry), per code and per
 * role; or, with `--coders A B …` (or several `--gold` and no inputs), coder against coder.
 */
export async function evaluateCommand(paths: readonly string[], flags: EvaluateFlags, io: CliIo): Promise<number> {
  const problems: string[] = [];
  const settings = resolveAnalysis(flags, io.cwd, problems);
  const format = reportFormat(flags.format, io, 'table', problems);
  const classifier = classifierFor(settings);
  const codes = flags.codes && flags.codes.length > 0 ? flags.codes : codeIds(classifier.codebook);
  const coderPaths = flags.coders ?? (paths.length === 0 && flags.gold.length >= 2 ? flags.gold : undefined);
  if (coderPaths && coderPaths.length < 2) problems.push(messages.codersTooFew(coderPaths.length));
  if (!coderPaths && paths.length === 0) problems.push(messages.evaluateNoInputs());
  throwIfProblems(problems);
  const colors = createColors(colorLevel(io.env, io.stdout.isTTY));
  const reporter = new Reporter(io, { quiet: flags.quiet ?? false, total: coderPaths ? 0 : paths.length, label: 'evaluating' });
  let failed = false;

  if (coderPaths) {
    const codings: Coding[] = [];
    for (const p of coderPaths) {
      const read = readCodings([p], settings, io.cwd);
      report(reporter, read);
      if (read.errors.length > 0) failed = true;
      if (read.coding.size === 0) throw new UsageError([messages.noHumanCodes(p)]);
      codings.push(read.coding);
    }
    const comparison = compareCoders(codings, { codes, names: coderPaths.map((p) => basename(p)) });
    for (const d of comparison.diagnostics) reporter.warning(d);
    reporter.stop();
    if (format === 'table') await writeChunk(io.stdout, renderCoderComparison(comparison, colors));
    else if (format === 'csv') await writeChunk(io.stdout, [CODERS_CSV_HEADER, ...coderCsvValues(comparison)].map(csvRow).join(''));
    else await writeChunk(io.stdout, JSON.stringify({ mode: 'coders', codes, files: coderPaths, ...comparison }, null, 2) + '\n');
    return failed ? 1 : 0;
  }

  // Machine against gold: code (or read back) every input, keeping only the codes of each turn.
  const predicted: Coding = new Map();
  const carried: Coding = new Map();
  const warnings: Diagnostic[] = [];
  const { inputs, problems: missing } = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });
  for (const d of missing) reporter.fileDone({ warnings: [], errors: [d] }, 0);
  const job: Job = { cwd: io.cwd, analysis: settings, codedInput: CodedInput.reuse, keep: { turns: true } };
  const onOutcome = (outcome: Outcome) => {
    reporter.fileDone(outcome, outcome.transcripts.reduce((s, t) => s + t.turnCount, 0));
    for (const t of outcome.transcripts) {
      for (const u of machineUnits(t.source, t.turns ?? [])) addToCoding(predicted, u, t.source, warnings);
      for (const u of humanUnits(t.source, t.turns ?? [])) addToCoding(carried, u, t.source, warnings);
    }
  };
  try {
    await runBatch(inputs, job, { jobs: settings.jobs, readStdin: io.readStdin, onOutcome });
  } finally {
    reporter.stop();
  }
  if (reporter.failedFiles > 0) failed = true;
  let gold = carried;
  let goldName = messages.goldFromInputs();
  if (flags.gold.length > 0) {
    const read = readCodings(flags.gold, settings, io.cwd);
    report(reporter, read);
    if (read.errors.length > 0) failed = true;
    gold = read.coding;
    goldName = flags.gold.join(', ');
  }
  for (const w of warnings) reporter.warning(w);
  if (gold.size === 0) throw new UsageError([messages.goldRequired()]);
  const evaluation = evaluateCodings(gold, predicted, { codes, byRole: true });
  for (const d of evaluation.diagnostics) reporter.warning(d);
  const title = `${classifier.id} against ${goldName}`;
  if (format === 'table') await writeChunk(io.stdout, renderEvaluation(evaluation, colors, title));
  else if (format === 'csv') await writeChunk(io.stdout, [EVALUATION_CSV_HEADER, ...evaluationCsvValues(evaluation)].map(csvRow).join(''));
  else await writeChunk(io.stdout, JSON.stringify({ mode: 'machine', model: classifier.id, gold: flags.gold, inputs: paths, ...evaluation }, null, 2) + '\n');
  return failed ? 1 : 0;
}
