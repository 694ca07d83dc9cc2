import type { Coding, Diagnostic } from '@coachcode/core';
import { CodedInput, HumanCodedInput, type Job, type TranscriptResult } from '../batch/job.js';
import type { Reporter } from '../batch/reporter.js';
import { runReported } from '../batch/run-reported.js';
import type { Expansion } from '../inputs/expand-inputs.js';
import type { CliIo } from '../io.js';
import { messages } from '../messages.js';
import type { AnalysisSettings } from '../options/analysis-options.js';
import { readCodings } from './read-codings.js';
import { addToCoding, humanUnits } from './units.js';

/** The human coding a run is compared with (`evaluate`) or fitted to (`train`). */
export interface GoldOfInputs {
  /** `--gold`, or else the human codes the inputs carry; may be empty (the caller decides). */
  gold: Coding;
  /** How to name it in titles: the `--gold` paths, or "the human codes in the inputs". */
  goldName: string;
  /** Whether an input or a gold file failed (exit status 1); the rest was still read. */
  failed: boolean;
}

/**
 * Reads every input as `evaluate` does — transcripts coded on the fly, coded JSONL read back with
 * its codes — and hands each transcript (with its turns) to `onTranscript`, in input order. Then
 * reads the human coding: the `--gold` files (see {@link readCodings}), or else the human codes
 * the inputs carry. Problems go to `reporter` as they come; the warnings `onTranscript` adds to
 * its second argument (and duplicate turns of the carried codes) come last.
 */
export async function readInputsAndGold(
  expansion: Expansion,
  goldPaths: readonly string[],
  settings: AnalysisSettings,
  io: CliIo,
  reporter: Reporter,
  onTranscript: (transcript: TranscriptResult, warnings: Diagnostic[]) => void,
): Promise<GoldOfInputs> {
  const carried: Coding = new Map();
  const warnings: Diagnostic[] = [];
  // Coded JSONL of human codes only is coded with the model: its codes are the human coding.
  const job: Job = { cwd: io.cwd, analysis: settings, codedInput: CodedInput.reuse, humanCoded: HumanCodedInput.code, keep: { turns: true } };
  await runReported(expansion, job, io, reporter, (t) => {
    onTranscript(t, warnings);
    for (const u of humanUnits(t.source, t.turns ?? [])) addToCoding(carried, u, t.source, warnings);
  });
  let failed = reporter.failedFiles > 0;
  let gold = carried;
  let goldName = messages.goldFromInputs();
  if (goldPaths.length > 0) {
    const read = readCodings(goldPaths, settings, io.cwd);
    reporter.report(read);
    if (read.errors.length > 0) failed = true;
    gold = read.coding;
    goldName = goldPaths.join(', ');
  }
  for (const w of warnings) reporter.warning(w);
  return { gold, goldName, failed };
}
