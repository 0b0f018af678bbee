/**
 * The `?vitrine-debug` panel on the BUILT script-tag bundle (see loader/page.ts): its chunk is
 * not fetched unless the URL asks for it; then it opens as a labelled non-modal dialog in its own
 * shadow root, with focus on it, lists the page's widgets and, below, what this visitor saw and did
 * (their own attribution), passes axe, resets a campaign from its button and closes on Escape,
 * giving focus back.
 */
import { beforeAll, expect, test } from 'vitest';
import axe from 'axe-core';
import { bundleRequests, countdownElement, loadBundle, recordPageErrors, settle } from './loader/page.js';

let pageErrors: unknown[] = [];
const originalSearch = location.search;
const panel = () => document.querySelector('vitrine-debug-panel');
const inPanel = <T extends Element = HTMLElement>(selector: string) => panel()!.shadowRoot!.querySelector<T>(selector);
const cells = () =>
  [...panel()!.shadowRoot!.querySelectorAll('section > table tbody tr')].map((line) =>
    [...line.children].slice(0, 4).map((cell) => cell.textContent),
  );

beforeAll(async () => {
  pageErrors = recordPageErrors();
  localStorage.setItem('vitrine:bf-bar:dismissed', JSON.stringify({ until: Date.now() + 86_400_000 }));
  const bar = document.createElement('vitrine-sticky-bar');
  bar.setAttribute('campaign', 'bf-bar');
  bar.setAttribute('dismissible', '');
  bar.innerHTML = '<p>Black Friday</p>';
  document.body.append(countdownElement({ campaign: 'panel-sale' }), bar);
  await loadBundle();
  for (
    let wait = 0;
    wait < 50 && document.querySelector('vitrine-countdown:not(:defined), vitrine-sticky-bar:not(:defined)');
    wait++
  )
    await settle(100);
  await settle();
});

test('without ?vitrine-debug the panel chunk is never fetched, even when debug() is called', async () => {
  type Rows = Array<{ campaign: string; code?: string }>;
  const vitrine = (window as unknown as { vitrine: { debug(): Rows | Promise<Rows> } }).vitrine;
  // A shopper's page fetched none of debug()'s code; its first call does (a promise), later ones answer at once.
  expect(bundleRequests().filter((file) => /^chunks\/(api|debug)/.test(file))).toEqual([]);
  const first = vitrine.debug();
  expect(first).toBeInstanceOf(Promise);
  const rows = await first;
  expect(rows.map((row) => row.campaign)).toEqual(['panel-sale', 'bf-bar']);
  expect(rows.map((row) => row.code)).toEqual([undefined, 'dismissed']);
  expect(vitrine.debug()).toEqual(rows);
  // WebKit may list a chunk's resource entry a moment after the chunk has run.
  await expect
    .poll(() =>
      bundleRequests()
        .filter((file) => /^chunks\/(api|debug)/.test(file))
        .sort(),
    )
    .toEqual(['chunks/api', 'chunks/debug-reasons']);
  expect(panel()).toBeNull();
});

test('?vitrine-debug opens the panel: a labelled dialog with focus, the widgets listed, axe-clean', async () => {
  const button = document.createElement('button');
  button.textContent = 'Page button';
  document.body.append(button);
  button.focus();
  history.replaceState(null, '', `${location.pathname}?vitrine-debug`);
  try {
    await loadBundle('?again'); // the page loaded afresh with the parameter: the loader runs again
    await expect.poll(() => panel(), { timeout: 5_000 }).not.toBeNull();
  } finally {
    history.replaceState(null, '', `${location.pathname}${originalSearch}`);
  }
  expect(bundleRequests().filter((file) => file.includes('debug-panel'))).toEqual(['chunks/debug-panel']);
  const dialog = inPanel('[role="dialog"]')!;
  const heading = inPanel(`#${dialog.getAttribute('aria-labelledby')}`)!;
  expect(heading.localName).toBe('h2');
  expect(heading.textContent).toMatch(/Vitrine/);
  expect(panel()!.shadowRoot!.activeElement).toBe(dialog);
  expect(cells()).toEqual([
    ['countdown', 'panel-sale', '', 'yes'],
    ['sticky-bar', 'bf-bar', '', 'no'],
  ]);
  expect(inPanel('tbody')!.textContent).toMatch(/dismissed until \d{4}-/);

  const { violations } = await axe.run(panel()!);
  expect(violations.map((violation) => violation.id)).toEqual([]);
});

test("the visitor's own attribution: the countdown's view, then a code revealed, seen at the next refresh", async () => {
  // This file's campaigns only: other test files running in the same browser share its storage.
  const attributionRows = () =>
    [...panel()!.shadowRoot!.querySelectorAll('h3 + table tbody tr')]
      .map((line) => [...line.children].slice(0, 4).map((cell) => cell.textContent))
      .filter(([campaign]) => campaign?.startsWith('panel-'));
  await expect.poll(attributionRows, { timeout: 5_000 }).toEqual([['panel-sale', '', 'view 1', '']]);
  // The headings below the widgets: the Calendar (once the time-travel chunk came), then the attribution.
  expect(
    [...panel()!.shadowRoot!.querySelectorAll('h3')]
      .map((heading) => heading.textContent)
      .filter((text) => !text?.startsWith('Calendar')),
  ).toEqual(['Your attribution (this browser)']);
  (window as unknown as { vitrine: { publish(topic: string, message: unknown): void } }).vitrine.publish('track', {
    action: 'reveal',
    widget: 'wheel',
    campaign: 'panel-wheel',
    variant: 'B',
    code: 'TEN',
  });
  await expect.poll(attributionRows, { timeout: 5_000 }).toEqual([
    ['panel-wheel', 'B', 'reveal 1', 'TEN'],
    ['panel-sale', '', 'view 1', ''],
  ]);
  const { violations } = await axe.run(panel()!);
  expect(violations.map((violation) => violation.id)).toEqual([]);
});

test('its reset button forgets that campaign: the dismissed bar shows again', async () => {
  inPanel<HTMLButtonElement>('button[data-campaign="bf-bar"]')!.click();
  expect(localStorage.getItem('vitrine:bf-bar:dismissed')).toBeNull();
  await expect.poll(() => cells()[1]?.[3], { timeout: 3_000 }).toBe('yes');
  const bar = document.querySelector('vitrine-sticky-bar')!;
  await expect.poll(() => bar.shadowRoot?.textContent?.length ?? 0).toBeGreaterThan(0);
});

test('Escape closes it and gives the focus back; it does not come back by itself', async () => {
  inPanel('[role="dialog"]')!.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
  );
  expect(panel()).toBeNull();
  expect(document.activeElement?.textContent).toBe('Page button');
  await settle(1200);
  expect(panel()).toBeNull();
  expect(pageErrors).toEqual([]);
});
