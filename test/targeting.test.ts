/**
 * Targeting (SPEC section 2) in real Chromium, through the widgets a merchant writes: each rule
 * matches and does not match, a widget that does not match renders nothing and sends no `view`,
 * rules re-evaluate when their inputs change (the cart crosses `cart-min` → the bar appears, with
 * its `view` only then), bad rules warn once and are ignored, preview ignores them — and each
 * widget's `debugState()` says precisely why it does not show.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { fixture, fixtureCleanup } from '@open-wc/testing-helpers';
import {
  DATE_TIME_EXPECTED,
  FIRST_SEEN_KEY,
  UTM_SOURCE_KEY,
  campaignKey,
  connectedWidgets,
  forgetMemory,
  loadTargeting,
  getBus,
  storage,
  type TrackMessage,
  type VitrineElement,
} from '@vitrine/core';
import { RETURNING_AFTER_MS, candidatePaths, parsePathPatterns } from '../packages/core/src/targeting/rules.ts';
import '@vitrine/sticky-bar/define';
import '@vitrine/countdown/define';
import '@vitrine/exit-popup/define';
import '@vitrine/wheel/define';
import '@vitrine/shipping-progress/define';
import '@vitrine/loyalty-badge/define';
import { NOW, useTestPage } from './support/fixture.js';

type Widget = VitrineElement;
type Popup = HTMLElementTagNameMap['vitrine-exit-popup'];

const MINUTE = 60_000;
const ORIGINAL_URL = location.href;

// A fresh bus per test: the sticky cart and customer of one test must not leak into the next.
const testPage = useTestPage({ freshBus: true, reset: () => Reflect.deleteProperty(globalThis, 'Shopify') });
const { vitrineWarnings } = testPage;
let tracked: TrackMessage[];

const views = (campaign?: string) =>
  tracked.filter((message) => message.action === 'view' && (!campaign || message.campaign === campaign));

/** What the shopper sees of a widget: anything rendered in its shadow root, and room on the page. */
const renders = (el: Element) => (el.shadowRoot?.children.length ?? 0) > 0;
const bar = (attributes = '', inner = '<p>Free shipping from 50 €</p>') =>
  fixture<Widget>(`<vitrine-sticky-bar campaign="bf" ${attributes}>${inner}</vitrine-sticky-bar>`);
const setPath = (path: string) => history.replaceState(null, '', path);

async function settle(el: Element): Promise<void> {
  await Promise.resolve();
  await (el as Widget).updateComplete;
}

// The rules are a chunk of their own, loaded by the first widget that has one (it shows nothing until
// then); loaded once here, every widget below is judged before its first render.
beforeAll(() => loadTargeting());

beforeEach(() => {
  tracked = [];
  testPage.cleanups.push(getBus().subscribe('track', (message) => tracked.push(message)));
});

afterEach(() => {
  history.replaceState(null, '', ORIGINAL_URL);
});

describe('pages and exclude-pages', () => {
  test('`*` matches within one segment, `**` across, a trailing slash is ignored, case too', () => {
    const patterns = (text: string) => parsePathPatterns(text, () => {})!;
    const matches = (text: string, path: string) => patterns(text).some((pattern) => pattern.test.test(path));
    expect(matches('/products/*', '/products/candle')).toBe(true);
    expect(matches('/products/*', '/products/candle/')).toBe(false); // the slash is trimmed by the caller
    expect(matches('/products/*', '/products/a/b')).toBe(false);
    expect(matches('/collections/**', '/collections/sale/candles')).toBe(true);
    expect(matches('/collections/**', '/collections')).toBe(true);
    expect(matches('/collections/**', '/collectionsx')).toBe(false);
    expect(matches('/**/sale', '/collections/winter/sale')).toBe(true);
    expect(matches('/Products/*', '/products/candle')).toBe(true);
    expect(matches('/', '/')).toBe(true);
    expect(matches('/', '/cart')).toBe(false);
    expect(matches('/a.b', '/axb')).toBe(false);
    expect(candidatePaths('/fr/products/candle', '/fr/')).toEqual(['/fr/products/candle', '/products/candle']);
    expect(candidatePaths('/fr', '/fr/')).toEqual(['/fr', '/']);
    expect(candidatePaths('/france/x', '/fr/')).toEqual(['/france/x']);
  });

  test('a bar for /products/* shows on a product page and sends its view; on /cart it renders nothing, no view', async () => {
    setPath('/products/candle-ambre/');
    const shown = await bar('pages="/products/* /collections/**"');
    expect(renders(shown)).toBe(true);
    expect(views()).toHaveLength(1);
    fixtureCleanup();

    setPath('/cart');
    const hidden = await bar('pages="/products/* /collections/**"');
    expect(renders(hidden)).toBe(false);
    expect(hidden.getBoundingClientRect().height).toBe(0);
    expect(views()).toHaveLength(1);
    expect(hidden.debugState()).toMatchObject({
      shown: false,
      code: 'targeting',
      reason: 'targeting: pages="/products/* /collections/**" does not match /cart',
    });
  });

  test('exclude-pages wins over pages', async () => {
    setPath('/products/gift-card');
    const el = await bar('pages="/products/*" exclude-pages="/products/gift-card"');
    expect(renders(el)).toBe(false);
    expect(el.debugState().reason).toBe('targeting: exclude-pages="/products/gift-card" matches /products/gift-card');
    setPath('/products/candle');
    el.excludePages = '/cart';
    await settle(el);
    expect(renders(el)).toBe(true);
  });

  test('on a Shopify shop in another language the rule written once matches the localized path', async () => {
    (globalThis as { Shopify?: unknown }).Shopify = { routes: { root: '/fr/' } };
    setPath('/fr/products/bougie');
    const el = await bar('pages="/products/*"');
    expect(renders(el)).toBe(true);
  });
});

describe('device', () => {
  afterEach(() => page.viewport(1024, 700));

  test('mobile and desktop by width (no touch here), re-evaluated when the window crosses the phone width', async () => {
    await page.viewport(1024, 700);
    const mobile = await bar('device="mobile"');
    const desktop = await fixture<Widget>(
      `<vitrine-sticky-bar campaign="desk" device="desktop"><p>Desk</p></vitrine-sticky-bar>`,
    );
    expect(renders(mobile)).toBe(false);
    expect(renders(desktop)).toBe(true);
    expect(mobile.debugState().reason).toMatch(
      /^targeting: device="mobile" and this is a desktop \(fine pointer, \d+ px wide\)$/,
    );
    expect(views('bf')).toHaveLength(0);

    await page.viewport(400, 700);
    await expect.poll(() => renders(mobile)).toBe(true);
    await expect.poll(() => renders(desktop)).toBe(false);
    expect(views('bf')).toHaveLength(1);
  });
});

describe('visitor', () => {
  test('new on the first visit; returning once first seen more than 30 minutes ago (stored once)', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const first = await bar('visitor="new"');
    expect(renders(first)).toBe(true);
    expect(storage.get(FIRST_SEEN_KEY)).toBe(NOW);
    fixtureCleanup();

    vi.setSystemTime(NOW + 29 * MINUTE);
    expect(renders(await bar('visitor="returning"'))).toBe(false);
    fixtureCleanup();

    // A later page load: more than 30 minutes since first seen.
    forgetMemory();
    vi.setSystemTime(NOW + 31 * MINUTE);
    const returning = await bar('visitor="returning"');
    const isNew = await fixture<Widget>(
      `<vitrine-sticky-bar campaign="n" visitor="new"><p>Hi</p></vitrine-sticky-bar>`,
    );
    expect(renders(returning)).toBe(true);
    expect(renders(isNew)).toBe(false);
    expect(isNew.debugState().reason).toBe(
      'targeting: visitor="new" and this visitor is returning (first seen 31 min ago)',
    );
    expect(storage.get(FIRST_SEEN_KEY)).toBe(NOW);
    expect(RETURNING_AFTER_MS).toBe(30 * MINUTE);
  });

  test('a widget without rules notes the first visit too: a visitor rule met later counts from it', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await fixture(`<vitrine-countdown deadline="2026-12-01T00:00Z"></vitrine-countdown>`);
    expect(storage.get(FIRST_SEEN_KEY)).toBe(NOW);
    fixtureCleanup();
    forgetMemory();
    vi.setSystemTime(NOW + 40 * MINUTE);
    expect(renders(await bar('visitor="returning"'))).toBe(true);
  });

  test('without storage consent the first visit is remembered for this page only', async () => {
    (globalThis as { Shopify?: unknown }).Shopify = {
      customerPrivacy: { preferencesProcessingAllowed: () => false },
    };
    const el = await bar('visitor="new"');
    expect(renders(el)).toBe(true);
    expect(localStorage.getItem(`vitrine:${FIRST_SEEN_KEY}`)).toBeNull();
    expect(el.debugState()).toMatchObject({
      shown: true,
      reason: '',
      code: 'consent',
      note: 'no consent for storage: remembered for this page only',
    });
  });
});

describe('cart-min and cart-max', () => {
  test('hidden while no cart is known; appears when the cart crosses cart-min, with its view only then', async () => {
    const el = await bar('cart-min="60"');
    expect(renders(el)).toBe(false);
    expect(el.debugState().reason).toBe('targeting: cart-min="60" and the cart is not known yet');

    getBus().publish('cart', { total: 42.5, currency: 'EUR', itemCount: 2 });
    await settle(el);
    expect(renders(el)).toBe(false);
    expect(views()).toHaveLength(0);
    expect(el.debugState()).toMatchObject({
      shown: false,
      code: 'targeting',
      reason: 'targeting: cart-min="60" and the cart is 42.50 EUR',
    });

    getBus().publish('cart', { total: 60, currency: 'EUR', itemCount: 3 });
    await settle(el);
    expect(renders(el)).toBe(true);
    expect(views()).toHaveLength(1);
    expect(el.debugState()).toEqual({ tag: 'vitrine-sticky-bar', campaign: 'bf', shown: true, reason: '' });

    getBus().publish('cart', { total: 20, currency: 'EUR', itemCount: 1 });
    await settle(el);
    expect(renders(el)).toBe(false);
  });

  test('cart-max hides a bar once the cart is above it; a cart known before the widget counts at once', async () => {
    getBus().publish('cart', { total: 80, currency: 'EUR', itemCount: 2 });
    const el = await bar('cart-max="50"');
    expect(renders(el)).toBe(false);
    expect(el.debugState().reason).toBe('targeting: cart-max="50" and the cart is 80.00 EUR');
    getBus().publish('cart', { total: 49.9, currency: 'EUR', itemCount: 1 });
    await settle(el);
    expect(renders(el)).toBe(true);
  });

  test('on Shopify, a cart rule asks the cart source for the cart (one /cart.js)', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(() =>
      Promise.resolve(
        new Response(JSON.stringify({ total_price: 7500, currency: 'EUR', item_count: 2 }), {
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    );
    (globalThis as { Shopify?: unknown }).Shopify = { routes: { root: '/' } };
    const el = await bar('cart-min="60"');
    expect(renders(el)).toBe(false);
    await expect.poll(() => renders(el), { timeout: 3000 }).toBe(true);
    expect(
      fetchMock.mock.calls.filter(([url]) => (url instanceof Request ? url.url : String(url)).includes('cart.js')),
    ).toHaveLength(1);
    fixtureCleanup();
    Reflect.deleteProperty(globalThis, Symbol.for('vitrine.cart'));
  });
});

describe('customer', () => {
  test('guest, member and tag:<tag> from the customer topic, re-evaluated when the customer signs in', async () => {
    const guest = await bar('customer="guest"');
    const member = await fixture<Widget>(
      `<vitrine-sticky-bar campaign="m" customer="member"><p>Members</p></vitrine-sticky-bar>`,
    );
    const vip = await fixture<Widget>(
      `<vitrine-sticky-bar campaign="v" customer="tag:VIP tag:wholesale"><p>VIP</p></vitrine-sticky-bar>`,
    );
    expect([renders(guest), renders(member), renders(vip)]).toEqual([true, false, false]);
    expect(member.debugState().reason).toBe('targeting: customer="member" and the visitor is a guest');

    getBus().publish('customer', { id: '42', tags: ['newsletter'] });
    await Promise.all([settle(guest), settle(member), settle(vip)]);
    expect([renders(guest), renders(member), renders(vip)]).toEqual([false, true, false]);
    expect(vip.debugState().reason).toBe(
      'targeting: customer="tag:VIP tag:wholesale" and the visitor is a member tagged newsletter',
    );

    getBus().publish('customer', { id: '42', tags: ['vip'] });
    await settle(vip);
    expect(renders(vip)).toBe(true);
    expect(views('v')).toHaveLength(1);
  });
});

describe('utm-source', () => {
  test('matches the landing URL’s utm_source, kept for the session on the next pages', async () => {
    setPath('/?utm_source=Newsletter&utm_medium=email');
    const landing = await bar('utm-source="newsletter facebook"');
    expect(renders(landing)).toBe(true);
    expect(sessionStorage.getItem(`vitrine:${UTM_SOURCE_KEY}`)).toBe('"newsletter"');
    fixtureCleanup();

    setPath('/products/candle');
    forgetMemory();
    expect(renders(await bar('utm-source="newsletter"'))).toBe(true);
    fixtureCleanup();
    const other = await bar('utm-source="instagram"');
    expect(renders(other)).toBe(false);
    expect(other.debugState().reason).toBe('targeting: utm-source="instagram" and this session came from newsletter');
  });

  test('a session without utm_source does not match', async () => {
    const el = await bar('utm-source="newsletter"');
    expect(renders(el)).toBe(false);
    expect(el.debugState().reason).toBe('targeting: utm-source="newsletter" and this session has no utm_source');
  });
});

describe('bad rules', () => {
  test('each bad rule warns once, names what was expected, and is ignored: the widget shows', async () => {
    const el = await bar(
      'device="tablet" visitor="loyal" cart-min="abc" cart-max="-5" customer="vip" pages="products/*"',
    );
    expect(renders(el)).toBe(true);
    el.requestUpdate();
    await el.updateComplete;
    expect(vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-sticky-bar campaign="bf"> ignored pages="products/*": expected space-separated URL paths starting with /, where * matches within a segment and ** across segments (/products/* /collections/**)',
      '[vitrine] <vitrine-sticky-bar campaign="bf"> ignored device="tablet": expected one of mobile, desktop',
      '[vitrine] <vitrine-sticky-bar campaign="bf"> ignored visitor="loyal": expected one of new, returning',
      '[vitrine] <vitrine-sticky-bar campaign="bf"> ignored cart-min="abc": expected a non-negative amount in major units with a dot, such as 60 or 59.90',
      '[vitrine] <vitrine-sticky-bar campaign="bf"> ignored cart-max="-5": expected a non-negative amount in major units with a dot, such as 60 or 59.90',
      '[vitrine] <vitrine-sticky-bar campaign="bf"> ignored customer="vip": expected guest, member or tag:<tag>, space-separated',
    ]);
  });

  test('cart-max below cart-min: cart-max is ignored with one warning, cart-min still applies', async () => {
    getBus().publish('cart', { total: 100, currency: 'EUR', itemCount: 1 });
    const el = await bar('cart-min="60" cart-max="50"');
    expect(renders(el)).toBe(true);
    expect(vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-sticky-bar campaign="bf"> ignored cart-max="50": expected an amount not below cart-min="60"',
    ]);
  });

  test('a malformed pattern beside a good one: the good one applies', async () => {
    setPath('/cart');
    const el = await bar('pages="/products/* /cart?x"');
    expect(renders(el)).toBe(false);
    expect(vitrineWarnings()).toHaveLength(1);
  });
});

describe('rules changed at run time', () => {
  test('setting, changing and removing a rule shows and hides the widget at once', async () => {
    setPath('/cart');
    const el = await bar();
    expect(renders(el)).toBe(true);
    el.setAttribute('pages', '/products/*');
    await settle(el);
    expect(renders(el)).toBe(false);
    el.setAttribute('pages', '/cart /checkout');
    await settle(el);
    expect(renders(el)).toBe(true);
    el.setAttribute('cart-min', '10');
    await settle(el);
    expect(renders(el)).toBe(false);
    el.removeAttribute('cart-min');
    await settle(el);
    expect(renders(el)).toBe(true);
    expect(views()).toHaveLength(1);
  });

  test('a rule written "null" then removed is gone (absent is not the text "null")', async () => {
    const el = await bar('utm-source="null"');
    expect(renders(el)).toBe(false);
    el.removeAttribute('utm-source');
    await settle(el);
    expect(renders(el)).toBe(true);
  });
});

describe('preview', () => {
  test('ignores targeting, sends nothing, and says which rule would hide it', async () => {
    setPath('/cart');
    const el = await bar('preview pages="/products/*"');
    expect(renders(el)).toBe(true);
    expect(views()).toHaveLength(0);
    expect(el.debugState()).toMatchObject({
      shown: true,
      reason: '',
      code: 'preview',
      note: 'preview: shown to the designer; targeting: pages="/products/*" does not match /cart',
    });
  });
});

describe('overlays', () => {
  test('a pop-up does not open while targeting says no; it may once the cart crosses cart-min', async () => {
    vi.useFakeTimers({ now: NOW });
    const el = await fixture<Popup>(
      `<vitrine-exit-popup campaign="pop" trigger="time:2s" min-time="0" cart-min="50" heading="-10 %"></vitrine-exit-popup>`,
    );
    expect(await el.show()).toBe(false);
    vi.advanceTimersByTime(5000);
    await settle(el);
    expect(el.open).toBe(false);
    expect(views()).toHaveLength(0);
    expect(el.debugState()).toMatchObject({ code: 'targeting', shown: false });

    getBus().publish('cart', { total: 55, currency: 'EUR', itemCount: 1 });
    await settle(el);
    expect(el.debugState()).toMatchObject({ code: 'waiting', reason: 'waiting for its trigger (2s on the page)' });
    vi.advanceTimersByTime(2100);
    await settle(el);
    await settle(el);
    expect(el.open).toBe(true);
    expect(views('pop')).toHaveLength(1);
    expect(el.debugState()).toMatchObject({ shown: true, reason: '' });
  });

  test('debugState: another overlay open, then the one-per-page cap, then dismissed', async () => {
    vi.useFakeTimers({ now: NOW });
    const first = await fixture<Popup>(`<vitrine-exit-popup campaign="bf-popup" heading="A"></vitrine-exit-popup>`);
    const second = await fixture<Popup>(`<vitrine-exit-popup campaign="other" heading="B"></vitrine-exit-popup>`);
    expect(second.debugState()).toMatchObject({ code: 'waiting', reason: 'waiting for its trigger (exit intent)' });
    expect(await first.show()).toBe(true);
    expect(second.debugState()).toMatchObject({
      shown: false,
      code: 'overlay',
      reason: 'another overlay is open (campaign "bf-popup")',
    });
    first.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    await settle(first);
    expect(second.debugState()).toMatchObject({
      code: 'overlay',
      reason: 'one overlay already showed in this page view (after-overlay="allow" to allow more)',
    });
    expect(first.debugState()).toMatchObject({
      code: 'dismissed',
      reason: expect.stringMatching(/^dismissed until 2026-12-04 \d\d:00 \(.+\)$/) as unknown,
    });
  });
});

describe('debugState of each widget', () => {
  test('schedule: outside its start/end window, in the widget’s time zone', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const el = await bar('start="2026-11-28T00:00" timezone="Europe/Paris"');
    expect(el.debugState()).toEqual({
      tag: 'vitrine-sticky-bar',
      campaign: 'bf',
      shown: false,
      code: 'schedule',
      reason: 'outside its start/end window: starts 2026-11-28 00:00 (Europe/Paris)',
    });
    const ended = await fixture<Widget>(
      `<vitrine-countdown deadline="2026-12-01T00:00Z" end="2026-11-26T10:00" timezone="Europe/Paris"></vitrine-countdown>`,
    );
    expect(ended.debugState().reason).toBe('outside its start/end window: ended 2026-11-26 10:00 (Europe/Paris)');
  });

  test('dismissed: a closed bar until when, in its zone', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const el = await bar('dismissible dismiss-for="1d" timezone="Europe/Paris"');
    el.shadowRoot!.querySelector<HTMLElement>('[part~="close-button"]')!.click();
    await settle(el);
    expect(el.debugState()).toMatchObject({
      shown: false,
      code: 'dismissed',
      reason: 'dismissed until 2026-11-28 10:00 (Europe/Paris)',
    });
  });

  test('bad input: the attribute, its value and what was expected', async () => {
    const el = await fixture<Widget>(`<vitrine-countdown campaign="bf" deadline="tomorrow"></vitrine-countdown>`);
    expect(el.debugState()).toMatchObject({
      shown: false,
      code: 'bad-input',
      reason: `bad attribute: deadline="tomorrow" (expected ${DATE_TIME_EXPECTED})`,
    });
    const empty = await fixture<Widget>(`<vitrine-wheel campaign="w"></vitrine-wheel>`);
    expect(empty.debugState()).toMatchObject({
      code: 'bad-input',
      reason: expect.stringContaining('vitrine-wheel-segment') as unknown,
    });
  });

  test('converted: a pop-up the visitor signed up to', async () => {
    storage.set(campaignKey('news', 'converted'), true);
    const el = await fixture<Popup>(`<vitrine-exit-popup campaign="news" capture></vitrine-exit-popup>`);
    expect(el.debugState()).toMatchObject({ shown: false, code: 'converted' });
  });

  test('no spins left: a wheel pop-up the visitor has played', async () => {
    storage.set(campaignKey('spin', 'spins'), 1);
    storage.set(campaignKey('spin', 'result'), { label: 'Lost', code: null });
    const el = await fixture<Widget>(
      `<vitrine-wheel campaign="spin" mode="popup"><vitrine-wheel-segment label="Lost"></vitrine-wheel-segment><vitrine-wheel-segment label="-10 %" code="TEN"></vitrine-wheel-segment></vitrine-wheel>`,
    );
    await settle(el);
    expect(el.debugState()).toMatchObject({
      shown: false,
      code: 'no-spins',
      reason: 'no spins left: 1 of spins="1" used',
    });
  });

  test('waiting: a progress bar with no cart yet; a loyalty badge for a guest', async () => {
    const progress = await fixture<Widget>(
      `<vitrine-shipping-progress threshold="60" cart-source="bus"></vitrine-shipping-progress>`,
    );
    expect(progress.debugState()).toMatchObject({
      code: 'waiting',
      reason: 'waiting for the cart (cart-source="bus")',
    });
    const badge = await fixture<Widget>(`<vitrine-loyalty-badge tiers="Bronze:0, Gold:500"></vitrine-loyalty-badge>`);
    expect(badge.debugState()).toMatchObject({ shown: false, code: 'waiting' });
  });

  test('every connected widget is in the page-wide set, and leaves it when removed', async () => {
    const el = await bar();
    const widgets = (globalThis as unknown as Record<symbol, Set<Element>>)[Symbol.for('vitrine.widgets')];
    expect(widgets).toBe(connectedWidgets());
    expect(widgets.has(el)).toBe(true);
    el.remove();
    expect(widgets.has(el)).toBe(false);
  });
});
