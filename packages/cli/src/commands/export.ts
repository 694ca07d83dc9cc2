import { extname, resolve } from 'node:path';
import { codeColors } from '@coachcode/charts/options';
import { chartCodesOf } from '../qdpx/export-codes.js';
import { CodedInput, HumanCodedInput, type Job } from '../batch/job.js';
import { classifierFor } from '../batch/process-input.js';
import { Reporter } from '../batch/reporter.js';
import { runReported } from '../batch/run-reported.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import type { CliIo } from '../io.js';
import { messages } from '../messages.js';
import { resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { checkOutputFile, protectedInputs } from '../output/output-paths.js';
import { buildQdpxProject, zipQdpxProject, type QdpxTranscript } from '../qdpx/write-project.js';
import { EXPORT_FORMATS, isExportFormat } from '../render/output-format.js';
import { throwIfProblems } from '../usage-error.js';
import { VERSION } from '../version.js';


/** Flags of `coachcode export`. */
export interface ExportFlags extends AnalysisFlags {
  format: string;
  out: string;
  name?: string;
  quiet?: boolean;
}

/** The export's date: `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible files, else now. */
export function exportDate(env: Readonly<Record<string, string | undefined>>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date();
}

/**
 * `coachcode export <paths...> --format qdpx --out project.qdpx`: the coded transcripts (coded
 * on the fly, or coded JSONL read back) as one REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or
 * QualCoder (see docs/interop.md). Coded JSONL that names no model exports its human codes, under
 * a user named for them.
 */
export async function exportCommand(paths: readonly string[], flags: ExportFlags, io: CliIo): Promise<number> {
  const problems: string[] = [];
  const settings = resolveAnalysis(flags, io.cwd, problems);
  if (!isExportFormat(flags.format)) problems.push(messages.badChoice('--format', flags.format, EXPORT_FORMATS));
  const expansion = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });
  checkOutputFile('--out', flags.out, protectedInputs(expansion.inputs, flags, io.cwd), io.cwd, problems, ['.qdpx']);
  throwIfProblems(problems);

  const reporter = new Reporter(io, { quiet: flags.quiet ?? false, total: expansion.inputs.length + expansion.problems.length, label: 'exporting' });
  const job: Job = { cwd: io.cwd, analysis: settings, codedInput: CodedInput.reuse, humanCoded: HumanCodedInput.count, keep: { turns: true } };
  const transcripts: QdpxTranscript[] = [];
  await runReported(expansion, job, io, reporter, (t) => {
    transcripts.push({ source: t.source, turns: t.turns ?? [], model: t.model });
  });
  if (transcripts.length === 0) {
    io.stderr.write(`coachcode: ${messages.exportNothing()}\n`);
    return 1;
  }
  const codebook = classifierFor(settings).codebook;
  const date = exportDate(io.env);
  const project = buildQdpxProject(transcripts, {
    name: flags.name ?? (flags.out.replace(/^.*[\\/]/, '').replace(/\.qdpx$/i, '') || 'coachcode'),
    codebook,
    date,
    origin: `coachcode ${VERSION}`,
    colors: codeColors(chartCodesOf(codebook, transcripts), codebook),
    ...(settings.anonymise ? { note: 'Speaker names were replaced by role labels (--anonymise).' } : {}),
  });
  writeFileAtomic(resolve(io.cwd, flags.out), zipQdpxProject(project, date), flags.out);
  const coded = transcripts.reduce((n, t) => n + t.turns.filter((turn) => turn.codes.length > 0).length, 0);
  const turns = transcripts.reduce((n, t) => n + t.turns.length, 0);
  reporter.info(messages.exportDone(transcripts.length, turns, coded, flags.out));
  return reporter.failedFiles > 0 ? 1 : 0;
}
