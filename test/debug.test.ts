/**
 * `window.vitrine.debug()` and `reset()` (packages/vitrine/src/api.ts, the API chunk) over real widgets in
 * Chromium: each widget says whether it shows and the precise reason when not (schedule,
 * dismissed, targeting, overlay cap, bad input), experiments list their buckets, and `reset`
 * forgets one campaign (a dismissed pop-up shows again, without reload) or all. The panel, on
 * the built bundle: test/debug-panel.test.ts.
 */
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import '@vitrine/core/experiment';
import '@vitrine/countdown/define';
import '@vitrine/exit-popup/define';
import '@vitrine/sticky-bar/define';
import * as apiChunk from '../packages/vitrine/src/api.js';
import type { DebugRow } from '../packages/vitrine/src/window.js';
import { NOW, useTestPage } from './support/fixture.js';

type Popup = HTMLElementTagNameMap['vitrine-exit-popup'];

const SECOND = 1000;
const DAY = 86_400_000;

// The API chunk's own methods: window.vitrine's debug() and reset() once the chunk is here (window.ts).
const api = apiChunk;
const isOpen = (el: Popup) => el.shadowRoot?.querySelector('dialog')?.open === true;
const row = (rows: DebugRow[], campaign: string) => rows.find((entry) => entry.campaign === campaign);
const brief = (entry: DebugRow | undefined) => entry && { shown: entry.shown, code: entry.code };

/** Lets promise chains and the renders they ask for run; no timer moves. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await Promise.resolve();
  for (const element of document.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*'))
    await element.updateComplete;
}

/** The pointer leaves the page through the top edge, moving up, after the pop-up's minimum time. */
async function exitIntent(): Promise<void> {
  vi.advanceTimersByTime(5 * SECOND);
  document.body.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 300, clientY: 30 }));
  document.body.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 300, clientY: -1 }));
  await settle();
}

function place(markup: string): void {
  const container = document.createElement('div');
  container.innerHTML = markup;
  document.body.append(container);
}

const popupMarkup = (campaign: string) =>
  `<vitrine-exit-popup campaign="${campaign}" action="/subscribe"><h2 slot="heading">Hello</h2></vitrine-exit-popup>`;
const popupOf = (campaign: string) => document.querySelector<Popup>(`vitrine-exit-popup[campaign="${campaign}"]`)!;

useTestPage({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

let table: MockInstance<typeof console.table>;
beforeEach(() => {
  table = vi.spyOn(console, 'table').mockImplementation(() => {});
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  // Closing the pop-ups gives the overlay turn back before the next test.
  for (const popup of document.querySelectorAll<Popup>('vitrine-exit-popup')) popup.hide();
  document.body.replaceChildren();
  api.reset();
  localStorage.clear();
  sessionStorage.clear();
});

describe('debug()', () => {
  test('lists every widget in document order with whether it shows and why not, and prints it as a table', async () => {
    localStorage.setItem('vitrine:closed-bar:dismissed', JSON.stringify({ until: NOW + 2 * DAY }));
    place(
      `<vitrine-countdown campaign="on" deadline="2026-12-01T00:00:00Z"></vitrine-countdown>` +
        `<vitrine-countdown campaign="later" start="2026-12-24T00:00:00Z" deadline="2026-12-31T00:00:00Z"></vitrine-countdown>` +
        `<vitrine-sticky-bar campaign="closed-bar" dismissible><p>Hi</p></vitrine-sticky-bar>` +
        `<vitrine-countdown campaign="elsewhere" pages="/checkout/*" deadline="2026-12-01T00:00:00Z"></vitrine-countdown>` +
        `<vitrine-countdown campaign="broken" deadline="tomorrow"></vitrine-countdown>`,
    );
    await settle();
    const rows = api.debug();

    expect(rows.map((entry) => entry.campaign)).toEqual(['on', 'later', 'closed-bar', 'elsewhere', 'broken']);
    expect(rows[0]).toMatchObject({ tag: 'vitrine-countdown', shown: true, reason: '' });
    expect(brief(row(rows, 'later'))).toEqual({ shown: false, code: 'schedule' });
    expect(row(rows, 'later')!.reason).toMatch(/starts 2026-12-24/);
    expect(brief(row(rows, 'closed-bar'))).toEqual({ shown: false, code: 'dismissed' });
    expect(brief(row(rows, 'elsewhere'))).toEqual({ shown: false, code: 'targeting' });
    expect(row(rows, 'elsewhere')!.reason).toMatch(/pages/);
    expect(brief(row(rows, 'broken'))).toEqual({ shown: false, code: 'bad-input' });
    expect(row(rows, 'broken')!.reason).toContain('deadline="tomorrow"');
    expect(table).toHaveBeenCalledWith(rows);
  });

  test('a pop-up waiting for its turn says so: another overlay is open, or one already showed in this page view', async () => {
    place(popupMarkup('first') + popupMarkup('second'));
    await settle();
    expect(await popupOf('first').show()).toBe(true);
    await settle();
    expect(brief(row(api.debug(), 'first'))).toEqual({ shown: true, code: undefined });
    expect(brief(row(api.debug(), 'second'))).toEqual({ shown: false, code: 'overlay' });
    popupOf('first').hide();
    await settle();
    const second = row(api.debug(), 'second')!;
    expect([second.shown, second.code, second.reason]).toEqual([false, 'overlay', expect.stringMatching(/already/)]);
  });

  test('lists experiments with their buckets, the kept variant and whether the URL forced it', () => {
    place(
      '<vitrine-experiment name="bf-bar" split="25, 75"><p variant="short">Short</p><p variant="long">Long</p></vitrine-experiment>',
    );
    const rows = api.debug();
    const kept = document.querySelector('vitrine-experiment')!.getAttribute('variant')!;
    expect(rows).toEqual([
      {
        tag: 'vitrine-experiment',
        campaign: 'bf-bar',
        variant: kept,
        shown: true,
        reason: '',
        buckets: 'short 25%, long 75%',
        forced: false,
      },
    ]);
  });
});

describe('reset()', () => {
  test('reset(campaign) makes a dismissed pop-up show again, without reload, and leaves other campaigns alone', async () => {
    localStorage.setItem('vitrine:other:dismissed', JSON.stringify({ until: NOW + 2 * DAY }));
    place(popupMarkup('pop'));
    await settle();
    await exitIntent();
    expect(isOpen(popupOf('pop'))).toBe(true);
    // The shopper closes it: remembered for 7 days.
    popupOf('pop').shadowRoot!.querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
    await settle();
    expect(isOpen(popupOf('pop'))).toBe(false);
    expect(brief(row(api.debug(), 'pop'))).toEqual({ shown: false, code: 'dismissed' });
    await exitIntent();
    expect(isOpen(popupOf('pop'))).toBe(false);

    const removed = api.reset('pop');
    expect(removed).toContain('pop:dismissed');
    expect(localStorage.getItem('vitrine:pop:dismissed')).toBeNull();
    expect(localStorage.getItem('vitrine:other:dismissed')).not.toBeNull();
    await settle();
    expect(brief(row(api.debug(), 'pop'))).toEqual({ shown: false, code: 'waiting' });
    await exitIntent();
    expect(isOpen(popupOf('pop'))).toBe(true);
  });

  test('reset(campaign) forgets the bucket of the experiment that campaign is a variant of', async () => {
    localStorage.setItem('vitrine:bf-bar:bucket', '"B"');
    place(
      '<vitrine-experiment name="bf-bar">' +
        '<vitrine-sticky-bar campaign="bar-a"><p>A</p></vitrine-sticky-bar>' +
        '<vitrine-sticky-bar campaign="bar-b"><p>B</p></vitrine-sticky-bar></vitrine-experiment>',
    );
    await settle();
    expect(document.querySelector('vitrine-sticky-bar')!.getAttribute('campaign')).toBe('bar-b');
    localStorage.setItem('vitrine:bar-a:dismissed', '{"until":99999999999999}');
    api.reset('bar-a'); // not on this page's variant: its experiment's bucket stays
    expect(localStorage.getItem('vitrine:bf-bar:bucket')).toBe('"B"');
    expect(localStorage.getItem('vitrine:bar-a:dismissed')).toBeNull();
    api.reset('bar-b');
    expect(localStorage.getItem('vitrine:bf-bar:bucket')).toBeNull();
    // This page view keeps its variant, re-created fresh.
    await settle();
    expect([...document.querySelectorAll('vitrine-sticky-bar')].map((bar) => bar.getAttribute('campaign'))).toEqual([
      'bar-b',
    ]);
  });

  test('reset() forgets every campaign and the visitor, but never a lead waiting to be delivered', () => {
    for (const key of ['a:dismissed', 'b:deadline', 'c:spins', 'd:bucket', 'visitor:first-seen', 'outbox:leads'])
      localStorage.setItem(`vitrine:${key}`, '1');
    sessionStorage.setItem('vitrine:e:dismissed', 'true');
    localStorage.setItem('theme:cart', 'kept');
    const removed = api.reset();
    expect(removed.sort()).toEqual([
      'a:dismissed',
      'b:deadline',
      'c:spins',
      'd:bucket',
      'e:dismissed',
      'visitor:first-seen',
    ]);
    expect(Object.keys(localStorage).sort()).toEqual(['theme:cart', 'vitrine:outbox:leads']);
    expect(sessionStorage.length).toBe(0);
  });
});
