import { roleFromLabel, speakerKey, type Role } from '@coachcode/core';

/** What the anonymiser needs of a turn or an output record. */
export interface NamedTurn {
  speaker: string;
  text: string;
  evidence: { start: number; end: number }[];
}

const ROLE_LABEL: Readonly<Record<Role, string>> = { coach: 'Coach', coachee: 'Coachee', observer: 'Observer', unknown: 'Speaker' };
/** A run of letters, digits and `_`: a name is found only where such a run starts and ends. */
const WORD = /[\p{L}\p{N}_]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}_]/u;

/** Whether `text` holds no letter, digit or `_` at `index` (true past its end). */
function boundaryAt(text: string, index: number): boolean {
  return index >= text.length || !WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index) as number));
}

/** Whether the character before `index` is not a letter, digit or `_` (true at the start). */
function boundaryBefore(text: string, index: number): boolean {
  if (index === 0) return true;
  const low = text.charCodeAt(index - 1);
  const back = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? 2 : 1;
  return boundaryAt(text, index - back);
}

/**
 * Replaces the speakers of one transcript with role labels — `Coach`, `Coachee`, `Observer`,
 * `Speaker` (role unknown), numbered when a role has several speakers (`Observer 1`,
 * `Observer 2`) — as speakers and inside the text, where the full name and each part of it
 * ("Angela", "Smith" of "Angela Smith") are replaced, as written or capitalised. Evidence spans
 * are moved with the text they point to.
 */
export class Anonymiser {
  private readonly labels = new Map<string, string>();
  private readonly replacement = new Map<string, string>();
  /** The names (variants) by their first word, longest first; names that start with no word under ''. */
  private readonly byFirstWord = new Map<string, string[]>();

  /** `speakers`: each speaker once, in order of first turn, with their role. */
  constructor(speakers: readonly { speaker: string; role: Role }[]) {
    const perRole = new Map<Role, number>();
    for (const s of speakers) perRole.set(s.role, (perRole.get(s.role) ?? 0) + 1);
    const seen = new Map<Role, number>();
    for (const s of speakers) {
      const n = (seen.get(s.role) ?? 0) + 1;
      seen.set(s.role, n);
      const label = (perRole.get(s.role) ?? 0) > 1 ? `${ROLE_LABEL[s.role]} ${n}` : ROLE_LABEL[s.role];
      this.labels.set(speakerKey(s.speaker), label);
      for (const variant of nameVariants(s.speaker)) if (!this.replacement.has(variant)) this.replacement.set(variant, label);
    }
    // Names are looked up word by word rather than compiled into one regular expression, which
    // fails ("too large") for very long names and grows with every speaker.
    for (const name of [...this.replacement.keys()].sort((a, b) => b.length - a.length)) {
      const first = WORD_CHAR.test(name) ? (name.match(WORD)?.[0] ?? '') : '';
      const list = this.byFirstWord.get(first);
      if (list) list.push(name);
      else this.byFirstWord.set(first, [name]);
    }
  }

  /** Where names occur in a text: leftmost first, the longest name at each place, none overlapping. */
  private findNames(text: string): { from: number; to: number; name: string }[] {
    const found: { from: number; to: number; name: string }[] = [];
    const fits = (name: string, at: number) => text.startsWith(name, at) && boundaryBefore(text, at) && boundaryAt(text, at + name.length);
    for (const m of text.matchAll(WORD)) {
      const name = this.byFirstWord.get(m[0])?.find((n) => fits(n, m.index));
      if (name !== undefined) found.push({ from: m.index, to: m.index + name.length, name });
    }
    for (const name of this.byFirstWord.get('') ?? []) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (fits(name, at)) found.push({ from: at, to: at + name.length, name });
    }
    found.sort((a, b) => a.from - b.from || b.to - a.to);
    const kept: typeof found = [];
    for (const f of found) if (kept.length === 0 || f.from >= (kept[kept.length - 1] as (typeof found)[number]).to) kept.push(f);
    return kept;
  }

  /** The label of a speaker (the name itself when the speaker is not known). */
  label(speaker: string): string {
    return this.labels.get(speakerKey(speaker)) ?? speaker;
  }

  /** A copy of the turn with its speaker and the names in its text replaced, evidence spans moved. */
  apply<T extends NamedTurn>(turn: T): T {
    const { text, mapSpan } = this.replaceNames(turn.text);
    return {
      ...turn,
      speaker: this.label(turn.speaker),
      text,
      evidence: turn.evidence.map((e) => ({ ...e, ...mapSpan(e.start, e.end) })),
    };
  }

  /** Replaces names in a text; `mapSpan` moves offsets of the old text to the new one. */
  replaceNames(text: string): { text: string; mapSpan: (start: number, end: number) => { start: number; end: number } } {
    const edits: { from: number; to: number; newFrom: number; newTo: number }[] = [];
    let out = '';
    let last = 0;
    for (const { from, to, name } of this.findNames(text)) {
      out += text.slice(last, from);
      const label = this.replacement.get(name) ?? name;
      edits.push({ from, to, newFrom: out.length, newTo: out.length + label.length });
      out += label;
      last = to;
    }
    if (edits.length === 0) return { text, mapSpan: (start, end) => ({ start, end }) };
    out += text.slice(last);
    // A start inside a replaced name moves to the label's start, an end inside it to the label's end.
    const map = (offset: number, isEnd: boolean): number => {
      let shift = 0;
      for (const e of edits) {
        if (isEnd ? offset <= e.from : offset < e.from) break;
        if (isEnd ? offset <= e.to : offset < e.to) return isEnd ? e.newTo : e.newFrom;
        shift = e.newTo - e.to;
      }
      return offset + shift;
    };
    return { text: out, mapSpan: (start, end) => ({ start: map(start, false), end: map(end, true) }) };
  }
}

/** The strings that stand for a speaker in text: the name, its capitalised form, and its parts. */
function nameVariants(name: string): string[] {
  const trimmed = name.trim();
  const variants = new Set<string>();
  const add = (v: string) => {
    if (v.length < 2 || roleFromLabel(v) !== undefined) return;
    variants.add(v);
    variants.add(v.charAt(0).toUpperCase() + v.slice(1));
  };
  add(trimmed);
  const parts = trimmed.split(/[\s.()\-_,]+/).filter((p) => /\p{L}/u.test(p) && p.length >= 3);
  if (parts.length > 1) parts.forEach(add);
  return [...variants];
}
