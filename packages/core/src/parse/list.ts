/** Lists as merchants write them in one attribute: `"Bronze:0, Silver:500"`, `"EUR:60, USD:70"`. */

/** Splits on commas (and, when there is no comma, on whitespace); drops empty items. */
export function parseList(value: string | null | undefined): string[] {
  if (value == null) return [];
  const separator = value.includes(',') ? ',' : /\s+/;
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * `"Bronze:0, Silver:500"` → `[['Bronze', 0], ['Silver', 500]]`, or null when any item is malformed
 * (no colon, empty key, a value that is not a finite number), so one typo never yields half a list.
 */
export function parseNumberPairs(value: string | null | undefined): Array<[string, number]> | null {
  // Glue spaces around colons first, or a single `Gold: 1500` (no comma) splits on its space.
  const items = parseList(value?.replace(/\s*:\s*/g, ':'));
  if (!items.length) return null;
  const pairs: Array<[string, number]> = [];
  for (const item of items) {
    const colon = item.lastIndexOf(':');
    if (colon <= 0) return null;
    const key = item.slice(0, colon).trim();
    const raw = item.slice(colon + 1).trim();
    const number = raw === '' ? NaN : Number(raw);
    if (!key || !Number.isFinite(number)) return null;
    pairs.push([key, number]);
  }
  return pairs;
}
