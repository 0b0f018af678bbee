/**
 * Amounts per currency (`"EUR:60, USD:70"`: the shipping progress' `thresholds`, a goal's
 * `amounts`). Its own module, as one widget reads it: the script-tag build keeps it in that
 * widget's chunk.
 */
import { parseNumberPairs } from './list.js';
import { parseCurrency } from './money.js';

/** `"EUR:60, USD:70"` as a map of currency to amount, or null when any pair is malformed. */
export function parseAmountsByCurrency(value: string): Map<string, number> | null {
  const pairs = (parseNumberPairs(value) ?? []).map(([code, amount]) => [parseCurrency(code), amount] as const);
  const valid = pairs.length > 0 && pairs.every(([code, amount]) => code !== null && amount >= 0);
  return valid ? new Map(pairs as ReadonlyArray<readonly [string, number]>) : null;
}

export const AMOUNTS_EXPECTED = 'currency:amount pairs in major units, such as "EUR:60, USD:70"';
