/**
 * A countdown the shopper cannot see does no DOM work each second (a collection page may hold
 * dozens), yet still ends on time, and shows the right time the moment it scrolls into view.
 * Its own file: it scrolls the page, which the other countdown tests do not expect.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import { useTestPage } from './support/fixture.js';
import { NOW, countdownBelowFold, frames, seconds } from './support/countdown-below-fold.js';

type Countdown = HTMLElementTagNameMap['vitrine-countdown'];

useTestPage();

afterEach(() => {
  window.scrollTo(0, 0);
});

test('off screen the digits stay still, on screen they catch up at once, and the end is on time', async () => {
  const el = await countdownBelowFold(10_000);
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

test('a countdown in a sentence far below the fold keeps its line, shows the time in the first frame after it is seen, and ends on its tick', async () => {
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const deadline = NOW + 5_000;
  const page = await fixture<HTMLElement>(html`
    <div>
      <div style="height: 400vh"></div>
      <p>
        Order within
        <vitrine-countdown deadline=${new Date(deadline).toISOString()} format="ms" layout="inline"></vitrine-countdown>
        for dispatch today.
      </p>
    </div>
  `);
  const el = page.querySelector<Countdown>('vitrine-countdown')!;
  const sentence = page.querySelector('p')!;
  await el.updateComplete;
  await frames();
  // Off screen the line is the line it is on screen: nothing takes the timer's baseline away there
  // (content-visibility did: the line grew by the font's descent, 28 to 32 px, until seen again).
  const lineOffScreen = sentence.getBoundingClientRect().height;
  vi.advanceTimersByTime(2_001);
  await el.updateComplete;
  expect(seconds(el)).toBe('05');

  // Scrolled into view: the first frame after the observer has seen it already holds the right time.
  el.scrollIntoView();
  await new Promise((done) => requestAnimationFrame(done));
  const shown = await new Promise<string | null>((done) => requestAnimationFrame(() => done(seconds(el))));
  expect(shown).toBe('03');
  expect(sentence.getBoundingClientRect().height).toBe(lineOffScreen);

  // Off screen again, the end comes on the tick of the deadline (1 ms after the second), not later.
  window.scrollTo(0, 0);
  await frames();
  expect(sentence.getBoundingClientRect().height).toBe(lineOffScreen);
  const endedAt: number[] = [];
  el.addEventListener('vitrine-countdown-end', () => endedAt.push(Date.now()));
  vi.advanceTimersByTime(deadline - Date.now());
  await el.updateComplete;
  expect(endedAt).toEqual([]);
  vi.advanceTimersByTime(1);
  await el.updateComplete;
  expect(endedAt).toEqual([deadline + 1]);
});
