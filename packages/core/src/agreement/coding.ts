import { baseName } from '../model/source-path.js';

/** One coded turn of one transcript, as a human coder or the machine coded it. */
export interface CodedUnit {
  /** Base name of the transcript (`sessions/angela.vtt` → `angela.vtt`). */
  file: string;
  /** 1-based turn number within the transcript. */
  turn: number;
  /** Codes given to the turn (may be empty: a turn with no code). */
  codes: string[];
  /** Codes that were coded at all on this turn; absent = every code was coded. */
  scored?: string[];
  role?: string;
  speaker?: string;
  /** 1-based line of the record in its source file. */
  line?: number;
}

/** A whole coding: `${file}#${turn}` (see {@link codingKey}) → unit. */
export type Coding = Map<string, CodedUnit>;

/** The key of a turn in a {@link Coding}: `${baseName(file)}#${turn}`. */
export function codingKey(file: string, turn: number): string {
  return `${baseName(file)}#${turn}`;
}

/** The files of a coding with their turn counts, in first-seen order. */
export function codingFiles(coding: Coding): Map<string, number> {
  const files = new Map<string, number>();
  for (const unit of coding.values()) files.set(unit.file, (files.get(unit.file) ?? 0) + 1);
  return files;
}
