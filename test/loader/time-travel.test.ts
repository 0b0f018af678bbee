/**
 * `?vitrine-now` on the BUILT script-tag bundle (see loader-page.ts): a page without it never
 * fetches the time-travel chunk, even once `window.vitrine.debug()` has run; with it, the chunk
 * comes, every widget behaves as at that instant, the badge says so, and what the shopper does
 * (closing a bar) is not stored; `window.vitrine.plan()` and `preview()` answer from the console.
 */
import { beforeAll, expect, test } from 'vitest';
import { bundleRequests, loadBundle, recordPageErrors, settle } from './page.js';

interface ConsoleApi {
  debug(): unknown[];
  plan(): Promise<Array<{ campaign: string; live: boolean; nextStartAt?: number | null }>>;
  preview(options?: { now?: string | null }): Promise<{ now: string; zone: string } | null>;
}

const DAY = 86_400_000;
const api = () => (window as unknown as { vitrine: ConsoleApi }).vitrine;
const originalSearch = location.search;
// Computed from today: a Black Friday a month ahead of whenever the test runs.
const start = Math.ceil((Date.now() + 30 * DAY) / DAY) * DAY;
const bar = () => document.querySelector('vitrine-sticky-bar');
const barShown = () => !!bar()?.shadowRoot?.querySelector('[part~="base"]');
const badge = () => document.querySelector('vitrine-preview-badge')?.shadowRoot?.querySelector('p');
let pageErrors: unknown[] = [];

beforeAll(async () => {
  pageErrors = recordPageErrors();
  const element = document.createElement('vitrine-sticky-bar');
  element.setAttribute('campaign', 'tt-bf');
  element.setAttribute('dismissible', '');
  element.setAttribute('start', new Date(start).toISOString());
  element.setAttribute('end', new Date(start + 4 * DAY).toISOString());
  element.innerHTML = '<p>Black Friday</p>';
  document.body.append(element);
  await loadBundle();
  for (let wait = 0; wait < 50 && document.querySelector('vitrine-sticky-bar:not(:defined)'); wait++) await settle(100);
  await settle();
});

test('without ?vitrine-now the time-travel chunk is never fetched; the bar waits for its start', () => {
  api().debug();
  expect(bundleRequests().filter((file) => file.includes('time-travel'))).toEqual([]);
  expect(barShown()).toBe(false);
  expect(badge()).toBeFalsy();
});

test('?vitrine-now shows the page at that instant with its badge, and stores nothing the shopper does', async () => {
  const instant = new Date(start + 3_600_000).toISOString().slice(0, 16) + 'Z';
  history.replaceState(null, '', `${location.pathname}?vitrine-now=${instant}`);
  try {
    await loadBundle('?again'); // the page loaded afresh with the parameter: the loader runs again
    await expect.poll(() => badge()?.textContent ?? '', { timeout: 5_000 }).toMatch(/^Preview: \d{1,2} \w{3}/);
  } finally {
    history.replaceState(null, '', `${location.pathname}${originalSearch}`);
  }
  await expect
    .poll(() => bundleRequests().filter((file) => file.includes('time-travel')))
    .toEqual(['chunks/time-travel']);
  await expect.poll(barShown, { timeout: 5_000 }).toBe(true);
  const before = Object.keys(localStorage).filter((key) => key.startsWith('vitrine:tt-bf'));
  bar()!.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
  await settle();
  expect(barShown()).toBe(false);
  expect(Object.keys(localStorage).filter((key) => key.startsWith('vitrine:tt-bf'))).toEqual(before);

  const rows = await api().plan();
  expect(rows.find((row) => row.campaign === 'tt-bf')).toMatchObject({ live: true, nextStartAt: start });
  expect(await api().preview()).toEqual({
    now: new Date(Date.parse(instant)).toISOString(),
    zone: expect.any(String) as string,
  });
  expect(pageErrors).toEqual([]);
});
