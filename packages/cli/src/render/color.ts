import { Chalk, type ChalkInstance } from 'chalk';

/** Colour depth: 0 none, 1 basic 16 colours, 2 256 colours, 3 true colour (chalk's levels). */
export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * Decides the colour depth of a stream, as Node itself does: `FORCE_COLOR` (0–3, or
 * true/false) wins, then a non-empty `NO_COLOR` turns colour off, then a terminal gets colour
 * (none when `TERM=dumb`); anything that is not a terminal gets none.
 *
 * Why not chalk's own detection: chalk (its bundled supports-color) decides once, when it is
 * imported, from the real `process.env`, `process.argv` and `process.stdout`/`stderr`; coachcode
 * decides per stream from the environment and streams it is given (`CliIo`), so that one process
 * can run it on a terminal and into a pipe, and tests and embedders can set both. This function
 * is that decision for an injected stream; chalk is used for the colours themselves.
 */
export function colorLevel(env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): ColorLevel {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    const f = force.trim().toLowerCase();
    if (f === '0' || f === 'false') return 0;
    if (f === '2') return 2;
    if (f === '3') return 3;
    return 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}

/** A chalk instance with an explicit level (never chalk's own detection, which reads `process`). */
export function createColors(level: ColorLevel): ChalkInstance {
  return new Chalk({ level });
}
