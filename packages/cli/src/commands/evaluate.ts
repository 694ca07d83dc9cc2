import { basename } from 'node:path';
import { codeIds, codingKey, compareCoders, csvRow, evaluateCodings, type CodedTurn, type Coding } from '@coachcode/core';
import { readCodings } from '../agreement/read-codings.js';
import { readInputsAndGold } from '../agreement/read-inputs-and-gold.js';
import { addToCoding, machineUnits } from '../agreement/units.js';
import { classifierFor } from '../batch/process-input.js';
import { Reporter } from '../batch/reporter.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import { writeChunk, type CliIo } from '../io.js';
import { messages } from '../messages.js';
import { csvOptions, type CsvFlags } from '../options/csv-options.js';
import { resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { CODERS_CSV_HEADER, EVALUATION_CSV_HEADER, coderCsvValues, evaluationCsvValues, renderCoderComparison, renderEvaluation } from '../render/agreement-report.js';
import { colorLevel, createColors } from '../render/color.js';
import { checkBom, csvStart } from '../render/csv-output.js';
import { DISAGREEMENTS_CSV_HEADER, disagreementCsvValues, disagreementRows, renderDisagreements } from '../render/disagreements.js';
import { UsageError, throwIfProblems } from '../usage-error.js';
import { reportFormat } from './profile.js';
import { dataStream } from '../render/terminal-text.js';

/** Flags of `coachcode evaluate`. */
export interface EvaluateFlags extends CsvFlags, AnalysisFlags {
  gold: string[];
  coders?: string[];
  codes?: string[];
  format?: string;
  bom?: boolean;
  quiet?: boolean;
  /** List the turns where machine and human differ instead of the statistics. */
  disagreements?: boolean;
  /** With --disagreements: only these codes. */
  code?: string[];
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
  checkBom(flags.bom, format, ['csv'], problems);
  const start = csvStart(flags.bom);
  // Data on a terminal shows control characters as escapes; tables escape their own cells.
  const stdout = format === 'table' ? io.stdout : dataStream(io.stdout);
  const classifier = classifierFor(settings);
  const codebookCodes = codeIds(classifier.codebook);
  let codes = flags.codes && flags.codes.length > 0 ? flags.codes : codebookCodes;
  if (flags.code && flags.code.length > 0) {
    if (!flags.disagreements) problems.push(messages.codeNeedsDisagreements());
    for (const c of flags.code) if (!codebookCodes.includes(c)) problems.push(messages.badChoice('--code', c, codebookCodes));
    codes = codes.filter((c) => flags.code?.includes(c));
  }
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
      reporter.report(read);
      if (read.errors.length > 0) failed = true;
      if (read.coding.size === 0) throw new UsageError([messages.noHumanCodes(p)]);
      codings.push(read.coding);
    }
    const comparison = compareCoders(codings, { codes, names: coderPaths.map((p) => basename(p)) });
    for (const d of comparison.diagnostics) reporter.warning(d);
    reporter.stop();
    if (format === 'table') await writeChunk(stdout, renderCoderComparison(comparison, colors));
    else if (format === 'csv') await writeChunk(stdout, start + [CODERS_CSV_HEADER, ...coderCsvValues(comparison)].map((row) => csvRow(row, csvOptions(flags))).join(''));
    else await writeChunk(stdout, JSON.stringify({ mode: 'coders', codes, files: coderPaths, ...comparison }, null, 2) + '\n');
    return failed ? 1 : 0;
  }

  // Machine against gold: code (or read back) every input, keeping only the codes of each turn.
  const predicted: Coding = new Map();
  // The machine's turns by `file#turn`, for the text, scores and evidence of disagreements.
  const machineTurns = new Map<string, CodedTurn>();
  // Coded JSONL inputs keep the codes (and model) they were written with.
  const models = new Set<string>();
  const expansion = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });
  const read = await readInputsAndGold(expansion, flags.gold, settings, io, reporter, (t, warnings) => {
    models.add(t.model);
    for (const u of machineUnits(t.source, t.turns ?? [])) addToCoding(predicted, u, t.source, warnings);
    if (flags.disagreements) for (const turn of t.turns ?? []) machineTurns.set(codingKey(t.source, turn.turn), turn);
  });
  const { gold, goldName } = read;
  if (read.failed) failed = true;
  if (gold.size === 0) throw new UsageError([messages.goldRequired()]);
  if (predicted.size === 0) {
    io.stderr.write(`coachcode: ${messages.noMachineCodes()}\n`);
    return 1;
  }
  const evaluation = evaluateCodings(gold, predicted, { codes, byRole: true, disagreements: flags.disagreements ?? false });
  for (const d of evaluation.diagnostics) reporter.warning(d);
  const model = models.size > 0 ? [...models].join(', ') : classifier.id;
  const title = `${model} against ${goldName}`;
  if (flags.disagreements) {
    const rows = disagreementRows(evaluation.disagreements ?? [], machineTurns);
    if (format === 'table') await writeChunk(stdout, renderDisagreements(rows, colors, messages.disagreementsTitle(title, codes, evaluation.turnCounts.matched), io.stdout.columns ?? 160));
    else if (format === 'csv') await writeChunk(stdout, start + [DISAGREEMENTS_CSV_HEADER, ...disagreementCsvValues(rows)].map((row) => csvRow(row, csvOptions(flags))).join(''));
    else await writeChunk(stdout, JSON.stringify({ mode: 'disagreements', model, gold: flags.gold, inputs: paths, codes, turns: evaluation.turnCounts.matched, disagreements: rows }, null, 2) + '\n');
    return failed ? 1 : 0;
  }
  if (format === 'table') await writeChunk(stdout, renderEvaluation(evaluation, colors, title));
  else if (format === 'csv') await writeChunk(stdout, start + [EVALUATION_CSV_HEADER, ...evaluationCsvValues(evaluation)].map((row) => csvRow(row, csvOptions(flags))).join(''));
  else await writeChunk(stdout, JSON.stringify({ mode: 'machine', model, gold: flags.gold, inputs: paths, ...evaluation }, null, 2) + '\n');
  return failed ? 1 : 0;
}
