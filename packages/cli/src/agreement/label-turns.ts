import { baseName, codingFiles, matchFiles, type CodedUnit, type Coding, type Diagnostic, type Turn } from '@coachcode/core';
import { plainTurn } from '../batch/process-input.js';
import { messages } from '../messages.js';

/** One transcript's turns (as read, without machine codes) and the human coding of each turn, if any. */
export interface LabelledTranscript {
  source: string;
  turns: Turn[];
  /** Parallel to `turns`: the human-coded turn paired with it, or undefined (not used for fitting). */
  gold: (CodedUnit | undefined)[];
}

/** Turns of the inputs paired with a human coding, with the counts of what did not pair. */
export interface Labelling {
  transcripts: LabelledTranscript[];
  /** Turns of the inputs that have a human-coded turn. */
  matched: number;
  /** Turns of the inputs without one (not used for fitting). */
  uncoded: number;
  /** Human-coded turns that pair with no turn of the inputs (not used). */
  unpaired: number;
  warnings: Diagnostic[];
}

const warning = (code: string, message: string, source?: string): Diagnostic => ({ code, severity: 'warning', message, ...(source ? { source } : {}) });

/** Whether the human coding of a turn says whether it has `code` (its `scored` does not leave the code out). */
export function scores(unit: CodedUnit, code: string): boolean {
  return unit.scored === undefined || unit.scored.includes(code);
}

/**
 * Pairs human-coded turns with the turns of the inputs as `evaluate` pairs them: by file (base
 * name, else the name without extension, see `matchFiles`) and turn number. When two inputs share
 * a base name, the human codes pair with the first. Warns about human codes that pair with
 * nothing, inputs without human codes, and codes that are not in `codebookCodes`.
 */
export function labelTurns(inputs: readonly { source: string; turns: readonly Turn[] }[], gold: Coding, codebookCodes: readonly string[]): Labelling {
  const warnings: Diagnostic[] = [];
  const transcripts: LabelledTranscript[] = inputs.map((t) => ({ source: t.source, turns: t.turns.map(plainTurn), gold: t.turns.map(() => undefined) }));

  // Where each turn of the inputs is, by `${base name}#${turn}`; the first transcript of a name wins.
  const at = new Map<string, [number, number]>();
  const firstOfName = new Map<string, LabelledTranscript>();
  transcripts.forEach((t, i) => {
    const name = baseName(t.source);
    const first = firstOfName.get(name);
    if (first !== undefined) {
      warnings.push(warning('train-duplicate-name', messages.trainDuplicateName(name, first.source), t.source));
      return;
    }
    firstOfName.set(name, t);
    t.turns.forEach((turn, j) => {
      if (!at.has(`${name}#${turn.turn}`)) at.set(`${name}#${turn.turn}`, [i, j]);
    });
  });

  const goldFiles = codingFiles(gold);
  const matching = matchFiles([...goldFiles.keys()], [...firstOfName.keys()]);
  warnings.push(...matching.diagnostics);
  const inputFileOf = new Map(matching.matches.map((m) => [m.reference, m.other]));

  let unpaired = 0;
  const missingByFile = new Map<string, number[]>();
  const unknownCodes = new Map<string, number>();
  for (const unit of gold.values()) {
    const file = inputFileOf.get(unit.file);
    const where = file === undefined ? undefined : at.get(`${file}#${unit.turn}`);
    if (where === undefined) {
      unpaired++;
      if (file !== undefined) {
        const turns = missingByFile.get(unit.file);
        if (turns) turns.push(unit.turn);
        else missingByFile.set(unit.file, [unit.turn]);
      }
      continue;
    }
    const [i, j] = where;
    (transcripts[i] as LabelledTranscript).gold[j] = unit;
    for (const code of unit.codes) if (!codebookCodes.includes(code)) unknownCodes.set(code, (unknownCodes.get(code) ?? 0) + 1);
  }
  for (const file of matching.unmatchedReference) {
    warnings.push(warning('train-gold-file-unpaired', messages.trainGoldFileUnpaired(file, goldFiles.get(file) ?? 0), file));
  }
  for (const [file, turns] of missingByFile) {
    warnings.push(warning('train-gold-turns-unpaired', messages.trainGoldTurnsUnpaired(file, turns), file));
  }
  for (const file of matching.unmatchedOther) {
    const t = firstOfName.get(file);
    warnings.push(warning('train-input-uncoded', messages.trainInputUncoded(file, t?.turns.length ?? 0), t?.source));
  }
  for (const [code, turns] of unknownCodes) {
    warnings.push(warning('train-unknown-code', messages.trainUnknownCode(code, turns, codebookCodes)));
  }

  let matched = 0;
  let uncoded = 0;
  for (const t of transcripts) {
    for (const g of t.gold) {
      if (g) matched++;
      else uncoded++;
    }
  }
  return { transcripts, matched, uncoded, unpaired, warnings };
}

/**
 * Groups the codes to fit by the turns whose human coding scores them, so that each group is
 * fitted only on turns coded for it (a code left out of a turn's `scored` is unknown there, not
 * absent). Codes scored on no turn are returned apart; they keep the base model's weights.
 */
export function groupCodesByScoredTurns(labelling: Labelling, codes: readonly string[]): { groups: string[][]; unscored: string[] } {
  const bySignature = new Map<string, string[]>();
  const unscored: string[] = [];
  for (const code of codes) {
    let signature = '';
    let any = false;
    for (const t of labelling.transcripts) {
      for (const g of t.gold) {
        const yes = g !== undefined && scores(g, code);
        signature += yes ? '1' : '0';
        any ||= yes;
      }
    }
    if (!any) unscored.push(code);
    else bySignature.set(signature, [...(bySignature.get(signature) ?? []), code]);
  }
  return { groups: [...bySignature.values()], unscored };
}

/** The turns of the inputs whose human coding scores at least one of `codes`, and their transcripts. */
export function countUsed(labelling: Labelling, codes: readonly string[]): { turns: number; files: number; positives: Map<string, number> } {
  let turns = 0;
  let files = 0;
  const positives = new Map(codes.map((c) => [c, 0]));
  for (const t of labelling.transcripts) {
    let used = 0;
    for (const g of t.gold) {
      if (!g || !codes.some((c) => scores(g, c))) continue;
      used++;
      for (const c of codes) if (scores(g, c) && g.codes.includes(c)) positives.set(c, (positives.get(c) ?? 0) + 1);
    }
    turns += used;
    if (used > 0) files++;
  }
  return { turns, files, positives };
}

/**
 * The conversations to fit a group of codes on (codes that every human-coded turn scores alike,
 * see {@link groupCodesByScoredTurns}): every transcript with such a turn, whole (later turns
 * read the turns before them), and `humanCodes` on exactly the turns coded for the group.
 */
export function conversationsFor(labelling: Labelling, codes: readonly string[]): Turn[][] {
  const first = codes[0];
  const conversations: Turn[][] = [];
  for (const t of labelling.transcripts) {
    let any = false;
    const turns = t.turns.map((turn, j) => {
      const g = t.gold[j];
      if (!g || first === undefined || !scores(g, first)) return turn;
      any = true;
      return { ...turn, humanCodes: [...g.codes] };
    });
    if (any) conversations.push(turns);
  }
  return conversations;
}
