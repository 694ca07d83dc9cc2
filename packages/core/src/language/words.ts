// Words and stems: the one place where text is cut into words (language/ is shared by the
// classifier, the role guess and the profiles).
import { stemmer } from 'stemmer';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words that carry little content; left out of overlap measures. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves yeah yes yep okay ok um uh mm hmm mm-hmm uh-huh like just really think know mean sort kind well oh right actually thing things get got go going gonna wanna lot bit maybe also even still say said yeah now then way one two`.split(
    ' ',
  ),
);

const stemCache = new Map<string, string>();

/** Porter stem of a lower-case word (the `stemmer` package), cached. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Lower-cased words of a text (curly apostrophes made straight), with where each starts in the text. */
export function words(text: string): { tokens: string[]; starts: number[] } {
  const tokens: string[] = [];
  const starts: number[] = [];
  // Lower-case once, not word by word; a text whose length lower-casing changes (a dotted
  // capital I, say) is matched as it is, so that starts still index into it.
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const source = same ? lower : text;
  const curly = text.includes('’');
  WORD.lastIndex = 0;
  for (let m = WORD.exec(source); m; m = WORD.exec(source)) {
    let w = same ? m[0] : m[0].toLowerCase();
    if (curly) w = w.replace(/’/g, "'");
    tokens.push(w);
    starts.push(m.index);
  }
  return { tokens, starts };
}

/** Stems of the content words of a text (stop words and one-letter words left out). */
export function contentStems(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of tokens) if (w.length > 2 && !STOP_WORDS.has(w)) out.push(stem(w));
  return out;
}

/** Counts the words of a text (letters/digits runs, contractions kept whole). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
