import type { Turn } from '../model/turn.js';
import { BACKCHANNEL_ONLY, CUES, ONLY_TOKENS } from './cues.js';
import { FUNCTION_WORDS } from './lexicon.js';
import { contentStems, isQuestion, isTagQuestion, words } from '../language/index.js';
import { addOpenFeatures, isOpenFeature, type OpenFeatureNames, type OpenScore } from './open-features.js';

/** A feature that fired on a turn, with the span of text behind it (if any). */
export interface FeatureHit {
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

/** Features of one turn: feature name → hit. Names are stable; they key the model's weights. */
export type TurnFeatures = Map<string, FeatureHit>;

/** What the classifier knows about the conversation around a turn. */
export interface TurnContext {
  /** The nearest earlier turn by another speaker, with its features and challenge score. */
  previous?: { turn: Turn; features: TurnFeatures; challenge: number; tokens?: readonly string[] | undefined };
  /** Content stems of recent turns by other speakers (most recent first, up to 3 turns). */
  recentOther: readonly Set<string>[];
  /** Stem → index of the last turn that used it; with `index`, finds non-adjacent earlier use (4+ turns back). */
  lastSeen: ReadonlyMap<string, number>;
  /** 0-based index of this turn in the conversation. */
  index: number;
  /** Whether the next turn is by the speaker of `previous` (the other speaker carries on). */
  otherContinues: boolean;
  /** Whether this conversation's transcript is punctuated (speech transcripts often are not). */
  punctuated: boolean;
  /**
   * The lexical and previous-turn features (`word:`, `first:`, `first2:`, `prev:`) to compute:
   * those a model weighs. All of them when absent (for fitting).
   */
  lexical?: ReadonlySet<string>;
  /**
   * Open-vocabulary features (open-features.ts) to compute: `'all'` (for fitting), a model's
   * vocabulary, or none when absent.
   */
  open?: OpenFeatureNames;
  /** The words of the next turn by another speaker, when the open features look at it. */
  next?: readonly string[];
  /** This turn's words, when already cut (`words(turn.text)`). */
  words?: { tokens: string[]; starts: number[] };
}

/** Per-turn facts computed once and reused as context by later turns. */
export interface TurnAnalysis {
  features: TurnFeatures;
  stems: Set<string>;
  words: number;
  /** The turn's lower-cased words (kept when open-vocabulary features are computed, for the next turns). */
  tokens?: readonly string[];
  /** When coding with an open model: what its open features add to each code, and where they are. */
  open?: OpenScore;
}

const CHALLENGE_CUES = ['cue:why-question', 'cue:what-if', 'cue:evidence-question', 'cue:alternative', 'cue:critical-feedback', 'cue:stretch'];

/** Characters from the start of a turn within which a cue counts fully. */
const EARLY = 60;

const SELF_CRITICAL = /\b(?:i should(?:n'?t)? have|my (?:fault|mistake)|i (?:didn'?t|wasn'?t|could have|messed|rushed|forgot|lost)|i got (?:that|it) wrong)\b/i;
const PROPOSAL = /\b(?:you could|you might|could you|maybe|perhaps|how about|what about|why don'?t|let'?s|we (?:could|should|might)|i'?d (?:suggest|recommend|try)|have you (?:thought|considered|tried)|try|suggest|worth|should we|shall we|i think we|i think you)\b/i;
const FEEDBACK = /\b(?:i (?:noticed|saw|liked|thought|felt|was struck)|it (?:seemed|looked|felt)|(?:really )?(?:well done|good|great|nice|strong|clear|effective)|(?:the|your) (?:lesson|starter|plenary|questioning|explanation|pace|pacing|task|instructions?))\b/i;

/** Feature names, made once: `word:<w>` per listed word. */
const WORD_NAME = new Map([...FUNCTION_WORDS].map((w) => [w, `word:${w}`]));

/** Feature names built once and then looked up, so a turn builds no name strings. */
const NAMES = new Map<string, Map<string, string>>();
function named(prefix: string, key: string): string {
  let names = NAMES.get(prefix);
  if (!names) NAMES.set(prefix, (names = new Map()));
  let name = names.get(key);
  if (name === undefined) names.set(key, (name = prefix + key));
  return name;
}
const cueName = (id: string): string => named('cue:', id);
/** `first2:<a> <b>`, looked up by `a` then `b`. */
const FIRST2 = new Map<string, Map<string, string>>();
function first2Name(a: string, b: string): string {
  let names = FIRST2.get(a);
  if (!names) FIRST2.set(a, (names = new Map()));
  let name = names.get(b);
  if (name === undefined) names.set(b, (name = `first2:${a} ${b}`));
  return name;
}
/** What a set of wanted features asks of the closed list: listed word → its feature name (the wanted ones), and whether any `first:`/`first2:` is wanted. */
interface WantedLexical {
  readonly words: ReadonlyMap<string, string>;
  readonly openings: boolean;
}
const ALL_LEXICAL: WantedLexical = { words: WORD_NAME, openings: true };
const WANTED_LEXICAL = new WeakMap<ReadonlySet<string>, WantedLexical>();

function wantedLexical(wanted: ReadonlySet<string> | undefined): WantedLexical {
  if (!wanted) return ALL_LEXICAL;
  let lexical = WANTED_LEXICAL.get(wanted);
  if (!lexical) {
    lexical = { words: new Map([...WORD_NAME].filter(([, name]) => wanted.has(name))), openings: [...wanted].some((name) => name.startsWith('first')) };
    WANTED_LEXICAL.set(wanted, lexical);
  }
  return lexical;
}

/** Whether a feature is lexical or copied from the previous turn (rather than a cue or context feature). */
export function isDerived(name: string): boolean {
  return name.startsWith('word:') || name.startsWith('first') || name.startsWith('prev:');
}

/**
 * Lexical features, for fitted weights: `word:<w>` for each word of the closed list
 * {@link FUNCTION_WORDS} in the turn (span: its first use), and the turn's opening as
 * `first:<w>` and `first2:<w> <w>`, where a word not on the list is written `_`. Only the
 * names in `wanted` (all when absent).
 */
function addLexical(tokens: readonly string[], starts: readonly number[], f: TurnFeatures, wanted: ReadonlySet<string> | undefined): void {
  const { words, openings } = wantedLexical(wanted);
  if (words.size === 0 && !openings) return;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i] as string;
    const name = words.get(w);
    if (name && !f.has(name)) {
      const start = starts[i] as number;
      set(f, name, 1, start, start + w.length);
    }
  }
  if (tokens.length === 0 || !openings) return;
  const listed = (w: string | undefined): string => (w !== undefined && FUNCTION_WORDS.has(w) ? w : '_');
  const first = listed(tokens[0]);
  const second = tokens.length > 1 ? listed(tokens[1]) : undefined;
  const one = named('first:', first);
  if (!wanted || wanted.has(one)) set(f, one, 1);
  if (second === undefined) return;
  const two = first2Name(first, second);
  if (!wanted || wanted.has(two)) set(f, two, 1);
}

/** `prev:<name>` for each cue and context feature of the previous turn (those in `wanted`). */
function addPrevious(pf: TurnFeatures, f: TurnFeatures, wanted: ReadonlySet<string> | undefined): void {
  for (const [name, hit] of pf) {
    if (isDerived(name) || isOpenFeature(name)) continue;
    const prevName = named('prev:', name);
    if (!wanted || wanted.has(prevName)) set(f, prevName, hit.value);
  }
}

/** The hit of a feature that fired with value 1 and no span: one shared object, not one per turn. */
const PLAIN: FeatureHit = Object.freeze({ value: 1, start: 0, end: 0 });

function set(f: TurnFeatures, name: string, value = 1, start = 0, end = 0): void {
  f.set(name, value === 1 && start === 0 && end === 0 ? PLAIN : { value, start, end });
}

/**
 * Extracts the features of a turn: its cue hits (with spans) and features of the turn in
 * context — what kind of turn it answers, how much it reuses the other speaker's words, whether
 * it is only a backchannel. Linear in the length of the text.
 */
export function extractFeatures(turn: Turn, ctx: TurnContext): TurnAnalysis {
  const text = turn.text;
  const f: TurnFeatures = new Map();
  for (const c of CUES) {
    const m = c.pattern.exec(text);
    // A cue deep inside a long turn says less about the turn's function than one at its start;
    // a link to earlier talk is a link wherever it comes.
    if (m) set(f, cueName(c.id), m.index <= EARLY || c.code === 'continuity' ? 1 : 0.6, m.index, m.index + m[0].length);
  }
  const { tokens, starts } = ctx.words ?? words(text);
  const n = tokens.length;
  const stems = new Set(contentStems(tokens));
  const whole = { start: 0, end: text.length };
  const question = isQuestion(text, ctx.punctuated);
  if (question) set(f, 'question', 1, whole.start, whole.end);
  if (question && isTagQuestion(text)) set(f, 'tag-question', 1, whole.start, whole.end);
  // In coaching, a coach's (or observer's) question is the usual vehicle of challenge.
  if (question && (turn.role === 'coach' || turn.role === 'observer')) set(f, 'coach-question', 1, whole.start, whole.end);
  if (n <= 3) set(f, 'short', 1);
  if (n >= 15) set(f, 'long', 1);
  const bare = ONLY_TOKENS.test(text);
  const backchannel = BACKCHANNEL_ONLY.test(text);
  if (backchannel) set(f, 'backchannel-only', 1, whole.start, whole.end);
  else if (bare) set(f, 'bare-agree', 1, whole.start, whole.end);
  const selfCritical = SELF_CRITICAL.exec(text);
  if (selfCritical) set(f, 'self-critical', 1, selfCritical.index, selfCritical.index + selfCritical[0].length);

  // Disagreement with reasons given is challenge as well as dissonance (docs/codebook.md).
  const doubt = f.get('cue:disagree') ?? f.get('cue:yeah-but') ?? f.get('cue:hedged-doubt');
  if (doubt && (f.has('cue:because') || n >= 15)) set(f, 'reasoned-disagreement', 1, doubt.start, doubt.end);

  // "I'll give you that. But…": a concession followed by a reservation is acceptance and dissonance.
  const agreed = f.get('cue:agree-explicit');
  const concede = agreed ?? f.get('cue:commit');
  if (concede) {
    const rest = text.slice(concede.end);
    const but = /\b(?:but|not all|though|although|still)\b/i.exec(rest);
    if (but) set(f, 'concede-but', 1, concede.end + but.index, concede.end + but.index + but[0].length);
  }
  // "No, that's fair": a leading "no" that goes on to agree concedes the point.
  const no = f.get('cue:no-start');
  if (no && agreed) set(f, 'no-then-agree', 1, no.start, agreed.end);

  const prev = ctx.previous;
  const agree = f.get('cue:agree-start');
  if (prev) {
    const pf = prev.features;
    const prevQuestion = pf.has('question');
    const prevText = prev.turn.text;
    const proposal = PROPOSAL.test(prevText);
    const feedback = FEEDBACK.test(prevText) || pf.has('cue:critical-feedback');
    if (prevQuestion) set(f, 'prev-question', 1);
    if (agree) {
      if (prevQuestion && !pf.has('tag-question')) set(f, 'agree-after-question', 1, agree.start, agree.end);
      else set(f, 'agree-after-statement', 1, agree.start, agree.end);
      if (proposal) set(f, 'agree-after-proposal', 1, agree.start, agree.end);
      if (feedback) set(f, 'agree-after-feedback', 1, agree.start, agree.end);
      if (ctx.otherContinues && bare) set(f, 'agree-other-continues', 1, agree.start, agree.end);
      if (pf.has('short')) set(f, 'agree-after-short', 1, agree.start, agree.end);
    }
    if (no && prevQuestion && !pf.has('tag-question')) set(f, 'no-after-question', 1, no.start, no.end);
    if (no && !prevQuestion) set(f, 'no-after-statement', 1, no.start, no.end);
    // A reasoned answer to a challenging question or proposal (not to a statement that merely scored as challenge).
    const prevChallenged = prev.challenge >= 0.5 && (prevQuestion || CHALLENGE_CUES.some((c) => pf.has(c)));
    if (turn.role === 'coachee' && pf.has('coach-question') && !pf.has('cue:neutral-question') && !pf.has('cue:account-question') && !question && n >= 10) {
      set(f, 'answers-coach-question', 1, whole.start, whole.end);
    }
    if (prevChallenged && !question) {
      const because = f.get('cue:because');
      if (because) set(f, 'justified-reply', 1, because.start, because.end);
      else if (n >= 12) set(f, 'substantive-reply', 1, whole.start, whole.end);
    }
    if (prev.features.has('long')) set(f, 'prev-long', 1);
    // Taking up a link the other speaker made to an earlier session or target continues it.
    if (pf.has('cue:back-reference') || pf.has('cue:earlier-session')) set(f, 'after-continuity', 1);
  }
  // Reuse of the other speakers' recent words: restating is what a summary does.
  if (stems.size >= 2) {
    let recent = 0;
    let early = 0;
    for (const s of stems) {
      if (ctx.recentOther.some((other) => other.has(s))) recent++;
      else if ((ctx.lastSeen.get(s) ?? Infinity) <= ctx.index - 4) early++;
    }
    const ratio = recent / stems.size;
    if (recent >= 2 && ratio >= 0.3) set(f, 'overlap-recent', ratio, whole.start, whole.end);
    if (early >= 2 && early / stems.size >= 0.3 && recent <= 1) set(f, 'overlap-earlier', early / stems.size, whole.start, whole.end);
  }
  if (!ctx.lexical || ctx.lexical.size > 0) {
    addLexical(tokens, starts, f, ctx.lexical);
    // What the previous turn was, feature by feature, for fitted weights.
    if (prev) addPrevious(prev.features, f, ctx.lexical);
  }
  if (ctx.open === 'all') {
    addOpenFeatures(tokens, starts, prev?.tokens, ctx.next, turn.role, ctx.index, f, 'all');
    return { features: f, stems, words: n, tokens };
  }
  if (ctx.open) {
    ctx.open.begin();
    addOpenFeatures(tokens, starts, prev?.tokens, ctx.next, turn.role, ctx.index, f, ctx.open);
    return { features: f, stems, words: n, tokens, open: ctx.open.finish() };
  }
  return { features: f, stems, words: n };
}
