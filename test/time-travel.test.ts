/**
 * Time-travel preview (`@vitrine/core/time-travel`: `?vitrine-now`, `window.vitrine.preview()`)
 * over real widgets: at many instants across a year — both DST changes of Europe/Paris and
 * America/New_York included — exactly the widgets live then show; countdowns count from the
 * previewed instant; nothing reaches storage, the outbox, the bus's `track` topic, `dataLayer` or
 * `Shopify.analytics` while a shopper dismisses, spins and signs up; the badge says it is a
 * preview. The loader side (no chunk without the parameter) is test/loader-time-travel.test.ts;
 * the plan's conflicts, test/plan.test.ts.
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { html, render, type TemplateResult } from 'lit';
import {
  getBus,
  installTrackBridges,
  loadAttribution,
  loadTargeting,
  pageNow,
  readOutbox,
  timeTravelling,
  type TrackMessage,
} from '@vitrine/core';
import { badgeDate, liveUrl, parseInstant, preview, previewFromUrl, stopTimeTravel } from '@vitrine/core/time-travel';
import '@vitrine/core/experiment';
import '@vitrine/countdown/define';
import '@vitrine/exit-popup/define';
import '@vitrine/sticky-bar/define';
import '@vitrine/wheel/define';
import { useTestPage } from './support/fixture.js';

/** The real "now" of these tests: a June afternoon, months before the campaigns previewed. */
const REAL_NOW = Date.parse('2026-06-15T12:00:00Z');
const SECOND = 1000;

const testPage = useTestPage({ now: REAL_NOW, freshBus: true, reset: () => stopTimeTravel() });

// The widgets' bridges send from the attribution chunk, fetched with a page's first tracked message:
// here before the tests, so that a message of one test never lands, late, in the next one's spies.
beforeAll(() => loadAttribution());

type Bar = HTMLElementTagNameMap['vitrine-sticky-bar'];

/** Renders `template` into the page (fake timers hold animation frames, which open-wc's fixture awaits). */
async function fixture(template: TemplateResult): Promise<void> {
  const wrapper = document.body.appendChild(document.createElement('div'));
  testPage.cleanups.push(() => wrapper.remove());
  render(template, wrapper);
  await settle();
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await Promise.resolve();
  for (const element of document.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*'))
    await element.updateComplete;
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}

/** The campaigns whose bar a shopper sees right now (the bar rendered, in document order). */
const liveBars = () =>
  [...document.querySelectorAll<Bar>('vitrine-sticky-bar')]
    .filter((bar) => bar.shadowRoot?.querySelector('[part~="base"]'))
    .map((bar) => bar.getAttribute('campaign'));

const badge = () => document.querySelector('vitrine-preview-badge')?.shadowRoot?.querySelector('p');

describe('the page as at another instant', () => {
  // A year of operations, each with its window in its own zone; the DST ones start or end in the
  // hour that the change skips or repeats.
  const year = html`<div>
    <vitrine-sticky-bar campaign="winter-sales" start="2026-01-07T08:00" end="2026-02-03T23:59" timezone="Europe/Paris"
      >Winter sales</vitrine-sticky-bar
    >
    <vitrine-sticky-bar campaign="paris-spring" start="2026-03-29T03:00" end="2026-03-30T00:00" timezone="Europe/Paris"
      >Spring</vitrine-sticky-bar
    >
    <vitrine-sticky-bar campaign="ny-spring" start="2026-03-08T03:00" end="2026-03-09T00:00" timezone="America/New_York"
      >Spring NY</vitrine-sticky-bar
    >
    <vitrine-sticky-bar campaign="paris-fall" start="2026-10-24T00:00" end="2026-10-25T02:30" timezone="Europe/Paris"
      >Fall</vitrine-sticky-bar
    >
    <vitrine-sticky-bar campaign="ny-fall" start="2026-11-01T01:30" end="2026-11-02T00:00" timezone="America/New_York"
      >Fall NY</vitrine-sticky-bar
    >
    <vitrine-sticky-bar campaign="black-friday" start="2026-11-27T00:00" end="2026-11-30T23:59" timezone="Europe/Paris"
      >Black Friday</vitrine-sticky-bar
    >
    <vitrine-sticky-bar campaign="christmas" start="2026-12-01T00:00" end="2026-12-24T18:00" timezone="Europe/Paris"
      >Christmas</vitrine-sticky-bar
    >
  </div>`;

  const instants: Array<[string, string[]]> = [
    ['2026-01-07T07:59[Europe/Paris]', []],
    ['2026-01-07T08:00[Europe/Paris]', ['winter-sales']],
    ['2026-02-03T23:58+01:00', ['winter-sales']],
    ['2026-02-04T00:00[Europe/Paris]', []],
    // New York springs forward on 8 March 2026: 03:00 EDT is 07:00Z, a minute before is 01:59 EST.
    ['2026-03-08T06:59Z', []],
    ['2026-03-08T07:00Z', ['ny-spring']],
    // 02:30 does not exist that night in New York: it reads as 03:30 EDT (Temporal's "compatible").
    ['2026-03-08T02:30[America/New_York]', ['ny-spring']],
    ['2026-03-09T00:00[America/New_York]', []],
    // Paris springs forward on 29 March 2026: 03:00 CEST is 01:00Z.
    ['2026-03-29T00:59Z', []],
    ['2026-03-29T01:00Z', ['paris-spring']],
    ['2026-03-29T02:30[Europe/Paris]', ['paris-spring']],
    // Paris falls back on 25 October 2026: the end 02:30 is the first of the two, in CEST (00:30Z).
    ['2026-10-25T00:29Z', ['paris-fall']],
    ['2026-10-25T00:30Z', []],
    ['2026-10-25T01:15Z', []],
    // New York falls back on 1 November 2026: the start 01:30 is the first of the two, in EDT (05:30Z).
    ['2026-11-01T05:29Z', []],
    ['2026-11-01T05:30Z', ['ny-fall']],
    ['2026-11-01T01:45-05:00', ['ny-fall']],
    ['2026-11-27T08:00[Europe/Paris]', ['black-friday']],
    ['2026-11-30T23:58[Europe/Paris]', ['black-friday']],
    ['2026-12-01T00:00[Europe/Paris]', ['christmas']],
    ['2026-12-24T17:59[Europe/Paris]', ['christmas']],
    ['2026-12-24T18:00[Europe/Paris]', []],
    ['2027-01-10T12:00Z', []],
  ];

  test('before any preview the page is live: June shows none of these campaigns', async () => {
    await fixture(year);
    await settle();
    expect(liveBars()).toEqual([]);
    expect(timeTravelling()).toBe(false);
    expect(badge()).toBeFalsy();
  });

  test.each(instants)('at %s exactly %j show', async (instant, expected) => {
    await fixture(year);
    await settle();
    expect(preview({ now: instant })).not.toBeNull();
    await settle();
    expect(liveBars()).toEqual(expected);
    expect(pageNow()).toBe(parseInstant(instant)!.at);
  });

  test('moving through the year one instant after the other, without reload, each step shows its own', async () => {
    await fixture(year);
    for (const [instant, expected] of instants) {
      preview({ now: instant });
      await settle();
      expect(liveBars(), instant).toEqual(expected);
    }
  });

  test('a bar appears on time while the preview runs: the page clock moves on from the instant', async () => {
    await fixture(year);
    preview({ now: '2026-11-26T23:59:30[Europe/Paris]' });
    await settle();
    expect(liveBars()).toEqual([]);
    await vi.advanceTimersByTimeAsync(31 * SECOND);
    await settle();
    expect(liveBars()).toEqual(['black-friday']);
  });

  test('countdowns count from the previewed instant: a deadline, a daily cut-off, an evergreen', async () => {
    preview({ now: '2026-11-30T13:00:00[Europe/Paris]' });
    await fixture(
      html`<div>
        <vitrine-countdown campaign="bf-deadline" deadline="2026-11-30T23:59:59+01:00"></vitrine-countdown>
        <vitrine-countdown campaign="shipping" daily="14:00" timezone="Europe/Paris"></vitrine-countdown>
        <vitrine-countdown campaign="welcome" duration="2h"></vitrine-countdown>
      </div>`,
    );
    const [deadline, daily, evergreen] = document.querySelectorAll('vitrine-countdown');
    expect(deadline.remainingMs).toBe((10 * 3600 + 59 * 60 + 59) * SECOND);
    expect(daily.remainingMs).toBe(3600 * SECOND);
    expect(evergreen.remainingMs).toBe(2 * 3600 * SECOND);
    // The evergreen's first sight is not stored: a reload of the live page starts it then, not now.
    expect(Object.keys(localStorage).filter((key) => key.startsWith('vitrine:'))).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    await settle();
    expect(daily.remainingMs).toBe(3598 * SECOND);
    expect(evergreen.remainingMs).toBe(7198 * SECOND);
  });

  test("a countdown's server time (`now`) does not undo the preview", async () => {
    preview({ now: '2026-11-30T23:00:00+01:00' });
    await fixture(
      html`<vitrine-countdown deadline="2026-11-30T23:59:00+01:00" now="2026-06-15T12:00:00Z"></vitrine-countdown>`,
    );
    expect(document.querySelector('vitrine-countdown')!.remainingMs).toBe(59 * 60 * SECOND);
  });

  test('time-dependent targeting: a visitor first seen today is "returning" in a preview of next week', async () => {
    await loadTargeting();
    await fixture(
      html`<vitrine-sticky-bar campaign="welcome-back" visitor="returning">Welcome back</vitrine-sticky-bar>`,
    );
    expect(liveBars()).toEqual([]);
    preview({ now: new Date(REAL_NOW + 7 * 86_400_000) });
    await settle();
    expect(liveBars()).toEqual(['welcome-back']);
  });

  test('an evergreen this visitor started on the live page has run out when previewed months later', async () => {
    await fixture(html`<vitrine-countdown campaign="welcome" duration="2h"></vitrine-countdown>`);
    const live = document.querySelector('vitrine-countdown')!;
    expect(live.remainingMs).toBe(2 * 3600 * SECOND);
    preview({ now: '2026-11-30T13:00:00[Europe/Paris]' });
    await settle();
    expect(document.querySelector('vitrine-countdown')!.remainingMs).toBe(0);
  });

  test('the badge says "Preview: 27 Nov 08:00" in the page language, small, fixed, at the start edge', async () => {
    await fixture(year);
    preview({ now: '2026-11-27T08:00[Europe/Paris]' });
    expect(badge()?.textContent).toBe('Preview: 27 Nov 08:00');
    const host = document.querySelector<HTMLElement>('vitrine-preview-badge')!;
    const box = badge()!.getBoundingClientRect();
    expect(getComputedStyle(host).position).toBe('fixed');
    expect(box.left).toBe(0);
    expect(box.height).toBeLessThan(30); // one line
    // A quarter of the way down: clear of a top or bottom bar, and above the debug panel (60 % high at most).
    expect(box.top).toBeGreaterThan(innerHeight / 8);
    expect(box.bottom).toBeLessThan(innerHeight * 0.4);
    document.documentElement.lang = 'fr';
    testPage.cleanups.push(() => document.documentElement.removeAttribute('lang'));
    preview({ now: '2027-01-08T09:30[Europe/Paris]' });
    expect(badge()?.textContent).toBe('Aperçu\u00a0: 8 janv. 2027 09:30');
    stopTimeTravel();
    expect(badge()).toBeFalsy();
  });

  test('badgeDate writes the year only when it is not this one', () => {
    const at = Date.parse('2026-11-27T07:00:00Z');
    expect(badgeDate(at, 'Europe/Paris', false, 2026)).toBe('27 Nov 08:00');
    expect(badgeDate(at, 'America/New_York', false, 2025)).toBe('27 Nov 2026 02:00');
    expect(badgeDate(at, 'Europe/Paris', true, 2026)).toBe('27 nov. 08:00');
  });
});

describe('instants and the URL parameter', () => {
  test('parseInstant reads the visitor zone, Z, an offset, a bracketed zone, a Date and epoch ms', () => {
    expect(parseInstant('2026-11-27T08:00Z')!.at).toBe(Date.parse('2026-11-27T08:00:00Z'));
    expect(parseInstant('2026-11-27T08:00+01:00')!.at).toBe(Date.parse('2026-11-27T07:00:00Z'));
    expect(parseInstant('2026-11-27T08:00[Europe/Paris]')).toEqual({
      at: Date.parse('2026-11-27T07:00:00Z'),
      zone: 'Europe/Paris',
    });
    expect(parseInstant('2026-07-04T08:00[America/New_York]')!.at).toBe(Date.parse('2026-07-04T12:00:00Z'));
    expect(parseInstant('2026-11-27T08:00')!.at).toBe(new Date(2026, 10, 27, 8, 0).getTime());
    expect(parseInstant(new Date(0))!.at).toBe(0);
    expect(parseInstant(1_800_000_000_000)!.at).toBe(1_800_000_000_000);
    for (const bad of ['tomorrow', '2026-13-01T00:00', '2026-11-27T08:00[Mars/Olympus]', '', null, {}, NaN])
      expect(parseInstant(bad), JSON.stringify(bad)).toBeNull();
  });

  test('a bad instant from the console keeps what runs, with one [vitrine] warning', () => {
    expect(preview({ now: 'next friday' })).toBeNull();
    expect(timeTravelling()).toBe(false);
    expect(testPage.vitrineWarnings()).toEqual([
      expect.stringContaining('[vitrine] ignored preview({ now: "next friday" }): expected a date-time such as'),
    ]);
    preview({ now: '2026-11-27T08:00Z' });
    expect(preview({ now: 'later' })).toEqual({ now: '2026-11-27T08:00:00.000Z', zone: expect.any(String) as string });
    expect(preview()).toEqual({ now: '2026-11-27T08:00:00.000Z', zone: expect.any(String) as string });
  });

  test('?vitrine-now previews its instant; a bad value warns once and previews the real now (records nothing)', () => {
    const before = location.href;
    testPage.cleanups.push(() => history.replaceState(null, '', before));
    history.replaceState(null, '', `${location.pathname}?a=1&vitrine-now=2026-11-27T08:00[Europe/Paris]`);
    expect(previewFromUrl()).toEqual({ now: '2026-11-27T07:00:00.000Z', zone: 'Europe/Paris' });
    // The badge links back to the same page without the parameter.
    const exit = document.querySelector('vitrine-preview-badge')!.shadowRoot!.querySelector('a')!;
    expect(exit.href).toBe(liveUrl());
    expect(new URL(exit.href).search).toBe('?a=1');
    expect(exit.getAttribute('aria-label')).toBe('Back to the live page');
    stopTimeTravel();

    history.replaceState(null, '', `${location.pathname}?vitrine-now=soon`);
    expect(previewFromUrl()).toEqual({ now: new Date(REAL_NOW).toISOString(), zone: expect.any(String) as string });
    expect(timeTravelling()).toBe(true);
    expect(testPage.vitrineWarnings()).toEqual([expect.stringContaining('[vitrine] ignored ?vitrine-now="soon"')]);
  });
});

/** The GA4 and Shopify bridges on this test's fresh bus (they are installed once per page otherwise). */
function bridgesOnThisBus(): void {
  Reflect.deleteProperty(globalThis, Symbol.for('vitrine.bridges'));
  installTrackBridges();
}

describe('a preview stores and sends nothing', () => {
  test('dismiss, spin and sign up: no storage, outbox, track, dataLayer or Shopify.analytics', async () => {
    const dataLayer: unknown[] = [];
    const push = vi.spyOn(dataLayer, 'push');
    vi.stubGlobal('dataLayer', dataLayer);
    const publish = vi.fn();
    vi.stubGlobal('Shopify', { analytics: { publish } });
    bridgesOnThisBus();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const removeItem = vi.spyOn(Storage.prototype, 'removeItem');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const tracked: TrackMessage[] = [];
    testPage.cleanups.push(getBus().subscribe('track', (message) => tracked.push(message)));

    preview({ now: '2026-11-27T08:00[Europe/Paris]' });
    // Storage probes write and remove their own key: count only Vitrine's values.
    const writes = () => [...setItem.mock.calls, ...removeItem.mock.calls].filter(([key]) => key !== 'vitrine:probe');

    await fixture(
      html`<div>
        <vitrine-sticky-bar campaign="bf-bar" dismissible start="2026-11-27T00:00" timezone="Europe/Paris"
          >Black Friday</vitrine-sticky-bar
        >
        <vitrine-countdown campaign="bf-evergreen" duration="1h"></vitrine-countdown>
        <vitrine-wheel campaign="bf-wheel" start="2026-11-27T00:00" timezone="Europe/Paris" duration="0s">
          <vitrine-wheel-segment label="-10 %" code="BF10"></vitrine-wheel-segment>
          <vitrine-wheel-segment label="Lost"></vitrine-wheel-segment>
        </vitrine-wheel>
        <vitrine-exit-popup campaign="bf-club" capture action="/api/leads" trigger="time:1s" min-time="0s" code="CLUB">
        </vitrine-exit-popup>
      </div>`,
    );
    await settle();

    // The bar shows (it is Black Friday) and the shopper closes it: it closes for this page view.
    const bar = document.querySelector('vitrine-sticky-bar')!;
    expect(liveBars()).toEqual(['bf-bar']);
    bar.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    await settle();
    expect(liveBars()).toEqual([]);

    // The wheel spins and shows its prize.
    const wheel = document.querySelector('vitrine-wheel')!;
    const result = await wheel.spin();
    for (const animation of wheel.shadowRoot!.getAnimations()) animation.finish();
    await settle();
    expect(result).not.toBeNull();
    expect(wheel.spinsLeft).toBe(0);

    // The pop-up opens and the shopper signs up: told it worked, code shown, nothing sent.
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    await settle();
    const popup = document.querySelector('vitrine-exit-popup')!;
    expect(popup.shadowRoot!.querySelector('dialog')?.open).toBe(true);
    popup.shadowRoot!.querySelector<HTMLInputElement>('[part~="email-input"]')!.value = 'ada@example.com';
    popup.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
    popup.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.click();
    await settle();
    expect(popup.formState).toBe('success');

    await vi.advanceTimersByTimeAsync(10 * SECOND);
    await settle();
    expect(writes()).toEqual([]);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('vitrine:'))).toEqual([]);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('vitrine:'))).toEqual([]);
    expect(readOutbox()).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(tracked).toEqual([]);
    expect(push).not.toHaveBeenCalled();
    expect(publish).not.toHaveBeenCalled();
  });

  test('the same steps on the live page do store and send (the spies can see them)', async () => {
    const dataLayer: unknown[] = [];
    vi.stubGlobal('dataLayer', dataLayer);
    bridgesOnThisBus();
    const tracked: TrackMessage[] = [];
    testPage.cleanups.push(getBus().subscribe('track', (message) => tracked.push(message)));
    await fixture(html`<vitrine-sticky-bar campaign="live-bar" dismissible>Live</vitrine-sticky-bar>`);
    await settle();
    document
      .querySelector('vitrine-sticky-bar')!
      .shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!
      .click();
    await settle();
    expect(Object.keys(localStorage).filter((key) => key.startsWith('vitrine:live-bar'))).not.toEqual([]);
    expect(tracked.map((message) => message.action)).toContain('view');
    expect(dataLayer.length).toBeGreaterThan(0);
  });
});
