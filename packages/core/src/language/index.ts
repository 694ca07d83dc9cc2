// Words, stems, sentences and questions, used by the classifier, the role guess and the profiles.
export { asksQuestion, classifyQuestions, isQuestion, isTagQuestion } from './questions.js';
export { splitSentences } from './sentences.js';
export { contentStems, countWords, stem, STOP_WORDS, words } from './words.js';
