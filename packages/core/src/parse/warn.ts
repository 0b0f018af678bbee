/**
 * The one voice of bad input: a single console warning per element, attribute and value,
 * naming all three and what was expected, so a merchant can fix the tag from the console.
 */

const warned = new WeakMap<Element, Set<string>>();

/** An attribute value a widget ignored, as its warning said. */
export interface IgnoredAttribute {
  attribute: string;
  value: string;
  expected: string;
}

/** The last values ignored per element, newest last: the debug list says which bad attribute hides a widget. */
const ignored = new WeakMap<Element, IgnoredAttribute[]>();
const KEPT = 8;

/** What `element` ignored (each attribute's latest bad value), oldest first. */
export function ignoredAttributes(element: Element): readonly IgnoredAttribute[] {
  return ignored.get(element) ?? [];
}

function describe(element: Element): string {
  const tag = element.localName;
  const campaign = element.getAttribute('campaign');
  if (campaign) return `<${tag} campaign="${campaign}">`;
  // An experiment has no campaign: its name is what the merchant looks for.
  const name = tag === 'vitrine-experiment' ? element.getAttribute('name') : null;
  return name ? `<${tag} name="${name}">` : `<${tag}>`;
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
  // Widgets re-read their attributes on every render (a countdown every second): record only a change.
  const list = ignored.get(element) ?? [];
  const latest = list.find((entry) => entry.attribute === attribute);
  if (latest?.value !== String(value)) {
    const others = list.filter((entry) => entry.attribute !== attribute);
    ignored.set(element, [...others, { attribute, value: String(value), expected }].slice(-KEPT));
  }
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
