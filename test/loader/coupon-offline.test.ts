/**
 * The BUILT script-tag bundle when the code block's chunk (`coupon`) cannot be fetched (the network
 * gone since the page loaded, a CDN's hiccup): a bar with `show-coupon` still shows the code, as
 * plain text the shopper can select and copy, never nothing. Served by the hardening server, which
 * answers the chunk with a 503. One fresh page.
 */
import { beforeAll, expect, onTestFinished, test } from 'vitest';
import { bundleRequests, loadBundle, settle, usePageErrors, vitrineGlobal } from './page.js';

const DIST = '/__hardening/dist/';
const server = (path: string, body?: unknown) =>
  fetch(DIST + path, { method: 'POST', body: JSON.stringify(body ?? null) }).then(async (response) => {
    await response.text();
  });

usePageErrors();

beforeAll(async () => {
  await loadBundle('', `${DIST}vitrine.js`);
  await settle();
});

test('the code block does not come: the bar shows the code as plain, selectable text', async () => {
  // Twice: where a browser asks again for a module that failed, the second request fails too.
  await server('fail', ['chunks/coupon', 'chunks/coupon']);
  onTestFinished(() => server('release'));
  const bar = document.createElement('vitrine-sticky-bar');
  bar.setAttribute('campaign', 'offline-bar');
  bar.setAttribute('show-coupon', '');
  document.body.append(bar);
  await expect.poll(() => bar.matches(':defined'), { timeout: 5_000 }).toBe(true);
  vitrineGlobal()!.publish('coupon', { code: 'KEEP10', campaign: 'offline' });
  await expect.poll(() => bundleRequests(DIST)).toContain('chunks/coupon');
  const code = () => bar.shadowRoot!.querySelector('[part~="coupon-code"]');
  await expect.poll(() => code()?.textContent).toBe('KEEP10');
  expect(bar.shadowRoot!.querySelector('[part~="copy-button"]')).toBeNull();
  expect(getComputedStyle(code()!).userSelect).not.toBe('none');
  expect(code()!.getBoundingClientRect().width).toBeGreaterThan(0);
});
