/**
 * Recurring schedules: `days`, `from`, `until` and `every` on every widget, read in the widget's
 * `timezone`. Pure functions of an instant (no clock is read here), so the same math serves the
 * live schedule, a preview at another instant and the plan of a campaign.
 *
 * One syntax, three periods:
 * - `every="day"` (the default): `days="fri,sat,sun"` or `days="mon-fri"` (all days when absent),
 *   `from="18:00"`, `until="23:59"` — a window each chosen day;
 * - `every="week"`: `from="fri 18:00"`, `until="sun 23:59"` — one window a week;
 * - `every="month"`: `from="1 00:00"`, `until="3 23:59"` — one window a month; a day the month does
 *   not have is its last day (`until="31"` ends with every month, February included).
 * A day without a time is the whole day (`from` at 00:00, `until` at 24:00); an `until` at or before
 * `from` ends in the next period (`days="fri" from="18:00" until="02:00"` runs Fri 18:00 → Sat 02:00).
 * Wall times skipped by a spring-forward move forward by the gap, repeated ones take the first
 * (Temporal's "compatible", as `start`/`end` do). Windows that touch or overlap are one occurrence:
 * `days="sat,sun"` is one weekend, and a countdown in it counts to Sunday midnight.
 */
import { daysInMonth, localTimeZone, parseTimeOfDay, wallClockAt, wallClockToEpoch } from '../parse/datetime.js';
import { blank } from '../parse/attribute.js';

export const RECURRENCE_EVERY = ['day', 'week', 'month'] as const;
export type RecurrenceEvery = (typeof RECURRENCE_EVERY)[number];

/** One end of the window: a day (weekday 0 = Sunday, or day of the month; unused daily) and seconds into it (86 400: its end). */
interface Anchor {
  day: number;
  seconds: number;
}

export interface Recurrence {
  every: RecurrenceEvery;
  /** Daily: the weekdays allowed, bit 0 = Sunday. */
  days: number;
  from: Anchor;
  until: Anchor;
  timeZone: string;
}

/** An occurrence, or the window of a schedule: epoch ms, the end excluded (null: never ends). */
export interface ScheduleWindow {
  startAt: number;
  endAt: number | null;
}

/** What a widget's schedule is made of: the campaign's `start`/`end` bound the recurrence's occurrences. */
export interface Schedule {
  startAt: number | null;
  endAt: number | null;
  recurrence: Recurrence | null;
}

/** The raw attributes, as written, and the widget's valid zone (the visitor's when undefined; read only when a rule is set). */
export interface RecurrenceAttributes {
  every: string | null;
  days: string | null;
  from: string | null;
  until: string | null;
  timeZone?: string;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_SECONDS = 86_400;
const DAY_MS = DAY_SECONDS * 1000;
/** No walk goes further than this many days (about ten years: a plan may ask for long ranges). */
const HORIZON_DAYS = 3700;
/** The longest occurrence merged from touching ones. */
const MERGE_MS = 31 * DAY_MS;

export const DAYS_EXPECTED = 'days of the week such as fri,sat,sun or mon-fri';
const ANCHOR_EXPECTED: Record<RecurrenceEvery, string> = {
  // A day in it is the most likely slip: say where a day goes.
  day: 'a time of day such as 18:00 (a day and time, fri 18:00, with every="week")',
  week: 'a day and time such as fri 18:00',
  month: 'a day of the month and time such as 1 00:00',
};

type Warn = (attribute: string, value: unknown, expected: string) => void;

/** `fri,sat,sun`, `mon-fri`, `fri-mon` (any case, commas or spaces) → a weekday mask, or 0 when any part is no day. */
function parseDays(text: string): number {
  let mask = 0;
  for (const token of text.toLowerCase().split(/[\s,]+/)) {
    if (!token) continue;
    const [first, last = first, extra] = token.split('-').map((name) => WEEKDAYS.indexOf(name));
    if (first < 0 || last < 0 || extra !== undefined) return 0;
    for (let day = first; ; day = (day + 1) % 7) {
      mask |= 1 << day;
      if (day === last) break;
    }
  }
  return mask;
}

/** `18:00` (daily), `fri 18:00` (weekly), `1 00:00` (monthly); a day alone is its whole day. */
function parseAnchor(text: string, every: RecurrenceEvery, isUntil: boolean): Anchor | null {
  const [first, second, extra] = text.trim().toLowerCase().split(/\s+/);
  const [dayText, timeText] = every === 'day' ? ['', first] : [first, second];
  if (extra !== undefined || (every === 'day' && second !== undefined)) return null;
  const day =
    every === 'week' ? WEEKDAYS.indexOf(dayText) : every === 'month' && /^\d{1,2}$/.test(dayText) ? +dayText : 0;
  if (day < 0 || (every === 'month' && (day < 1 || day > 31))) return null;
  if (timeText === undefined) return every === 'day' ? null : { day, seconds: isUntil ? DAY_SECONDS : 0 };
  if (isUntil && timeText === '24:00') return { day, seconds: DAY_SECONDS };
  const time = parseTimeOfDay(timeText);
  return time && { day, seconds: time.hour * 3600 + time.minute * 60 + time.second };
}

/**
 * The recurrence the attributes describe, or null: none set, or one of them invalid — then with
 * ONE warning naming it, and the widget keeps its plain `start`/`end` window.
 */
export function parseRecurrence(attributes: RecurrenceAttributes, warn: Warn): Recurrence | null {
  const { days, from, until } = attributes;
  const every = blank(attributes.every) ? null : attributes.every.trim().toLowerCase();
  if (!every && blank(days) && blank(from) && blank(until)) return null;
  if (every && !(RECURRENCE_EVERY as readonly string[]).includes(every)) {
    warn('every', attributes.every, `one of ${RECURRENCE_EVERY.join(', ')}`);
    return null;
  }
  const period = (every ?? 'day') as RecurrenceEvery;
  let ok = true;
  let mask = 127;
  if (!blank(days)) {
    if (period !== 'day') {
      warn('days', days, `no days with every="${period}" (the day goes in from and until)`);
      ok = false;
    } else if (!(mask = parseDays(days))) {
      warn('days', days, DAYS_EXPECTED);
      ok = false;
    }
  }
  const anchor = (attribute: string, text: string | null, isUntil: boolean): Anchor | null => {
    if (blank(text)) return period === 'day' ? { day: 0, seconds: isUntil ? DAY_SECONDS : 0 } : null;
    const parsed = parseAnchor(text, period, isUntil);
    if (!parsed) {
      warn(attribute, text, ANCHOR_EXPECTED[period]);
      ok = false;
    }
    return parsed;
  };
  const start = anchor('from', from, false);
  const end = anchor('until', until, true) ?? (start && { day: start.day, seconds: DAY_SECONDS });
  if (!ok) return null;
  if (!start || !end) {
    warn('every', attributes.every, `a from such as from="${period === 'week' ? 'fri 18:00' : '1 00:00'}" with it`);
    return null;
  }
  return { every: period, days: mask, from: start, until: end, timeZone: attributes.timeZone ?? localTimeZone() };
}

const clock = (seconds: number) =>
  `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}`;

/** `every fri, sat, sun 18:00–23:59 (Europe/Paris)`, `every week, fri 18:00–sun 23:59 (…)`, `every month, 1 00:00–3 23:59 (…)`. */
export function describeRecurrence(rule: Recurrence): string {
  const { every, from, until } = rule;
  let text: string;
  if (every === 'day') {
    const days = [1, 2, 3, 4, 5, 6, 0].filter((day) => rule.days & (1 << day)).map((day) => WEEKDAYS[day]);
    text = `${days.length === 7 ? 'day' : days.join(', ')} ${clock(from.seconds)}–${clock(until.seconds)}`;
  } else {
    const day = (anchor: Anchor) => (every === 'week' ? WEEKDAYS[anchor.day] : anchor.day);
    text = `${every}, ${day(from)} ${clock(from.seconds)}–${day(until)} ${clock(until.seconds)}`;
  }
  return `every ${text} (${rule.timeZone})`;
}

/**
 * Every occurrence of `rule` that ends after `after` and starts before `horizon`, in order, merged
 * where they touch or overlap. The walk goes day by day in the rule's zone and starts a period
 * early: an occurrence that began before `after` may still run, and its start is the true one.
 */
function* occurrencesAfter(rule: Recurrence, after: number, horizon: number): Generator<ScheduleWindow> {
  const { every, from, until, timeZone } = rule;
  const today = wallClockAt(after, timeZone);
  let pending: { startAt: number; endAt: number } | null = null;
  for (let offset = every === 'month' ? -62 : -7; offset < HORIZON_DAYS; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    // Midnight of this day read as UTC is within a day of the true instant, whatever the zone.
    const roughly = date.getTime() - DAY_MS;
    if (pending && roughly > pending.endAt) {
      if (pending.endAt > after) yield pending;
      pending = null;
    }
    if (!pending && roughly > horizon) return;
    const [year, month, day, weekday] = [
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      date.getUTCDay(),
    ];
    let endMonth = month;
    let endDay: number;
    if (every === 'day') {
      if (!(rule.days & (1 << weekday))) continue;
      endDay = day + (until.seconds <= from.seconds ? 1 : 0);
    } else if (every === 'week') {
      if (weekday !== from.day) continue;
      endDay = day + ((until.day - from.day + 7) % 7 || (until.seconds <= from.seconds ? 7 : 0));
    } else {
      if (day !== Math.min(from.day, daysInMonth(year, month))) continue;
      if (until.day < from.day || (until.day === from.day && until.seconds <= from.seconds)) endMonth++;
      endDay = Math.min(until.day, daysInMonth(year, endMonth));
    }
    const wall = (m: number, d: number, seconds: number) =>
      wallClockToEpoch({ year, month: m, day: d, hour: 0, minute: 0, second: seconds, millisecond: 0 }, timeZone);
    const startAt = wall(month, day, from.seconds);
    const endAt = wall(endMonth, endDay, until.seconds);
    if (endAt <= startAt) continue;
    // Merged up to a month: real rules leave a gap within a week; one that never does (every day, all day) is
    // always on, and walking years of it at each check would cost more than it tells.
    if (pending && startAt <= pending.endAt && pending.endAt - pending.startAt < MERGE_MS) {
      pending.endAt = Math.max(pending.endAt, endAt);
      continue;
    }
    if (pending && pending.endAt > after) yield pending;
    if (startAt >= horizon) return;
    pending = { startAt, endAt };
  }
  if (pending && pending.endAt > after) yield pending;
}

/**
 * The windows of `schedule` that end after `after`, in order: its occurrences clipped to
 * `start`/`end` — or, without a recurrence, its one `start`/`end` window (`startAt` -Infinity when
 * it has no start).
 */
function* windowsAfter(schedule: Schedule, after: number, horizon: number): Generator<ScheduleWindow> {
  const { startAt, endAt, recurrence } = schedule;
  if (!recurrence) {
    if (endAt === null || endAt > after) yield { startAt: startAt ?? -Infinity, endAt };
    return;
  }
  for (const occurrence of occurrencesAfter(recurrence, Math.max(after, startAt ?? after), horizon)) {
    // Past `end` (or `end` itself already past): nothing more.
    if (endAt !== null && (occurrence.startAt >= endAt || endAt <= after)) return;
    yield {
      startAt: Math.max(occurrence.startAt, startAt ?? -Infinity),
      endAt: endAt === null ? occurrence.endAt : Math.min(occurrence.endAt!, endAt),
    };
  }
}

/** The window containing `now`, else the next one, else null (the schedule is over). */
export function windowAt(schedule: Schedule, now: number): ScheduleWindow | null {
  for (const window of windowsAfter(schedule, now, Infinity)) return window;
  return null;
}

/** The windows that overlap [`from`, `to`), in order, at most `limit`. */
export function occurrences(schedule: Schedule, from: number, to: number, limit = 100): ScheduleWindow[] {
  const found: ScheduleWindow[] = [];
  for (const window of windowsAfter(schedule, from, to)) {
    if (window.startAt >= to || found.length >= limit) break;
    found.push(window);
  }
  return found;
}
