import { extname, resolve } from 'node:path';
import { baseName, codeIds, codingFiles, csvRow, defaultModel, matchFiles, type CodedTurn, type Model } from '@coachcode/core';
import { readInputsAndGold } from '../agreement/read-inputs-and-gold.js';
import { classifierFor } from '../batch/process-input.js';
import { Reporter } from '../batch/reporter.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import type { CliIo } from '../io.js';
import { messages } from '../messages.js';
import { csvOptions, type CsvFlags } from '../options/csv-options.js';
import { parseIntegerFlag, resolveAnalysis, type AnalysisFlags } from '../options/analysis-options.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { checkOutputFile, protectedInputs } from '../output/output-paths.js';
import { selectTurns, type Candidate } from '../suggest/select-turns.js';
import { csvStart } from '../render/csv-output.js';
import { throwIfProblems } from '../usage-error.js';

/** Flags of `coachcode suggest`. */
export interface SuggestFlags extends CsvFlags, AnalysisFlags {
  gold: string[];
  number: string;
  /** Pick for these codes only, and give the sheet only their columns. */
  codes?: string[];
  out: string;
  bom?: boolean;
  quiet?: boolean;
}

/** The score at which the model assigns each code: `--threshold`, else the model's own per code. */
function thresholdsOf(model: Model, codes: readonly string[], threshold: number | undefined): Record<string, number> {
  return Object.fromEntries(codes.map((c) => [c, threshold ?? model.codes[c]?.threshold ?? model.threshold]));
}

/** The coding sheet's header: the turn, the turn before it, one empty column per code, the machine's guess. */
export function sheetHeader(codes: readonly string[]): string[] {
  return ['file', 'turn', 'speaker', 'role', 'previous', 'text', ...codes, 'machine'];
}

/**
 * `coachcode suggest <paths...> [--gold coded...] -n 100 --out sheet.csv`: codes the inputs, leaves
 * out the turns already hand-coded (`--gold`, or the codes the inputs carry), picks the `n` turns
 * whose hand codes would teach the model most (see `selectTurns`) and writes them as a coding
 * sheet that `train --gold` and `evaluate --gold` read back once filled in.
 */
export async function suggestCommand(paths: readonly string[], flags: SuggestFlags, io: CliIo): Promise<number> {
  const problems: string[] = [];
  const settings = resolveAnalysis(flags, io.cwd, problems);
  const n = parseIntegerFlag('-n, --number', flags.number, 1, 1_000_000, problems);
  const expansion = expandInputs(paths, { cwd: io.cwd, stdinName: settings.stdinName });
  checkOutputFile('--out', flags.out, protectedInputs(expansion.inputs, flags, io.cwd), io.cwd, problems, ['.csv']);
  const classifier = classifierFor(settings);
  const codebookCodes = codeIds(classifier.codebook);
  for (const c of flags.codes ?? []) if (!codebookCodes.includes(c)) problems.push(messages.badChoice('--codes', c, codebookCodes));
  const codes = flags.codes && flags.codes.length > 0 ? codebookCodes.filter((c) => flags.codes?.includes(c)) : codebookCodes;
  throwIfProblems(problems);

  // 1. Code every input; read the turns already hand-coded.
  const reporter = new Reporter(io, { quiet: flags.quiet ?? false, total: expansion.inputs.length + expansion.problems.length, label: 'suggesting' });
  const transcripts: { source: string; turns: CodedTurn[] }[] = [];
  const read = await readInputsAndGold(expansion, flags.gold, settings, io, reporter, (t) => {
    transcripts.push({ source: t.source, turns: t.turns ?? [] });
  });

  // 2. Candidates: every turn not hand-coded yet (files paired with the coding as evaluate pairs them).
  const matching = matchFiles([...codingFiles(read.gold).keys()], transcripts.map((t) => baseName(t.source)));
  const goldFileOf = new Map(matching.matches.map((m) => [m.other, m.reference]));
  const candidates: Candidate[] = [];
  let coded = 0;
  for (const t of transcripts) {
    const goldFile = goldFileOf.get(baseName(t.source));
    t.turns.forEach((turn, i) => {
      if (goldFile !== undefined && read.gold.has(`${goldFile}#${turn.turn}`)) {
        coded++;
        return;
      }
      const previous = t.turns[i - 1];
      candidates.push({ source: t.source, turn, ...(previous ? { previous } : {}) });
    });
  }

  // 3. Pick, and write the sheet (in input order) whole or not at all.
  const model = settings.model ?? defaultModel;
  const picked = selectTurns(candidates, { n, codes, thresholds: thresholdsOf(model, codes, settings.threshold) });
  const rows = picked.map((c) => [baseName(c.source), c.turn.turn, c.turn.speaker, c.turn.role, c.previous?.text ?? '', c.turn.text, ...codes.map(() => ''), c.turn.codes.join(';')]);
  writeFileAtomic(resolve(io.cwd, flags.out), csvStart(flags.bom) + [sheetHeader(codes), ...rows].map((row) => csvRow(row, csvOptions(flags))).join(''), flags.out);
  reporter.info(messages.suggestDone(picked.length, new Set(picked.map((c) => c.source)).size, candidates.length, coded, flags.out));
  return read.failed ? 1 : 0;
}
