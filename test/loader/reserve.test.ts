/**
 * The loader's reserve rules (the `:not(:defined)` sheet) come in a chunk of their own, with the
 * first widget tag: a page without widgets never downloads them, and a page with one gets them
 * before its widget is defined. The widget's chunk is held by the hardening server, which serves
 * the built bundle as a CDN would. One fresh page.
 */
import { expect, onTestFinished, test } from 'vitest';
import { bundleRequests, countdownElement, loadBundle, renderedDigits, settle, usePageErrors } from './page.js';

const DIST = '/__hardening/dist/';
const server = (path: 'hold' | 'release' | 'held', body?: unknown) =>
  fetch(DIST + path, {
    method: path === 'held' ? 'GET' : 'POST',
    body: path === 'held' ? undefined : JSON.stringify(body ?? null),
  }).then((response) => response.text());

usePageErrors();

test('a page without widgets fetches no reserve rules; the first tag brings them before its widget is defined', async () => {
  const sheetsBefore = document.adoptedStyleSheets.length;
  await loadBundle('', `${DIST}vitrine.js`);
  await settle();
  expect(bundleRequests(DIST)).toEqual(['vitrine.js', 'chunks/bus']);
  expect(document.adoptedStyleSheets).toHaveLength(sheetsBefore);

  await server('hold', ['chunks/countdown']);
  onTestFinished(async () => {
    await server('release');
  });
  const countdown = document.body.appendChild(countdownElement({ campaign: 'reserve-first' }));
  // Undefined and without the rules, an inline box; the rules make it the countdown's room.
  expect(getComputedStyle(countdown).display).toBe('inline');
  await expect.poll(() => server('held')).toBe('1');
  await expect.poll(() => getComputedStyle(countdown).display).toBe('inline-flex');
  expect(countdown.getBoundingClientRect().height).toBeGreaterThan(20);
  expect(countdown.matches(':defined')).toBe(false);
  expect(bundleRequests(DIST)).toContain('chunks/reserve');
  expect(document.adoptedStyleSheets.length - sheetsBefore).toBe(1);

  await server('release');
  expect(await renderedDigits(countdown)).not.toHaveLength(0);
  // A second kind of widget later: the rules are already there, adopted once.
  const bar = document.createElement('vitrine-sticky-bar');
  bar.innerHTML = '<p>Free shipping</p>';
  document.body.append(bar);
  await expect.poll(() => bar.matches(':defined'), { timeout: 5_000 }).toBe(true);
  await settle();
  expect(document.adoptedStyleSheets.length - sheetsBefore).toBe(1);
  expect(bundleRequests(DIST).filter((file) => file === 'chunks/reserve')).toHaveLength(1);
});
