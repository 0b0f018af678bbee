/**
 * A countdown the shopper cannot see does no DOM work each second (a collection page may hold
 * dozens), yet still ends on time, and shows the right time the moment it scrolls into view.
 * Its own file: it scrolls the page, which the other countdown tests do not expect.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import '@vitrine/countdown/define';

type Countdown = HTMLElementTagNameMap['vitrine-countdown'];

const NOW = Date.parse('2026-11-27T09:00:00.000Z');

const seconds = (el: Countdown) =>
  el.shadowRoot!.querySelector('[part~="segment-seconds"] [part="value"]')?.textContent ?? null;

/** Two rendering frames: IntersectionObserver reports after layout, on a frame. */
const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

afterEach(() => {
  fixtureCleanup();
  vi.useRealTimers();
  window.scrollTo(0, 0);
});

test('off screen the digits stay still, on screen they catch up at once, and the end is on time', async () => {
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const page = await fixture<HTMLElement>(html`
    <div>
      <div style="height: 400vh"></div>
      <vitrine-countdown deadline=${new Date(NOW + 10_000).toISOString()} format="ms"></vitrine-countdown>
    </div>
  `);
  const el = page.querySelector<Countdown>('vitrine-countdown')!;
  await el.updateComplete;
  expect(seconds(el)).toBe('10');
  await frames();

  // Off screen (three screens below the fold): ticks pass, nothing re-renders.
  const ends: Event[] = [];
  el.addEventListener('vitrine-countdown-end', (event) => ends.push(event));
  vi.advanceTimersByTime(3_001);
  await el.updateComplete;
  expect(seconds(el)).toBe('10');

  // Scrolled into view: the current time shows without waiting for the next tick.
  el.scrollIntoView();
  await frames();
  await el.updateComplete;
  expect(seconds(el)).toBe('07');

  // Off screen again, the end still comes on time, once.
  window.scrollTo(0, 0);
  await frames();
  vi.advanceTimersByTime(7_001);
  await el.updateComplete;
  expect(ends).toHaveLength(1);
  expect(el.hasAttribute('expired')).toBe(true);
});
