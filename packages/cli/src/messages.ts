/**
 * Every user-facing message of the CLI, as functions: what failed, what was expected, what was
 * received. Help texts and examples live in program.ts beside their flags.
 */

const list = (values: readonly string[]) => values.join(', ');
const mb = (bytes: number) => `${(bytes / 1048576).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

export const messages = {
  // inputs
  inputMissing: () => 'no such file or folder; expected a transcript file, a folder, a glob pattern or - for standard input',
  folderEmpty: (extensions: readonly string[]) => `no transcript files in this folder; expected files ending in ${list(extensions)}`,
  folderUnreadable: (detail: string) => `cannot read this folder: ${detail}`,
  globEmpty: () => 'the pattern matches no transcript file',
  fileUnreadable: (detail: string) => `cannot read the file: ${detail}`,
  notRegularFile: (kind: string) => `it is ${kind}, not a regular file; expected a regular file (to read a transcript from a pipe, give - and pipe it to standard input)`,
  fileTooLarge: (bytes: number, limit: number) =>
    `it is ${mb(bytes)}, more than the ${mb(limit)} coachcode reads from one file (an hour of talk is about 50 KB of transcript)`,
  stdinTooLarge: (limit: number) => `standard input is more than the ${mb(limit)} coachcode reads; expected a transcript (an hour of talk is about 50 KB)`,
  folderLinkSeen: (first: string) => `skipped: this folder was already read as ${first} (a link leads back to it)`,
  brokenLink: (detail: string) => `skipped: a link to nothing (${detail})`,
  specialFileSkipped: (kind: string) => `skipped: it is ${kind}, not a regular file`,
  stdinEmpty: () => 'standard input is empty; expected a transcript piped in (for example `cat talk.vtt | coachcode code -`)',
  internalError: (detail: string) => `internal error while processing this file (please report it): ${detail}`,
  codedJsonlEmpty: () => 'no coded turns in this file; expected JSON lines such as {"source": "a.vtt", "turn": 1, "codes": [...]}',

  // usage (exit status 2)
  badChoice: (flag: string, value: string, choices: readonly string[]) => `${flag}: "${value}" is not one of ${list(choices)}`,
  onlyWithFormat: (flag: string, formats: readonly string[], format: string) => `${flag} applies to --format ${formats.join(' or ')}; received --format ${format}`,
  totalsLong: () => '--totals applies to --format csv (tables and JSON always hold the totals); the long CSV has no total rows: sum its count column',
  badNumber: (flag: string, value: string, expected: string) => `${flag}: expected ${expected}, received "${value}"`,
  rolesFileUnreadable: (path: string, detail: string) => `--roles ${path}: cannot read the file: ${detail}`,
  rolesFileExtension: (path: string) => `--roles ${path}: expected a .json or .csv file`,
  codebookUnreadable: (path: string, detail: string) => `--codebook ${path}: cannot read the codebook: ${detail}`,
  codebookModelMismatch: (model: string, trainedFor: string, codebook: string, flag: string | undefined, given: boolean) =>
    given
      ? `the model ${model}${flag ? ` (${flag})` : ''} was trained for the codebook ${trainedFor}, not ${codebook} (--codebook), so it cannot code with it; train one for it (coachcode train --codebook … --gold … --out model.json) and give it with --model, or give coded JSONL`
      : `the model ${model}${flag ? ` (${flag})` : ''} was trained for the codebook ${trainedFor}, not ${codebook} (the default); give its codebook with --codebook`,
  modelUnreadable: (flag: string, path: string, detail: string) => `${flag} ${path}: cannot read the model: ${detail}`,
  jsonInvalid: (what: string, detail: string) => `${what}: not valid JSON (${detail})`,
  outputIsInput: (output: string, input: string) => `refusing to write ${output}: it is the input ${input}; choose another output path`,
  outputFolderIsFile: (flag: string, path: string) => `${flag} ${path}: expected a folder, found a file`,
  outputUnwritable: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
  stdoutUnwritable: (reason: string) => `cannot write to standard output: ${reason}`,
  outputExtension: (flag: string, path: string, expected: readonly string[]) => `${flag} ${path}: cannot tell the format from the name; expected a file ending in ${list(expected)}`,
  groupOptions: () => '--by and --group-by cannot be used together; choose one',
  badPattern: (pattern: string, detail: string) => `--group-by: "${pattern}" is not a valid regular expression (${detail})`,
  chartOneTranscript: (n: number) => `--type timeline draws one transcript; received ${n} (give one file, or use coachcode report for a timeline of each)`,
  chartNoTranscript: () => 'no transcript could be read, so there is nothing to chart',
  goldRequired: () => 'no human codes to compare with: give --gold FILE, --coders FILE FILE …, or inputs whose turns carry human codes (CSV code columns, coded JSONL with "human")',
  evaluateNoInputs: () => 'nothing to evaluate: give coded JSONL or transcript paths (with --gold FILE), or --coders FILE FILE …',
  codersTooFew: (n: number) => `coder comparison needs at least two codings; received ${n}`,

  emptyValue: (flag: string, expected: string) => `${flag}: expected ${expected}, received an empty value`,
  outputIsFolder: (flag: string, path: string) => `${flag} ${path}: expected a file name, found a folder`,
  trainNoHumanCodes: () => 'no human codes to train on: give --gold FILE (gold JSONL, or CSV with a turn column) or inputs whose turns carry human codes (CSV code columns, coded JSONL with "human")',
  trainNothingPaired: (goldTurns: number, goldName: string) =>
    `none of the ${goldTurns} human-coded turns of ${goldName} pairs with a turn of the inputs; expected the same transcripts, paired by file name (base name, else the name without extension) and turn number`,
  trainTooManyFolds: (folds: number, transcripts: number) =>
    `--folds ${folds}: expected at most ${transcripts}, the number of transcripts with human codes for the codes fitted (--folds ${transcripts} leaves one transcript out at a time)`,
  trainNothingToFit: (codes: readonly string[]) => `the human coding scores none of the codes to fit (${list(codes)}); expected turns coded for at least one of them`,

  // train (warnings and results)
  trainDuplicateName: (name: string, first: string) => `another input is also named ${name} (${first}); human codes pair with that one, and this one is not used`,
  trainGoldFileUnpaired: (file: string, turns: number) => `the human coding has ${turns} turns of "${file}" but no input is that transcript; they are not used`,
  trainGoldTurnsUnpaired: (file: string, turns: readonly number[]) =>
    `${turns.length} human-coded turn${turns.length === 1 ? '' : 's'} of "${file}" ${turns.length === 1 ? 'is not a turn' : 'are not turns'} of the transcript as read (turn${turns.length === 1 ? '' : 's'} ${turns.slice(0, 5).join(', ')}${turns.length > 5 ? ' …' : ''}); ${turns.length === 1 ? 'it is' : 'they are'} not used (was it coded with other merging? see --no-merge)`,
  trainInputUncoded: (file: string, turns: number) => `"${file}" (${turns} turns) has no human codes; it is not used for fitting`,
  trainUnknownCode: (code: string, turns: number, codes: readonly string[]) =>
    `the human coding uses the code "${code}" (${turns} turns), which is not a code of the codebook (${list(codes)}); it is ignored`,
  trainCodeNotScored: (code: string) => `no human-coded turn is coded for "${code}" (its "scored" leaves it out); it keeps the base model's weights`,
  trainCodeNeverGiven: (code: string, turns: number) =>
    `the human coding never gives "${code}" on the ${turns} turns coded for it, so fitting makes it rarer; if it was not coded, leave it out with --codes`,
  trainPairing: (matched: number, files: number, uncoded: number, unpaired: number) =>
    `human codes for ${matched} turn${matched === 1 ? '' : 's'} of ${files} transcript${files === 1 ? '' : 's'}; ${uncoded} turn${uncoded === 1 ? '' : 's'} of the inputs without human codes and ${unpaired} human-coded turn${unpaired === 1 ? '' : 's'} without a transcript turn are not used`,
  crossValidationTitle: (folds: number, transcripts: number, turns: number) =>
    `cross-validation by transcript: ${folds} folds of ${transcripts} transcripts${folds === transcripts ? ' (one transcript out at a time)' : ''}, ${turns} human-coded turn${turns === 1 ? '' : 's'}`,
  crossValidationModels: (baseId: string) =>
    `base: ${baseId} as it is; fitted: each fold coded by the model fitted, with the same options, to the other folds`,
  trainedOn: (turns: number, files: number, exampleWeight = 0, examples = 0) =>
    `${turns} human-coded turn${turns === 1 ? '' : 's'} of ${files} transcript${files === 1 ? '' : 's'}${exampleWeight > 0 ? `, and the codebook's ${examples} decision-rule examples counted ${exampleWeight} time${exampleWeight === 1 ? '' : 's'} each` : ''}`,
  trainCueFlags: (flags: readonly string[], model: string) =>
    `${flags.join(', ')} ${flags.length === 1 ? 'applies' : 'apply'} to the cue models' fit only, and ${model} is an open-vocabulary model; give --base cfbt-cues (or cfbt-hand, or a cue model file) to use ${flags.length === 1 ? 'it' : 'them'}, or leave ${flags.length === 1 ? 'it' : 'them'} out`,
  trainExamplesCodebook: (codebook: string, cfbt: string) => `--examples adds the decision-rule examples of the ${cfbt} codebook, but the model codes ${codebook}`,
  trainDone: (turns: number, files: number, codes: readonly string[], out: string) =>
    `trained on ${turns} turn${turns === 1 ? '' : 's'} of ${files} transcript${files === 1 ? '' : 's'}, fitted ${list(codes)} → ${out}`,

  duplicateTurn: (key: string) => `turn ${key} is coded twice in this coding; the first coding is kept`,
  noHumanCodes: (path: string) => `${path}: no turn carries human codes; expected a gold file (JSONL, or CSV with a turn column) or a transcript with code columns`,

  codedJsonlSyntax: (detail: string) => `not valid JSON (${detail}); expected one coded turn per line`,
  codedJsonlTurn: (max: number, received: string) => `"turn": expected a whole number from 1 to ${max.toLocaleString('en-GB')}; received ${received}`,
  codedJsonlRecord: () => 'expected a coded turn {"source", "turn": number, "codes": [...]}; received a record without them',
  nothingProcessed: () => 'nothing was processed (run with --help for usage)',
  internal: (detail: string) => `internal error (please report it; set COACHCODE_DEBUG=1 for details): ${detail}`,
  workerMissing: (path: string) => `worker entry not found at ${path}; -j needs the built CLI (run the build first)`,
  jobsCapped: (jobs: number, cores: number) => `note: -j ${jobs} is more than the ${cores} cores here; coding on ${cores} threads`,
  workerStopped: (code: number) => `worker thread stopped with exit code ${code}`,
  humanCodedInputCoded: (source: string, model: string) =>
    `${source} carries human codes and no machine codes (its records name no model): its turns were coded with ${model}, and its codes are the human coding compared with`,
  humanCodedNoText: (source: string) =>
    `${source} carries human codes and no machine codes (its records name no model), and not the full text of its turns, so it cannot be coded: to compare it with another human coding use --coders A B; as the human coding of transcripts give it as --gold beside them`,
  humanCodesTitle: (title: string) => `${title} · counts of human codes (the input names no model)`,
  reportHumanIntro: (human: number, sessions: number, codebook: string, groups: string) =>
    `The codes of ${human === sessions ? 'every session' : `${human} of the ${sessions} sessions`} are a human's, read from coded JSONL that names no model (codebook ${codebook}); ${human === sessions ? 'no' : 'the other'} sessions were coded by coachcode. Groups by ${groups}.`,
  noMachineCodes: () => 'no input could be coded, so there is nothing to compare with the human codes',
  codeNeedsDisagreements: () => '--code picks the codes of --disagreements; give --disagreements too (or --codes for the statistics)',
  noDisagreements: () => 'no disagreements: machine and human agree on every turn compared',
  disagreementsCount: (n: number) => `${n} turn${n === 1 ? '' : 's'} where machine and human differ`,
  disagreementsTitle: (title: string, codes: readonly string[], turns: number) => `disagreements: ${title} · ${codes.join(', ')} · ${turns} turns compared`,
  goldFromInputs: () => 'the human codes in the inputs',
  missingTurns: (count: number, examples: readonly string[]) => `gold turns with no coded turn: ${count}${count > 0 ? ` (for example ${list(examples)})` : ''}`,
  extraTurns: (count: number, examples: readonly string[]) => `coded turns with no gold turn: ${count}${count > 0 ? ` (for example ${list(examples)})` : ''}`,

  // suggest
  suggestDone: (picked: number, files: number, candidates: number, coded: number, out: string) =>
    `${picked} turn${picked === 1 ? '' : 's'} from ${files} transcript${files === 1 ? '' : 's'} to hand-code (of ${candidates} not yet hand-coded; ${coded} already are) → ${out}: write 1 or 0 in each code column (a blank in a row with a 1 or 0 counts as 0; a row left blank is not used), then give it to train --gold and evaluate --gold`,

  // export
  exportNothing: () => 'no transcript could be read, so there is nothing to export',
  exportDone: (files: number, turns: number, coded: number, out: string) =>
    `exported ${files} transcript${files === 1 ? '' : 's'}, ${turns} turn${turns === 1 ? '' : 's'} (${coded} coded) → ${out}`,

  // QDPX import
  qdpxNotZip: (detail: string) => `not a QDPX project: it is not a zip file (${detail})`,
  qdpxNoProject: (entries: readonly string[]) => `not a QDPX project: no project.qde in the zip (it holds ${entries.slice(0, 5).join(', ') || 'nothing'}${entries.length > 5 ? ' …' : ''})`,
  qdpxXml: (detail: string) => `project.qde is not well-formed XML: ${detail}`,
  qdpxNotProject: (root: string) => `project.qde: expected a <Project> element (QDA-XML), found <${root}>`,
  qdpxSourceMissing: (name: string, path: string) => `the text source "${name}" has no text: no PlainTextContent, and its plainTextPath "${path}" is not in the zip; its codings are not used`,
  qdpxBadPosition: (start: string, end: string) => `a PlainTextSelection has unusable positions (startPosition "${start}", endPosition "${end}"); expected whole numbers, end not before start; it is not used`,
  qdpxSourceUncoded: (name: string, turns: number) => `the text source "${name}" has no coded selection: its ${turns} turns count as coded with no code`,
  qdpxUnknownCode: (name: string, codings: number, codes: readonly string[]) =>
    `the project's code "${name}" (${codings} coding${codings === 1 ? '' : 's'}) is not a code of the codebook (${list(codes)}, matched by id or label, case-insensitive); its codings are not used (give a codebook that has it: --codebook)`,
  qdpxUnknownGuid: (n: number) => `${n} coding${n === 1 ? '' : 's'} refer to a code that is not in the project's codebook; not used`,
  qdpxWholeSource: (n: number) => `${n} coding${n === 1 ? '' : 's'} of a whole source (not of a selection) cannot be paired with turns; not used`,
  qdpxOtherSelections: (n: number) => `${n} selection${n === 1 ? '' : 's'} of picture, PDF, audio or video sources are not turns of a transcript; not used`,
  qdpxNoSources: (codes: number) => `the project has no text source, so no turn is coded (it holds a codebook of ${codes} code${codes === 1 ? '' : 's'})`,

  sessionsHint: () => ' (--sessions all gives every session a section, --sessions N the first N)',

  // results
  wroteFile: (path: string) => `wrote ${path}`,
  runDone: (files: number, turns: number, failed: number, seconds: number, out?: string) =>
    `${files} file${files === 1 ? '' : 's'}, ${turns} turn${turns === 1 ? '' : 's'} in ${seconds.toFixed(2)} s` +
    (out ? ` → ${out}` : '') +
    (failed ? `; ${failed} failed` : ''),
} as const;
