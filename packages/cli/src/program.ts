import { FIT_DEFAULTS, INPUT_FORMATS, OPEN_FIT_DEFAULTS } from '@coachcode/core';
import { Command, Option, type ErrorOptions } from 'commander';
// Only the option lists: the chart renderer (Vega) is loaded by the commands that draw.
import { CHART_KINDS, COMPARE_LAYOUTS, MEASURES } from '@coachcode/charts/options';
import type { ChartFlags } from './commands/chart.js';
import { codeCommand, type CodeFlags } from './commands/code.js';
import type { CompareFlags } from './commands/compare.js';
import { evaluateCommand, type EvaluateFlags } from './commands/evaluate.js';
import type { ExportFlags } from './commands/export.js';
import type { SuggestFlags } from './commands/suggest.js';
import { profileCommand, type ProfileFlags } from './commands/profile.js';
import type { ReportFlags } from './commands/report.js';
import { trainCommand, type TrainFlags } from './commands/train.js';
import type { CliIo } from './io.js';
import { collect, collectPaths } from './options/analysis-options.js';
import { EXPORT_FORMATS, OUTPUT_FORMATS, PROFILE_FORMATS, REPORT_FORMATS } from './render/output-format.js';
import { terminalText } from './render/terminal-text.js';
import { commanderProblems, usageErrorLines } from './usage-error.js';
import { VERSION } from './version.js';
import { docsFile } from './docs-path.js';

/** Where a command's exit status goes (read by `run`). */
export interface ProgramResult {
  exitCode: number;
}

/**
 * The flags shared by every command that reads transcripts (see docs/cli.md, "Reading
 * transcripts"). `train` leaves out --model and --threshold: it has --base instead.
 */
function withAnalysisOptions(cmd: Command, options: { classifier?: boolean } = {}): Command {
  cmd
    .option('--input-format <format>', `input format, instead of detecting it: ${INPUT_FORMATS.join(', ')}`)
    .option('--speaker-column <name>', 'CSV/TSV: header of the speaker column (default: speaker, name, who …)')
    .option('--text-column <name>', 'CSV/TSV: header of the text column (default: text, utterance, transcript …)')
    .option('--time-column <name>', 'CSV/TSV: header of the start-time column (default: time, start, timestamp)')
    .option('--codes-column <names>', 'CSV/TSV: human-code columns, 0/1 each, named after their code (repeatable or comma-separated; default: a "codes" column and columns named after a code)', collect)
    .option('--coach <name>', 'this speaker is a coach (repeatable, case-insensitive)', collect, [])
    .option('--coachee <name>', 'this speaker is a coachee (repeatable, case-insensitive)', collect, [])
    .option('--observer <name>', 'this speaker is an observer (repeatable, case-insensitive)', collect, [])
    .option('--roles <file>', 'roles and metadata per transcript, JSON or CSV (docs/cli.md, "Roles file")')
    .option('--no-merge', 'keep each segment (line, cue, row) as its own turn instead of merging consecutive segments of a speaker')
    .option('--no-guess', 'leave roles unknown instead of guessing them from how people talk');
  if (options.classifier ?? true) {
    cmd
      .option('--model <file>', 'classifier model JSON (validated on load), or a built-in model: cfbt-default (the default), cfbt-cues (the previous default), cfbt-hand (the hand weights alone)')
      .option('--threshold <score>', 'assign a code when its score is at least this (0–1; default: the model\'s own thresholds)');
  }
  return cmd
    .option('--codebook <file>', 'your own codebook (JSON, docs/codebook.md): its codes, order, labels and colours in every output; default: CfBT')
    .option('--anonymise', 'replace speaker names with role labels (Coach, Coachee, Observer 2 …), also inside the text')
    .addOption(new Option('--anonymize').hideHelp())
    .option('--stdin-name <name>', 'name of standard input (-) in records and for format detection, e.g. talk.vtt', 'stdin')
    .option('-j, --jobs <n>', 'code files on N threads, at most the cores (output stays in input order)', '1')
    .option('-q, --quiet', 'print no warnings, progress or summary (errors are always printed)');
}

type WithAnonymize<T> = T & { anonymize?: boolean };
function normalise<T extends { anonymise?: boolean }>(flags: WithAnonymize<T>): T {
  return { ...flags, anonymise: flags.anonymise ?? flags.anonymize ?? false };
}

/** How transcripts are grouped (compare, chart --type compare, report). */
function withGroupingOptions(cmd: Command): Command {
  return cmd
    .option('--by <attribute>', 'group by: coach (default: the roles file\'s coach attribute, else the coach speakers\' names), file, or any attribute of the roles file (cohort, date …)')
    .option('--group-by <regex>', 'group by a pattern on the file path: the named group (?<group>…), else the first capture, else the whole match');
}

/** How charts look (chart, compare --chart). */
function withChartOptions(cmd: Command): Command {
  return cmd
    .option('--measure <measure>', `bar height: ${MEASURES.join(' or ')} (turns with the code per 100 turns of the role)`)
    .option('--layout <layout>', `compare charts: ${COMPARE_LAYOUTS.join(' (small multiples, one y scale) or ')} (one role, bars per group)`)
    .option('--role <role>', 'compare charts in the grouped layout: the role compared (default coach)')
    .option('--title <text>', 'chart title');
}

/** The CSV flags of the commands that write CSV (code, profile, compare, evaluate, suggest). */
const CSV_PROTECT_FLAG = [
  '--no-csv-protect',
  "CSV: write text cells that start with = + - @, a tab or a carriage return as they are (by default they get a ' in front and quotes, so a spreadsheet does not run them as formulas)",
] as const;
const CSV_BOM_FLAG = ['--bom', 'start the CSV with a UTF-8 byte-order mark, so Excel on Windows reads accented and non-Latin names right'] as const;

function examples(lines: readonly [string, string][]): string {
  return `\nExamples:\n${lines.map(([cmd, what]) => `  $ ${cmd}\n      ${what}`).join('\n')}\n`;
}

/** Thrown inside {@link CoachcodeCommand.error} while it collects the messages of more unknown options. */
class Collected extends Error {}

const UNKNOWN_OPTION = /^error: unknown option '([^']+)'/;

/**
 * Commander stops at the first unknown option; this command names every unknown option of the
 * command line in one error (each with commander's own message and suggestion).
 */
class CoachcodeCommand extends Command {
  #collected: string[] | undefined;

  override createCommand(name?: string): Command {
    return new CoachcodeCommand(name);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    if (this.#collected) {
      this.#collected.push(message);
      throw new Collected();
    }
    const first = errorOptions?.code === 'commander.unknownOption' ? UNKNOWN_OPTION.exec(message)?.[1] : undefined;
    if (first === undefined) return super.error(message, errorOptions);
    this.#collected = [message];
    try {
      // unknownOption is commander's own (not in its types): it builds the message and calls error().
      const unknownOption = (this as unknown as { unknownOption(flag: string): void }).unknownOption.bind(this);
      for (const flag of this.laterUnknownFlags(first)) {
        try {
          unknownOption(flag);
        } catch (e) {
          if (!(e instanceof Collected)) throw e;
        }
      }
      message = this.#collected.join('\n');
    } finally {
      this.#collected = undefined;
    }
    return super.error(message, errorOptions);
  }

  /** The flags after `first` (up to `--`) that neither this command nor its parents know. */
  private laterUnknownFlags(first: string): string[] {
    const rest = this.args.slice(this.args.indexOf(first) + 1);
    const end = rest.indexOf('--');
    const known = (flag: string): boolean => {
      const name = flag.startsWith('--') ? (flag.split('=')[0] as string) : flag.slice(0, 2);
      for (let c: Command | null = this; c; c = c.parent) if (c.options.some((o) => o.long === name || o.short === name)) return true;
      return false;
    };
    return (end === -1 ? rest : rest.slice(0, end)).filter((a) => /^-[^-\d]|^--[^-]/.test(a) && !known(a));
  }
}

/**
 * Builds the `coachcode` program around injected streams and environment; each command's exit
 * status is stored in `result`. Commander's own exits are turned into thrown `CommanderError`s,
 * which `run` maps to exit statuses.
 */
export function createProgram(io: CliIo, result: ProgramResult = { exitCode: 0 }): Command {
  const program = new CoachcodeCommand('coachcode');
  program
    .description('Code coaching and mentoring transcripts with the CfBT interaction functions (summary, acceptance, challenge, continuity, dissonance), count them per role, compare, chart and report.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      // Commander quotes the arguments it refuses: shown, never acted on by the terminal.
      writeErr: (s) => io.stderr.write(terminalText(s, { lines: true })),
      // Commander's own usage errors in coachcode's form (docs/cli.md, "Exit status").
      outputError: (s, write) => write(`${usageErrorLines(commanderProblems(s)).join('\n')}\n`),
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    })
    .addHelpText(
      'after',
      examples([
        ['coachcode code sessions/ > coded.jsonl', 'code every transcript under sessions/, one JSON line per turn'],
        ['coachcode profile sessions/*.vtt --by-speaker', 'counts of each code per role and speaker'],
        ['coachcode evaluate --gold human.csv sessions/', 'agreement of the machine with human coders'],
        ['coachcode report sessions/ --out report.html', 'one self-contained HTML report'],
      ]) + `\nExit status: 0 ok, 1 an input failed (others were still processed), 2 usage error.\nDocumentation: ${docsFile('cli.md')} (and the other pages beside it)\n`,
    );

  withAnalysisOptions(
    program
      .command('code')
      .summary('code every turn of transcripts (JSONL, CSV, JSON or a table)')
      .description('Code every turn of the transcripts: one record per turn with speaker, role, codes, scores and evidence.')
      .argument('<paths...>', 'transcript files, folders (searched recursively), glob patterns (*, ?, **) or - for standard input'),
  )
    .option('-f, --format <format>', `output format: ${OUTPUT_FORMATS.join(', ')} (default: table on a terminal, else jsonl)`)
    .option(...CSV_PROTECT_FLAG)
    .option(...CSV_BOM_FLAG)
    .option('-o, --out <dir>', 'write one file per transcript into this folder, plus run-summary.json (never over an input)')
    .addHelpText(
      'after',
      examples([
        ['coachcode code session.vtt', 'a coloured table of the coded turns on the terminal'],
        ['coachcode code sessions/ --format jsonl > coded.jsonl', 'one JSON line per turn for every transcript under sessions/'],
        ['coachcode code "data/**/*.csv" --speaker-column Who --text-column Said --format csv', 'CSV transcripts with their own column names, coded as CSV'],
        ['coachcode code sessions/ --out coded/ -j 4', 'one coded file per transcript on 4 threads, with coded/run-summary.json'],
        ['cat talk.vtt | coachcode code - --stdin-name talk.vtt --coach Angela', 'standard input, Angela as the coach'],
        ['coachcode code sessions/ --anonymise --format csv > coded.csv', 'speakers replaced by Coach, Coachee … in every column'],
      ]),
    )
    .action(async (paths: string[], flags: WithAnonymize<CodeFlags>) => {
      result.exitCode = await codeCommand(paths, normalise(flags), io);
    });

  withAnalysisOptions(
    program
      .command('profile')
      .summary('counts of each code per role and speaker, per transcript and in total')
      .description('Interaction profiles: per transcript and in total, how many turns of each role (and speaker) carry each code, with turns, words, share of talk and questions. Transcripts are coded on the fly; coded JSONL keeps its codes.')
      .argument('<paths...>', 'transcripts, coded JSONL, folders, glob patterns or -'),
  )
    .option('-f, --format <format>', `output format: ${PROFILE_FORMATS.join(', ')} (default: table); csv: one row per transcript and role, csv-long: one row per transcript, speaker and code`)
    .option('--by-speaker', 'table: add a row per speaker under the role rows; csv: one row per speaker instead of per role')
    .option('--totals', 'csv: add each transcript\'s total row and the (all) rows of the sum (they count turns again: leave them out to sum columns)')
    .option(...CSV_PROTECT_FLAG)
    .option(...CSV_BOM_FLAG)
    .addHelpText(
      'after',
      examples([
        ['coachcode profile angela.vtt miriam.vtt', 'the coach and coachee counts of two sessions, and their total'],
        ['coachcode profile coded.jsonl --by-speaker --format csv > profile.csv', 'from coded output, one CSV row per transcript and speaker'],
        ['coachcode profile sessions/ --format csv-long --bom > profile-long.csv', 'one row per transcript, speaker and code, for R or an Excel pivot table'],
      ]),
    )
    .action(async (paths: string[], flags: WithAnonymize<ProfileFlags>) => {
      result.exitCode = await profileCommand(paths, normalise(flags), io);
    });

  withAnalysisOptions(
    program
      .command('evaluate')
      .summary('agreement of the machine with human coders, or of coders with each other')
      .description(
        'Agreement per code and per role: precision, recall, F1, Cohen\'s kappa, % agreement and counts, a confusion table and macro averages; missing and extra turns are reported. Transcripts are coded on the fly; coded JSONL keeps its codes. With --coders (or several --gold and no paths): coder against coder, kappa per pair and Krippendorff\'s alpha per code.',
      )
      .argument('[paths...]', 'coded JSONL or transcripts to evaluate (files, folders, globs)'),
  )
    .option('-g, --gold <path>', 'human coding: gold JSONL, CSV with a turn column (0/1 code columns or a codes column), or transcripts with code columns; a file or folder (repeatable). Default: the human codes the inputs carry', collectPaths, [])
    .option('--coders <paths...>', 'compare two or more human codings with each other (each a file or folder)')
    .option('--codes <codes>', 'evaluate only these codes (comma-separated; default: every code of the codebook)', collect)
    .option('--disagreements', 'list every turn where machine and human differ (file, turn, speaker, text, human and machine codes, scores, evidence) instead of the statistics')
    .option('--code <code>', 'with --disagreements: only the turns that differ on this code (repeatable or comma-separated)', collect)
    .option('-f, --format <format>', `output format: ${REPORT_FORMATS.join(', ')} (default: table)`)
    .option(...CSV_PROTECT_FLAG)
    .option(...CSV_BOM_FLAG)
    .addHelpText(
      'after',
      examples([
        ['coachcode evaluate --gold fixtures/gold fixtures/transcripts --disagreements --code challenge', 'every turn where machine and human differ on challenge'],
        ['coachcode evaluate --gold fixtures/gold fixtures/transcripts', 'code the transcripts and compare with the gold JSONL files'],
        ['coachcode evaluate --gold human.csv coded.jsonl --format csv', 'coded output against a CSV of human codes (0/1 columns or a codes column)'],
        ['coachcode evaluate sessions/triad.csv', 'a transcript CSV whose code columns hold the human codes'],
        ['coachcode evaluate --coders coder-a.jsonl coder-b.jsonl', "two human coders: kappa per code and Krippendorff's alpha"],
        ['coachcode evaluate --gold ../shared/benchmarks/mrda/gold.jsonl ../shared/benchmarks/mrda/transcripts -j 2 -q', 'the MRDA benchmark (only its scored codes are compared)'],
      ]),
    )
    .action(async (paths: string[], flags: WithAnonymize<EvaluateFlags>) => {
      result.exitCode = await evaluateCommand(paths, normalise(flags), io);
    });

  withAnalysisOptions(
    program
      .command('train')
      .summary('fit the classifier to your own human-coded transcripts and write a model file')
      .description(
        'Fit the classifier to human codes: the transcripts are read as evaluate reads them, their turns paired with the human codes (--gold, or the codes the inputs carry) by file and turn number, and the weights of the base model (--base, or the built-in CfBT model) adjusted to them, pulled towards the base weights. Turns without a human code are not used. Writes a model JSON to --out for the --model flag of every command. Keep some coded transcripts out of training to measure the model with evaluate.',
      )
      .argument('<paths...>', 'the transcripts that were coded (files, folders, globs or -); coded JSONL is read back'),
    { classifier: false },
  )
    .requiredOption('-o, --out <file>', 'the model file to write (.json; written whole or not at all, never over an input)')
    .option('-g, --gold <path>', 'human coding: gold JSONL, CSV with a turn column (0/1 code columns or a codes column), or transcripts with code columns; a file or folder (repeatable). Default: the human codes the inputs carry', collectPaths, [])
    .option('--base <file>', 'the model to start from and pull towards: a model JSON or a built-in model, as for --model, or none to fit from scratch (default: cfbt-default)')
    .option('--codes <codes>', 'fit only these codes, the others keep the base weights (comma-separated; default: every code the human coding scores)', collect)
    .option('--prior <strength>', `pull of each weight towards the base model's value (L2, 0 or more; default ${OPEN_FIT_DEFAULTS.l2} for open models, ${FIT_DEFAULTS.prior} for cue models): larger keeps closer to the base`)
    .option('--prior-new <strength>', 'pull towards 0 of the weights of features the base does not weigh, such as word: features (L2, 0 or more; default: --prior)')
    .option('--keep-bias', "keep each code's bias (how often it fires by default) at the base model's value")
    .option('--keep-prior', 'keep the weights the base model sets, and fit only the features it does not weigh (word:, first:, prev: features)')
    .option('--clip <limit>', "hold what the features the base does not weigh add to a code's score within ±limit (above 0): they go into the code's clipped weights, so they can tip a borderline turn but never outweigh a cue")
    .option('--epochs <n>', `passes over the coded turns (default ${OPEN_FIT_DEFAULTS.epochs} for open models, ${FIT_DEFAULTS.epochs} for cue models)`)
    .option('--learning-rate <rate>', `step size of the updates (above 0; default ${FIT_DEFAULTS.learningRate})`)
    .option('--min-count <n>', `a feature the base does not weigh gets a weight only if at least this many coded turns have it (default ${OPEN_FIT_DEFAULTS.minTurns} for open models, ${FIT_DEFAULTS.minCount} for cue models)`)
    .option('--id <id>', 'id of the new model, written in every record coded with it (default: the base id with -fitted)')
    .option('--examples <n>', "add the codebook's decision-rule examples (docs/codebook.md) to the fit, each counted n times, so the fitted weights keep to its rules; each code is then fitted on its own (the built-in model used 10)")
    .option('--folds <k>', 'first cross-validate by transcript: fit to all folds but one, code that one, in turn; print per code the kappa of the base and of the fitted models on the held-out transcripts (2 to the number of coded transcripts)')
    .option('--compact', 'write the model in the compact format (docs/library.md): the same weights in a file about a fifth the size, read by --model and --base like the JSON one, but not by eye')
    .addHelpText(
      'after',
      examples([
        ['coachcode train --gold coded/ sessions/ --out model.json', 'fit to the gold JSONL files in coded/, for the transcripts under sessions/'],
        ['coachcode train --gold coded/ sessions/ --folds 5 --keep-prior --clip 1 --out model.json', 'first see how such a fit agrees on transcripts it did not see, beside the base model'],
        ['coachcode train sessions/hand-coded.csv --out model.json', 'a transcript CSV whose code columns hold the human codes'],
        ['coachcode train --gold human.csv sessions/ --codes challenge,dissonance --out model.json', 'fit two codes; the others keep the built-in weights'],
        ['coachcode train --gold coded/ sessions/ --examples 10 --out model.json', "fit, holding the weights to the codebook's decision rules"],
        ['coachcode train --gold more.jsonl more/ --base model.json --id our-school --out model-2.json', 'start from an earlier model'],
        ['coachcode train --gold coded.jsonl sessions/ --base none --folds 5 --out model.json', 'fit from scratch to your own coding, cross-validated'],
        ['coachcode evaluate --model model.json --gold held-out/ held-out/', 'measure it on coded transcripts not used for training'],
      ]),
    )
    .action(async (paths: string[], flags: WithAnonymize<TrainFlags>) => {
      result.exitCode = await trainCommand(paths, normalise(flags), io);
    });

  withChartOptions(
    withGroupingOptions(
      withAnalysisOptions(
        program
          .command('chart')
          .summary('draw the CfBT profile, a comparison, a timeline or the transitions')
          .description('Draw a chart of coded transcripts (coded JSONL keeps its codes; transcripts are coded on the fly). The format comes from the extension of --out: .svg, .png, .html (self-contained) or .vl.json (the Vega-Lite spec). The profile chart sums every input; the timeline needs exactly one transcript.')
          .argument('<paths...>', 'coded JSONL or transcripts (files, folders, globs or -)'),
      ),
    ),
  )
    .requiredOption('-t, --type <type>', `chart: ${CHART_KINDS.join(', ')}`)
    .requiredOption('-o, --out <file>', 'chart file: .svg, .png, .html or .vl.json')
    .addHelpText(
      'after',
      examples([
        ['coachcode chart angela.vtt --type profile --out angela.png', 'the CfBT figure: coach and coachee bars per code'],
        ['coachcode chart angela.vtt miriam.vtt --type compare --by coach --out styles.png', 'the two coaches side by side on one y scale'],
        ['coachcode chart coded.jsonl --type compare --group-by "(?<group>[a-z]+)-session" --measure per100 --out cmp.svg', 'groups from file names, rates per 100 turns'],
        ['coachcode chart angela.vtt --type timeline --out angela-timeline.html', 'turn by turn, one lane per role, with the text on hover'],
        ['coachcode chart sessions/ --type transitions --out transitions.svg', 'which code follows which, with adjusted residuals'],
      ]),
    )
    .action(async (paths: string[], flags: WithAnonymize<ChartFlags>) => {
      const { chartCommand } = await import('./commands/chart.js');
      result.exitCode = await chartCommand(paths, normalise(flags), io);
    });

  withChartOptions(
    withGroupingOptions(
      withAnalysisOptions(
        program
          .command('compare')
          .summary('profiles grouped by coach or any attribute, side by side')
          .description('Compare coaching styles: profiles summed per group (by coach by default, by an attribute of the roles file, or by a pattern on the file name), per role, as counts or rates per 100 turns.')
          .argument('<paths...>', 'coded JSONL or transcripts (files, folders, globs or -)'),
      ),
    ),
  )
    .option('-f, --format <format>', `output format: ${REPORT_FORMATS.join(', ')} (default: table)`)
    .option(...CSV_PROTECT_FLAG)
    .option(...CSV_BOM_FLAG)
    .option('--chart <file>', 'also draw the comparison chart (.svg, .png, .html or .vl.json)')
    .option('--totals', 'csv: add each group\'s total row (it counts the group\'s turns again)')
    .addHelpText(
      'after',
      examples([
        ['coachcode compare sessions/', 'one group per coach (the coach speakers, or the roles file\'s coach attribute)'],
        ['coachcode compare sessions/ --roles roles.csv --by cohort --format csv', 'groups from a column of the roles file'],
        ['coachcode compare "sessions/*.vtt" --group-by "^sessions/([a-z]+)-" --chart compare.png', 'groups from file names, and the chart'],
      ]),
    )
    .action(async (paths: string[], flags: WithAnonymize<CompareFlags>) => {
      const { compareCommand } = await import('./commands/compare.js');
      result.exitCode = await compareCommand(paths, normalise(flags), io);
    });

  withAnalysisOptions(
    program
      .command('suggest')
      .summary('which turns to hand-code next: a coding sheet of the turns the model is least sure of')
      .description(
        'Code the transcripts and pick the turns whose hand codes would teach the model most: for each code the turns scored nearest its threshold, the codes taking turns, spread over the transcripts, no near-duplicates, none already hand-coded (--gold, or the codes the inputs carry). Writes a coding sheet (file, turn, speaker, role, previous turn\'s text, text, one empty column per code, the machine\'s guess) that train --gold and evaluate --gold read back once filled in.',
      )
      .argument('<paths...>', 'transcripts (files, folders, globs or -)'),
  )
    .requiredOption('-o, --out <file>', 'the coding sheet to write (.csv; written whole or not at all, never over an input)')
    .option(...CSV_PROTECT_FLAG)
    .option(...CSV_BOM_FLAG)
    .option('-n, --number <n>', 'how many turns to suggest', '100')
    .option('--codes <codes>', 'pick for these codes only, and give the sheet only their columns (comma-separated; default: every code of the codebook)', collect)
    .option('-g, --gold <path>', 'turns already hand-coded, left out (as in evaluate; repeatable). Default: the human codes the inputs carry', collectPaths, [])
    .addHelpText(
      'after',
      examples([
        ['coachcode suggest sessions/ -n 100 --out sheet.csv', 'the 100 turns to hand-code first'],
        ['coachcode suggest sessions/ --gold sheet.csv --model model.json -n 100 --out sheet-2.csv', 'the next 100, with the model trained on the first sheet'],
      ]),
    )
    .action(async (paths: string[], flags: WithAnonymize<SuggestFlags>) => {
      const { suggestCommand } = await import('./commands/suggest.js');
      result.exitCode = await suggestCommand(paths, normalise(flags), io);
    });

  withAnalysisOptions(
    program
      .command('export')
      .summary('the coded transcripts as a QDPX project for NVivo, ATLAS.ti, MAXQDA or QualCoder')
      .description(
        'Write the coded transcripts as one REFI-QDA project (.qdpx): each transcript a plain-text source (one line per turn, "Speaker: text"), the codebook with stable GUIDs, each coded turn a selection of its text with a coding per code, speakers as cases with their role. Transcripts are coded on the fly; coded JSONL keeps its codes (a gold file\'s are exported as a human coder\'s). See docs/interop.md.',
      )
      .argument('<paths...>', 'transcripts or coded JSONL (files, folders, globs or -)'),
  )
    .requiredOption('-o, --out <file>', 'the project file to write (.qdpx; written whole or not at all, never over an input)')
    .option('-f, --format <format>', `export format: ${EXPORT_FORMATS.join(', ')}`, 'qdpx')
    .option('--name <name>', 'project name shown by the analysis package (default: the file name of --out)')
    .addHelpText(
      'after',
      examples([
        ['coachcode export sessions/ --format qdpx --out project.qdpx', 'code every transcript and open the coding in NVivo, ATLAS.ti, MAXQDA or QualCoder'],
        ['coachcode export coded/ --out project.qdpx --anonymise', 'coded JSONL as it is, speakers replaced by role labels'],
      ]),
    )
    .action(async (paths: string[], flags: WithAnonymize<ExportFlags>) => {
      const { exportCommand } = await import('./commands/export.js');
      result.exitCode = await exportCommand(paths, normalise(flags), io);
    });

  withGroupingOptions(
    withAnalysisOptions(
      program
        .command('report')
        .summary('one self-contained HTML report of a batch')
        .description('One HTML file that works offline: an overview drawn at once (the codebook with its counts, the totals of all sessions, the comparison of groups, the transitions heat map, agreement tables when the turns carry human codes or --gold is given), then one section per session, opened on a click: its profile chart, timeline and coded turns with the evidence highlighted.')
        .argument('<paths...>', 'coded JSONL or transcripts (files, folders, globs or -)'),
    ),
  )
    .requiredOption('-o, --out <file>', 'the report file (.html)')
    .option('-g, --gold <path>', 'human coding to add agreement tables (as in evaluate; repeatable)', collectPaths, [])
    .option('--title <text>', 'report title')
    .option('--measure <measure>', `bar height of the profile charts: ${MEASURES.join(' or ')}`)
    .option('--sessions <which>', 'which sessions get a section of their own: all, none, or the first N (default: all that fit in 8 MB of embedded data, so the file stays under 10 MB)')
    .addHelpText(
      'after',
      examples([
        ['coachcode report fixtures/transcripts --out report.html', 'the bundled examples as one report'],
        ['coachcode report sessions/ --gold human.csv --anonymise --out report.html', 'with agreement tables, names replaced by roles'],
        ['coachcode report coded/ --sessions 50 --out report.html', 'a large batch: the overview of all, sections for the first 50 sessions'],
      ]),
    )
    .action(async (paths: string[], flags: WithAnonymize<ReportFlags>) => {
      const { reportCommand } = await import('./commands/report.js');
      result.exitCode = await reportCommand(paths, normalise(flags), io);
    });

  return program;
}
