import { stem } from '../language/index.js';
import type { FeatureHit, TurnFeatures } from './features.js';

/**
 * Open-vocabulary features of a turn, for models that learn words rather than a closed list:
 *
 * | name | what | span |
 * |---|---|---|
 * | `w:<word>` | a word of the turn (lower case, digits as `0`) | its first use |
 * | `w2:<word> <word>` | two words in a row | their first use |
 * | `s:<stem>` | the Porter stem of a word, where it differs from the word | its first use |
 * | `o:<word>`, `o2:<word> <word>` | the turn's first word and first two words | them |
 * | `p:<word>` | a word of the previous turn by another speaker | none |
 * | `role:<role>`, `len:<band>` | the turn's role; its length in words (1, 2–3, 4–9, 10–24, 25+) | none |
 *
 * Only names in `wanted` are added (all when it is absent, for fitting): a fitted model keeps
 * only n-grams seen in several training conversations, so no name or rare phrase of one
 * transcript is ever a feature.
 */
export function addOpenFeatures(
  tokens: readonly string[],
  starts: readonly number[],
  previous: readonly string[] | undefined,
  role: string,
  f: TurnFeatures,
  wanted: ReadonlySet<string> | undefined,
): void {
  const n = tokens.length;
  const put = (name: string, start: number, end: number): void => {
    if ((wanted === undefined || wanted.has(name)) && !f.has(name)) f.set(name, end > start ? { value: 1, start, end } : PLAIN);
  };
  for (let i = 0; i < n; i++) {
    const w = norm(tokens[i] as string);
    const start = starts[i] as number;
    const end = start + (tokens[i] as string).length;
    put(`w:${w}`, start, end);
    const s = stem(w);
    if (s !== w) put(`s:${s}`, start, end);
    if (i + 1 < n) {
      const next = norm(tokens[i + 1] as string);
      put(`w2:${w} ${next}`, start, (starts[i + 1] as number) + (tokens[i + 1] as string).length);
      if (i === 0) put(`o2:${w} ${next}`, start, (starts[1] as number) + (tokens[1] as string).length);
    }
    if (i === 0) put(`o:${w}`, start, end);
  }
  if (previous) for (const w of previous) put(`p:${norm(w)}`, 0, 0);
  put(`role:${role}`, 0, 0);
  put(`len:${n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 9 ? '4-9' : n <= 24 ? '10-24' : '25+'}`, 0, 0);
}

const PLAIN: FeatureHit = Object.freeze({ value: 1, start: 0, end: 0 });

const DIGIT = /\d/;
const DIGITS = /\d/g;

/** A token as a feature sees it: digits written `0`, so numbers and times do not become vocabulary. */
function norm(token: string): string {
  return DIGIT.test(token) ? token.replace(DIGITS, '0') : token;
}

/** Whether a feature name is an open-vocabulary one (it holds words of a transcript). */
export function isOpenFeature(name: string): boolean {
  return /^(?:w|w2|s|o|o2|p):/.test(name);
}
