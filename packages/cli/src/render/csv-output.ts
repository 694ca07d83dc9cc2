import { messages } from '../messages.js';

/** The UTF-8 byte-order mark `--bom` puts before CSV output: Excel on Windows then reads the file as UTF-8. */
export const BOM = '\uFEFF';

/** What CSV output starts with: the byte-order mark with `--bom`, else nothing. */
export function csvStart(bom: boolean | undefined): string {
  return bom ? BOM : '';
}

/** `--bom` applies only where the output is CSV: a usage problem otherwise. */
export function checkBom(bom: boolean | undefined, format: string, csvFormats: readonly string[], problems: string[]): void {
  if (bom && !csvFormats.includes(format)) problems.push(messages.onlyWithFormat('--bom', csvFormats, format));
}
