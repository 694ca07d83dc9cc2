import { CoachcodeError, formatDiagnostic } from '@coachcode/core';
import { CommanderError } from 'commander';
import { nodeIo, type CliIo } from './io.js';
import { messages } from './messages.js';
import { createProgram, type ProgramResult } from './program.js';
import { UsageError, usageErrorLines } from './usage-error.js';
import { fsReason } from './fs/fs-errors.js';
import { OutputError } from './output/atomic-write.js';
import { terminalText } from './render/terminal-text.js';

/** Exit statuses of `coachcode`. */
export const ExitCode = {
  /** Every input was processed. */
  ok: 0,
  /** At least one input failed (the others were still processed). */
  fileFailed: 1,
  /** The command line was wrong (unknown flag, bad value, output over an input …); nothing was processed. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.version']);

/**
 * Runs the CLI with these arguments (without `node` and the script) and returns the exit status.
 * The only place where errors become exit statuses: 0 ok, 1 a file failed, 2 usage error.
 */
export async function run(argv: readonly string[], io: CliIo = nodeIo()): Promise<ExitCode> {
  const result: ProgramResult = { exitCode: ExitCode.ok };
  const program = createProgram(io, result);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.exitCode === 0 ? ExitCode.ok : ExitCode.fileFailed;
  } catch (error) {
    if (error instanceof CommanderError) return HELP_CODES.has(error.code) ? ExitCode.ok : ExitCode.usage;
    const say = (line: string) => io.stderr.write(`${terminalText(line)}\n`);
    if (error instanceof UsageError) {
      for (const line of usageErrorLines(error.problems)) say(line);
      return ExitCode.usage;
    }
    if (error instanceof CoachcodeError) {
      for (const d of error.issues) say(formatDiagnostic(d));
      return ExitCode.fileFailed;
    }
    // An output that cannot be written (full disk, no permission): the user's to fix, not a bug.
    if (error instanceof OutputError) {
      say(`coachcode: ${error.message}`);
      return ExitCode.fileFailed;
    }
    if (io.env.COACHCODE_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    say(`coachcode: ${messages.internal(error instanceof Error ? error.message : String(error))}`);
    return ExitCode.fileFailed;
  }
}

/** The entry of `bin.js`: runs with the real process and sets its exit status. */
export async function main(): Promise<void> {
  // A closed pipe (`coachcode code … | head`) is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Standard output redirected to a full disk or a device that refuses writes.
    process.stderr.write(`coachcode: ${messages.stdoutUnwritable(fsReason(error))}\n`);
    process.exit(ExitCode.fileFailed);
  });
  process.exitCode = await run(process.argv.slice(2), nodeIo());
}
