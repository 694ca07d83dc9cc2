import { profileTurns, type Profile } from '../aggregate/profile.js';
import { dict } from '../model/dict.js';
import type { TurnClassifier } from '../classify/classifier.js';
import { createClassifier } from '../classify/linear-classifier.js';
import { codebookTag, codeIds } from '../codebook/codebook.js';
import { CoachcodeError, toSafe, type SafeResult } from '../errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Role } from '../model/role.js';
import type { CodedTurn } from '../model/turn.js';
import type { InputFormat, Transcript } from '../model/transcript.js';
import { parseTranscript, type ParseOptions } from '../parse/parse-transcript.js';
import { decodeBytes } from '../read/decode-bytes.js';
import { assignRoles, type RoleOptions } from '../roles/assign-roles.js';
import { segmentTurns } from '../segment/segment-turns.js';
import { toRecord, type TurnRecord } from '../export/record.js';

/** Options of {@link analyze}: every stage's options in one object. */
export interface AnalyzeOptions {
  /** The input path as given; written in every record. */
  source?: string;
  /** Input format; default: detected from `source` and content. */
  format?: InputFormat;
  csv?: ParseOptions['csv'];
  /** Merge consecutive same-speaker segments into one turn (default true). */
  merge?: boolean;
  roles?: Omit<RoleOptions, 'source'>;
  /** Transcript attributes (coach, cohort, date …) to carry into the profile. */
  metadata?: Record<string, string | number | boolean>;
  classifier?: TurnClassifier;
}

/** Everything `analyze` produces for one transcript. */
export interface Analysis {
  source: string;
  transcript: Transcript;
  turns: CodedTurn[];
  /** The output records of the turns (worked out on first read). */
  readonly records: TurnRecord[];
  roles: Record<string, Role>;
  /** The transcript's attributes: its own metadata, then `options.metadata` over it. */
  metadata: Record<string, string | number | boolean>;
  /** The interaction profile (worked out on first read). */
  readonly profile: Profile;
  warnings: Diagnostic[];
}

let shared: TurnClassifier | undefined;
function defaultClassifier(): TurnClassifier {
  return (shared ??= createClassifier());
}

/**
 * The whole pipeline for one transcript: decode (when given bytes), parse, segment, assign
 * roles, classify, profile. Throws a `CoachcodeError` (with file and line) when the input cannot
 * be read; warnings come back with the result.
 */
export function analyze(input: string | Uint8Array, options: AnalyzeOptions = {}): Analysis {
  const source = options.source ?? 'transcript';
  const warnings: Diagnostic[] = [];
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeBytes(input, { source });
    text = decoded.text;
    warnings.push(...decoded.warnings);
  }
  const classifier = options.classifier ?? defaultClassifier();
  // CSV columns named after a code of the classifier's codebook hold human codes.
  const parsed = parseTranscript(text, { source, codeIds: codeIds(classifier.codebook), ...(options.format ? { format: options.format } : {}), ...(options.csv ? { csv: options.csv } : {}) });
  warnings.push(...parsed.warnings);
  const transcript = parsed.transcript;
  const segmented = segmentTurns(transcript, { merge: options.merge ?? true });
  if (segmented.length === 0) {
    throw new CoachcodeError([{ code: 'no-turns', severity: 'error', message: 'no speaker turns found; expected lines such as "Name: text" or a supported transcript format', source, line: 1 }]);
  }
  const assigned = assignRoles(segmented, { ...options.roles, source });
  warnings.push(...assigned.warnings);
  const turns = classifier.classify(assigned.turns);
  const meta = { source, codebook: codebookTag(classifier.codebook), model: classifier.id };
  const metadata = dict([...Object.entries(transcript.metadata), ...Object.entries(options.metadata ?? {})]);
  // Records and profile are built when first read: a caller that writes its own records, or
  // needs no profile, does not pay for them.
  let records: TurnRecord[] | undefined;
  let profile: Profile | undefined;
  return {
    source,
    transcript,
    turns,
    get records() {
      return (records ??= turns.map((t) => toRecord(t, meta)));
    },
    roles: assigned.roles,
    metadata,
    get profile() {
      return (profile ??= profileTurns(turns, classifier.codebook, { source, metadata }));
    },
    warnings,
  };
}

/** {@link analyze} returning `{ success, data | error }` instead of throwing. */
export function safeAnalyze(input: string | Uint8Array, options: AnalyzeOptions = {}): SafeResult<Analysis> {
  return toSafe(() => analyze(input, options));
}
