import type { Diagnostic } from '../model/diagnostic.js';
import { fileStem } from '../model/source-path.js';
import { agreementMessages } from './messages.js';

/** How a reference file was paired with a file of the other coding. */
export const FileMatchRule = {
  /** Same base name (`sessions/angela.vtt` ↔ `angela.vtt`). */
  baseName: 'base-name',
  /** Fallback: same name without the last extension, and only one such file (`x.txt` ↔ `x.vtt`). */
  stem: 'stem',
} as const;
export type FileMatchRule = (typeof FileMatchRule)[keyof typeof FileMatchRule];

export interface FileMatch {
  /** File name in the reference (gold) coding. */
  reference: string;
  /** File name in the other coding. */
  other: string;
  rule: FileMatchRule;
}

export interface FileMatching {
  matches: FileMatch[];
  /** Reference files with no counterpart. */
  unmatchedReference: string[];
  /** Files of the other coding with no counterpart. */
  unmatchedOther: string[];
  diagnostics: Diagnostic[];
}

/**
 * Pairs the files of two codings (names are base names already). Rule 1: identical base name.
 * Rule 2, only for files left over by rule 1: identical stem (name without the last
 * extension), used only when exactly one left-over file on each side has that stem; an
 * ambiguous stem pairs nothing and is reported. Every stem match is reported as a warning too,
 * so a pairing is never a surprise.
 */
export function matchFiles(reference: readonly string[], other: readonly string[]): FileMatching {
  const diagnostics: Diagnostic[] = [];
  const matches: FileMatch[] = [];
  const otherSet = new Set(other);
  const used = new Set<string>();
  const leftReference: string[] = [];
  for (const file of reference) {
    if (otherSet.has(file) && !used.has(file)) {
      matches.push({ reference: file, other: file, rule: FileMatchRule.baseName });
      used.add(file);
    } else leftReference.push(file);
  }
  const leftOther = other.filter((f) => !used.has(f));
  const otherByStem = groupByStem(leftOther);
  const referenceByStem = groupByStem(leftReference);
  const unmatchedReference: string[] = [];
  for (const file of leftReference) {
    const stem = fileStem(file);
    const candidates = otherByStem.get(stem) ?? [];
    const rivals = referenceByStem.get(stem) ?? [];
    const candidate = candidates[0];
    if (candidates.length === 1 && rivals.length === 1 && candidate !== undefined) {
      matches.push({ reference: file, other: candidate, rule: FileMatchRule.stem });
      used.add(candidate);
      diagnostics.push({ code: 'file-matched-by-stem', severity: 'warning', message: agreementMessages.stemMatch(file, candidate), source: file });
    } else {
      if (candidates.length > 0) {
        diagnostics.push({ code: 'file-stem-ambiguous', severity: 'warning', message: agreementMessages.ambiguousStem(file, [...candidates, ...rivals.filter((r) => r !== file)]), source: file });
      }
      unmatchedReference.push(file);
    }
  }
  return { matches, unmatchedReference, unmatchedOther: other.filter((f) => !used.has(f)), diagnostics };
}

function groupByStem(files: readonly string[]): Map<string, string[]> {
  const byStem = new Map<string, string[]>();
  for (const f of files) {
    const stem = fileStem(f);
    const list = byStem.get(stem);
    if (list) list.push(f);
    else byStem.set(stem, [f]);
  }
  return byStem;
}
