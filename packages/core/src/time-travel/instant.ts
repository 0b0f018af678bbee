/**
 * The instant a time-travel preview asks for: `2026-11-27T08:00` (the visitor's zone),
 * `2026-11-27T08:00Z`, `2026-11-27T08:00+01:00`, or `2026-11-27T08:00[Europe/Paris]` (RFC 9557's
 * bracketed zone, as Temporal writes it); from the console also a `Date` or epoch milliseconds.
 */
import { isTimeZone, localTimeZone, parseDateTime } from '../parse/datetime.js';

export const INSTANT_EXPECTED =
  'a date-time such as 2026-11-27T08:00, 2026-11-27T08:00+01:00 or 2026-11-27T08:00[Europe/Paris]';

export interface Instant {
  /** Epoch ms. */
  at: number;
  /** The zone the badge and the plan read it in: the bracketed one, else the visitor's. */
  zone: string;
}

/** The instant, or null when `value` is not one. */
export function parseInstant(value: unknown): Instant | null {
  if (value instanceof Date) value = value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? { at: value, zone: localTimeZone() } : null;
  if (typeof value !== 'string') return null;
  const match = /^([^[]*?)\s*(?:\[([^\]]*)\])?$/.exec(value.trim());
  if (!match) return null;
  const [, text, bracket] = match;
  if (bracket !== undefined && !isTimeZone(bracket)) return null;
  const zone = bracket?.trim() ?? localTimeZone();
  const at = parseDateTime(text, zone);
  return at === null ? null : { at, zone };
}
