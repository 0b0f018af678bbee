/**
 * The one voice of bad input: a single console warning per element, attribute and value,
 * naming all three and what was expected, so a merchant can fix the tag from the console.
 */

const warned = new WeakMap<Element, Set<string>>();

function describe(element: Element): string {
  const tag = element.localName;
  const campaign = element.getAttribute('campaign');
  return campaign ? `<${tag} campaign="${campaign}">` : `<${tag}>`;
}

/**
 * Warns once that `attribute="value"` on `element` was ignored.
 * @param expected what a valid value looks like, e.g. "an ISO 8601 date-time".
 * @returns true when the warning was printed now (false when it had been already).
 */
export function warnOnce(element: Element, attribute: string, value: unknown, expected: string): boolean {
  const key = `${attribute}\u0000${String(value)}`;
  let seen = warned.get(element);
  if (!seen) warned.set(element, (seen = new Set()));
  if (seen.has(key)) return false;
  seen.add(key);
  console.warn(`[vitrine] ${describe(element)} ignored ${attribute}="${String(value)}": expected ${expected}`);
  return true;
}

/** A general warning that is not about an attribute (a failed request, denied storage), once per element and text. */
export function noteOnce(element: Element, message: string): void {
  const key = `\u0001${message}`;
  let seen = warned.get(element);
  if (!seen) warned.set(element, (seen = new Set()));
  if (seen.has(key)) return;
  seen.add(key);
  console.warn(`[vitrine] ${describe(element)} ${message}`);
}
