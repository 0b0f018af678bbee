/**
 * A page downloads only the languages it shows (issue 20), with the built script-tag bundle: an
 * English or French page fetches nothing for languages; a German widget fetches one file, `texts-de`,
 * which carries the reader of texts with it (one round trip before its first render), once, for
 * every German widget of the page, and renders in German from its first paint; the merchant's
 * `window.vitrine.texts()` fetches the overrides' chunk and wins. A fresh page, with
 * the bundle served by test/hardening/server.ts, which can hold a file back.
 */
import { expect, onTestFinished, test } from 'vitest';
import { bundleRequests, countdownElement, loadBundle, recordPageErrors, renderedDigits, settle } from './page.js';

const DIST = '/__hardening/dist/';
const languageChunks = () => bundleRequests(DIST).filter((file) => /^chunks\/(texts-|overrides)/.test(file));
const server = (path: string, body?: unknown) =>
  fetch(DIST + path, { method: 'POST', body: JSON.stringify(body ?? null) }).then(async (response) => {
    await response.text();
  });
const timerName = (countdown: Element) =>
  countdown.shadowRoot!.querySelector('[role="timer"]')!.getAttribute('aria-label') ?? '';
const pauseName = (countdown: Element) =>
  countdown.shadowRoot!.querySelector('[part="pause-button"]')!.getAttribute('aria-label');

test('English and French pages fetch nothing for languages; German fetches its chunk, once', async () => {
  const errors = recordPageErrors();
  const english = countdownElement({ lang: 'en' });
  const french = document.createElement('div');
  french.lang = 'fr';
  french.append(countdownElement());
  document.body.append(english, french);
  await loadBundle('', `${DIST}vitrine.js`);
  await renderedDigits(english);
  await renderedDigits(french.firstElementChild!);
  await settle();
  expect(timerName(english)).toMatch(/^Countdown, ends /);
  expect(timerName(french.firstElementChild!)).toMatch(/^Compte à rebours, se termine /);
  await expect.poll(() => bundleRequests(DIST)).toContain('chunks/countdown');
  expect(languageChunks()).toEqual([]);

  // Two German widgets, one chunk; their first render is already German (never English first).
  const german = countdownElement({ lang: 'de' });
  const swiss = countdownElement({ lang: 'de-CH' });
  // Every frame until both are German, what a shopper would see: never an English name in between.
  const seen = new Set<string>();
  let watching = true;
  const watch = () => {
    for (const countdown of [german, swiss]) {
      const name = countdown.shadowRoot?.querySelector('[role="timer"]')?.getAttribute('aria-label');
      if (name) seen.add(name.startsWith('Countdown, ends') ? 'English' : name.slice(0, 16));
    }
    if (watching) requestAnimationFrame(watch);
  };
  watch();
  // German's chunk held back: the widgets wait for it, never showing a frame of English meanwhile.
  await server('hold', ['chunks/texts-de']);
  onTestFinished(() => server('release'));
  document.body.append(german, swiss);
  await expect
    .poll(() => fetch(`${DIST}held`).then((response) => response.json() as Promise<number>), { timeout: 5_000 })
    .toBe(1);
  expect(german.shadowRoot?.querySelector('[role="timer"]') ?? null).toBeNull();
  await server('release');
  await renderedDigits(german);
  await renderedDigits(swiss);
  await settle();
  expect(timerName(german)).toMatch(/^Countdown, endet am /);
  expect(timerName(swiss)).toMatch(/^Countdown, endet am /);
  watching = false;
  expect([...seen]).toEqual(['Countdown, endet']);
  // German's chunk alone, once: the reader of texts came in it, and no other language's.
  await expect.poll(languageChunks).toEqual(['chunks/texts-de']);

  // The merchant's wording, from the page's code: the overrides' chunk, and the widgets render again.
  (globalThis as unknown as { vitrine: { texts(texts: object): void } }).vitrine.texts({
    countdown: { pause: 'Hold the timer' },
    de: { countdown: { pause: 'Zeit anhalten' } },
  });
  await expect.poll(() => pauseName(german)).toBe('Zeit anhalten');
  await expect.poll(() => pauseName(english)).toBe('Hold the timer');
  expect(pauseName(french.firstElementChild!)).toBe('Hold the timer');
  await expect.poll(() => languageChunks().sort()).toEqual(['chunks/overrides', 'chunks/texts-de']);
  expect(errors).toEqual([]);
  english.remove();
  french.remove();
  german.remove();
  swiss.remove();
});
