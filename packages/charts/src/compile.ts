import type { LoggerInterface, Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A Vega-Lite spec compiled to Vega, with every warning the compiler gave. */
export interface CompiledChart {
  spec: VegaSpec;
  warnings: string[];
}

const WARN = 2;

/**
 * A Vega logger that never prints: warnings and errors are pushed onto `into` as text (so a
 * library caller, not the console, decides what to show).
 */
export function collectingLogger(into: string[]): LoggerInterface {
  let level = WARN;
  const text = (args: unknown[]): string => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      into.push(`error: ${text(args)}`);
      return logger;
    },
    warn(...args: unknown[]) {
      if (level >= WARN) into.push(text(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger as LoggerInterface;
}

/** Compiles a Vega-Lite spec to Vega; warnings are collected, never printed. */
export function compileChart(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  const { spec: vega } = compile(spec, { logger: collectingLogger(warnings) });
  return { spec: vega, warnings };
}
