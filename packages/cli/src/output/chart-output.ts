import { resolve } from 'node:path';
import { OUTPUT_FORMATS, outputFormatOf, renderChart } from '@coachcode/charts';
import { messages } from '../messages.js';
import { writeFileAtomic } from './atomic-write.js';
import { checkOutputFile } from './output-paths.js';

type Spec = Parameters<typeof renderChart>[0];

/** Checks a chart or report output path before anything runs: a known extension, a file that can be written, not an input. */
export function checkOutputPath(flag: string, out: string, inputs: ReadonlyMap<string, string>, cwd: string, problems: string[], allowed: readonly string[] = OUTPUT_FORMATS): void {
  const format = outputFormatOf(out);
  if (format === undefined || !allowed.includes(format)) problems.push(messages.outputExtension(flag, out, allowed.map((f) => `.${f}`)));
  checkOutputFile(flag, out, inputs, cwd, problems);
}

/** Renders a chart in the format of `out`'s extension and writes it atomically. */
export async function writeChart(spec: Spec, out: string, cwd: string, onWarning: (message: string) => void): Promise<void> {
  const content = await renderChart(spec, out, { onWarning });
  writeFileAtomic(resolve(cwd, out), content, out);
}
