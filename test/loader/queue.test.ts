/**
 * The script-tag build (`packages/vitrine/dist/vitrine.js`, built by `npm test` before the
 * tests run), loaded as a merchant loads it, on a page that has no widget yet and a
 * `window.vitrine` queue made before the script. Other pages: the other files of test/loader/.
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { CartState, CustomerState } from '@vitrine/core/bus';
import {
  bundleRequests,
  countdownElement,
  loadBundle,
  usePageErrors,
  pageBus,
  renderedDigits,
  settle,
  vitrineGlobal,
} from './page.js';

const QUEUED_CART: CartState = { total: 1, currency: 'EUR', itemCount: 1 };

/** What the merchant's queued subscriber received, and every vitrine:* event on document. */
const queuedSubscriberCalls: CartState[] = [];
const documentEvents: Array<{ type: string; detail: unknown }> = [];
const pageErrors = usePageErrors();
let requestsAfterLoad: string[] = [];

beforeAll(async () => {
  for (const topic of ['cart', 'customer', 'coupon', 'lead', 'overlay', 'timer-end', 'track']) {
    document.addEventListener(`vitrine:${topic}`, (event) =>
      documentEvents.push({ type: event.type, detail: (event as CustomEvent).detail }),
    );
  }
  // The merchant's snippet, before the script: a plain array.
  (globalThis as unknown as { vitrine: unknown }).vitrine = [
    ['publish', 'cart', QUEUED_CART],
    ['subscribe', 'cart', (cart: CartState) => queuedSubscriberCalls.push(cart)],
  ];
  await loadBundle();
  await settle();
  requestsAfterLoad = bundleRequests();
});

describe('lazy loading', () => {
  test('with no widget on the page only the loader and its bus chunk are fetched (the API chunk at the first debug() call); a countdown added later fetches its chunks and renders', async () => {
    expect(requestsAfterLoad).toEqual(['vitrine.js', 'chunks/bus']);
    expect(customElements.get('vitrine-countdown')).toBeUndefined();
    // debug() before any widget: the API chunk is fetched now, and the (empty) list is a promise of it.
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    try {
      const rows = vitrineGlobal()!.debug();
      expect(rows).toBeInstanceOf(Promise);
      expect(await rows).toEqual([]);
      expect(table).toHaveBeenCalledWith([]);
      // WebKit may list the chunk's resource entry a moment after the chunk has run.
      await expect.poll(() => bundleRequests()).toEqual(['vitrine.js', 'chunks/bus', 'chunks/api']);
      // Once it is here, the list comes at once.
      expect(vitrineGlobal()!.debug()).toEqual([]);
    } finally {
      table.mockRestore();
    }

    const countdown = countdownElement({ label: 'Sale ends in' });
    document.body.append(countdown);
    const digits = await renderedDigits(countdown);

    expect(digits.length).toBeGreaterThanOrEqual(2);
    for (const value of digits) expect(value).toMatch(/^\d{2,}$/);
    expect(countdown.shadowRoot!.querySelector('[part="label"]')!.textContent).toBe('Sale ends in');
    // After its first view, the funnel's memory (core's attribution chunk), off the first paint.
    await expect.poll(() => bundleRequests()).toContain('chunks/record');
    // The API chunk was here before the countdown: the debug sentences its row needs follow it.
    await expect.poll(() => bundleRequests()).toContain('chunks/debug-reasons');
    const requests = bundleRequests();
    expect(requests.slice(0, 2)).toEqual(['vitrine.js', 'chunks/bus']);
    expect(requests.slice(2).sort()).toEqual([
      'chunks/api',
      'chunks/countdown',
      'chunks/debug-reasons',
      'chunks/record',
      'chunks/shared',
    ]);
    const printed = vi.spyOn(console, 'table').mockImplementation(() => {});
    try {
      // Once they are installed (fetched is not yet run), the list comes at once again.
      await expect.poll(() => vitrineGlobal()!.debug() instanceof Promise).toBe(false);
      expect(vitrineGlobal()!.debug()).toEqual([
        { tag: 'vitrine-countdown', campaign: 'vitrine-countdown', shown: true, reason: '' },
      ]);
    } finally {
      printed.mockRestore();
    }
    expect(pageErrors).toEqual([]);
    countdown.remove();
  });
});

describe('window.vitrine', () => {
  test('exposes publish, subscribe, last and push', () => {
    const api = vitrineGlobal()!;
    expect(Array.isArray(api)).toBe(false);
    for (const method of ['publish', 'subscribe', 'last', 'push'] as const) {
      expect(typeof api[method], method).toBe('function');
    }
  });

  test('replays the queue made before the script loaded, in order', () => {
    // The publish ran first, so the queued subscriber got the sticky cart at once.
    expect(vitrineGlobal()!.last('cart')).toEqual(QUEUED_CART);
    expect(pageBus()!.last('cart')).toEqual(QUEUED_CART);
    expect(queuedSubscriberCalls).toEqual([QUEUED_CART]);
    expect(documentEvents).toContainEqual({ type: 'vitrine:cart', detail: QUEUED_CART });
  });

  test('push keeps working after load, with publish and subscribe', () => {
    const customer: CustomerState = { id: '42', points: 120, tier: 'Silver' };
    const received: CustomerState[] = [];
    vitrineGlobal()!.push(['publish', 'customer', customer]);
    expect(vitrineGlobal()!.last('customer')).toEqual(customer);
    // A sticky topic replays its last value to a subscriber pushed later.
    vitrineGlobal()!.push(['subscribe', 'customer', (payload: CustomerState) => received.push(payload)]);
    expect(received).toEqual([customer]);
    vitrineGlobal()!.publish('customer', { ...customer, points: 200 });
    expect(received.map((payload) => payload.points)).toEqual([120, 200]);
  });

  test('subscribe returns an unsubscribe function', () => {
    const received: unknown[] = [];
    const unsubscribe = vitrineGlobal()!.subscribe('timer-end', (payload) => received.push(payload));
    vitrineGlobal()!.publish('timer-end', { campaign: 'a' });
    unsubscribe();
    vitrineGlobal()!.publish('timer-end', { campaign: 'b' });
    expect(received).toEqual([{ campaign: 'a' }]);
  });

  test('dispatches every message on document as vitrine:<topic>', () => {
    const messages = {
      coupon: { code: 'BF26', campaign: 'bf-2026' },
      lead: {
        email: 'a@example.com',
        consent: true,
        consentText: 'Yes, email me offers.',
        campaign: 'bf-2026',
        widget: 'exit-popup',
        url: location.href,
        at: new Date(0).toISOString(),
      },
      overlay: { campaign: null },
      'timer-end': { campaign: 'bf-2026' },
      track: { action: 'view', widget: 'countdown', campaign: 'bf-2026' },
    } as const;
    for (const [topic, payload] of Object.entries(messages)) {
      const before = documentEvents.length;
      vitrineGlobal()!.publish(topic as keyof typeof messages, payload);
      // Exactly one event per message, carrying the payload itself.
      expect(documentEvents.slice(before), topic).toEqual([{ type: `vitrine:${topic}`, detail: payload }]);
      expect(documentEvents.at(-1)!.detail).toBe(payload);
    }
  });

  test('a bad queued command is ignored with a warning, and the others still run', () => {
    const api = vitrineGlobal()!;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      api.push(['unknown', 'cart'], ['publish', 'coupon', { code: 'LATE', campaign: 'queue' }]);
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0][0])).toMatch(/^\[vitrine\] .*unknown/);
    } finally {
      warn.mockRestore();
    }
    expect(api.last('coupon')).toEqual({ code: 'LATE', campaign: 'queue' });
  });
});
