/** Splits text into sentences after `.`, `!` or `?` followed by space (the last may have no end mark). */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/);
}
