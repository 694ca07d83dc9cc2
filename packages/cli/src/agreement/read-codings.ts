import { readInputFile, readInputText } from '../fs/read-input-file.js';
import { messages } from '../messages.js';
import { extname, resolve } from 'node:path';
import { readCodingCsv, readCodingJsonl, type Coding, type Diagnostic } from '@coachcode/core';
import { CodedInput, type Job } from '../batch/job.js';
import { classifierFor, processInput } from '../batch/process-input.js';
import { readQdpxCoding } from '../qdpx/read-project.js';
import { expandInputs } from '../inputs/expand-inputs.js';
import type { AnalysisSettings } from '../options/analysis-options.js';
import { addToCoding, humanUnits } from './units.js';

/** A coding read from files, with what went wrong. */
export interface CodingFromFiles {
  coding: Coding;
  /** The files read, as given. */
  files: string[];
  warnings: Diagnostic[];
  /** Problems that lost a record or a file (exit status 1). */
  errors: Diagnostic[];
}

/** Whether a CSV/TSV header names a `turn` column (a coding table, not a transcript). */
function hasTurnColumn(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  return header.split(/[,;\t]/).some((h) => h.trim().replace(/^"|"$/g, '').toLowerCase() === 'turn');
}

/**
 * Reads one coding (one coder) from files and folders: gold JSON lines (`{file, turn, codes,
 * scored?}`, also coachcode's own coded output), CSV/TSV with a `turn` column (one 0/1 column per
 * code or a `codes` column), and transcripts carrying human codes (CSV code columns, JSON
 * transcripts, coded JSONL with `human`), and QDPX projects (`.qdpx`, see `readQdpxCoding`). All
 * files of the list make one coding.
 */
export function readCodings(paths: readonly string[], settings: AnalysisSettings, cwd: string): CodingFromFiles {
  const result: CodingFromFiles = { coding: new Map(), files: [], warnings: [], errors: [] };
  const { inputs, problems, warnings } = expandInputs(paths, { cwd, stdinName: settings.stdinName });
  result.errors.push(...problems);
  result.warnings.push(...warnings);
  const job: Job = { cwd, analysis: settings, codedInput: CodedInput.reuse, keep: { turns: true } };
  for (const input of inputs) {
    if (input.kind === 'stdin') continue;
    const path = input.path;
    result.files.push(path);
    const ext = extname(path).toLowerCase();
    if (ext === '.qdpx') {
      let bytes: Uint8Array;
      try {
        bytes = readInputFile(resolve(cwd, path));
      } catch (error) {
        result.errors.push({ code: 'input-unreadable', severity: 'error', source: path, message: messages.fileUnreadable((error as Error).message) });
        continue;
      }
      const read = readQdpxCoding(bytes, { source: path, codebook: classifierFor(settings).codebook });
      for (const d of read.diagnostics) (d.severity === 'error' ? result.errors : result.warnings).push(d);
      for (const unit of read.coding.values()) addToCoding(result.coding, unit, path, result.warnings);
      continue;
    }
    let text: string | undefined;
    if (ext === '.jsonl' || ext === '.csv' || ext === '.tsv') {
      try {
        text = readInputText(resolve(cwd, path));
      } catch (error) {
        result.errors.push({ code: 'input-unreadable', severity: 'error', source: path, message: messages.fileUnreadable((error as Error).message) });
        continue;
      }
    }
    if (text !== undefined && (ext === '.jsonl' || hasTurnColumn(text))) {
      const read = ext === '.jsonl' ? readCodingJsonl(text, { source: path }) : readCodingCsv(text, { source: path, ...(ext === '.tsv' ? { delimiter: '\t' } : {}) });
      for (const d of read.diagnostics) (d.severity === 'error' ? result.errors : result.warnings).push(d);
      for (const unit of read.coding.values()) addToCoding(result.coding, unit, path, result.warnings);
      continue;
    }
    // A transcript: its turns' human codes.
    const outcome = processInput({ index: 0, input }, job);
    result.warnings.push(...outcome.warnings);
    result.errors.push(...outcome.errors);
    for (const t of outcome.transcripts) for (const unit of humanUnits(t.source, t.turns ?? [])) addToCoding(result.coding, unit, path, result.warnings);
  }
  return result;
}
