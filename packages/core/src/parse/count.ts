/**
 * Counts as merchants write them (the wheel's `spins`). Its own module, apart from attribute.ts,
 * because one widget uses it: the script-tag build keeps it out of the chunk every page loads.
 */
import { warnOnce } from './warn.js';

/** A whole number of at least 1 (`spins`); `fallback` when absent, and with the one warning when it is not one. */
export function countAttribute(
  element: Element,
  attribute: string,
  value: string | number | null | undefined,
  fallback: number,
  expected: string,
): number {
  // Number() ignores surrounding spaces and reads "" as 0: refused below, as it should be.
  const count = value == null ? fallback : Number(value);
  if (Number.isInteger(count) && count > 0) return count;
  warnOnce(element, attribute, value, expected);
  return fallback;
}
