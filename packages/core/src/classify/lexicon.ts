import { STOP_WORDS } from '../language/index.js';

/**
 * The closed word list of the lexical features: the stop words of the overlap measures (pronouns,
 * auxiliaries and modals, negations, conjunctions, question words, backchannels), and discourse
 * markers and a few words of talk about talk and time (point, idea, evidence, last, week,
 * target). A fitted model may weigh these words; topic words (lesson content, names) are left
 * out so that what is learnt from one set of conversations carries over to conversations about
 * other things.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  ...`
    absolutely ago agree already alternative although another back definitely disagree earlier
    else erm evidence exactly example explain fair feel guess hear however idea instead last may
    mentioned might must never next nobody none nope nothing perhaps point previous probably
    question rather remember see session shall since sorry suggest suggestion suppose sure target
    tell term thanks though time told totally tried true try trying us week whether will wonder
  `
    .trim()
    .split(/\s+/),
]);
