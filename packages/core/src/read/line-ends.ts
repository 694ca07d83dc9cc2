/** Turns CRLF and lone CR line ends into LF, and drops a leading byte-order mark. */
export function normaliseLineEnds(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}
