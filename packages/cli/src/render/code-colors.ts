import type { ChalkInstance } from 'chalk';

const PALETTE = ['cyan', 'green', 'yellow', 'blue', 'magenta', 'red', 'cyanBright', 'greenBright', 'yellowBright', 'blueBright'] as const;

/** A colour function per code, fixed by the code's place in the codebook (so a code keeps its colour everywhere). */
export function codeColors(codes: readonly string[], colors: ChalkInstance): (code: string) => (text: string) => string {
  const byCode = new Map(codes.map((c, i) => [c, colors[PALETTE[i % PALETTE.length] ?? 'white']]));
  return (code) => byCode.get(code) ?? ((text: string) => text);
}
