/**
 * ISO 8601 date-times and IANA time zones with nothing but Intl: no date library.
 * A date-time with an offset (`Z`, `+01:00`) is an instant; without one it is a wall-clock
 * time in `timeZone` (the visitor's when absent), resolved across DST changes the way
 * Temporal's "compatible" disambiguation does: a time skipped by spring-forward moves
 * forward by the gap, a time repeated by fall-back takes its first occurrence.
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export const DATE_TIME_EXPECTED = 'an ISO 8601 date-time such as 2026-11-27T23:59 or 2026-11-27T23:59:00+01:00';
export const TIME_ZONE_EXPECTED = 'an IANA time zone such as Europe/Paris or America/New_York';
export const TIME_OF_DAY_EXPECTED = 'a time of day such as 14:00';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone (`Europe/Paris`, `UTC`); false for `Mars/Olympus`, `""`, `+01:00`. */
export function isTimeZone(value: string | null | undefined): value is string {
  if (!value || !value.trim() || /^[+-]/.test(value.trim())) return false;
  try {
    formatterFor(value.trim());
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall-clock reading of `epochMs` in `timeZone`. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(epochMs)) parts[type] = value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const millisecond = ((epochMs % 1000) + 1000) % 1000;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond,
  };
}

/** Offset of `timeZone` from UTC at `epochMs`, in ms (Paris in winter: +3 600 000). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const clock = wallClockAt(epochMs, timeZone);
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
    clock.millisecond,
  );
  return asUtc - epochMs;
}

const DAY_MS = 86_400_000;

/** The instant at which `timeZone`'s clocks read `wall` (see the module comment for DST gaps and overlaps). */
export function wallClockToEpoch(wall: WallClock, timeZone: string): number {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const offsetBefore = offsetAt(local - DAY_MS, timeZone);
  const offsetAfter = offsetAt(local + DAY_MS, timeZone);
  const candidates = [local - offsetBefore, local - offsetAfter].filter(
    (epoch) => epoch + offsetAt(epoch, timeZone) === local,
  );
  if (candidates.length) return Math.min(...candidates);
  // Skipped by a spring-forward: read with the offset in force before the change, i.e. moved forward by the gap.
  return local - offsetBefore;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

let visitorZone: string | undefined;

/** The visitor's own zone (read once: building a formatter to ask costs more than a whole parse). */
export function localTimeZone(): string {
  if (visitorZone) return visitorZone;
  try {
    return (visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  } catch {
    return 'UTC';
  }
}

/** `timeZone` when valid, trimmed (Intl throws on ` Europe/Paris `, which isTimeZone accepts), else the visitor's. */
function zoneOrLocal(timeZone: string | null | undefined): string {
  return isTimeZone(timeZone) ? timeZone.trim() : localTimeZone();
}

/**
 * Epoch ms of an ISO 8601 date-time, or null when it is not one.
 * @param timeZone IANA zone for values written without an offset; the visitor's when absent.
 */
export function parseDateTime(value: string | null | undefined, timeZone?: string | null): number | null {
  if (value == null) return null;
  const match = ISO.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', offset] = match;
  const wall: WallClock = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    millisecond: Math.round(Number(`0.${fraction}`) * 1000),
  };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > daysInMonth(wall.year, wall.month)) return null;
  // 24:00 is the end of a day in ISO 8601; anything past it is not a time.
  if (wall.hour > 24 || (wall.hour === 24 && (wall.minute || wall.second || wall.millisecond))) return null;
  if (wall.minute > 59 || wall.second > 59) return null;
  if (offset) {
    const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
    if (offset.toUpperCase() === 'Z') return local;
    const digits = offset.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5) || '0');
    if (hours > 23 || minutes > 59) return null;
    return local - sign * (hours * 3_600_000 + minutes * 60_000);
  }
  const zone = zoneOrLocal(timeZone);
  if (wall.hour === 24) {
    const next = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
    return wallClockToEpoch(
      { ...wall, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0 },
      zone,
    );
  }
  return wallClockToEpoch(wall, zone);
}

export interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

/** `"14:00"`, `"9:30"`, `"23:59:59"` → a time of day, or null. */
export function parseTimeOfDay(value: string | null | undefined): TimeOfDay | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

/** The next instant, strictly after `nowMs`, at which `timeZone`'s clocks read `time` (today's, else tomorrow's). */
export function nextDailyCutoff(nowMs: number, time: TimeOfDay, timeZone?: string | null): number {
  const zone = zoneOrLocal(timeZone);
  const today = wallClockAt(nowMs, zone);
  for (let dayOffset = 0; dayOffset < 3; dayOffset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + dayOffset));
    const cutoff = wallClockToEpoch(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        ...time,
        millisecond: 0,
      },
      zone,
    );
    if (cutoff > nowMs) return cutoff;
  }
  return nowMs + DAY_MS;
}
