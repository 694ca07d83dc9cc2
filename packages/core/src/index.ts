// Public API of @coachcode/core. This file only re-exports, by name; test/exports.test.ts pins
// the sorted list, so every change to the public surface is deliberate.

// model
export { formatDiagnostic } from './model/diagnostic.js';
export type { Diagnostic } from './model/diagnostic.js';
export { dict, own } from './model/dict.js';
export { Role, ROLES, isRole } from './model/role.js';
export { InputFormat, INPUT_FORMATS, isInputFormat, TranscriptSchema, UtteranceSchema } from './model/transcript.js';
export type { Transcript, Utterance } from './model/transcript.js';
export type { CodedTurn, Evidence, Turn } from './model/turn.js';
export { CoachcodeError, toSafe } from './errors.js';
export type { SafeResult } from './errors.js';

// steps 1–2: read and parse
export { decodeBytes, safeDecodeBytes } from './read/decode-bytes.js';
export type { DecodedText, DecodeOptions } from './read/decode-bytes.js';
export { isTextEncodingName, TEXT_ENCODING_NAMES, TextEncodingName } from './read/text-encoding.js';
export { detectFormat } from './parse/detect-format.js';
export { readJson } from './parse/read-json.js';
export { parseTranscript, safeParseTranscript } from './parse/parse-transcript.js';
export type { CsvOptions, ParsedTranscript, ParseOptions } from './parse/parse-transcript.js';

// codebook
export { CodebookSchema, CodeDefinitionSchema, codebookTag, codeIds, parseCodebook } from './codebook/codebook.js';
export type { Codebook, CodeDefinition } from './codebook/codebook.js';
export { CfbtCode, CFBT_CODES, cfbtCodebook, isCfbtCode } from './codebook/cfbt.js';
export { vocabulary } from './model/vocabulary.js';
export { cfbtDecisionExamples, exampleConversation, exampleConversationsFor } from './codebook/examples.js';
export type { DecisionExample } from './codebook/examples.js';

// steps 3–4: turns and roles
export { segmentTurns, normaliseSpace, speakerKey } from './segment/segment-turns.js';
export type { SegmentOptions } from './segment/segment-turns.js';
export { assignRoles, roleFromLabel } from './roles/assign-roles.js';
export type { RoleAssignment, RoleOptions } from './roles/assign-roles.js';
export { attributesFor, parseRolesFile } from './roles/roles-file.js';
export type { RolesFile, TranscriptAttributes } from './roles/roles-file.js';

// step 5: classify
export type { ClassifyOptions, TurnClassifier } from './classify/classifier.js';
export { analyzeForFit, blankModel, createClassifier, OPEN_L2_GRID, OPEN_THRESHOLD_FOLDS, OPEN_THRESHOLD_MIN_POSITIVES, parseModel } from './classify/linear-classifier.js';
export { fitOpenModel, OPEN_FIT_DEFAULTS } from './classify/fit-open.js';
export { chooseThreshold } from './classify/thresholds.js';
export type { HeldOutScore } from './classify/thresholds.js';
export type { AnalysedTrainingConversation, OpenFitOptions, OpenTrainingConversation } from './classify/fit-open.js';
export type { ClassifierOptions, LinearTurnClassifier } from './classify/linear-classifier.js';
export { defaultModel } from './classify/builtin-models.js';
export { CompactModelSchema, compactModel, expandModel } from './classify/compact-model.js';
export type { CompactModel, CompactOptions } from './classify/compact-model.js';
export { handModel } from './classify/hand-model.js';
export { ModelSchema, modelTag } from './classify/model.js';
export type { Model } from './classify/model.js';
export { FIT_DEFAULTS } from './classify/fit.js';
export type { FitOptions } from './classify/fit.js';
export { crossValidate } from './classify/cross-validate.js';
export type { CrossValidatedConversation, CrossValidateOptions, CrossValidation } from './classify/cross-validate.js';
export { CUES } from './classify/cues.js';
export type { Cue } from './classify/cues.js';

// step 6: aggregate
export { profileTurns } from './aggregate/profile.js';
export { asksQuestion, classifyQuestions, countWords, isQuestion, splitSentences, stem, words } from './language/index.js';
export type { Profile, ProfileOptions, ProfileRow } from './aggregate/profile.js';

// output
export { toJsonl, toRecord } from './export/record.js';
export type { TurnRecord } from './export/record.js';
export { csvField, csvRow, turnCsvHeader, turnCsvRows, unprotectCsvField } from './export/csv.js';
export type { CsvWriteOptions } from './export/csv.js';

// the whole pipeline
export { analyze, safeAnalyze } from './pipeline/analyze.js';
export type { Analysis, AnalyzeOptions } from './pipeline/analyze.js';

// agreement
export { countConfusion, scoreConfusion } from './agreement/confusion.js';
export type { BinaryConfusion, BinaryScores } from './agreement/confusion.js';
export { cohenKappa, kappaFromConfusion, kappaFromTable } from './agreement/cohen-kappa.js';
export type { KappaResult } from './agreement/cohen-kappa.js';
export { krippendorffAlpha } from './agreement/krippendorff-alpha.js';
export type { AlphaResult, CoderValue } from './agreement/krippendorff-alpha.js';
export { averageMacro } from './agreement/macro-average.js';
export type { MacroAverage } from './agreement/macro-average.js';
export { codingFiles, codingKey } from './agreement/coding.js';
export { baseName, fileStem } from './model/source-path.js';
export type { CodedUnit, Coding } from './agreement/coding.js';
export { FileMatchRule, matchFiles } from './agreement/match-files.js';
export type { FileMatch, FileMatching } from './agreement/match-files.js';
export { readCodingJsonl } from './agreement/gold.js';
export type { CodingReadResult, ReadCodingOptions } from './agreement/gold.js';
export { readCodingCsv } from './agreement/gold-csv.js';
export type { ReadCodingCsvOptions } from './agreement/gold-csv.js';
export { evaluateCodings, NO_CODE } from './agreement/evaluate.js';
export type { AgreementTable, CodeAgreement, ConfusionRow, Disagreement, EvaluateOptions, Evaluation, MacroScores, TurnMismatch } from './agreement/evaluate.js';
export { compareCoders } from './agreement/compare-coders.js';
export type { CodeAlpha, CoderComparison, CoderPair, CompareCodersOptions, PairCodeAgreement } from './agreement/compare-coders.js';

// comparisons and sequences
export { compareProfiles, groupFromName, sumProfiles } from './aggregate/compare.js';
export type { CompareOptions, ProfileGroup } from './aggregate/compare.js';
export { countTransitions } from './aggregate/transitions.js';
export type { TransitionCell, Transitions } from './aggregate/transitions.js';
