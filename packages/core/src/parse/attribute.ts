/**
 * Where attribute text becomes a value: every widget, the base and the controllers read their
 * attributes through these converters, so a bad value is handled one way everywhere — ignored
 * with ONE warning per element, attribute and value (SPEC section 2), naming what was expected,
 * and replaced by the documented default.
 *
 * Each converter takes the element the warning names (a widget, or a child such as
 * `<vitrine-goal>`), the attribute's name as written in HTML, and its text as read.
 */
import { DATE_TIME_EXPECTED, parseDateTime } from './datetime.js';
import { DURATION_EXPECTED, parseDuration } from './duration.js';
import { warnOnce } from './warn.js';

type Text = string | null | undefined;

/** Absent, or blank (a Liquid value that rendered empty): not set, and no warning. */
export function blank(value: string | number | null | undefined): value is null | undefined | '' {
  return value == null || String(value).trim() === '';
}

/**
 * `parse(text)`, or null: silently when the attribute is blank, with the one warning when `parse`
 * refuses it. The shape of every converter whose absence means "no value".
 */
export function convert<V extends string | number, T>(
  element: Element,
  attribute: string,
  value: V | null | undefined,
  parse: (value: V) => T | null,
  expected: string,
): T | null {
  if (blank(value)) return null;
  const parsed = parse(value);
  if (parsed === null) warnOnce(element, attribute, value, expected);
  return parsed;
}

/**
 * `value` (trimmed, any case) when it is one of `allowed`, else `fallback` with the one warning:
 * every keyword attribute (`format`, `position`, `on-end` …).
 */
export function keywordAttribute<T extends string, F = T>(
  element: Element,
  attribute: string,
  value: Text,
  allowed: readonly T[],
  fallback: F,
): T | F {
  const normalized = String(value ?? '')
    .trim()
    .toLowerCase();
  if ((allowed as readonly string[]).includes(normalized)) return normalized as T;
  warnOnce(element, attribute, value, `one of ${allowed.join(', ')}`);
  return fallback;
}

/** A duration in ms (`90s`, `1h30m`); `fallback` when absent, and with the one warning when it is not one. */
export function durationAttribute<F extends number | null>(
  element: Element,
  attribute: string,
  value: Text,
  fallback: F,
): number | F {
  if (value == null) return fallback;
  const ms = parseDuration(value);
  if (ms === null) warnOnce(element, attribute, value, DURATION_EXPECTED);
  return ms ?? fallback;
}

/** Epoch ms of an ISO 8601 date-time in `zone` (the visitor's when undefined); null when absent, or invalid with the one warning (blank too). */
export function dateAttribute(element: Element, attribute: string, value: Text, zone?: string): number | null {
  const epoch = value == null ? null : parseDateTime(value, zone);
  if (value != null && epoch === null) warnOnce(element, attribute, value, DATE_TIME_EXPECTED);
  return epoch;
}
