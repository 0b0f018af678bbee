import { beforeEach, describe, expect, test, vi } from 'vitest';
import { getBus, STICKY_TOPICS, type Bus, type CartState } from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

const BUS_KEY = Symbol.for('vitrine.bus');
const holder = globalThis as unknown as Record<symbol, unknown>;

/** Each test starts with no bus on the page, as a fresh page load would. */
function forgetBus() {
  delete holder[BUS_KEY];
}

const cart: CartState = { total: 59.9, currency: 'EUR', itemCount: 2 };

describe('the page bus', () => {
  useTestPage({ freshBus: true });
  beforeEach(forgetBus);

  test('is one per page: every copy that asks gets the same object, kept on the global symbol', () => {
    const first = getBus();
    const second = getBus();
    expect(second).toBe(first);
    expect(holder[BUS_KEY]).toBe(first);
  });

  test('reuses a bus another copy of Vitrine planted on the symbol', () => {
    const planted = getBus();
    forgetBus();
    Object.defineProperty(globalThis, BUS_KEY, { value: planted, configurable: true });
    expect(getBus()).toBe(planted);
  });

  test('a copy that publishes reaches a subscriber of another copy', () => {
    const heard: CartState[] = [];
    const planted = getBus();
    planted.subscribe('cart', (payload) => heard.push(payload));
    getBus().publish('cart', cart);
    expect(heard).toEqual([cart]);
  });

  test('replaces something on the symbol that is not a bus', () => {
    Object.defineProperty(globalThis, BUS_KEY, { value: { version: 1 }, configurable: true });
    const bus = getBus();
    expect(typeof bus.publish).toBe('function');
    expect(getBus()).toBe(bus);
  });

  test('sticky topics replay their last value to a new subscriber; other topics do not', () => {
    const bus = getBus();
    expect(STICKY_TOPICS.has('cart')).toBe(true);
    expect(STICKY_TOPICS.has('timer-end')).toBe(false);
    bus.publish('cart', { total: 10, currency: 'EUR', itemCount: 1 });
    bus.publish('cart', cart);
    bus.publish('timer-end', { campaign: 'bf' });

    const carts: CartState[] = [];
    const ends: unknown[] = [];
    bus.subscribe('cart', (payload) => carts.push(payload));
    bus.subscribe('timer-end', (payload) => ends.push(payload));
    expect(carts).toEqual([cart]);
    expect(ends).toEqual([]);
    expect(bus.last('cart')).toEqual(cart);
    expect(bus.last('timer-end')).toBeUndefined();

    bus.publish('timer-end', { campaign: 'bf' });
    expect(ends).toEqual([{ campaign: 'bf' }]);
  });

  test('unsubscribe stops delivery', () => {
    const bus = getBus();
    const handler = vi.fn();
    const unsubscribe = bus.subscribe('coupon', handler);
    bus.publish('coupon', { code: 'A', campaign: 'bf' });
    unsubscribe();
    bus.publish('coupon', { code: 'B', campaign: 'bf' });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith({ code: 'A', campaign: 'bf' });
  });

  test('a handler that unsubscribes itself while being called does not make another miss the message', () => {
    const bus = getBus();
    const calls: string[] = [];
    const unsubscribeFirst = bus.subscribe('timer-end', () => {
      calls.push('first');
      unsubscribeFirst();
    });
    bus.subscribe('timer-end', () => calls.push('second'));
    bus.publish('timer-end', { campaign: 'bf' });
    bus.publish('timer-end', { campaign: 'bf' });
    expect(calls).toEqual(['first', 'second', 'second']);
  });

  test('every message is also a `vitrine:<topic>` CustomEvent on document', () => {
    const bus = getBus();
    const events: CustomEvent[] = [];
    const listener = (event: Event) => events.push(event as CustomEvent);
    document.addEventListener('vitrine:cart', listener);
    try {
      bus.publish('cart', cart);
    } finally {
      document.removeEventListener('vitrine:cart', listener);
    }
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(CustomEvent);
    expect(events[0].detail).toEqual(cart);
  });

  test('a subscriber that throws neither stops the others nor reaches window.onerror', () => {
    const bus: Bus = getBus();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const pageErrors: ErrorEvent[] = [];
    const onError = (event: ErrorEvent) => pageErrors.push(event);
    window.addEventListener('error', onError);
    const before = vi.fn();
    const after = vi.fn();
    const domEvents = vi.fn();
    document.addEventListener('vitrine:lead', domEvents);
    try {
      bus.subscribe('lead', before);
      bus.subscribe('lead', () => {
        throw new Error('merchant bug');
      });
      bus.subscribe('lead', after);
      const lead = {
        email: 'a@b.co',
        consent: true,
        consentText: 'ok',
        campaign: 'bf',
        widget: 'exit-popup',
        url: location.href,
        at: new Date(0).toISOString(),
      };
      expect(() => bus.publish('lead', lead)).not.toThrow();
      expect(before).toHaveBeenCalledWith(lead);
      expect(after).toHaveBeenCalledWith(lead);
      expect(domEvents).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener('error', onError);
      document.removeEventListener('vitrine:lead', domEvents);
    }
    expect(pageErrors).toEqual([]);
    expect(consoleError).toHaveBeenCalledTimes(1);
  });

  test('a sticky replay that throws is isolated too', () => {
    const bus = getBus();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    bus.publish('overlay', { campaign: 'popup' });
    expect(() =>
      bus.subscribe('overlay', () => {
        throw new Error('merchant bug');
      }),
    ).not.toThrow();
  });
});
