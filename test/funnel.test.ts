/**
 * The funnel of issue 22, widget by widget, as the tools receive it: each step on the bus, in GA4's
 * dataLayer and through Shopify.analytics.publish, with campaign, widget and variant — view,
 * interaction (click, spin, details), sign-up (`convert`), code revealed, copied, applied (seen in
 * the discount codes of a stand-in of Shopify's AJAX cart) and the order (`vitrine.conversion()`
 * through core's attribution chunk); and what `attribution()` tells the visitor's own scripts.
 * Time runs on fake timers (the cart's debounce); nothing sleeps.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import {
  CART_DEBOUNCE_MS,
  getBus,
  installRecorder,
  installTrackBridges,
  loadCoupon,
  type TrackMessage,
} from '@vitrine/core';
import '@vitrine/countdown/define';
import '@vitrine/sticky-bar/define';
import '@vitrine/exit-popup/define';
import '@vitrine/wheel/define';
import '@vitrine/shipping-progress/define';
import '@vitrine/loyalty-badge/define';
import { attribution, conversion } from '../packages/core/src/attribution/record.ts';
import { clearStored } from './support/recorders.js';
import { NOW, forgetVitrine, useTestPage } from './support/fixture.js';

type Win = { Shopify?: unknown; dataLayer?: Array<Record<string, unknown>> };
const win = window as Win;

/** The shop's AJAX cart, as /cart.js writes it. */
const shop = {
  cart: {
    total_price: 4990,
    currency: 'EUR',
    item_count: 1,
    discount_codes: [] as Array<{ code: string; applicable: boolean }>,
  },
};
const answer = (body: unknown) =>
  ({ ok: true, status: 200, headers: new Headers(), json: () => Promise.resolve(structuredClone(body)) }) as Response;

let publish: MockInstance<(name: string, payload: unknown) => void>;
const testPage = useTestPage({
  now: NOW,
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
});
let tracked: TrackMessage[];
const nativeFetch = globalThis.fetch;

/** GA4 events pushed, without the `{ ecommerce: null }` before each. */
const ga4 = () => (win.dataLayer ?? []).filter((entry) => entry.event);
const ga4Names = () => ga4().map((entry) => entry.event);

/** Promise chains, renders, and one real task (a dynamic import settles in a task of its own). */
async function settle(...els: Array<{ updateComplete: Promise<unknown> }>): Promise<void> {
  for (let turn = 0; turn < 30; turn++) await Promise.resolve();
  for (const el of els) await el.updateComplete;
  await new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}

const part = <T extends HTMLElement = HTMLElement>(el: Element, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

// The code block (copy button) is a chunk fetched when a code is about to show (coupon-later.ts);
// here codes show right after a render, so it is here from the start. The lazy fetch itself is
// tested on the built bundle (test/loader/features.test.ts, coupon-offline.test.ts).
beforeAll(() => loadCoupon());

beforeAll(async () => {
  // The attribution chunk, which the bridges fetch with the first message, arrives before the
  // clock is faked; from then on a message is kept a few microtasks after it is sent.
  // Waits for this very touch: the browser's storage may hold an earlier file's touches, which
  // would let the wait end before the chunk came, and the warm-up would then land mid-test.
  forgetVitrine();
  installTrackBridges();
  installRecorder();
  getBus().publish('track', { action: 'view', widget: 'warm-up', campaign: 'warm-up' });
  await vi.waitFor(() => expect(attribution().map((row) => row.campaign)).toContain('warm-up'));
  // The warm-up's memory is not the first test's.
  forgetVitrine();
});

beforeEach(() => {
  clearStored();
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('vitrine.cart')];
  win.dataLayer = [];
  publish = vi.fn();
  win.Shopify = { analytics: { publish }, routes: { root: '/' }, currency: { active: 'EUR', rate: '1.0' } };
  shop.cart.discount_codes = [];
  globalThis.fetch = vi.fn((input: RequestInfo | URL) =>
    Promise.resolve(
      String(input instanceof Request ? input.url : input).includes('cart.js')
        ? answer(shop.cart)
        : answer({ status: 404 }),
    ),
  );
  vi.spyOn(console, 'info').mockImplementation(() => {});
  tracked = [];
  testPage.cleanups.push(getBus().subscribe('track', (message) => tracked.push(message)));
  // As on any page with a widget: the bridges forward (and the attribution chunk records) every message.
  installTrackBridges();
});

afterEach(() => {
  globalThis.fetch = nativeFetch;
  delete win.Shopify;
  delete win.dataLayer;
});

describe('the funnel, per widget', () => {
  test('wheel: view, spin, code revealed, prize; the code copied, then applied in the cart; then the order', async () => {
    // The ticket lands on the first slice (the code TEN).
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint32Array).fill(0);
      return array;
    });
    const el = await fixture<HTMLElementTagNameMap['vitrine-wheel']>(
      html`<vitrine-wheel campaign="bf-wheel" variant="B"
        ><vitrine-wheel-segment label="-10 %" code="TEN" weight="3"></vitrine-wheel-segment
        ><vitrine-wheel-segment label="Try again" weight="1"></vitrine-wheel-segment
      ></vitrine-wheel>`,
    );
    await settle(el);
    part(el, 'spin-button')!.click();
    await settle(el);
    for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
    await settle(el);
    part(el, 'copy-button')!.click();
    await settle(el);

    const who = { widget: 'wheel', campaign: 'bf-wheel', variant: 'B' };
    // GA4's promotion fields: campaign, widget, variant.
    const wheelPromotion = {
      promotion_id: 'bf-wheel',
      promotion_name: 'bf-wheel',
      creative_name: 'wheel',
      creative_slot: 'B',
    };
    expect(tracked).toEqual([
      { action: 'view', ...who },
      { action: 'click', ...who },
      { action: 'reveal', ...who, code: 'TEN' },
      { action: 'convert', ...who },
      { action: 'copy', ...who, code: 'TEN' },
    ]);
    expect(ga4Names()).toEqual([
      'view_promotion',
      'select_promotion',
      'vitrine_reveal',
      'vitrine_convert',
      'vitrine_copy',
    ]);
    expect(ga4()[2]).toEqual({
      event: 'vitrine_reveal',
      ecommerce: { ...wheelPromotion, coupon: 'TEN' },
    });
    expect(publish.mock.calls.map(([name]) => name)).toEqual([
      'vitrine_view',
      'vitrine_click',
      'vitrine_reveal',
      'vitrine_convert',
      'vitrine_copy',
    ]);

    // The cart page: the shipping progress reads Shopify's cart, whose discount codes then change.
    const progress = await fixture<HTMLElementTagNameMap['vitrine-shipping-progress']>(
      html`<vitrine-shipping-progress
        campaign="ship"
        threshold="60"
        cart-source="shopify"
      ></vitrine-shipping-progress>`,
    );
    await vi.advanceTimersByTimeAsync(CART_DEBOUNCE_MS);
    await settle(progress);
    expect(tracked.filter((message) => message.action === 'apply')).toEqual([]);
    shop.cart.discount_codes = [
      { code: 'ten', applicable: true },
      { code: 'EXPIRED', applicable: false },
    ];
    document.dispatchEvent(new CustomEvent('cart:updated'));
    await vi.advanceTimersByTimeAsync(CART_DEBOUNCE_MS);
    await settle(progress);
    expect(tracked.filter((message) => message.action === 'apply')).toEqual([{ action: 'apply', ...who, code: 'TEN' }]);
    expect(ga4().at(-1)).toEqual({
      event: 'vitrine_apply',
      ecommerce: { ...wheelPromotion, coupon: 'TEN' },
    });
    expect(publish).toHaveBeenLastCalledWith('vitrine_apply', { action: 'apply', ...who, code: 'TEN' });
    // The cart changes again with the code still in it: applied once.
    shop.cart.total_price = 5990;
    document.dispatchEvent(new CustomEvent('cart:updated'));
    await vi.advanceTimersByTimeAsync(CART_DEBOUNCE_MS);
    await settle(progress);
    expect(tracked.filter((message) => message.action === 'apply')).toHaveLength(1);

    // The thank-you page reports the order: owed to the wheel by its code.
    vi.setSystemTime(NOW + 3_600_000);
    const result = conversion({ value: '59.90', currency: 'eur', coupon: ' ten ', id: 'A-1042' });
    expect(result).toEqual({ ...who, code: 'TEN', by: 'code', at: NOW });
    expect(win.dataLayer!.at(-2)).toEqual({ ecommerce: null });
    expect(ga4().at(-1)).toEqual({
      event: 'purchase',
      vitrine_campaign: 'bf-wheel',
      vitrine_variant: 'B',
      vitrine_attribution: 'code',
      ecommerce: {
        ...wheelPromotion,
        transaction_id: 'A-1042',
        value: 59.9,
        currency: 'EUR',
        coupon: 'TEN',
      },
    });
    expect(publish).toHaveBeenLastCalledWith('vitrine_order', {
      action: 'order',
      ...who,
      code: 'TEN',
      value: 59.9,
      currency: 'EUR',
      order: 'A-1042',
      attributed: 'code',
    });
    // A reloaded thank-you page: the same order is not sent twice.
    const pushed = win.dataLayer!.length;
    expect(conversion({ value: 59.9, currency: 'EUR', coupon: 'TEN', id: 'A-1042' })).toMatchObject({ by: 'code' });
    expect(win.dataLayer).toHaveLength(pushed);
    await settle(el);

    // Most recent first: the wheel (its order) before the shipping progress.
    expect(attribution()).toEqual([
      {
        campaign: 'bf-wheel',
        variant: 'B',
        widgets: ['wheel'],
        steps: { view: 1, click: 1, reveal: 1, convert: 1, copy: 1, apply: 1, order: 1 },
        codes: ['TEN'],
        first: new Date(NOW).toISOString(),
        last: new Date(NOW + 3_600_000).toISOString(),
      },
      {
        campaign: 'ship',
        widgets: ['shipping-progress'],
        steps: { view: 1 },
        codes: [],
        first: new Date(NOW).toISOString(),
        last: new Date(NOW).toISOString(),
      },
    ]);
  });

  test('exit pop-up: view when it opens, sign-up, code revealed, code copied', async () => {
    const el = await fixture<HTMLElementTagNameMap['vitrine-exit-popup']>(
      html`<vitrine-exit-popup campaign="club" variant="A" capture code="WELCOME10"></vitrine-exit-popup>`,
    );
    await el.show();
    await settle(el);
    part<HTMLInputElement>(el, 'email-input')!.value = 'ada@example.com';
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
    part(el, 'submit')!.click();
    await settle(el);
    part(el, 'copy-button')!.click();
    await settle(el);
    const who = { widget: 'exit-popup', campaign: 'club', variant: 'A' };
    expect(tracked).toEqual([
      { action: 'view', ...who },
      { action: 'convert', ...who },
      { action: 'reveal', ...who, code: 'WELCOME10' },
      { action: 'copy', ...who, code: 'WELCOME10' },
    ]);
    expect(ga4Names()).toEqual(['view_promotion', 'vitrine_convert', 'vitrine_reveal', 'vitrine_copy']);
    expect(ga4()[3]).toMatchObject({ ecommerce: { promotion_id: 'club', creative_slot: 'A', coupon: 'WELCOME10' } });
  });

  test('sticky bar: view, a click on its link, and a copy of the code it shows', async () => {
    const el = await fixture<HTMLElementTagNameMap['vitrine-sticky-bar']>(
      html`<vitrine-sticky-bar campaign="bf-bar" variant="B" show-coupon><a href="#sale">Sale</a></vitrine-sticky-bar>`,
    );
    getBus().publish('coupon', { code: 'BAR10', campaign: 'bf-bar' });
    await settle(el);
    el.querySelector('a')!.click();
    part(el, 'copy-button')!.click();
    await settle(el);
    const who = { widget: 'sticky-bar', campaign: 'bf-bar', variant: 'B' };
    expect(tracked).toEqual([
      { action: 'view', ...who },
      { action: 'click', ...who },
      { action: 'copy', ...who, code: 'BAR10' },
    ]);
    expect(ga4Names()).toEqual(['view_promotion', 'select_promotion', 'vitrine_copy']);
  });

  test('countdown and shipping progress: the view', async () => {
    const countdown = await fixture<HTMLElementTagNameMap['vitrine-countdown']>(
      html`<vitrine-countdown campaign="bf" variant="A" deadline="2026-11-28T00:00:00Z"></vitrine-countdown>`,
    );
    const progress = await fixture<HTMLElementTagNameMap['vitrine-shipping-progress']>(
      html`<vitrine-shipping-progress
        campaign="ship"
        variant="B"
        threshold="60"
        total="20"
      ></vitrine-shipping-progress>`,
    );
    await settle(countdown, progress);
    expect(tracked).toEqual([
      { action: 'view', widget: 'countdown', campaign: 'bf', variant: 'A' },
      { action: 'view', widget: 'shipping-progress', campaign: 'ship', variant: 'B' },
    ]);
    expect(ga4Names()).toEqual(['view_promotion', 'view_promotion']);
  });

  test('loyalty badge: the view, and its details opened (an interaction)', async () => {
    vi.useRealTimers(); // the details are placed on animation frames
    const el = await fixture<HTMLElementTagNameMap['vitrine-loyalty-badge']>(
      html`<vitrine-loyalty-badge campaign="pdp" variant="B" price="49"></vitrine-loyalty-badge>`,
    );
    part(el, 'base')!.click();
    await el.updateComplete;
    const who = { widget: 'loyalty-badge', campaign: 'pdp', variant: 'B' };
    expect(tracked).toEqual([
      { action: 'view', ...who },
      { action: 'click', ...who },
    ]);
    expect(ga4Names()).toEqual(['view_promotion', 'select_promotion']);
  });
});

describe('orders: vitrine.conversion()', () => {
  test('without a code: the last interaction within the window, not a view of a widget without variant', async () => {
    const bus = getBus();
    bus.publish('track', { action: 'click', widget: 'sticky-bar', campaign: 'bf-bar' });
    vi.setSystemTime(NOW + 60_000);
    bus.publish('track', { action: 'view', widget: 'countdown', campaign: 'bf' });
    await settle();
    vi.setSystemTime(NOW + 2 * 86_400_000);
    expect(conversion({ value: 30, currency: 'USD' })).toEqual({
      campaign: 'bf-bar',
      widget: 'sticky-bar',
      by: 'interaction',
      at: NOW,
    });
    expect(ga4().at(-1)).toMatchObject({
      event: 'purchase',
      vitrine_campaign: 'bf-bar',
      vitrine_attribution: 'interaction',
      ecommerce: { value: 30, currency: 'USD' },
    });
    // Outside a one-day window: not attributed, nothing sent.
    const pushed = win.dataLayer!.length;
    expect(conversion({ value: 30, currency: 'USD', window: '1d' })).toBeNull();
    expect(win.dataLayer).toHaveLength(pushed);
  });

  test('an order without any Vitrine touch is not attributed: nothing sent', () => {
    expect(conversion({ value: 30, currency: 'EUR', coupon: 'SOMETHING' })).toBeNull();
    expect(win.dataLayer).toEqual([]);
    expect(tracked).toEqual([]);
  });

  test('bad input: one warning per value, a safe fallback, never a throw', async () => {
    getBus().publish('track', { action: 'click', widget: 'wheel', campaign: 'w' });
    await settle();
    const bad = { value: 'lots', currency: 'euros', coupon: 42, id: {}, window: 'soon' } as unknown as Parameters<
      typeof conversion
    >[0];
    expect(conversion(bad)).toMatchObject({ campaign: 'w', by: 'interaction' });
    expect(conversion(bad)).toMatchObject({ campaign: 'w' });
    expect(conversion(null as never)).toMatchObject({ campaign: 'w' });
    expect(testPage.warn.mock.calls.map(([text]) => String(text))).toEqual([
      '[vitrine] vitrine.conversion() ignored value="lots": expected an amount in major units, 0 or more (59.90)',
      '[vitrine] vitrine.conversion() ignored currency="euros": expected an ISO 4217 code (EUR, USD); EUR used',
      '[vitrine] vitrine.conversion() ignored coupon=42: expected the discount code used (WELCOME10)',
      '[vitrine] vitrine.conversion() ignored id={}: expected the order id',
      '[vitrine] vitrine.conversion() ignored window="soon": expected a duration such as 7d or 48h',
    ]);
    expect(ga4().at(-1)).toMatchObject({ event: 'purchase', ecommerce: { currency: 'EUR' } });
    expect(ga4().at(-1)!.ecommerce).not.toHaveProperty('value');
  });

  test("without Shopify's analytics consent nothing is sent or kept", async () => {
    win.Shopify = {
      analytics: { publish },
      customerPrivacy: { analyticsProcessingAllowed: () => false, preferencesProcessingAllowed: () => false },
    };
    getBus().publish('track', { action: 'click', widget: 'wheel', campaign: 'w' });
    await settle();
    expect(win.dataLayer).toEqual([]);
    expect(attribution()).toEqual([]);
    expect(conversion({ value: 10 })).toBeNull();
    expect(publish).not.toHaveBeenCalled();
  });
});
