import { describe, expect, test } from 'vitest';
import {
  isTimeZone,
  localTimeZone,
  nextDailyCutoff,
  offsetAt,
  parseDateTime,
  parseTimeOfDay,
  wallClockAt,
} from '@vitrine/core';

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('parseDateTime', () => {
  test('a value with an offset is an instant, whatever the zone', () => {
    expect(parseDateTime('2026-11-27T23:59:00+01:00')).toBe(utc('2026-11-27T22:59:00Z'));
    expect(parseDateTime('2026-11-27T23:59:00+01:00', 'America/New_York')).toBe(utc('2026-11-27T22:59:00Z'));
    expect(parseDateTime('2026-11-27T23:59-0530')).toBe(utc('2026-11-28T05:29:00Z'));
    expect(parseDateTime('2026-11-27T12:00:00.250+00')).toBe(utc('2026-11-27T12:00:00.250Z'));
  });

  test('Z means UTC', () => {
    expect(parseDateTime('2026-11-27T00:00:00Z')).toBe(utc('2026-11-27T00:00:00Z'));
    expect(parseDateTime('2026-11-27t00:00z')).toBe(utc('2026-11-27T00:00:00Z'));
  });

  test('a value without an offset is a wall-clock time in the given zone', () => {
    expect(parseDateTime('2026-11-27T00:00', 'Europe/Paris')).toBe(utc('2026-11-26T23:00:00Z'));
    expect(parseDateTime('2026-07-01T12:00', 'Europe/Paris')).toBe(utc('2026-07-01T10:00:00Z'));
    expect(parseDateTime('2026-11-27T00:00', 'America/New_York')).toBe(utc('2026-11-27T05:00:00Z'));
    expect(parseDateTime('2026-11-27', 'Asia/Tokyo')).toBe(utc('2026-11-26T15:00:00Z'));
    expect(parseDateTime('2026-11-27T00:00', ' Europe/Paris ')).toBe(utc('2026-11-26T23:00:00Z'));
  });

  test("without a zone (or with an invalid one) it is the visitor's wall clock", () => {
    const visitors = new Date(2026, 10, 27, 8, 30).getTime();
    expect(parseDateTime('2026-11-27T08:30')).toBe(visitors);
    expect(parseDateTime('2026-11-27T08:30', 'Mars/Olympus')).toBe(visitors);
    expect(isTimeZone(localTimeZone())).toBe(true);
  });

  test('24:00 is the end of the day', () => {
    expect(parseDateTime('2026-11-27T24:00', 'Europe/Paris')).toBe(parseDateTime('2026-11-28T00:00', 'Europe/Paris'));
    expect(parseDateTime('2026-11-27T24:01', 'Europe/Paris')).toBeNull();
  });

  test.each([
    ['2026-02-30T00:00', 'February has no 30th'],
    ['2026-02-29', '2026 is not a leap year'],
    ['2026-13-01T00:00', 'no 13th month'],
    ['2026-11-27T25:00', 'no 25th hour'],
    ['2026-11-27T23:60', 'no 60th minute'],
    ['2026-11-27T10:00+25:00', 'no such offset'],
    ['tomorrow', 'not a date'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['27/11/2026', 'not ISO 8601'],
  ])('%s is refused (%s)', (value) => {
    expect(parseDateTime(value, 'Europe/Paris')).toBeNull();
  });

  test('null and undefined are no date', () => {
    expect(parseDateTime(null)).toBeNull();
    expect(parseDateTime(undefined)).toBeNull();
  });

  test('2028-02-29 exists', () => {
    expect(parseDateTime('2028-02-29T00:00Z')).toBe(utc('2028-02-29T00:00:00Z'));
  });
});

describe('DST changes', () => {
  test('America/New_York, 2026-03-08: EST before the change, EDT after', () => {
    expect(parseDateTime('2026-03-08T01:59', 'America/New_York')).toBe(utc('2026-03-08T06:59:00Z'));
    expect(parseDateTime('2026-03-08T03:00', 'America/New_York')).toBe(utc('2026-03-08T07:00:00Z'));
    expect(parseDateTime('2026-03-08T12:00', 'America/New_York')).toBe(utc('2026-03-08T16:00:00Z'));
  });

  test('America/New_York, 2026-03-08 02:30 does not exist: it moves forward by the gap, to 03:30 EDT', () => {
    expect(parseDateTime('2026-03-08T02:30', 'America/New_York')).toBe(utc('2026-03-08T07:30:00Z'));
  });

  test('America/New_York, 2026-11-01 01:30 happens twice: the first (EDT) is taken', () => {
    expect(parseDateTime('2026-11-01T01:30', 'America/New_York')).toBe(utc('2026-11-01T05:30:00Z'));
    expect(parseDateTime('2026-11-01T00:30', 'America/New_York')).toBe(utc('2026-11-01T04:30:00Z'));
    expect(parseDateTime('2026-11-01T02:00', 'America/New_York')).toBe(utc('2026-11-01T07:00:00Z'));
  });

  test('Europe/Paris, 2026-03-29: 02:30 does not exist and moves to 03:30 CEST', () => {
    expect(parseDateTime('2026-03-29T01:59', 'Europe/Paris')).toBe(utc('2026-03-29T00:59:00Z'));
    expect(parseDateTime('2026-03-29T02:30', 'Europe/Paris')).toBe(utc('2026-03-29T01:30:00Z'));
    expect(parseDateTime('2026-03-29T03:00', 'Europe/Paris')).toBe(utc('2026-03-29T01:00:00Z'));
  });

  test('Europe/Paris, 2026-10-25: 02:30 happens twice and the first (CEST) is taken', () => {
    expect(parseDateTime('2026-10-25T02:30', 'Europe/Paris')).toBe(utc('2026-10-25T00:30:00Z'));
    expect(parseDateTime('2026-10-25T03:00', 'Europe/Paris')).toBe(utc('2026-10-25T02:00:00Z'));
    expect(parseDateTime('2026-10-25T01:59', 'Europe/Paris')).toBe(utc('2026-10-24T23:59:00Z'));
  });

  test('offsetAt and wallClockAt read the zone at an instant', () => {
    expect(offsetAt(utc('2026-01-15T12:00:00Z'), 'Europe/Paris')).toBe(HOUR);
    expect(offsetAt(utc('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe(2 * HOUR);
    expect(offsetAt(utc('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(wallClockAt(utc('2026-10-25T00:30:00.125Z'), 'Europe/Paris')).toEqual({
      year: 2026,
      month: 10,
      day: 25,
      hour: 2,
      minute: 30,
      second: 0,
      millisecond: 125,
    });
  });
});

describe('daily cut-offs', () => {
  const twoPm = { hour: 14, minute: 0, second: 0 };

  test('parseTimeOfDay', () => {
    expect(parseTimeOfDay('14:00')).toEqual(twoPm);
    expect(parseTimeOfDay('9:30')).toEqual({ hour: 9, minute: 30, second: 0 });
    expect(parseTimeOfDay('23:59:59')).toEqual({ hour: 23, minute: 59, second: 59 });
    for (const bad of ['24:00', '14:60', '14h', '', 'noon', null]) expect(parseTimeOfDay(bad)).toBeNull();
  });

  test("today's cut-off while it is still ahead", () => {
    const now = utc('2026-11-27T09:00:00Z'); // 10:00 in Paris
    expect(nextDailyCutoff(now, twoPm, 'Europe/Paris')).toBe(utc('2026-11-27T13:00:00Z'));
  });

  test("rolls to tomorrow once today's has passed (and at the cut-off itself)", () => {
    expect(nextDailyCutoff(utc('2026-11-27T13:30:00Z'), twoPm, 'Europe/Paris')).toBe(utc('2026-11-28T13:00:00Z'));
    expect(nextDailyCutoff(utc('2026-11-27T13:00:00Z'), twoPm, 'Europe/Paris')).toBe(utc('2026-11-28T13:00:00Z'));
  });

  test('rolls across a month and a year', () => {
    expect(nextDailyCutoff(utc('2026-12-31T20:00:00Z'), twoPm, 'Europe/Paris')).toBe(utc('2027-01-01T13:00:00Z'));
  });

  test('across the spring-forward day: 14:00 EDT is only 23 hours after 14:00 EST', () => {
    const saturday = utc('2026-03-07T19:30:00Z'); // 14:30 EST
    const cutoff = nextDailyCutoff(saturday, twoPm, 'America/New_York');
    expect(cutoff).toBe(utc('2026-03-08T18:00:00Z')); // 14:00 EDT
    expect(cutoff - utc('2026-03-07T19:00:00Z')).toBe(23 * HOUR);
  });

  test('across the fall-back day in Paris: 25 hours between two cut-offs', () => {
    const saturday = utc('2026-10-24T12:30:00Z'); // 14:30 CEST
    const cutoff = nextDailyCutoff(saturday, twoPm, 'Europe/Paris');
    expect(cutoff).toBe(utc('2026-10-25T13:00:00Z')); // 14:00 CET
    expect(cutoff - utc('2026-10-24T12:00:00Z')).toBe(25 * HOUR);
  });

  test('a cut-off inside the spring-forward gap moves forward with it', () => {
    const before = utc('2026-03-29T00:00:00Z'); // 01:00 CET
    expect(nextDailyCutoff(before, { hour: 2, minute: 30, second: 0 }, 'Europe/Paris')).toBe(
      utc('2026-03-29T01:30:00Z'),
    );
  });

  test('the zone is read where now is: 01:00 in Tokyo is already tomorrow for UTC', () => {
    const now = utc('2026-11-27T15:30:00Z'); // 00:30 on the 28th in Tokyo
    expect(nextDailyCutoff(now, { hour: 1, minute: 0, second: 0 }, 'Asia/Tokyo')).toBe(utc('2026-11-27T16:00:00Z'));
  });
});

describe('isTimeZone', () => {
  test.each(['Europe/Paris', 'America/New_York', 'UTC', 'Asia/Kolkata'])('%s is a zone', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });
  test.each(['Mars/Olympus', '', '  ', '+01:00', '-05:00', 'Paris'])('%j is not', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
  test('null and undefined are not', () => {
    expect(isTimeZone(null)).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
  });
});
