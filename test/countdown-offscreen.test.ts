/**
 * A countdown the shopper cannot see does no DOM work each second (a collection page may hold
 * dozens), yet still ends on time, and shows the right time the moment it scrolls into view.
 * Its own file: it scrolls the page, which the other countdown tests do not expect.
 */
import { afterEach, expect, test, vi } from 'vitest';
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

/** The timer's boxes as the browser treats them: `auto` lets it skip their layout, paint and hit tests. */
const contentVisibility = (el: Countdown) =>
  getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).getPropertyValue('content-visibility');

test('a countdown far below the fold is skipped by the browser, shows the time in the first frame after it is seen, and ends on its tick', async () => {
  const deadline = NOW + 5_000;
  const el = await countdownBelowFold(deadline - NOW);
  const size = el.getBoundingClientRect();
  await frames();
  // Where the engine has content-visibility, the boxes of a timer nobody can see are skipped, at the
  // width they had. (Its height: see the known leftover below.)
  const skips = CSS.supports('content-visibility', 'auto');
  if (skips) expect(contentVisibility(el)).toBe('auto');
  expect(el.getBoundingClientRect().width).toBe(size.width);
  vi.advanceTimersByTime(2_001);
  await el.updateComplete;
  expect(seconds(el)).toBe('05');

  // Scrolled into view: the first frame after the observer has seen it already holds the right time.
  el.scrollIntoView();
  await new Promise((done) => requestAnimationFrame(done));
  const shown = await new Promise<string | null>((done) => requestAnimationFrame(() => done(seconds(el))));
  expect(shown).toBe('03');
  if (skips) expect(contentVisibility(el)).toBe('visible');

  // Off screen again, the end comes on the tick of the deadline (1 ms after the second), not later.
  window.scrollTo(0, 0);
  await frames();
  const endedAt: number[] = [];
  el.addEventListener('vitrine-countdown-end', () => endedAt.push(Date.now()));
  vi.advanceTimersByTime(deadline - Date.now());
  await el.updateComplete;
  expect(endedAt).toEqual([]);
  vi.advanceTimersByTime(1);
  await el.updateComplete;
  expect(endedAt).toEqual([deadline + 1]);
});

test('a countdown far below the fold is left to the browser to watch where it tells when a skipped box comes near, and watched again once seen', async () => {
  const unobserve = vi.spyOn(IntersectionObserver.prototype, 'unobserve');
  const observe = vi.spyOn(IntersectionObserver.prototype, 'observe');
  try {
    const browserWatches = 'ContentVisibilityAutoStateChangeEvent' in globalThis;
    const watchedBy = (spy: typeof observe) => spy.mock.calls.filter(([target]) => target === el).length;
    const el = await countdownBelowFold(10_000);
    await frames();
    // Off screen: the page's shared observer lets go of it where the browser watches its skipped boxes.
    expect(watchedBy(unobserve)).toBe(browserWatches ? 1 : 0);

    // Near the screen again: the browser's word brings it back, the observer watches it again, and the
    // digits have caught up with the ticks that passed meanwhile.
    vi.advanceTimersByTime(2_001);
    observe.mockClear();
    el.scrollIntoView();
    await frames();
    await el.updateComplete;
    expect(seconds(el)).toBe('08');
    expect(watchedBy(observe)).toBe(browserWatches ? 1 : 0);
    await frames(); // the observer's first word on it again

    // Off screen once more: let go again (once seen on screen, a new hand-off is allowed).
    unobserve.mockClear();
    window.scrollTo(0, 0);
    await frames();
    expect(watchedBy(unobserve)).toBe(browserWatches ? 1 : 0);
  } finally {
    unobserve.mockRestore();
    observe.mockRestore();
  }
});

test("without the contentvisibilityautostatechange event (Safari < 18, Firefox < 125), the page's observer keeps watching a countdown far below the fold, which catches up all the same", async () => {
  const name = 'ContentVisibilityAutoStateChangeEvent';
  const event = Object.getOwnPropertyDescriptor(globalThis, name);
  if (event) delete (globalThis as Record<string, unknown>)[name];
  const unobserve = vi.spyOn(IntersectionObserver.prototype, 'unobserve');
  try {
    const el = await countdownBelowFold(10_000);
    await frames();
    expect(unobserve.mock.calls.filter(([target]) => target === el)).toEqual([]);
    vi.advanceTimersByTime(3_001);
    el.scrollIntoView();
    await frames();
    await el.updateComplete;
    expect(seconds(el)).toBe('07');
  } finally {
    unobserve.mockRestore();
    if (event) Object.defineProperty(globalThis, name, event);
  }
});

// Content-visibility gives a skipped timer layout containment, which takes its baseline: aligned by its
// bottom instead, it keeps its line's height (before, the line grew by the font's descent, 53.4 → 57.6 px
// in Chromium, and what follows a countdown scrolled past could move).
test.each([
  ['alone', undefined],
  ['in a line of text, as boxes', 'boxes'],
  ['in a line of text, inline', 'inline'],
] as const)(
  'the line holding a countdown (%s) keeps its height when the countdown goes off screen',
  async (_label, layout) => {
    const el = await countdownBelowFold(5_000, layout);
    const line = el.parentElement!;
    const before = [line.getBoundingClientRect().height, el.getBoundingClientRect().height];
    await frames();
    expect(contentVisibility(el)).toBe('auto');
    expect([line.getBoundingClientRect().height, el.getBoundingClientRect().height]).toEqual(before);
  },
);
