import type { FitOptions } from '@coachcode/core';
import { messages } from '../messages.js';
import { parseIntegerFlag } from './analysis-options.js';

/** The fitting flags of `coachcode train`, as commander hands them over. */
export interface FitFlags {
  epochs?: string;
  learningRate?: string;
  prior?: string;
  priorNew?: string;
  keepBias?: boolean;
  keepPrior?: boolean;
  clip?: string;
  codes?: string[];
  minCount?: string;
  id?: string;
}

/**
 * Which flag decides each option of the core's `fit()`. Its type lists every key of
 * `FitOptions`, so a new core option without a decision about its flag does not compile.
 */
export const FIT_OPTION_FLAGS: { readonly [K in keyof Required<FitOptions>]: string } = {
  epochs: '--epochs',
  learningRate: '--learning-rate',
  prior: '--prior',
  priorNew: '--prior-new',
  keepBias: '--keep-bias',
  keepPrior: '--keep-prior',
  clip: '--clip',
  codes: '--codes (and the codes the human coding scores)',
  minCount: '--min-count',
  id: '--id',
  trainedOn: 'written by train: how many human-coded turns of how many transcripts',
};

/** Parses a number flag (`min` excluded when `exclusive`), or records a problem. */
function parseNumberFlag(flag: string, value: string, min: number, exclusive: boolean, problems: string[]): number | undefined {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || (exclusive && n === min)) {
    problems.push(messages.badNumber(flag, value, exclusive ? `a number above ${min}` : `a number of ${min} or more`));
    return undefined;
  }
  return n;
}

/**
 * Validates the fitting flags against the codes of the codebook. Options left out keep the
 * core's defaults; `trainedOn` is filled in by the command once it knows what it fitted on.
 */
export function resolveFit(flags: FitFlags, codebookCodes: readonly string[], problems: string[]): Omit<FitOptions, 'trainedOn'> {
  const options: Omit<FitOptions, 'trainedOn'> = {};
  if (flags.epochs !== undefined) options.epochs = parseIntegerFlag('--epochs', flags.epochs, 1, 100_000, problems);
  if (flags.learningRate !== undefined) {
    const lr = parseNumberFlag('--learning-rate', flags.learningRate, 0, true, problems);
    if (lr !== undefined) options.learningRate = lr;
  }
  if (flags.prior !== undefined) {
    const prior = parseNumberFlag('--prior', flags.prior, 0, false, problems);
    if (prior !== undefined) options.prior = prior;
  }
  if (flags.priorNew !== undefined) {
    const priorNew = parseNumberFlag('--prior-new', flags.priorNew, 0, false, problems);
    if (priorNew !== undefined) options.priorNew = priorNew;
  }
  if (flags.keepBias) options.keepBias = true;
  if (flags.keepPrior) options.keepPrior = true;
  if (flags.clip !== undefined) {
    const clip = parseNumberFlag('--clip', flags.clip, 0, true, problems);
    if (clip !== undefined) options.clip = clip;
  }
  if (flags.minCount !== undefined) options.minCount = parseIntegerFlag('--min-count', flags.minCount, 1, 1_000_000, problems);
  if (flags.codes !== undefined && flags.codes.length > 0) {
    for (const code of flags.codes) if (!codebookCodes.includes(code)) problems.push(messages.badChoice('--codes', code, codebookCodes));
    // In codebook order, each once.
    options.codes = codebookCodes.filter((c) => flags.codes?.includes(c));
  }
  if (flags.id !== undefined) {
    if (flags.id.trim() === '') problems.push(messages.emptyValue('--id', 'a model id such as cfbt-our-school'));
    else options.id = flags.id.trim();
  }
  return options;
}
