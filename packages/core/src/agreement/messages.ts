/**
 * User-facing messages of the agreement module, as functions (what failed, what was expected,
 * what was received). Kept here so the wording of `coachcode evaluate` lives in one place.
 */

export const agreementNotes = {
  noItems: (): string => 'no items to compare: the statistic is undefined',
  kappaChanceIsOne: (category: string): string =>
    `both raters gave every item the same category (${category}): chance agreement is 1, so kappa is undefined (0/0); percent agreement is 100%`,
  alphaNoPairable: (): string =>
    'no unit was coded by two or more coders: alpha needs pairable values and is undefined',
  alphaNoVariation: (value: string): string =>
    `every pairable value is the same (${value}): expected disagreement is 0, so alpha is undefined (0/0)`,
  precisionNoPredictions: (): string => 'precision is undefined: the code was never predicted on these turns',
  recallNoSupport: (): string => 'recall is undefined: the code never occurs in the reference coding on these turns',
  f1NeverUsed: (): string =>
    'F1 is undefined: the code occurs in neither coding on these turns (nothing to find, nothing found)',
} as const;

export const agreementMessages = {
  jsonInvalid: (detail: string): string => `this line is not valid JSON (${detail}); expected one JSON object per line`,
  jsonNotObject: (received: string): string => `expected a JSON object per line, received ${received}`,
  recordInvalid: (issues: string): string => `the record does not have the expected fields: ${issues}`,
  recordNoFile: (): string =>
    'the record names no file: expected a "file" (gold) or "source" (coded output) field, or a file given by the caller',
  duplicateTurn: (key: string, firstLine: number | undefined): string =>
    `turn ${key} appears twice${firstLine ? ` (first on line ${firstLine})` : ''}; the first one is kept`,
  csvUnreadable: (detail: string): string => `the CSV could not be read: ${detail}`,
  csvEmpty: (): string => 'the CSV has no header row: expected a header with a "turn" column',
  csvNoTurnColumn: (columns: string[]): string =>
    `the CSV has no "turn" column; expected one, received the columns ${columns.map((c) => `"${c}"`).join(', ')}`,
  csvNoFile: (): string =>
    'the CSV has no "file" column and no file was given: expected a "file" (or "source") column or the file option',
  csvNoCodes: (columns: string[]): string =>
    `the CSV has neither a "codes" column nor 0/1 code columns; received the columns ${columns.map((c) => `"${c}"`).join(', ')}`,
  csvMissingCodeColumn: (code: string): string => `the CSV has no column for the code "${code}" named in the options`,
  csvColumnNotBinary: (column: string, value: string, line: number): string =>
    `column "${column}" is ignored: it is not a 0/1 code column (line ${line} holds "${value}")`,
  csvBadTurn: (value: string): string => `expected a turn number (1, 2, 3 …) in the "turn" column, received "${value}"`,
  csvEmptyFile: (): string => 'the "file" cell is empty and no file was given: expected a transcript name',
  csvBadCodeValue: (column: string, value: string): string =>
    `expected 0 or 1 (or blank for "not coded") in the code column "${column}", received "${value}"; the cell is treated as blank`,
  missingFile: (file: string, turns: number): string =>
    `the reference coding has ${turns} turns of "${file}" but the other coding has no such file; these turns are not evaluated`,
  extraFile: (file: string, turns: number): string =>
    `"${file}" (${turns} turns) has no reference coding; its turns are not evaluated`,
  missingTurns: (file: string, count: number, examples: number[]): string =>
    `${count} turns of "${file}" are in the reference coding but not in the other one (turns ${examples.join(', ')}${count > examples.length ? ' …' : ''}); they are not evaluated`,
  extraTurns: (file: string, count: number, examples: number[]): string =>
    `${count} turns of "${file}" are in the other coding but not in the reference one (turns ${examples.join(', ')}${count > examples.length ? ' …' : ''}); they are not evaluated`,
  stemMatch: (reference: string, other: string): string =>
    `"${reference}" was matched to "${other}" by name without extension (no file with the same full name)`,
  ambiguousStem: (reference: string, candidates: string[]): string =>
    `"${reference}" has no file with the same name, and several with the same name without extension (${candidates.join(', ')}); none is used`,
  unknownCode: (side: string, code: string, turns: number, codes: string[]): string =>
    `the ${side} coding uses the code "${code}" (${turns} turns), which is not among the evaluated codes (${codes.join(', ')}); it is ignored`,
  noCodes: (): string => 'no codes to evaluate: expected a non-empty list of code ids',
  tooFewCoders: (count: number): string => `comparing coders needs at least two codings, received ${count}`,
  badGroupPattern: (pattern: string, detail: string): string =>
    `the group pattern /${pattern}/ is not a valid regular expression: ${detail}`,
} as const;
