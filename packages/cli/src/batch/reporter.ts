import { formatDiagnostic, type Diagnostic } from '@coachcode/core';
import cliProgress from 'cli-progress';
import type { CliIo } from '../io.js';
import { createColors, colorLevel } from '../render/color.js';
import { terminalText } from '../render/terminal-text.js';

/**
 * Everything a run says on standard error: file errors (always), warnings (unless `--quiet`),
 * and a progress bar when standard error is a terminal and several files are processed.
 */
export class Reporter {
  private bar: cliProgress.SingleBar | undefined;
  private readonly colors;
  failedFiles = 0;
  warningCount = 0;
  private turns = 0;

  constructor(
    private readonly io: CliIo,
    private readonly options: { quiet: boolean; total: number; label?: string },
  ) {
    this.colors = createColors(colorLevel(io.env, io.stderr.isTTY));
    if (io.stderr.isTTY && !options.quiet && options.total > 1) {
      this.bar = new cliProgress.SingleBar(
        {
          stream: io.stderr as unknown as NodeJS.WritableStream,
          format: `${options.label ?? 'coding'} [{bar}] {value}/{total} files | {turns} turns | {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(options.total, 0, { turns: 0 });
    }
  }

  private write(line: string): void {
    if (this.bar) this.io.stderr.write('\r\x1b[2K');
    this.io.stderr.write(line + '\n');
    if (this.bar) this.bar.render();
  }

  /** A problem that made an input fail: always printed. */
  error(d: Diagnostic): void {
    this.write(this.colors.red(terminalText(formatDiagnostic({ ...d, severity: 'error' }))));
  }

  /** A warning: printed unless `--quiet`. */
  warning(d: Diagnostic): void {
    this.warningCount++;
    if (!this.options.quiet) this.write(this.colors.yellow(terminalText(formatDiagnostic({ ...d, severity: 'warning' }))));
  }

  /** A line of information (a summary): printed unless `--quiet`. */
  info(line: string): void {
    if (!this.options.quiet) this.write(this.colors.dim(terminalText(line)));
  }

  /** Reports diagnostics that are not a finished input's (a gold file, a check across files): errors, then warnings. */
  report(diagnostics: { warnings: readonly Diagnostic[]; errors: readonly Diagnostic[] }): void {
    for (const e of diagnostics.errors) this.error(e);
    for (const w of diagnostics.warnings) this.warning(w);
  }

  /** Reports a finished input's diagnostics and moves the bar on. */
  fileDone(diagnostics: { warnings: readonly Diagnostic[]; errors: readonly Diagnostic[] }, turns: number): void {
    this.report(diagnostics);
    if (diagnostics.errors.length > 0) this.failedFiles++;
    this.turns += turns;
    this.bar?.increment(1, { turns: this.turns });
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
