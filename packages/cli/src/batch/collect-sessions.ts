import type { CodedTurn, Profile } from '@coachcode/core';
import type { CliIo } from '../io.js';
import type { Expansion } from '../inputs/expand-inputs.js';
import type { AnalysisSettings } from '../options/analysis-options.js';
import { CodedInput, type Job } from './job.js';
import { Reporter } from './reporter.js';
import { runReported } from './run-reported.js';

/** One coded transcript held in memory (for charts and reports, which need every session at once). */
export interface Session {
  source: string;
  turns: CodedTurn[];
  profile: Profile;
  /** Whether its codes are a human's (coded JSONL that names no model). */
  codesAreHuman: boolean;
}

/** Sessions read from the inputs, and how many inputs failed. */
export interface Sessions {
  sessions: Session[];
  failed: number;
}

/**
 * Codes (or reads back) every input and keeps each transcript's turns and profile, reporting
 * errors and warnings on standard error as it goes.
 */
export async function collectSessions(expansion: Expansion, settings: AnalysisSettings, io: CliIo, options: { quiet: boolean; label: string }): Promise<Sessions> {
  const reporter = new Reporter(io, { quiet: options.quiet, total: expansion.inputs.length + expansion.problems.length, label: options.label });
  const job: Job = { cwd: io.cwd, analysis: settings, codedInput: CodedInput.reuse, keep: { turns: true, profile: true } };
  const sessions: Session[] = [];
  await runReported(expansion, job, io, reporter, (t) => {
    sessions.push({ source: t.source, turns: t.turns ?? [], profile: t.profile as Profile, codesAreHuman: t.codesAreHuman });
  });
  return { sessions, failed: reporter.failedFiles };
}
