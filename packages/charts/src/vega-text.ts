/**
 * A user's text (a code label, a group name) as it may stand in a chart spec. Vega fails to run
 * ("Operator not defined") an expression holding a string literal that is the name of an
 * `Object.prototype` member — `constructor`, `toString`, `valueOf` … — and Vega-Lite writes sort
 * orders and domains as such expressions. Those names get a zero-width space at the end: drawn
 * the same, no longer the name. Any other text is returned as it is.
 */
export function vegaText(text: string): string {
  return Object.hasOwn(Object.prototype, text) ? `${text}\u200b` : text;
}
