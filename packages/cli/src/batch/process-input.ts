import { MAX_INPUT_BYTES, readInputFile } from '../fs/read-input-file.js';
import { resolve } from 'node:path';
import {
  CoachcodeError,
  analyze,
  assignRoles,
  codebookTag,
  codeIds,
  createClassifier,
  profileTurns,
  toJsonl,
  toRecord,
  turnCsvRows,
  type CodedTurn,
  type Diagnostic,
  type Role,
  type TurnClassifier,
  type Turn,
  type TurnRecord,
} from '@coachcode/core';
import { messages } from '../messages.js';
import { analyzeOptionsFor, codebookMismatch, type AnalysisSettings } from '../options/analysis-options.js';
import { Anonymiser } from '../privacy/anonymiser.js';
import { createColors } from '../render/color.js';
import { renderTurnTable } from '../render/turn-table.js';
import { readCodedJsonl, looksCoded } from './coded-jsonl.js';
import { CodedInput, HumanCodedInput, type Job, type Outcome, type Task, type TranscriptResult } from './job.js';

/** The `model` of transcripts whose codes are a human's (coded JSONL that names no model). */
export const HUMAN_MODEL = 'human';

/** A turn as read, without codes of its own. */
export function plainTurn(t: Turn): Turn {
  const turn: Turn = { turn: t.turn, speaker: t.speaker, role: t.role, text: t.text };
  if (t.line !== undefined) turn.line = t.line;
  if (t.start !== undefined) turn.start = t.start;
  if (t.end !== undefined) turn.end = t.end;
  return turn;
}

/**
 * The classifier of a run: the model of `--model` (or the default) with the codebook of
 * `--codebook` (or CfBT), at `--threshold` if given; one that codes nothing when the run only reads turns.
 */
export function classifierFor(settings: AnalysisSettings): TurnClassifier {
  const base = createClassifier({ ...(settings.model ? { model: settings.model } : {}), ...(settings.codebook ? { codebook: settings.codebook } : {}) });
  if (settings.uncoded) return { id: base.id, codebook: base.codebook, classify: (turns) => turns.map((t) => ({ ...t, codes: [], primary: null, scores: {}, evidence: [] })) };
  // A model codes only the codebook it was trained for: coding with another fails each file with why.
  const mismatch = codebookMismatch(settings);
  if (mismatch !== undefined) {
    return {
      id: base.id,
      codebook: base.codebook,
      classify: () => {
        throw new CoachcodeError([{ code: 'codebook-model-mismatch', severity: 'error', message: mismatch }]);
      },
    };
  }
  const threshold = settings.threshold;
  if (threshold === undefined) return base;
  return { id: base.id, codebook: base.codebook, classify: (turns) => base.classify(turns, { threshold }) };
}

/** One classifier per thread and job (creating it once keeps every file fast). */
const classifiers = new WeakMap<AnalysisSettings, TurnClassifier>();
function cachedClassifier(settings: AnalysisSettings): TurnClassifier {
  let c = classifiers.get(settings);
  if (!c) classifiers.set(settings, (c = classifierFor(settings)));
  return c;
}

/** Loads the job's classifier on this thread ahead of the first file (a worker does this before it says it is ready). */
export function warmUp(job: Job): void {
  cachedClassifier(job.analysis);
}

/** Speakers in order of first turn, with their roles. */
function speakersOf(turns: readonly CodedTurn[]): { speaker: string; role: Role }[] {
  const seen = new Map<string, Role>();
  for (const t of turns) if (!seen.has(t.speaker)) seen.set(t.speaker, t.role);
  return [...seen].map(([speaker, role]) => ({ speaker, role }));
}

/** Renders one transcript's records in the job's output format (`json`: the array's elements only). */
function renderChunk(records: readonly TurnRecord[], job: Job, codes: readonly string[]): string {
  const render = job.render;
  if (!render) return '';
  switch (render.format) {
    case 'jsonl':
      return toJsonl(records);
    case 'csv':
      return turnCsvRows(records, codes, render.csv);
    case 'json':
      return records.map((r) => `  ${JSON.stringify(r)}`).join(',\n');
    case 'table':
      return renderTurnTable(records, { codes, colors: createColors(render.colorLevel), ...(render.width !== undefined ? { width: render.width } : {}) });
  }
}

function readInput(task: Task, job: Job): Uint8Array {
  if (task.bytes) return task.bytes;
  return readInputFile(resolve(job.cwd, task.input.path));
}

/**
 * Processes one input completely — read, analyse (or read back coded turns), anonymise, render —
 * and returns everything the main thread needs. Never throws: a file that fails comes back with
 * `errors` (each with path and line) and nothing else, so the batch goes on.
 */
export function processInput(task: Task, job: Job): Outcome {
  const started = performance.now();
  const path = task.input.path;
  const outcome: Outcome = { index: task.index, path, transcripts: [], warnings: [], errors: [], ms: 0 };
  try {
    let bytes: Uint8Array;
    try {
      bytes = readInput(task, job);
    } catch (error) {
      throw new CoachcodeError([{ code: 'input-unreadable', severity: 'error', source: path, message: messages.fileUnreadable((error as Error).message) }]);
    }
    if (task.input.kind === 'stdin' && bytes.length > MAX_INPUT_BYTES) {
      throw new CoachcodeError([{ code: 'input-too-large', severity: 'error', source: path, message: messages.stdinTooLarge(MAX_INPUT_BYTES) }]);
    }
    if (task.input.kind === 'stdin' && bytes.length === 0) {
      throw new CoachcodeError([{ code: 'stdin-empty', severity: 'error', source: path, message: messages.stdinEmpty() }]);
    }
    const classifier = cachedClassifier(job.analysis);
    const codes = codeIds(classifier.codebook);
    const codebook = codebookTag(classifier.codebook);
    const reuse = job.codedInput === CodedInput.reuse && /\.jsonl$/i.test(path) && looksCoded(new TextDecoder().decode(bytes.subarray(0, 65536)));
    const pieces: { source: string; turns: CodedTurn[]; roles: Record<string, Role>; metadata: Record<string, string | number | boolean>; model: string; codebook: string; human: boolean }[] = [];
    if (reuse) {
      for (const t of readCodedJsonl(new TextDecoder().decode(bytes), path)) {
        const options = analyzeOptionsFor(job.analysis, t.source);
        const assigned = assignRoles(t.turns, { ...options.roles, source: t.source });
        outcome.warnings.push(...assigned.warnings);
        let turns = assigned.turns as CodedTurn[];
        // Records that name no model hold a human's codes (a gold file), never a machine's.
        const human = t.model === undefined;
        if (human && job.humanCoded === HumanCodedInput.code) {
          if (t.partialText) throw new CoachcodeError([{ code: 'human-coded-no-text', severity: 'error', source: path, message: messages.humanCodedNoText(t.source) }]);
          outcome.warnings.push({ code: 'human-coded-input', severity: 'warning', source: path, message: messages.humanCodedInputCoded(t.source, classifier.id) });
          turns = classifier.classify(turns.map((turn) => ({ ...plainTurn(turn), humanCodes: turn.codes })));
          pieces.push({ source: t.source, turns, roles: assigned.roles, metadata: options.metadata ?? {}, model: classifier.id, codebook, human: false });
          continue;
        }
        pieces.push({ source: t.source, turns, roles: assigned.roles, metadata: options.metadata ?? {}, model: human ? HUMAN_MODEL : (t.model ?? 'unknown'), codebook: t.codebook ?? codebook, human });
      }
    } else {
      const analysis = analyze(bytes, { ...analyzeOptionsFor(job.analysis, path), classifier });
      outcome.warnings.push(...analysis.warnings);
      pieces.push({ source: path, turns: analysis.turns, roles: analysis.roles, metadata: analysis.metadata, model: classifier.id, codebook, human: false });
    }
    for (const piece of pieces) {
      let turns = piece.turns;
      let roles = piece.roles;
      if (job.analysis.anonymise) {
        const anonymiser = new Anonymiser(speakersOf(turns));
        turns = turns.map((t) => anonymiser.apply(t));
        // Warnings name speakers too (for example the roles guessed): they are anonymised as well.
        outcome.warnings = outcome.warnings.map((w) => (w.source === piece.source || w.source === path ? { ...w, message: anonymiser.replaceNames(w.message).text } : w));
        roles = Object.fromEntries(Object.entries(roles).map(([speaker, role]) => [anonymiser.label(speaker), role]));
      }
      const needRecords = job.render !== undefined || job.keep.records;
      const records = needRecords ? turns.map((t) => toRecord(t, { source: piece.source, codebook: piece.codebook, model: piece.model })) : [];
      const result: TranscriptResult = { source: piece.source, turnCount: turns.length, roles, human: turns.some((t) => t.humanCodes !== undefined), model: piece.model, codesAreHuman: piece.human };
      if (job.render) result.chunk = renderChunk(records, job, codes);
      if (job.keep.records) result.records = records;
      if (job.keep.turns) result.turns = turns;
      if (job.keep.profile) result.profile = profileTurns(turns, classifier.codebook, { source: piece.source, metadata: piece.metadata });
      outcome.transcripts.push(result);
    }
  } catch (error) {
    outcome.transcripts = [];
    if (error instanceof CoachcodeError) outcome.errors.push(...error.issues.map((d): Diagnostic => (d.source ? d : { ...d, source: path })));
    else outcome.errors.push({ code: 'internal-error', severity: 'error', source: path, message: messages.internalError(error instanceof Error ? error.message : String(error)) });
  }
  outcome.ms = performance.now() - started;
  return outcome;
}
