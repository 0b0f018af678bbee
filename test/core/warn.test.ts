import { expect, test } from 'vitest';
import { DATE_TIME_EXPECTED, noteOnce, warnOnce } from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

const testPage = useTestPage();

const element = (campaign?: string) => {
  const el = document.createElement('vitrine-countdown');
  if (campaign) el.setAttribute('campaign', campaign);
  return el;
};

test('names the element, its campaign, the attribute, the value and what was expected', () => {
  expect(warnOnce(element('bf'), 'deadline', 'tomorrow', 'an ISO 8601 date-time')).toBe(true);
  expect(testPage.warn).toHaveBeenCalledTimes(1);
  expect(testPage.warn).toHaveBeenCalledWith(
    '[vitrine] <vitrine-countdown campaign="bf"> ignored deadline="tomorrow": expected an ISO 8601 date-time',
  );
});

test('without a campaign the tag alone names the element', () => {
  warnOnce(element(), 'start', '2026-02-30', DATE_TIME_EXPECTED);
  expect(testPage.warn).toHaveBeenCalledWith(
    `[vitrine] <vitrine-countdown> ignored start="2026-02-30": expected ${DATE_TIME_EXPECTED}`,
  );
});

test('prints exactly once per element, attribute and value', () => {
  const first = element('bf');
  const second = element('bf');
  expect(warnOnce(first, 'deadline', 'tomorrow', 'a date')).toBe(true);
  expect(warnOnce(first, 'deadline', 'tomorrow', 'a date')).toBe(false);
  expect(warnOnce(first, 'deadline', 'tomorrow', 'a date')).toBe(false);
  expect(testPage.warn).toHaveBeenCalledTimes(1);

  warnOnce(first, 'deadline', 'yesterday', 'a date'); // another value
  warnOnce(first, 'end', 'tomorrow', 'a date'); // another attribute
  warnOnce(second, 'deadline', 'tomorrow', 'a date'); // another element
  expect(testPage.warn).toHaveBeenCalledTimes(4);
  warnOnce(second, 'deadline', 'tomorrow', 'a date');
  warnOnce(first, 'end', 'tomorrow', 'a date');
  expect(testPage.warn).toHaveBeenCalledTimes(4);
});

test('noteOnce prints a general note once per element and text, apart from attribute warnings', () => {
  const el = element('bf');
  noteOnce(el, 'could not reach the lead endpoint');
  noteOnce(el, 'could not reach the lead endpoint');
  expect(testPage.warn).toHaveBeenCalledTimes(1);
  expect(testPage.warn).toHaveBeenCalledWith(
    '[vitrine] <vitrine-countdown campaign="bf"> could not reach the lead endpoint',
  );
});
