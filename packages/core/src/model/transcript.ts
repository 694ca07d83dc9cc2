import * as z from 'zod/mini';
import { vocabulary } from './vocabulary.js';

/** Input formats coachcode can read. */
export const InputFormat = {
  text: 'text',
  zoomVtt: 'zoom-vtt',
  teamsVtt: 'teams-vtt',
  vtt: 'vtt',
  srt: 'srt',
  otter: 'otter',
  meet: 'meet',
  csv: 'csv',
  tsv: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
} as const;
export type InputFormat = (typeof InputFormat)[keyof typeof InputFormat];
export const [INPUT_FORMATS, isInputFormat] = vocabulary(InputFormat);

/** One stretch of talk by one speaker as it stands in the source (a line, a cue, a CSV row). */
export const UtteranceSchema = z.object({
  speaker: z.string(),
  text: z.string(),
  /** 1-based line in the source where this utterance starts. */
  line: z.optional(z.int().check(z.positive())),
  /** Start time as `HH:MM:SS(.mmm)`, when the source gives one. */
  start: z.optional(z.string()),
  end: z.optional(z.string()),
  /** Human codes carried by the source (CSV code columns, coded JSONL). */
  codes: z.optional(z.array(z.string())),
  /** A role stated by the source (coded JSONL, JSON transcript). */
  role: z.optional(z.string()),
});
export type Utterance = z.output<typeof UtteranceSchema>;

/** The value of a transcript attribute (`metadata`). */
export const MetadataValue = z.union([z.string(), z.number(), z.boolean()]);

/** The project's own JSON transcript format (`docs/formats.md`). */
export const TranscriptSchema = z.object({
  format: z.optional(z.literal('coachcode-transcript')),
  version: z.optional(z.literal(1)),
  /** Free-form attributes of the transcript: coach, cohort, date, session … */
  metadata: z.optional(z.record(z.string(), MetadataValue)),
  /** Speaker name → role, when the file states it. */
  speakers: z.optional(z.record(z.string(), z.string())),
  utterances: z.array(UtteranceSchema),
});

/** A parsed transcript: utterances in order, before turns are formed. */
export interface Transcript {
  /** The input path as given (or a name given by the caller). */
  source: string;
  format: InputFormat;
  utterances: Utterance[];
  metadata: Record<string, string | number | boolean>;
  /** Speaker → role stated by the source itself. */
  speakerRoles: Record<string, string>;
}
