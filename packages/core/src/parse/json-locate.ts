/** A step into a JSON value: an object key or an array index. */
export type JsonPathStep = string | number;

/**
 * Walks already-valid JSON text to find where values start, for line numbers in messages.
 * Skips everything off the path without building objects, so it is linear in the text.
 */
class JsonCursor {
  pos = 0;
  constructor(private readonly text: string) {}

  private ws(): void {
    const t = this.text;
    let c = t.charCodeAt(this.pos);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t.charCodeAt(++this.pos);
  }

  private string(): string {
    const t = this.text;
    const start = ++this.pos;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c)) return '';
      if (c === 0x5c && !escaped) escaped = true;
      else if (c === 0x22 && !escaped) break;
      else escaped = false;
      this.pos++;
    }
    const raw = t.slice(start, this.pos);
    this.pos++;
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** Skips one value starting at `pos` (after white space). */
  skip(): void {
    this.ws();
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 0x22) {
      this.string();
      return;
    }
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      for (; this.pos < t.length; this.pos++) {
        const d = t.charCodeAt(this.pos);
        if (d === 0x22) {
          this.string();
          this.pos--;
        } else if (d === 0x7b || d === 0x5b) depth++;
        else if (d === 0x7d || d === 0x5d) {
          depth--;
          if (depth === 0) {
            this.pos++;
            return;
          }
        }
      }
      return;
    }
    while (this.pos < t.length && !',}] \n\r\t'.includes(t[this.pos] as string)) this.pos++;
  }

  /** Moves into the member `step` of the object or array at `pos`; false when it is not there. */
  enter(step: JsonPathStep): boolean {
    this.ws();
    const t = this.text;
    const open = t.charCodeAt(this.pos);
    if (open === 0x7b && typeof step === 'string') {
      this.pos++;
      for (;;) {
        this.ws();
        if (t.charCodeAt(this.pos) !== 0x22) return false;
        const key = this.string();
        this.ws();
        this.pos++; // ':'
        this.ws();
        if (key === step) return true;
        this.skip();
        this.ws();
        if (t.charCodeAt(this.pos) !== 0x2c) return false;
        this.pos++;
      }
    }
    if (open === 0x5b && typeof step === 'number') {
      this.pos++;
      for (let i = 0; ; i++) {
        this.ws();
        if (t.charCodeAt(this.pos) === 0x5d) return false;
        if (i === step) return true;
        this.skip();
        this.ws();
        if (t.charCodeAt(this.pos) !== 0x2c) return false;
        this.pos++;
      }
    }
    return false;
  }

  /** Offsets of the elements of the array at `pos`. */
  elements(): number[] {
    this.ws();
    const t = this.text;
    const out: number[] = [];
    if (t.charCodeAt(this.pos) !== 0x5b) return out;
    this.pos++;
    for (;;) {
      this.ws();
      if (this.pos >= t.length || t.charCodeAt(this.pos) === 0x5d) return out;
      out.push(this.pos);
      this.skip();
      this.ws();
      if (t.charCodeAt(this.pos) !== 0x2c) return out;
      this.pos++;
    }
  }
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  let at = text.indexOf('\n');
  while (at !== -1 && at < offset) {
    line++;
    at = text.indexOf('\n', at + 1);
  }
  return line;
}

/**
 * The line where the value at `path` starts in valid JSON `text`; when the path does not
 * exist (a missing field), the line of the deepest value on the path that does.
 */
export function locateJsonPath(text: string, path: readonly JsonPathStep[]): number {
  const cursor = new JsonCursor(text);
  let found = 0;
  for (const step of path) {
    if (!cursor.enter(step)) break;
    found = cursor.pos;
  }
  return lineAt(text, found === 0 ? firstNonSpace(text) : found);
}

/** Lines where the elements of the array at `path` start (empty when there is no array there). */
export function jsonArrayElementLines(text: string, path: readonly JsonPathStep[]): number[] {
  const cursor = new JsonCursor(text);
  for (const step of path) if (!cursor.enter(step)) return [];
  const offsets = cursor.elements();
  // One pass over the text for all offsets (they are increasing).
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (const offset of offsets) {
    for (; at < offset; at++) if (text.charCodeAt(at) === 0x0a) line++;
    lines.push(line);
  }
  return lines;
}

function firstNonSpace(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : 0;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * Offset of the first syntax error in `text`, or undefined when it is valid JSON (or nested too
 * deeply to check). `JSON.parse` messages name no position in current V8 ("Unexpected token
 * ']', … is not valid JSON"), so the line in our message comes from here.
 */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const ws = (): void => {
    let c = text.charCodeAt(i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++i);
  };
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      i += c === 0x5c ? 2 : 1;
    }
    return false;
  };
  const sticky = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  const value = (): boolean => {
    ws();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return true;
      }
      for (;;) {
        ws();
        if (c === '{') {
          if (text[i] !== '"' || !string()) return false;
          ws();
          if (text[i] !== ':') return false;
          i++;
        }
        if (!value()) return false;
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return true;
        } else return false;
      }
    }
    return sticky(NUMBER) || sticky(LITERAL);
  };
  try {
    if (!value()) return Math.min(i, n);
    ws();
    return i < n ? i : undefined;
  } catch {
    return undefined;
  }
}

/** The line of a `JSON.parse` error: where the text first breaks the grammar, else what the message names. */
export function jsonErrorLine(text: string, message: string): number | undefined {
  const offset = jsonSyntaxErrorOffset(text);
  // An error at the very end (an unclosed value) is on the last line with text, not after it.
  if (offset !== undefined) return lineAt(text, Math.min(offset, text.trimEnd().length));
  const line = /line (\d+) column/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineAt(text, Number(pos[1]));
  // "Unexpected end of JSON input": the text stops, on its last line, where a value was still open.
  return /end of (?:JSON )?input/i.test(message) ? lineAt(text, text.trimEnd().length) : undefined;
}

/** `utterances[3].speaker` from a path. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? String(step) : `.${String(step)}`;
  }
  return out === '' ? '(top level)' : out;
}
