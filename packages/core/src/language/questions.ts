// Questions: whether a turn asks one, and whether a question is open or closed, punctuated or
// not (speech recognisers often leave out question marks).
import { splitSentences } from './sentences.js';

const AUX_START = /^\W*(?:(?:so|and|but|okay|ok|um|uh|well|oh|right|now)\W+)*(?:is|are|was|were|do|does|did|have|has|had|can|could|would|will|should|shall|may|might|must|isn't|aren't|wasn't|don't|doesn't|didn't|haven't|hasn't|can't|couldn't|wouldn't|won't|shouldn't)\s+(?:i|you|we|they|he|she|it|that|this|there|the|those|these|anyone|anybody|everyone|someone|any|all|your)\b/i;
const WH_START = /^\W*(?:(?:so|and|but|okay|ok|um|uh|well|oh|right|now)\W+)*(?:what|why|how|when|where|who|which)\b/i;
const TAG = /\b(?:right|isn't it|don't you|doesn't it|aren't they|wasn't it|didn't you|yeah|no|eh|okay|is that right|you know what i mean)\W*\?\s*$/i;

/** Whether a turn asks a question: a `?`, or (in unpunctuated speech transcripts) a wh- or inverted start. */
export function isQuestion(text: string, punctuated: boolean): boolean {
  if (text.includes('?')) return true;
  if (punctuated) return false;
  return WH_START.test(text) || AUX_START.test(text);
}

/** Whether a question is a tag or closed check (`…, right?`). */
export function isTagQuestion(text: string): boolean {
  return TAG.test(text);
}

/** An open question's start, after any fillers ("Okay, so what…", "and how…"). */
const OPEN_START = /^\W*(?:(?:so|and|but|okay|ok|right|um|uh|erm|well|now)\W+)*(?:what|why|how|when|where|who|which|tell me|talk me|describe|explain|in what way)\b/i;

/**
 * Splits text into its questions and says whether each is open or closed. A question is a
 * sentence ending in `?`, or, as speech recognisers write it, a last sentence left without end
 * punctuation that opens like a question ("how did it go", "did you mark them").
 */
export function classifyQuestions(text: string): { open: number; closed: number } {
  const result = { open: 0, closed: 0 };
  const sentences = splitSentences(text);
  sentences.forEach((sentence, i) => {
    const s = sentence.trim();
    const unpunctuatedLast = i === sentences.length - 1 && s !== '' && !/[.!?]$/.test(s) && isQuestion(s, false);
    if (!s.endsWith('?') && !unpunctuatedLast) return;
    if (OPEN_START.test(s)) result.open++;
    else result.closed++;
  });
  return result;
}

/** Whether a text asks at least one question (see {@link classifyQuestions}). */
export function asksQuestion(text: string): boolean {
  const q = classifyQuestions(text);
  return q.open + q.closed > 0;
}
