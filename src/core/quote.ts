/** The most characters of an exchange's own words quoted into an error. */
export const QUOTE_LIMIT = 500;

/**
 * An exchange's text, cut to {@link QUOTE_LIMIT} characters for an error (the whole answer stays on the
 * error's `responseBody`).
 */
export function quote(text: string, limit = QUOTE_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

/**
 * A copy of an exchange's structured error details small enough to print: long strings quoted, lists cut to
 * 20 items, nesting to 6 levels. What is cut stays on the error's `responseBody`.
 */
export function trimDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 6) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const kept = value.slice(0, 20).map((item) => trimDetails(item, depth + 1));
    return value.length > 20 ? [...kept, `… (${value.length - 20} more items)`] : kept;
  }
  const output: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, 50))
    output[quote(key, 100)] = trimDetails(item, depth + 1);
  return output;
}
