/**
 * A duration where zero means none (the pop-ups' `min-time="0"`). Its own module, as only the
 * pop-ups read one: the script-tag build keeps it in their chunk.
 */
import { durationAttribute } from './attribute.js';

/** `0` (or `0s`, `0.0m` …): a duration must be positive, so zero is read apart. */
const ZERO_DURATION = /^0+(?:\.0+)?(?:ms|s|m|h|d|w)?$/i;

/** A duration attribute in ms where `0` means none; `fallback` when absent, and with the one warning when invalid. */
export function durationOrZeroAttribute(
  element: Element,
  attribute: string,
  value: string | null,
  fallback: number,
): number {
  return value != null && ZERO_DURATION.test(value.trim()) ? 0 : durationAttribute(element, attribute, value, fallback);
}
