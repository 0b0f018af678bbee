/**
 * The cart source in real Chromium, against a stand-in for Shopify's AJAX cart: `fetch` is
 * replaced by a fake shop before Vitrine starts (so Vitrine wraps it as it would wrap the
 * browser's), answering `GET /cart.js` from an in-memory cart and counting every request.
 * Each test is a fresh page for Vitrine: no cart store, no bus, the fake shop's fetch and the
 * browser's XMLHttpRequest restored. Time runs on fake timers; nothing sleeps.
 */
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import {
  CART_DEBOUNCE_MS,
  CartController,
  VitrineElement,
  cartFromShopify,
  fromShopCurrency,
  getBus,
  getCartStore,
  isCartMutation,
  retryAfterMs,
  shopifyCentsToMajor,
  shopifyPresentment,
  type CartState,
} from '@vitrine/core';
import { NOW, useTestPage } from '../support/fixture.js';

/** A minimal cart-aware widget: shows what its CartController knows. */
class CartProbe extends VitrineElement {
  @property({ attribute: 'cart-source' }) cartSource: string | null = null;
  @property() total: string | null = null;
  @property() currency: string | null = null;

  readonly cartSourceController: CartController = new CartController(this, {
    source: () => this.cartSource,
    total: () => this.total,
    currency: () => this.currency,
  });

  protected override render() {
    const cart = this.cartSourceController.cart;
    return litHtml`${cart ? `${cart.total} ${cart.currency} ${cart.itemCount}` : 'none'}`;
  }
}
customElements.define('cart-probe', CartProbe);

// ---- the fake shop ------------------------------------------------------------------------

/** What the next `GET /cart.js` answers instead of the cart (one entry per request). */
type Scripted = { offline: true } | { status: number; headers?: Record<string, string>; body?: unknown };

/** The shop's side: its cart as /cart.js writes it (`total_price` in hundredths). */
const shop = {
  cart: { total_price: 5990, currency: 'EUR', item_count: 2 },
  script: [] as Scripted[],
  /** `GET …/cart.js` requests. */
  cartGets: 0,
  /** Every call, as the shop received it. */
  calls: [] as Array<{ self: unknown; args: unknown[] }>,
  /** While set, cart changes wait for it (a slow network). */
  gate: null as Promise<void> | null,
};

/** A Response as far as Vitrine and the theme read it (status, headers, json). */
function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: new Headers(headers),
    json: () => Promise.resolve(structuredClone(body)),
  } as unknown as Response;
}

function urlOf(input: unknown): URL {
  const text = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
  return new URL(text, location.href);
}

async function shopFetch(this: unknown, ...args: unknown[]): Promise<Response> {
  shop.calls.push({ self: this, args });
  await Promise.resolve();
  const [input, init] = args as [RequestInfo | URL, RequestInit | undefined];
  const url = urlOf(input);
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (url.pathname.endsWith('/cart.js') && method === 'GET') {
    shop.cartGets += 1;
    const next = shop.script.shift();
    if (next && 'offline' in next) throw new TypeError('Failed to fetch');
    if (next) return reply(next.status, next.body ?? shop.cart, next.headers);
    return reply(200, shop.cart);
  }
  if (/\/cart\/add(\.js)?$/.test(url.pathname)) {
    if (shop.gate) await shop.gate;
    shop.cart = { ...shop.cart, total_price: shop.cart.total_price + 1000, item_count: shop.cart.item_count + 1 };
    return reply(200, { id: 1, quantity: 1 });
  }
  if (/\/cart\/clear(\.js)?$/.test(url.pathname)) {
    shop.cart = { ...shop.cart, total_price: 0, item_count: 0 };
    return reply(200, shop.cart);
  }
  return reply(404, { status: 404, message: 'Not Found' });
}

/** A theme's XMLHttpRequest to the shop: the real XMLHttpRequest, to the test server (any answer will do). */
function themeXhr(path: string): Promise<void> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Content-Type', 'application/json');
    request.addEventListener('loadend', () => {
      // The shop's side of it: the cart gained an item.
      shop.cart = { ...shop.cart, total_price: shop.cart.total_price + 1000, item_count: shop.cart.item_count + 1 };
      resolve();
    });
    request.send(JSON.stringify({ id: 1, quantity: 1 }));
  });
}

// ---- a fresh page for every test ------------------------------------------------------------

const holder = globalThis as unknown as Record<symbol | string, unknown>;
const nativeFetch = globalThis.fetch;
// Put back as they were after each test (never called detached).
// eslint-disable-next-line @typescript-eslint/unbound-method
const xhrOpen = XMLHttpRequest.prototype.open;
// eslint-disable-next-line @typescript-eslint/unbound-method
const xhrSend = XMLHttpRequest.prototype.send;

const testPage = useTestPage({
  now: NOW,
  toFake: ['setTimeout', 'clearTimeout', 'Date'],
  reset: () => {
    delete holder.Shopify;
    delete holder.subscribe;
    delete holder.PUB_SUB_EVENTS;
  },
});

beforeEach(() => {
  delete holder[Symbol.for('vitrine.cart')];
  delete holder[Symbol.for('vitrine.bus')];
  globalThis.fetch = shopFetch;
  XMLHttpRequest.prototype.open = xhrOpen;
  XMLHttpRequest.prototype.send = xhrSend;
  shop.cart = { total_price: 5990, currency: 'EUR', item_count: 2 };
  shop.script = [];
  shop.cartGets = 0;
  shop.calls = [];
  shop.gate = null;
  holder.Shopify = { routes: { root: '/' }, currency: { active: 'EUR', rate: '1.0' } };
});

afterAll(() => {
  globalThis.fetch = nativeFetch;
  XMLHttpRequest.prototype.open = xhrOpen;
  XMLHttpRequest.prototype.send = xhrSend;
});

/** Lets `ms` pass on the fake clock, with every promise in between, then lets the widgets render. */
async function elapse(ms: number, ...widgets: CartProbe[]): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await Promise.all(widgets.map((widget) => widget.updateComplete));
}

const text = (widget: CartProbe) => widget.shadowRoot!.textContent.trim();

async function threeWidgets(): Promise<CartProbe[]> {
  const parent = await fixture<HTMLElement>(
    html`<div>
      <cart-probe campaign="a"></cart-probe>
      <cart-probe campaign="b"></cart-probe>
      <cart-probe campaign="c"></cart-probe>
    </div>`,
  );
  const widgets = [...parent.querySelectorAll<CartProbe>('cart-probe')];
  await elapse(0, ...widgets);
  return widgets;
}

// ---- money ---------------------------------------------------------------------------------

describe('Shopify money', () => {
  test('cents to major units without float drift, also for currencies with 0 and 3 digits', () => {
    expect(shopifyCentsToMajor(5990, 'EUR')).toBe(59.9);
    expect(shopifyCentsToMajor(1005, 'EUR')).toBe(10.05);
    expect(shopifyCentsToMajor(30, 'EUR')).toBe(0.3);
    expect(shopifyCentsToMajor('12345', 'USD')).toBe(123.45);
    // Shopify's AJAX API writes hundredths for EVERY currency: ¥1,500 is 150000.
    expect(shopifyCentsToMajor(150000, 'JPY')).toBe(1500);
    expect(shopifyCentsToMajor(150050, 'JPY')).toBe(1501);
    expect(shopifyCentsToMajor(123456, 'KWD')).toBe(1234.56);
    expect(shopifyCentsToMajor(-1, 'EUR')).toBeNull();
    expect(shopifyCentsToMajor('59.90', 'EUR')).toBeNull();
    expect(shopifyCentsToMajor(Number.NaN, 'EUR')).toBeNull();
  });

  test('a cart.js answer becomes { total, currency, itemCount } in major units', () => {
    expect(cartFromShopify({ total_price: 150000, currency: 'JPY', item_count: 3 })).toEqual({
      total: 1500,
      currency: 'JPY',
      itemCount: 3,
    });
    expect(cartFromShopify({ total_price: 5990, currency: 'eur', item_count: 2 })).toEqual({
      total: 59.9,
      currency: 'EUR',
      itemCount: 2,
    });
    // No currency field: the presentment currency of the page.
    holder.Shopify = { currency: { active: 'USD', rate: '1.08' } };
    expect(cartFromShopify({ total_price: 100, item_count: 1 })).toEqual({ total: 1, currency: 'USD', itemCount: 1 });
    expect(cartFromShopify({ total_price: 'lots', currency: 'EUR' })).toBeNull();
    expect(cartFromShopify('<html>')).toBeNull();
  });

  test("Shopify.currency.active and .rate convert an amount of the shop's currency", () => {
    holder.Shopify = { currency: { active: 'USD', rate: '1.0842' } };
    expect(shopifyPresentment()).toEqual({ currency: 'USD', rate: 1.0842 });
    expect(fromShopCurrency(60, 'USD')).toBe(65.05);
    expect(fromShopCurrency(60, 'GBP')).toBeNull();
    holder.Shopify = { currency: { active: 'JPY', rate: '163.2' } };
    expect(fromShopCurrency(60, 'JPY')).toBe(9792);
    holder.Shopify = { currency: { active: 'USD', rate: 'x' } };
    expect(shopifyPresentment()).toBeUndefined();
  });

  test('Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-27T09:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Fri, 27 Nov 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  test('the cart calls watched: add, change, update, clear, with or without .js, under the root', () => {
    for (const path of [
      '/cart/add.js',
      '/cart/add',
      '/cart/change.js',
      '/cart/update',
      '/cart/clear.js',
      '/cart/add.json',
    ])
      expect(isCartMutation(path), path).toBe(true);
    for (const path of [
      '/cart.js',
      '/cart',
      '/products/cart/add',
      '/cart/shipping_rates.json',
      'https://elsewhere.example/cart/add.js',
    ])
      expect(isCartMutation(path), path).toBe(false);
    holder.Shopify = { routes: { root: '/fr/' } };
    expect(isCartMutation('/fr/cart/add.js')).toBe(true);
    expect(isCartMutation('/cart/add.js')).toBe(true);
    expect(isCartMutation(`${location.origin}/fr/cart/change?line=1&quantity=0`)).toBe(true);
  });
});

// ---- the Shopify source --------------------------------------------------------------------

describe('cart-source="shopify"', () => {
  test('one GET /cart.js at start serves three widgets, and the cart goes on the bus', async () => {
    const heard: CartState[] = [];
    getBus().subscribe('cart', (cart) => heard.push(cart));
    const widgets = await threeWidgets();
    expect(shop.cartGets).toBe(1);
    expect(widgets.map(text)).toEqual(['59.9 EUR 2', '59.9 EUR 2', '59.9 EUR 2']);
    expect(widgets.every((widget) => widget.cartSourceController.source === 'shopify')).toBe(true);
    expect(heard).toEqual([{ total: 59.9, currency: 'EUR', itemCount: 2 }]);
    // A widget that comes later reads the cart already known.
    const late = await fixture<CartProbe>(html`<cart-probe></cart-probe>`);
    await elapse(CART_DEBOUNCE_MS * 5, late);
    expect(text(late)).toBe('59.9 EUR 2');
    expect(shop.cartGets).toBe(1);
    expect(getCartStore()).toBe(holder[Symbol.for('vitrine.cart')]);
  });

  test('the request goes to Shopify.routes.root', async () => {
    holder.Shopify = { routes: { root: '/fr-ca' } };
    await threeWidgets();
    const gets = shop.calls.map(({ args }) => urlOf(args[0]).pathname).filter((path) => path.endsWith('cart.js'));
    expect(gets).toEqual(['/fr-ca/cart.js']);
  });

  test('a burst of three /cart/add.js (theme fetch and XMLHttpRequest) makes exactly one more request', async () => {
    const widgets = await threeWidgets();
    const heard: CartState[] = [];
    getBus().subscribe('cart', (cart) => heard.push(cart));
    heard.length = 0; // the sticky replay

    // The theme adds three items, one after the other, as a quick shopper would.
    const first = await fetch('/cart/add.js', { method: 'POST', body: '{"id":1}' });
    expect(first.status).toBe(200);
    await themeXhr('/cart/add.js');
    await fetch(new Request(new URL('/cart/add', location.href), { method: 'POST', body: 'id=1' }));
    expect(shop.cartGets).toBe(1);

    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(2);
    expect(widgets.map(text)).toEqual(['89.9 EUR 5', '89.9 EUR 5', '89.9 EUR 5']);
    expect(heard).toEqual([{ total: 89.9, currency: 'EUR', itemCount: 5 }]);

    await elapse(CART_DEBOUNCE_MS * 10, ...widgets);
    expect(shop.cartGets).toBe(2);
  });

  test('a cart call in flight holds the refresh until it settles', async () => {
    const widgets = await threeWidgets();
    let open!: () => void;
    shop.gate = new Promise<void>((resolve) => (open = resolve));
    const adding = fetch('/cart/add.js', { method: 'POST' });
    await elapse(5000, ...widgets);
    expect(shop.cartGets).toBe(1);
    open();
    await adding;
    await elapse(CART_DEBOUNCE_MS - 1, ...widgets);
    expect(shop.cartGets).toBe(1);
    await elapse(1, ...widgets);
    expect(shop.cartGets).toBe(2);
    expect(text(widgets[0])).toBe('69.9 EUR 3');
  });

  test('a 429 backs off for Retry-After and keeps the cart, marked stale; then the answer comes', async () => {
    const widgets = await threeWidgets();
    const heard: CartState[] = [];
    getBus().subscribe('cart', (cart) => heard.push(cart));
    shop.script = [{ status: 429, headers: { 'Retry-After': '5' } }];
    await fetch('/cart/add.js', { method: 'POST' });
    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(2);
    expect(widgets.map(text)).toEqual(['59.9 EUR 2', '59.9 EUR 2', '59.9 EUR 2']);
    expect(widgets[0].cartSourceController.stale).toBe(true);

    // A signal during the backoff waits for its end.
    document.dispatchEvent(new CustomEvent('cart:updated'));
    await elapse(4000, ...widgets);
    expect(shop.cartGets).toBe(2);
    await elapse(1000, ...widgets);
    expect(shop.cartGets).toBe(3);
    expect(widgets.map(text)).toEqual(['69.9 EUR 3', '69.9 EUR 3', '69.9 EUR 3']);
    expect(widgets[0].cartSourceController.stale).toBe(false);
    expect(heard.at(-1)).toEqual({ total: 69.9, currency: 'EUR', itemCount: 3 });
    await elapse(60_000, ...widgets);
    expect(shop.cartGets).toBe(3);
  });

  test('a dropped network keeps the last known cart (stale), retries with backoff, and recovers', async () => {
    const widgets = await threeWidgets();
    const heard: CartState[] = [];
    getBus().subscribe('cart', (cart) => heard.push(cart));
    heard.length = 0;
    shop.script = [{ offline: true }, { offline: true }];
    await fetch('/cart/clear.js', { method: 'POST' });
    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(2);
    expect(widgets.map(text)).toEqual(['59.9 EUR 2', '59.9 EUR 2', '59.9 EUR 2']);
    expect(widgets.every((widget) => widget.cartSourceController.stale)).toBe(true);
    expect(heard).toEqual([]);

    await elapse(2000, ...widgets); // first backoff: 2 s, still offline
    expect(shop.cartGets).toBe(3);
    expect(widgets[0].cartSourceController.stale).toBe(true);
    await elapse(3999, ...widgets); // second backoff: 4 s
    expect(shop.cartGets).toBe(3);
    await elapse(1, ...widgets);
    expect(shop.cartGets).toBe(4);
    expect(widgets.map(text)).toEqual(['0 EUR 0', '0 EUR 0', '0 EUR 0']);
    expect(widgets[0].cartSourceController.stale).toBe(false);
    expect(heard).toEqual([{ total: 0, currency: 'EUR', itemCount: 0 }]);
  });

  test("a fetch wrapper the theme installs after Vitrine still works, and Vitrine still sees the theme's cart calls", async () => {
    const widgets = await threeWidgets();
    const vitrineFetch = globalThis.fetch;
    const themeSaw: string[] = [];
    globalThis.fetch = function themeFetch(this: unknown, ...args: Parameters<typeof fetch>) {
      themeSaw.push(urlOf(args[0]).pathname);
      return vitrineFetch.apply(this, args);
    };

    const init = { method: 'POST', body: '{"id":1}', headers: { 'X-Theme': '1' } };
    const response = await fetch('/cart/add.js', init);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 1, quantity: 1 });
    // The shop got the theme's own arguments, the very same objects.
    const call = shop.calls.at(-1)!;
    expect(call.args[0]).toBe('/cart/add.js');
    expect(call.args[1]).toBe(init);

    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(2);
    expect(widgets.map(text)).toEqual(['69.9 EUR 3', '69.9 EUR 3', '69.9 EUR 3']);
    // Vitrine's own GET went straight to the page's fetch of its start, not through the theme's later layer.
    expect(themeSaw).toEqual(['/cart/add.js']);
  });

  test('the wrapper is transparent: same this, arguments, promise, response and error', async () => {
    const answer = reply(200, { id: 1 });
    const failure = new TypeError('Failed to fetch');
    const seen: Array<{ self: unknown; args: unknown[]; result: Promise<Response> }> = [];
    // The page's fetch under Vitrine hands out objects we can recognize.
    const underneath = function (this: unknown, ...args: unknown[]) {
      const path = urlOf(args[0]).pathname;
      const result =
        path === '/cart/change.js'
          ? Promise.reject(failure)
          : Promise.resolve(path.endsWith('cart.js') ? reply(200, shop.cart) : answer);
      seen.push({ self: this, args, result });
      return result;
    };
    globalThis.fetch = underneath;
    await threeWidgets();
    const wrapped = globalThis.fetch;
    expect(wrapped).not.toBe(underneath);

    // Not a cart call: the very promise of the page's fetch.
    const other = wrapped('/products/candle.js');
    expect(other).toBe(seen.at(-1)!.result);
    await other;

    const init = { method: 'POST', body: new FormData() };
    await expect(globalThis.fetch('/cart/add.js', init)).resolves.toBe(answer);
    expect(seen.at(-1)!.self).toBe(globalThis);
    expect(seen.at(-1)!.args).toHaveLength(2);
    expect(seen.at(-1)!.args[0]).toBe('/cart/add.js');
    expect(seen.at(-1)!.args[1]).toBe(init);
    await expect(wrapped('/cart/change.js', { method: 'POST' })).rejects.toBe(failure);
    expect(seen.at(-1)!.self).toBeUndefined();
  });

  test("Shopify's standard events: the refresh waits for the event's promise", async () => {
    const widgets = await threeWidgets();
    let settle!: () => void;
    const event = Object.assign(new Event('shopify:cart:lines-update', { bubbles: true }), {
      action: 'add',
      promise: new Promise<void>((resolve) => (settle = resolve)),
    });
    widgets[0].dispatchEvent(event);
    await elapse(CART_DEBOUNCE_MS * 5, ...widgets);
    expect(shop.cartGets).toBe(1);
    shop.cart = { ...shop.cart, total_price: 7990, item_count: 3 };
    settle();
    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(2);
    expect(text(widgets[0])).toBe('79.9 EUR 3');
  });

  test('DOM events and the Dawn pub/sub make one request together', async () => {
    const subscribers: Record<string, Array<() => void>> = {};
    holder.PUB_SUB_EVENTS = { cartUpdate: 'cart-update' };
    holder.subscribe = (name: string, callback: () => void) => {
      (subscribers[name] ??= []).push(callback);
      return () => {};
    };
    const widgets = await threeWidgets();
    expect(subscribers['cart-update']).toHaveLength(1);

    shop.cart = { ...shop.cart, total_price: 100, item_count: 1 };
    subscribers['cart-update'][0]();
    document.dispatchEvent(new CustomEvent('cart:updated', { bubbles: true }));
    document.body.dispatchEvent(new CustomEvent('cart:change'));
    window.dispatchEvent(new Event('cart:refresh'));
    document.dispatchEvent(new CustomEvent('cart:update', { bubbles: true }));
    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(2);
    expect(text(widgets[0])).toBe('1 EUR 1');
  });

  test('back/forward cache and a tab shown again refresh the cart', async () => {
    const widgets = await threeWidgets();
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(1);

    shop.cart = { ...shop.cart, total_price: 2500, item_count: 1 };
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(2);
    expect(text(widgets[0])).toBe('25 EUR 1');

    await elapse(5000, ...widgets);
    shop.cart = { ...shop.cart, total_price: 3500, item_count: 2 };
    document.dispatchEvent(new Event('visibilitychange'));
    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(3);
    expect(text(widgets[0])).toBe('35 EUR 2');
  });

  test('JPY: total_price in hundredths becomes yen', async () => {
    shop.cart = { total_price: 150000, currency: 'JPY', item_count: 1 };
    const widgets = await threeWidgets();
    expect(text(widgets[0])).toBe('1500 JPY 1');
  });

  test('an answer that is no cart warns once, keeps the last cart and waits for the next signal', async () => {
    const widgets = await threeWidgets();
    shop.script = [
      { status: 200, body: '<html>' },
      { status: 200, body: { total_price: 'x' } },
    ];
    document.dispatchEvent(new CustomEvent('cart:updated'));
    await elapse(CART_DEBOUNCE_MS, ...widgets);
    document.dispatchEvent(new CustomEvent('cart:updated'));
    await elapse(CART_DEBOUNCE_MS, ...widgets);
    expect(shop.cartGets).toBe(3);
    expect(text(widgets[0])).toBe('59.9 EUR 2');
    expect(widgets[0].cartSourceController.stale).toBe(true);
    const cartWarnings = testPage.warn.mock.calls.filter(([message]) => String(message).includes('cart.js'));
    expect(cartWarnings).toEqual([
      [
        "[vitrine] ignored the answer of /cart.js (HTTP 200): expected Shopify's cart JSON with total_price in cents, currency and item_count",
      ],
    ]);
    await elapse(120_000, ...widgets);
    expect(shop.cartGets).toBe(3);
  });
});

// ---- attribute and bus ---------------------------------------------------------------------

describe('cart-source="attribute" and "bus", and the default', () => {
  test('total set: the attribute is the cart, even on Shopify, and nothing is requested', async () => {
    const widget = await fixture<CartProbe>(html`<cart-probe total="59.90" currency="usd"></cart-probe>`);
    await elapse(CART_DEBOUNCE_MS, widget);
    expect(widget.cartSourceController.source).toBe('attribute');
    expect(text(widget)).toBe('59.9 USD 0');
    widget.total = '75';
    await elapse(0, widget);
    expect(text(widget)).toBe('75 USD 0');
    expect(shop.cartGets).toBe(0);
  });

  test('without Shopify the default is the bus, replayed to a late widget', async () => {
    delete holder.Shopify;
    getBus().publish('cart', { total: 42.5, currency: 'GBP', itemCount: 1 });
    const widget = await fixture<CartProbe>(html`<cart-probe></cart-probe>`);
    expect(widget.cartSourceController.source).toBe('bus');
    expect(text(widget)).toBe('42.5 GBP 1');
    getBus().publish('cart', { total: 60, currency: 'GBP', itemCount: 2 });
    await widget.updateComplete;
    expect(text(widget)).toBe('60 GBP 2');
    expect(shop.cartGets).toBe(0);
  });

  test('the source can change at run time', async () => {
    const widget = await fixture<CartProbe>(html`<cart-probe cart-source="bus"></cart-probe>`);
    expect(text(widget)).toBe('none');
    widget.cartSource = 'shopify';
    await elapse(0, widget);
    await elapse(0, widget);
    expect(text(widget)).toBe('59.9 EUR 2');
    expect(shop.cartGets).toBe(1);
  });

  test('bad input warns once per element, attribute and value, and falls back', async () => {
    const widget = await fixture<CartProbe>(
      html`<cart-probe campaign="bf" cart-source="magic" total="12,50"></cart-probe>`,
    );
    await elapse(0, widget);
    widget.requestUpdate();
    await elapse(0, widget);
    expect(testPage.warn.mock.calls).toEqual([
      [
        '[vitrine] <cart-probe campaign="bf"> ignored total="12,50": expected a non-negative amount in major units with a dot, such as 60 or 59.90',
      ],
      ['[vitrine] <cart-probe campaign="bf"> ignored cart-source="magic": expected one of attribute, bus, shopify'],
    ]);
    // `total` unusable and `cart-source` unknown: the default without total, Shopify here.
    expect(widget.cartSourceController.source).toBe('shopify');
    expect(text(widget)).toBe('59.9 EUR 2');
  });

  test('a bad bus message is ignored with one warning', async () => {
    const widget = await fixture<CartProbe>(html`<cart-probe cart-source="bus" campaign="x"></cart-probe>`);
    getBus().publish('cart', { total: 10, currency: 'EUR', itemCount: 1 });
    getBus().publish('cart', { total: '59,90', currency: 'EUR' } as unknown as CartState);
    getBus().publish('cart', { total: '59,90', currency: 'EUR' } as unknown as CartState);
    await widget.updateComplete;
    expect(text(widget)).toBe('10 EUR 1');
    expect(testPage.warn).toHaveBeenCalledTimes(1);
    expect(testPage.warn.mock.calls[0][0]).toMatch(
      /^\[vitrine\] <cart-probe campaign="x"> ignored the cart message \{"total":"59,90","currency":"EUR"\}: expected \{ total, currency, itemCount \}/,
    );
  });
});
