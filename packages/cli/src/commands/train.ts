import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { blankModel, cfbtCodebook, cfbtDecisionExamples, codebookTag, codeIds, compactModel, createClassifier, exampleConversationsFor, type LinearTurnClassifier, type Turn } from '@coachcode/core';
import { crossValidateLabelling } from '../agreement/cross-validate-labelling.js';
import { conversationsFor, countUsed, groupCodesByScoredTurns, labelTurns, type LabelledTranscript } from '../agreement/label-turns.js';
import { readInputsAndGold } from '../agreement/read-inputs-and-gold.js';
import { Reporter } from '../batch/reporter.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import type { InputRef } from '../inputs/input-ref.js';
import { writeChunk, type CliIo } from '../io.js';
import { messages } from '../messages.js';
import { parseIntegerFlag, readModel, resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { resolveFit, type FitFlags } from '../options/fit-options.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { checkOutputFile, protectedInputs } from '../output/output-paths.js';
import { colorLevel, createColors } from '../render/color.js';
import { renderCrossValidation } from '../render/cross-validation-report.js';
import { UsageError, throwIfProblems } from '../usage-error.js';

/** Flags of `coachcode train` (the shared reading flags, without --model and --threshold). */
export interface TrainFlags extends Omit<AnalysisFlags, 'model' | 'threshold'>, FitFlags {
  gold: string[];
  out: string;
  base?: string;
  /** Cross-validate by transcript in this many folds before the final fit. */
  folds?: string;
  /** Add the codebook's decision-rule examples to the fit, each counted this many times. */
  examples?: string;
  /** Write the model in the compact format (core's compactModel) rather than pretty-printed JSON. */
  compact?: boolean;
  quiet?: boolean;
}

/**
 * `coachcode train`: fits the classifier to the human codes of the inputs (`--gold`, or the codes
 * the inputs carry), starting from `--base` or the built-in model, and writes the fitted model
 * to `--out` for `--model`. Turns pair with human codes as in `evaluate`; turns without a human
 * code are not used. With `--folds K`, first cross-validates the same fit by transcript and prints,
 * on standard output, each code's kappa of the base and of the fitted models on held-out transcripts.
 */
export async function trainCommand(paths: readonly string[], flags: TrainFlags, io: CliIo): Promise<number> {
  // 1. Every flag checked before anything is read; the base model is read like --model.
  const problems: string[] = [];
  const settings = resolveAnalysis(flags, io.cwd, problems);
  if (flags.base?.trim() === 'none') {
    // From scratch: a blank open-vocabulary model of the codebook given.
    settings.model = blankModel(settings.codebook ?? cfbtCodebook);
  } else if (flags.base !== undefined) {
    const model = readModel('--base', flags.base, io.cwd, problems);
    if (model) settings.model = model;
  }
  // The base model's weights are the prior; the codebook's codes are fitted, a code the base lacks from scratch.
  const base = createClassifier({ ...(settings.model ? { model: settings.model } : {}), ...(settings.codebook ? { codebook: settings.codebook } : {}) });
  const codebookCodes = codeIds(base.codebook);
  const fit = resolveFit(flags, codebookCodes, problems);
  // The flags of the cue models' fit mean nothing to an open model's: say so rather than ignore them.
  if (base.model.features === 'open') {
    const cueOnly = ([['--prior-new', flags.priorNew], ['--keep-bias', flags.keepBias], ['--keep-prior', flags.keepPrior], ['--clip', flags.clip]] as const).filter(([, v]) => v !== undefined && v !== false).map(([f]) => f);
    if (cueOnly.length > 0) problems.push(messages.trainCueFlags(cueOnly, base.model.id));
  }
  const folds = flags.folds === undefined ? undefined : parseIntegerFlag('--folds', flags.folds, 2, 10_000, problems);
  const examples = flags.examples === undefined ? 0 : (parseIntegerFlag('--examples', flags.examples, 0, 1_000, problems) ?? 0);
  if (examples > 0 && codebookTag(base.codebook) !== codebookTag(cfbtCodebook)) problems.push(messages.trainExamplesCodebook(codebookTag(base.codebook), codebookTag(cfbtCodebook)));
  const expansion = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });
  checkOutputFile('--out', flags.out, protectedInputs(expansion.inputs, flags, io.cwd), io.cwd, problems, ['.json']);
  throwIfProblems(problems);

  // 2. Read the inputs' turns and the human coding, as evaluate does.
  const reporter = new Reporter(io, { quiet: flags.quiet ?? false, total: expansion.inputs.length + expansion.problems.length, label: 'reading' });
  const transcripts: { source: string; turns: readonly Turn[] }[] = [];
  // Only the turns and their human codes are needed: the inputs are read, not coded.
  const read = await readInputsAndGold(expansion, flags.gold, { ...settings, uncoded: true }, io, reporter, (t) => {
    transcripts.push({ source: t.source, turns: t.turns ?? [] });
  });
  if (read.gold.size === 0) throw new UsageError([messages.trainNoHumanCodes()]);

  // 3. Pair human codes with turns (file and turn number); turns without one are left out.
  const labelling = labelTurns(transcripts, read.gold, codebookCodes);
  for (const w of labelling.warnings) reporter.warning(w);
  const pairedFiles = labelling.transcripts.filter((t) => t.gold.some((g) => g !== undefined)).length;
  reporter.info(messages.trainPairing(labelling.matched, pairedFiles, labelling.uncoded, labelling.unpaired));
  if (labelling.matched === 0) throw new UsageError([messages.trainNothingPaired(read.gold.size, read.goldName)]);

  // 4. Fit each group of codes on the turns coded for it (one group unless `scored` differs).
  const toFit = fit.codes ?? codebookCodes;
  const { groups, unscored } = groupCodesByScoredTurns(labelling, toFit);
  for (const code of unscored) reporter.warning({ code: 'train-code-not-scored', severity: 'warning', message: messages.trainCodeNotScored(code) });
  const fitted = toFit.filter((c) => !unscored.includes(c));
  if (fitted.length === 0) throw new UsageError([messages.trainNothingToFit(toFit)]);
  const used = countUsed(labelling, fitted);
  for (const code of fitted) {
    if (used.positives.get(code) === 0) {
      const coded = countUsed(labelling, [code]).turns;
      reporter.warning({ code: 'train-code-never-given', severity: 'warning', message: messages.trainCodeNeverGiven(code, coded) });
    }
  }
  if (folds !== undefined && folds > used.files) throw new UsageError([messages.trainTooManyFolds(folds, used.files)]);
  const options = { ...fit, id: fit.id ?? `${base.model.id}-fitted`, trainedOn: messages.trainedOn(used.turns, used.files, examples, cfbtDecisionExamples.length) };
  // With --examples, each code is fitted on its own, with the decision-rule examples that
  // require or rule it out; a code's example is coded for that code only.
  const fitGroups = examples > 0 ? groups.flatMap((codes) => codes.map((code) => [code])) : groups;
  // Built once, for the final fit and every fold alike.
  const extras = fitGroups.map((codes) => (examples > 0 ? exampleConversationsFor(codes[0] as string, examples) : []));
  // The fit, group after group, to these transcripts: all of them, or a fold's training part.
  const fitTo = (classifier: LinearTurnClassifier, transcripts: readonly LabelledTranscript[]): LinearTurnClassifier => {
    fitGroups.forEach((codes, g) => {
      const coded = conversationsFor({ ...labelling, transcripts: [...transcripts] }, codes);
      classifier = classifier.fit([...coded, ...(extras[g] ?? [])], { ...options, codes });
    });
    return classifier;
  };

  // 5. With --folds, the same fit cross-validated by transcript, against the base, on standard output.
  if (folds !== undefined) {
    const report = crossValidateLabelling(base, labelling, fitted, folds, (c, training) => fitTo(c, training.map((i) => labelling.transcripts[i] as LabelledTranscript)));
    await writeChunk(io.stdout, renderCrossValidation(report, base.id, createColors(colorLevel(io.env, io.stdout.isTTY))));
  }
  const classifier = fitTo(base, labelling.transcripts);

  // 6. Write the model atomically: pretty-printed JSON, or with --compact the compact format.
  // The model codes the codebook it was fitted to (its codes beyond the base's were learnt from scratch).
  const model = { ...classifier.model, codebook: codebookTag(base.codebook) };
  writeFileAtomic(resolve(io.cwd, flags.out), (flags.compact ? JSON.stringify(compactModel(model)) : JSON.stringify(model, null, 2)) + '\n', flags.out);
  reporter.info(messages.trainDone(used.turns, used.files, fitted, flags.out));
  return read.failed ? 1 : 0;
}
