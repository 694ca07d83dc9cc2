import { baseName, codingKey, type CodedTurn, type Coding, type CodedUnit, type Diagnostic } from '@coachcode/core';
import { messages } from '../messages.js';

/** Adds a unit to a coding unless its turn is there already (reported as a warning). */
export function addToCoding(coding: Coding, unit: CodedUnit, source: string, warnings: Diagnostic[]): void {
  const key = codingKey(unit.file, unit.turn);
  if (coding.has(key)) {
    warnings.push({ code: 'coding-duplicate-turn', severity: 'warning', source, ...(unit.line ? { line: unit.line } : {}), message: messages.duplicateTurn(key) });
    return;
  }
  coding.set(key, unit);
}

/** The machine's coding of one transcript's turns. */
export function machineUnits(source: string, turns: readonly CodedTurn[]): CodedUnit[] {
  return turns.map((t) => ({ file: baseName(source), turn: t.turn, codes: t.codes, role: t.role, speaker: t.speaker, ...(t.line ? { line: t.line } : {}) }));
}

/** The human coding a transcript carries (turns with `humanCodes`: CSV code columns, coded JSONL `human`). */
export function humanUnits(source: string, turns: readonly CodedTurn[]): CodedUnit[] {
  return turns
    .filter((t) => t.humanCodes !== undefined)
    .map((t) => ({ file: baseName(source), turn: t.turn, codes: t.humanCodes ?? [], role: t.role, speaker: t.speaker, ...(t.line ? { line: t.line } : {}) }));
}
