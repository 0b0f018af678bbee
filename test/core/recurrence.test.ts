import { describe, expect, test, vi } from 'vitest';
import type { RecurrenceAttributes, Schedule } from '@vitrine/core';
import {
  DAYS_EXPECTED,
  describeRecurrence,
  occurrences,
  parseRecurrence,
  windowAt,
} from '../../packages/core/src/schedule/recurrence.ts';

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

interface Rule extends Partial<RecurrenceAttributes> {
  start?: string;
  end?: string;
}

/** The schedule the attributes describe; fails the test on any warning. */
function schedule({ start, end, ...rule }: Rule): Schedule {
  const warn = vi.fn();
  const recurrence = parseRecurrence({ every: null, days: null, from: null, until: null, ...rule }, warn);
  expect(warn).not.toHaveBeenCalled();
  return { startAt: start ? utc(start) : null, endAt: end ? utc(end) : null, recurrence };
}

/** Occurrences between two instants, written back as ISO pairs for a readable table. */
function table(rule: Rule, from: string, to: string, limit?: number): string[] {
  return occurrences(schedule(rule), utc(from), utc(to), limit).map(
    ({ startAt, endAt }) =>
      `${new Date(startAt).toISOString()} → ${endAt === null ? '∞' : new Date(endAt).toISOString()}`,
  );
}

describe('occurrences: a table of expected windows', () => {
  test('weekly: every Friday 18:00 until Sunday 23:59, Paris', () => {
    const rule = { every: 'week', from: 'fri 18:00', until: 'sun 23:59', timeZone: 'Europe/Paris' };
    expect(table(rule, '2026-11-23T00:00Z', '2026-12-14T00:00Z')).toEqual([
      '2026-11-27T17:00:00.000Z → 2026-11-29T22:59:00.000Z',
      '2026-12-04T17:00:00.000Z → 2026-12-06T22:59:00.000Z',
      '2026-12-11T17:00:00.000Z → 2026-12-13T22:59:00.000Z',
    ]);
    // In summer, the same wall times are an hour earlier in UTC.
    expect(table(rule, '2026-07-06T00:00Z', '2026-07-13T00:00Z')).toEqual([
      '2026-07-10T16:00:00.000Z → 2026-07-12T21:59:00.000Z',
    ]);
  });

  test('daily on chosen days: fri, sat, sun 18:00–23:59', () => {
    const rule = { days: 'fri,sat,sun', from: '18:00', until: '23:59', timeZone: 'Europe/Paris' };
    expect(table(rule, '2026-11-23T00:00Z', '2026-12-05T00:00Z')).toEqual([
      '2026-11-27T17:00:00.000Z → 2026-11-27T22:59:00.000Z',
      '2026-11-28T17:00:00.000Z → 2026-11-28T22:59:00.000Z',
      '2026-11-29T17:00:00.000Z → 2026-11-29T22:59:00.000Z',
      '2026-12-04T17:00:00.000Z → 2026-12-04T22:59:00.000Z',
    ]);
  });

  test('daily crossing midnight: Friday 18:00 until Saturday 02:00, New York', () => {
    const rule = { days: 'FRI', from: '18:00', until: '02:00', timeZone: 'America/New_York' };
    expect(table(rule, '2026-11-23T00:00Z', '2026-12-06T00:00Z')).toEqual([
      '2026-11-27T23:00:00.000Z → 2026-11-28T07:00:00.000Z',
      '2026-12-04T23:00:00.000Z → 2026-12-05T07:00:00.000Z',
    ]);
  });

  test('every day (no days), a window that starts before the range still counts', () => {
    const rule = { from: '22:00', until: '06:00', timeZone: 'UTC' };
    expect(table(rule, '2026-11-27T03:00Z', '2026-11-29T00:00Z')).toEqual([
      '2026-11-26T22:00:00.000Z → 2026-11-27T06:00:00.000Z',
      '2026-11-27T22:00:00.000Z → 2026-11-28T06:00:00.000Z',
      '2026-11-28T22:00:00.000Z → 2026-11-29T06:00:00.000Z',
    ]);
  });

  test('ranges: mon-fri, and fri-mon across the week’s end', () => {
    const weekdays = { days: 'mon-fri', from: '09:00', until: '17:00', timeZone: 'UTC' };
    expect(table(weekdays, '2026-11-27T00:00Z', '2026-12-01T00:00Z')).toEqual([
      '2026-11-27T09:00:00.000Z → 2026-11-27T17:00:00.000Z',
      '2026-11-30T09:00:00.000Z → 2026-11-30T17:00:00.000Z',
    ]);
    const longWeekend = { days: 'fri-mon', timeZone: 'UTC' };
    expect(table(longWeekend, '2026-11-23T00:00Z', '2026-12-08T00:00Z')).toEqual([
      '2026-11-20T00:00:00.000Z → 2026-11-24T00:00:00.000Z',
      '2026-11-27T00:00:00.000Z → 2026-12-01T00:00:00.000Z',
      '2026-12-04T00:00:00.000Z → 2026-12-08T00:00:00.000Z',
    ]);
  });

  test('whole days that touch are one occurrence: a weekend is Saturday 00:00 to Monday 00:00', () => {
    const rule = { days: 'sat sun', timeZone: 'Europe/Paris' };
    expect(table(rule, '2026-11-23T00:00Z', '2026-12-07T00:00Z')).toEqual([
      '2026-11-27T23:00:00.000Z → 2026-11-29T23:00:00.000Z',
      '2026-12-04T23:00:00.000Z → 2026-12-06T23:00:00.000Z',
    ]);
    // Asked on Sunday, the occurrence still starts on Saturday.
    expect(windowAt(schedule(rule), utc('2026-11-29T12:00Z'))).toEqual({
      startAt: utc('2026-11-27T23:00Z'),
      endAt: utc('2026-11-29T23:00Z'),
    });
  });

  test('weekly: a day alone is the whole day; an until before from ends the next week', () => {
    expect(table({ every: 'week', from: 'fri', timeZone: 'UTC' }, '2026-11-23T00:00Z', '2026-12-01T00:00Z')).toEqual([
      '2026-11-27T00:00:00.000Z → 2026-11-28T00:00:00.000Z',
    ]);
    const rule = { every: 'week', from: 'sun 20:00', until: 'sun 08:00', timeZone: 'UTC' };
    expect(table(rule, '2026-11-29T00:00Z', '2026-12-07T00:00Z')).toEqual([
      '2026-11-22T20:00:00.000Z → 2026-11-29T08:00:00.000Z',
      '2026-11-29T20:00:00.000Z → 2026-12-06T08:00:00.000Z',
      '2026-12-06T20:00:00.000Z → 2026-12-13T08:00:00.000Z',
    ]);
  });

  test('monthly: the 1st 00:00 until the 3rd 23:59', () => {
    const rule = { every: 'month', from: '1 00:00', until: '3 23:59', timeZone: 'Europe/Paris' };
    expect(table(rule, '2026-01-01T00:00Z', '2026-03-15T00:00Z')).toEqual([
      '2025-12-31T23:00:00.000Z → 2026-01-03T22:59:00.000Z',
      '2026-01-31T23:00:00.000Z → 2026-02-03T22:59:00.000Z',
      '2026-02-28T23:00:00.000Z → 2026-03-03T22:59:00.000Z',
    ]);
  });

  test('monthly on the 31st: short months take their last day (clamped, never skipped)', () => {
    const rule = { every: 'month', from: '31', timeZone: 'UTC' };
    expect(table(rule, '2026-01-01T00:00Z', '2026-05-01T00:00Z')).toEqual([
      '2026-01-31T00:00:00.000Z → 2026-02-01T00:00:00.000Z',
      '2026-02-28T00:00:00.000Z → 2026-03-01T00:00:00.000Z',
      '2026-03-31T00:00:00.000Z → 2026-04-01T00:00:00.000Z',
      '2026-04-30T00:00:00.000Z → 2026-05-01T00:00:00.000Z',
    ]);
    // A leap year's February has its 29th.
    expect(table(rule, '2028-02-01T00:00Z', '2028-03-01T00:00Z')).toEqual([
      '2028-02-29T00:00:00.000Z → 2028-03-01T00:00:00.000Z',
    ]);
    // The end of every month: from the 25th until the 31st.
    expect(
      table({ every: 'month', from: '25', until: '31', timeZone: 'UTC' }, '2026-02-01T00:00Z', '2026-03-01T00:00Z'),
    ).toEqual(['2026-02-25T00:00:00.000Z → 2026-03-01T00:00:00.000Z']);
  });

  test('monthly across the month’s end: the 28th until the 2nd', () => {
    const rule = { every: 'month', from: '28 12:00', until: '2 12:00', timeZone: 'UTC' };
    expect(table(rule, '2026-12-01T00:00Z', '2027-02-01T00:00Z')).toEqual([
      '2026-11-28T12:00:00.000Z → 2026-12-02T12:00:00.000Z',
      '2026-12-28T12:00:00.000Z → 2027-01-02T12:00:00.000Z',
      '2027-01-28T12:00:00.000Z → 2027-02-02T12:00:00.000Z',
    ]);
  });

  test('start and end bound the occurrences (clipped at both ends)', () => {
    const rule = {
      days: 'fri,sat,sun',
      from: '18:00',
      until: '23:59',
      timeZone: 'Europe/Paris',
      start: '2026-11-27T18:00:00Z',
      end: '2026-11-29T20:00:00Z',
    };
    expect(table(rule, '2026-11-01T00:00Z', '2026-12-31T00:00Z')).toEqual([
      '2026-11-27T18:00:00.000Z → 2026-11-27T22:59:00.000Z',
      '2026-11-28T17:00:00.000Z → 2026-11-28T22:59:00.000Z',
      '2026-11-29T17:00:00.000Z → 2026-11-29T20:00:00.000Z',
    ]);
  });

  test('a rule that is always on (every day, all day) gives occurrences of at most a month that touch', () => {
    // Merging stops at a month: walking years of days at each check would cost more than it tells.
    const always = schedule({ days: 'mon-sun', timeZone: 'Europe/Paris' });
    const window = windowAt(always, utc('2026-11-27T10:00Z'))!;
    expect(window.startAt).toBeLessThanOrEqual(utc('2026-11-27T10:00Z'));
    expect(window.endAt! - window.startAt).toBeLessThanOrEqual(32 * 24 * HOUR);
    // At its end the next one has begun: the widget stays on across the seam.
    const next = windowAt(always, window.endAt!)!;
    expect(next.startAt).toBeLessThanOrEqual(window.endAt!);
    expect(next.endAt).toBeGreaterThan(window.endAt!);
  });

  test('limit caps the list', () => {
    expect(
      table({ from: '09:00', until: '10:00', timeZone: 'UTC' }, '2026-01-01T00:00Z', '2027-01-01T00:00Z', 3),
    ).toHaveLength(3);
    expect(
      table({ from: '09:00', until: '10:00', timeZone: 'UTC' }, '2026-01-01T00:00Z', '2027-01-01T00:00Z'),
    ).toHaveLength(100);
  });
});

describe('across DST changes', () => {
  // Europe/Paris: 2026-03-29 02:00 → 03:00 (01:00Z), 2026-10-25 03:00 → 02:00 (01:00Z).
  // America/New_York: 2026-03-08 02:00 → 03:00 (07:00Z), 2026-11-01 02:00 → 01:00 (06:00Z).
  const night = (timeZone: string, from = '01:30', until = '03:30') => ({ days: 'sun', from, until, timeZone });

  test('01:30–03:30 on the spring-forward night lasts one hour', () => {
    expect(table(night('Europe/Paris'), '2026-03-29T00:00Z', '2026-03-30T00:00Z')).toEqual([
      '2026-03-29T00:30:00.000Z → 2026-03-29T01:30:00.000Z',
    ]);
    expect(table(night('America/New_York'), '2026-03-08T00:00Z', '2026-03-09T00:00Z')).toEqual([
      '2026-03-08T06:30:00.000Z → 2026-03-08T07:30:00.000Z',
    ]);
  });

  test('01:30–03:30 on the fall-back night lasts three hours (01:30 is the first one)', () => {
    expect(table(night('Europe/Paris'), '2026-10-24T12:00Z', '2026-10-26T00:00Z')).toEqual([
      '2026-10-24T23:30:00.000Z → 2026-10-25T02:30:00.000Z',
    ]);
    expect(table(night('America/New_York'), '2026-11-01T00:00Z', '2026-11-02T00:00Z')).toEqual([
      '2026-11-01T05:30:00.000Z → 2026-11-01T08:30:00.000Z',
    ]);
  });

  test('02:30 does not exist on spring-forward day: it moves forward by the gap, to 03:30', () => {
    expect(table(night('Europe/Paris', '02:30', '04:00'), '2026-03-29T00:00Z', '2026-03-30T00:00Z')).toEqual([
      '2026-03-29T01:30:00.000Z → 2026-03-29T02:00:00.000Z',
    ]);
    expect(table(night('America/New_York', '02:30', '04:00'), '2026-03-08T00:00Z', '2026-03-09T00:00Z')).toEqual([
      '2026-03-08T07:30:00.000Z → 2026-03-08T08:00:00.000Z',
    ]);
  });

  test('a daily 18:00 stays 18:00 on the wall clock across both changes', () => {
    const daily = (timeZone: string) => ({ from: '18:00', until: '19:00', timeZone });
    expect(table(daily('Europe/Paris'), '2026-03-28T00:00Z', '2026-03-30T00:00Z')).toEqual([
      '2026-03-28T17:00:00.000Z → 2026-03-28T18:00:00.000Z',
      '2026-03-29T16:00:00.000Z → 2026-03-29T17:00:00.000Z',
    ]);
    expect(table(daily('America/New_York'), '2026-10-31T00:00Z', '2026-11-02T00:00Z')).toEqual([
      '2026-10-31T22:00:00.000Z → 2026-10-31T23:00:00.000Z',
      '2026-11-01T23:00:00.000Z → 2026-11-02T00:00:00.000Z',
    ]);
  });

  test('a whole Sunday is 23 hours in spring and 25 in autumn', () => {
    const [spring] = occurrences(
      schedule({ days: 'sun', timeZone: 'Europe/Paris' }),
      utc('2026-03-29T00:00Z'),
      utc('2026-03-29T12:00Z'),
    );
    expect(spring.endAt! - spring.startAt).toBe(23 * HOUR);
    const [autumn] = occurrences(
      schedule({ days: 'sun', timeZone: 'America/New_York' }),
      utc('2026-11-01T12:00Z'),
      utc('2026-11-01T13:00Z'),
    );
    expect(autumn.endAt! - autumn.startAt).toBe(25 * HOUR);
  });
});

describe('windowAt', () => {
  const weekend = { every: 'week', from: 'fri 18:00', until: 'sun 23:59', timeZone: 'Europe/Paris' };

  test('the occurrence containing now, else the next, else null', () => {
    const during = windowAt(schedule(weekend), utc('2026-11-28T12:00Z'));
    expect(during).toEqual({ startAt: utc('2026-11-27T17:00Z'), endAt: utc('2026-11-29T22:59Z') });
    const between = windowAt(schedule(weekend), utc('2026-12-01T12:00Z'));
    expect(between).toEqual({ startAt: utc('2026-12-04T17:00Z'), endAt: utc('2026-12-06T22:59Z') });
    // The end is excluded: at the end instant, the next one.
    expect(windowAt(schedule(weekend), utc('2026-11-29T22:59Z'))?.startAt).toBe(utc('2026-12-04T17:00Z'));
    expect(windowAt(schedule({ ...weekend, end: '2026-12-01T00:00Z' }), utc('2026-12-01T12:00Z'))).toBeNull();
    // An end inside an occurrence cuts it: from that instant on, nothing is left.
    const cut = schedule({ ...weekend, end: '2026-11-28T12:00Z' });
    expect(windowAt(cut, utc('2026-11-28T11:59Z'))).toEqual({
      startAt: utc('2026-11-27T17:00Z'),
      endAt: utc('2026-11-28T12:00Z'),
    });
    expect(windowAt(cut, utc('2026-11-28T12:00Z'))).toBeNull();
    expect(occurrences(cut, utc('2026-11-28T12:00Z'), utc('2026-12-31T00:00Z'))).toEqual([]);
  });

  test('a monthly rule finds its next occurrence weeks away', () => {
    const monthly = { every: 'month', from: '1 00:00', until: '3 23:59', timeZone: 'UTC' };
    expect(windowAt(schedule(monthly), utc('2026-11-05T00:00Z'))?.startAt).toBe(utc('2026-12-01T00:00Z'));
  });

  test('without a recurrence it is the start/end window', () => {
    expect(windowAt(schedule({}), utc('2026-11-27T00:00Z'))).toEqual({ startAt: -Infinity, endAt: null });
    const campaign = { start: '2026-11-27T00:00Z', end: '2026-11-30T00:00Z' };
    expect(windowAt(schedule(campaign), utc('2026-11-01T00:00Z'))).toEqual({
      startAt: utc('2026-11-27T00:00Z'),
      endAt: utc('2026-11-30T00:00Z'),
    });
    expect(windowAt(schedule(campaign), utc('2026-11-30T00:00Z'))).toBeNull();
  });
});

describe('describeRecurrence', () => {
  const words = (rule: Partial<RecurrenceAttributes>) =>
    describeRecurrence(parseRecurrence({ every: null, days: null, from: null, until: null, ...rule }, () => {})!);

  test('in words, in the rule’s zone', () => {
    expect(words({ days: 'fri,sat,sun', from: '18:00', until: '23:59', timeZone: 'Europe/Paris' })).toBe(
      'every fri, sat, sun 18:00–23:59 (Europe/Paris)',
    );
    expect(words({ from: '9:00', until: '17:30', timeZone: 'UTC' })).toBe('every day 09:00–17:30 (UTC)');
    expect(words({ days: 'sun-sat', timeZone: 'UTC' })).toBe('every day 00:00–24:00 (UTC)');
    expect(words({ every: 'week', from: 'fri 18:00', until: 'sun 23:59', timeZone: 'America/New_York' })).toBe(
      'every week, fri 18:00–sun 23:59 (America/New_York)',
    );
    expect(words({ every: 'Month', from: '1', until: '3 23:59', timeZone: 'UTC' })).toBe(
      'every month, 1 00:00–3 23:59 (UTC)',
    );
  });
});

describe('bad input: one warning, no recurrence', () => {
  const parse = (rule: Partial<RecurrenceAttributes>) => {
    const warn = vi.fn();
    const parsed = parseRecurrence({ every: null, days: null, from: null, until: null, ...rule }, warn);
    return { parsed, warnings: warn.mock.calls };
  };

  test.each([
    [{ days: 'funday' }, ['days', 'funday', DAYS_EXPECTED]],
    [{ days: 'fri,funday' }, ['days', 'fri,funday', DAYS_EXPECTED]],
    [{ days: 'mon-fri-sun' }, ['days', 'mon-fri-sun', DAYS_EXPECTED]],
    [
      { days: 'fri', from: '25:00' },
      ['from', '25:00', 'a time of day such as 18:00 (a day and time, fri 18:00, with every="week")'],
    ],
    [
      { from: '18:00', until: '18:60' },
      ['until', '18:60', 'a time of day such as 18:00 (a day and time, fri 18:00, with every="week")'],
    ],
    [
      { from: 'fri 18:00' },
      ['from', 'fri 18:00', 'a time of day such as 18:00 (a day and time, fri 18:00, with every="week")'],
    ],
    [{ every: 'fortnight', from: '18:00' }, ['every', 'fortnight', 'one of day, week, month']],
    [{ every: 'week', from: 'funday 18:00' }, ['from', 'funday 18:00', 'a day and time such as fri 18:00']],
    [{ every: 'week', from: '18:00' }, ['from', '18:00', 'a day and time such as fri 18:00']],
    [{ every: 'month', from: '32' }, ['from', '32', 'a day of the month and time such as 1 00:00']],
    [{ every: 'month', from: '0 10:00' }, ['from', '0 10:00', 'a day of the month and time such as 1 00:00']],
    [
      { every: 'week', days: 'fri', from: 'fri' },
      ['days', 'fri', 'no days with every="week" (the day goes in from and until)'],
    ],
    [{ every: 'week' }, ['every', 'week', 'a from such as from="fri 18:00" with it']],
  ])('%o', (rule, warning) => {
    const { parsed, warnings } = parse(rule);
    expect(parsed).toBeNull();
    expect(warnings).toEqual([warning]);
  });

  test('blank attributes (a Liquid setting left empty) are no recurrence, and no warning', () => {
    expect(parse({ days: '', from: ' ', until: '', every: '' })).toEqual({ parsed: null, warnings: [] });
  });

  test('24:00 is the end of a day, for until only', () => {
    expect(parse({ from: '18:00', until: '24:00' }).parsed?.until.seconds).toBe(86_400);
    expect(parse({ from: '24:00' }).warnings).toHaveLength(1);
  });
});
