import { afterEach, describe, expect, test, vi } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import { LitElement } from 'lit';
import { ClockController, pageClock } from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

const START = Date.UTC(2026, 10, 27, 12, 0, 0, 300); // 300 ms into a second
const unsubscribers: Array<() => void> = [];

function subscribe(listener: (now: number) => void) {
  const unsubscribe = pageClock().subscribe(listener);
  unsubscribers.push(unsubscribe);
  return unsubscribe;
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

class ClockTestElement extends LitElement {
  ticks: number[] = [];
  clock = new ClockController(this, (now) => this.ticks.push(now));
}
customElements.define('clock-test-element', ClockTestElement);

useTestPage({
  now: START,
  // Drop the own property: document.hidden is the prototype's getter again.
  reset: () => delete (document as { hidden?: boolean }).hidden,
});

afterEach(() => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
});

describe('the page clock', () => {
  test('is one per page, on a global symbol', () => {
    expect(pageClock()).toBe(pageClock());
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('vitrine.clock')]).toBe(pageClock());
  });

  test('one timer serves every subscriber, and none is left when the last one leaves', () => {
    expect(vi.getTimerCount()).toBe(0);
    const listeners = Array.from({ length: 50 }, () => vi.fn());
    const offs = listeners.map((listener) => subscribe(listener));
    expect(pageClock().size).toBe(50);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(3000);
    expect(vi.getTimerCount()).toBe(1);
    for (const listener of listeners) expect(listener).toHaveBeenCalledTimes(3);
    for (const off of offs) off();
    expect(pageClock().size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('ticks just after each second turns, all subscribers with the same now', () => {
    const first: number[] = [];
    const second: number[] = [];
    subscribe((now) => first.push(now));
    subscribe((now) => second.push(now));
    vi.advanceTimersByTime(700); // 12:00:00.999
    expect(first).toEqual([]);
    vi.advanceTimersByTime(2); // 12:00:01.001
    expect(first).toEqual([Date.UTC(2026, 10, 27, 12, 0, 1, 1)]);
    vi.advanceTimersByTime(2000);
    expect(first).toHaveLength(3);
    expect(first.map((now) => now % 1000)).toEqual([1, 1, 1]);
    expect(second).toEqual(first);
  });

  test('does not tick while the tab is hidden, and ticks at once when it shows again', () => {
    const ticks: number[] = [];
    subscribe((now) => ticks.push(now));
    vi.advanceTimersByTime(701);
    expect(ticks).toHaveLength(1);

    setHidden(true);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(ticks).toHaveLength(1);

    vi.advanceTimersByTime(250); // 12:00:11.251
    setHidden(false);
    expect(ticks).toHaveLength(2);
    expect(ticks[1]).toBe(Date.UTC(2026, 10, 27, 12, 0, 11, 251));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(750); // realigned: the next tick is at 12:00:12.001
    expect(ticks[2]).toBe(Date.UTC(2026, 10, 27, 12, 0, 12, 1));
  });

  test('a subscriber that arrives while hidden starts at the next visibility', () => {
    setHidden(true);
    const listener = vi.fn();
    subscribe(listener);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(listener).not.toHaveBeenCalled();
    setHidden(false);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('a subscriber that throws does not stop the others or the clock', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    subscribe(() => {
      throw new Error('bug');
    });
    const listener = vi.fn();
    subscribe(listener);
    vi.advanceTimersByTime(2701);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  test('an unsubscribed listener is not called, and unsubscribing twice is harmless', () => {
    const stays = vi.fn();
    const leaves = vi.fn();
    subscribe(stays);
    const off = subscribe(leaves);
    off();
    off();
    vi.advanceTimersByTime(1000);
    expect(stays).toHaveBeenCalledTimes(1);
    expect(leaves).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
  });
});

describe('ClockController', () => {
  test('ticks its host while connected and running, through the one page clock', async () => {
    const a = await fixture<ClockTestElement>(html`<clock-test-element></clock-test-element>`);
    const b = await fixture<ClockTestElement>(html`<clock-test-element></clock-test-element>`);
    expect(pageClock().size).toBe(2);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1701);
    expect(a.ticks).toHaveLength(2);
    expect(b.ticks).toEqual(a.ticks);

    a.clock.running = false;
    vi.advanceTimersByTime(1000);
    expect(a.ticks).toHaveLength(2);
    expect(b.ticks).toHaveLength(3);

    b.remove();
    expect(pageClock().size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);

    a.clock.running = true;
    vi.advanceTimersByTime(1000);
    expect(a.ticks).toHaveLength(3);
  });
});
