/**
 * The debug panel's Calendar on the BUILT script-tag bundle (see loader-page.ts): with
 * `?vitrine-debug` on a page with widgets, the panel fetches the time-travel chunk and shows the plan
 * of the coming six weeks — one row per widget, the days it is live told in text, its conflicts in
 * words — passes axe, and its date field previews the page at another instant (the badge appears,
 * the widgets follow).
 */
import { beforeAll, expect, test } from 'vitest';
import axe from 'axe-core';
import { bundleRequests, loadBundle, recordPageErrors, settle } from './loader/page.js';

// Computed from today: two pop-ups that overlap in ten days, a bar that starts in three weeks. The
// calendar's days are the visitor's: noon of the `n`th day from today, in the browser's zone.
const today = new Date();
const noonOf = (n: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() + n, 12).getTime();
const iso = (at: number) => new Date(at).toISOString();
const panel = () => document.querySelector('vitrine-debug-panel');
const inPanel = <T extends Element = HTMLElement>(selector: string) => panel()?.shadowRoot?.querySelector<T>(selector);
const badge = () => document.querySelector('vitrine-preview-badge')?.shadowRoot?.querySelector('p');
const originalSearch = location.search;
let pageErrors: unknown[] = [];

function widget(tag: string, attributes: Record<string, string>, html = ''): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.innerHTML = html;
  return element;
}

beforeAll(async () => {
  pageErrors = recordPageErrors();
  document.body.append(
    widget('vitrine-exit-popup', {
      campaign: 'cal-club',
      start: iso(noonOf(8)),
      end: iso(noonOf(11)),
    }),
    widget('vitrine-exit-popup', {
      campaign: 'cal-sale',
      start: iso(noonOf(10)),
      end: iso(noonOf(19)),
    }),
    widget('vitrine-sticky-bar', { campaign: 'cal-bar', start: iso(noonOf(21)), end: iso(noonOf(80)) }, '<p>Soon</p>'),
  );
  history.replaceState(null, '', `${location.pathname}?vitrine-debug`);
  try {
    await loadBundle();
    for (let wait = 0; wait < 50 && !inPanel('table.cal'); wait++) await settle(100);
  } finally {
    history.replaceState(null, '', `${location.pathname}${originalSearch}`);
  }
  await settle();
});

const calendarRows = () =>
  [...(panel()?.shadowRoot?.querySelectorAll('table.cal tbody tr') ?? [])].map((line) =>
    [...line.children].map((cell) => cell.textContent?.trim() ?? ''),
  );

test('the Calendar lists every widget over six weeks, its days live in text and its conflicts in words', async () => {
  await expect.poll(() => bundleRequests()).toContain('chunks/time-travel');
  const headers = [...panel()!.shadowRoot!.querySelectorAll('table.cal thead th')].map((cell) => cell.textContent);
  expect(headers.length).toBe(4 + 6 + 1);
  // The panel refreshes each second: a widget whose chunk came after the Calendar's first drawing
  // (the pop-ups bring the pop-up machinery too) is in it by the next refresh.
  await expect
    .poll(() => calendarRows().map((row) => row[0]), { timeout: 5_000 })
    .toEqual(['exit-popupcal-club', 'exit-popupcal-sale', 'sticky-barcal-bar']);
  const rows = calendarRows();
  const weeks = (row: string[]) => row.slice(4, 10).map((cell) => Number(/^(\d)\/7/.exec(cell)?.[1]));
  // The club pop-up: four days from day 8 (the second week), none after; the bar from day 21 (week 4) on.
  expect(weeks(rows[0]).reduce((sum, days) => sum + days, 0)).toBe(4);
  expect(weeks(rows[0])[0]).toBe(0);
  expect(weeks(rows[2]).slice(0, 3)).toEqual([0, 0, 0]);
  expect(weeks(rows[2]).slice(3)).toEqual([7, 7, 7]);
  expect(rows[0][10]).toMatch(/^⚠ overlaps <vitrine-exit-popup> "cal-sale" from/);
  expect(rows[1][10]).toMatch(/^⚠ overlaps <vitrine-exit-popup> "cal-club" from/);
  expect(rows[2][10]).toBe('none');
  const { violations } = await axe.run(panel()!);
  expect(violations.map((violation) => violation.id)).toEqual([]);
});

test('the date field previews the page at that instant: the badge shows, the bar appears, the plan follows', async () => {
  const barShown = () => !!document.querySelector('vitrine-sticky-bar')?.shadowRoot?.querySelector('[part~="base"]');
  expect(barShown()).toBe(false);
  const input = inPanel<HTMLInputElement>('input[type="datetime-local"]')!;
  const day = new Date(noonOf(30));
  const pad = (value: number) => String(value).padStart(2, '0');
  input.value = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T10:00`;
  inPanel<HTMLButtonElement>('form button:not([type="button"])')!.click();
  await expect.poll(() => badge()?.textContent ?? '', { timeout: 5_000 }).toMatch(/^Preview: /);
  await expect.poll(barShown, { timeout: 5_000 }).toBe(true);
  expect(inPanel<HTMLButtonElement>('form button[type="button"]')!.hidden).toBe(false);
  // The calendar now starts on the previewed day: the bar is live all six weeks.
  await expect
    .poll(() => calendarRows()[2]?.slice(4, 10), { timeout: 5_000 })
    .toEqual(['7/7 d', '7/7 d', '7/7 d', '7/7 d', '7/7 d', '7/7 d']);
  expect(pageErrors).toEqual([]);
});
