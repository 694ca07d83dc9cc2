import type { Expansion } from '../inputs/expand-inputs.js';
import type { CliIo } from '../io.js';
import type { Job, TranscriptResult } from './job.js';
import type { Reporter } from './reporter.js';
import { runBatch } from './run-batch.js';

/**
 * Runs the batch with progress on standard error: the paths that matched nothing are reported
 * first, then each input as it is done (with its turn count), each of its transcripts handed to
 * `onTranscript` in input order. The reporter is stopped however the run ends.
 */
export async function runReported(
  expansion: Expansion,
  job: Job,
  io: CliIo,
  reporter: Reporter,
  onTranscript: (transcript: TranscriptResult) => Promise<void> | void,
): Promise<void> {
  for (const d of expansion.problems) reporter.fileDone({ warnings: [], errors: [d] }, 0);
  reporter.report({ warnings: expansion.warnings, errors: [] });
  try {
    await runBatch(expansion.inputs, job, {
      jobs: job.analysis.jobs,
      readStdin: io.readStdin,
      onNote: (line) => reporter.info(line),
      onOutcome: async (outcome) => {
        reporter.fileDone(outcome, outcome.transcripts.reduce((s, t) => s + t.turnCount, 0));
        for (const t of outcome.transcripts) await onTranscript(t);
      },
    });
  } finally {
    reporter.stop();
  }
}
