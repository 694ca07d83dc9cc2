/**
 * The plain text of a transcript in a QDPX project, and where each turn's text sits in it.
 *
 * Line n of the text (counting from 1) is turn n, written `Speaker: text`; where the transcript
 * has no turn n (coded JSONL with gaps), line n is empty, so line numbers stay turn numbers.
 * Positions are Unicode code points from 0 (REFI-QDA 1.5, section 10.2), the end exclusive (the
 * specification's own example has end − start = the selection's length): an emoji counts 1,
 * not the 2 UTF-16 code units JavaScript strings count, and "é" written as one code point counts 1
 * (as e + a combining accent, 2).
 */

/** One turn's line: its number, and its text's span in code points. */
export interface TurnSpan {
  turn: number;
  /** Code point offset of the turn's text (after `Speaker: `). */
  start: number;
  /** Code point offset just after the turn's text. */
  end: number;
}

/** The number of code points of a string (a surrogate pair counts 1). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** A value on one line: line breaks and tabs become spaces. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\t\u2028\u2029]+/g, ' ');
}

/** The source text of turns and each turn's span; turns in order of their number. */
export function buildSourceText(turns: readonly { turn: number; speaker: string; text: string }[]): { text: string; spans: TurnSpan[] } {
  let text = '';
  let at = 0;
  let line = 1;
  const spans: TurnSpan[] = [];
  for (const t of turns) {
    // Empty lines for turn numbers the transcript does not have.
    while (line < t.turn) {
      text += '\n';
      at++;
      line++;
    }
    const prefix = `${oneLine(t.speaker)}: `;
    const body = oneLine(t.text);
    const start = at + codePointLength(prefix);
    const end = start + codePointLength(body);
    text += `${prefix}${body}\n`;
    spans.push({ turn: t.turn, start, end });
    at = end + 1;
    line++;
  }
  return { text, spans };
}

/** One line of a source text: its number (from 1), its span in code points (without the line end) and its text. */
export interface SourceLine {
  line: number;
  start: number;
  end: number;
  text: string;
}

/** The lines of a text with their code point spans (line ends `\n`, `\r\n` or `\r`). */
export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let at = 0;
  const parts = text.split(/(\r\n|\r|\n)/);
  for (let i = 0; i < parts.length; i += 2) {
    const body = parts[i] as string;
    const len = codePointLength(body);
    if (i === parts.length - 1 && body === '') break;
    lines.push({ line: i / 2 + 1, start: at, end: at + len, text: body });
    at += len + codePointLength(parts[i + 1] ?? '');
  }
  return lines;
}
