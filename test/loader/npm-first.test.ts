/**
 * An npm-bundled copy (here `vitrine/define` from source: other classes, another Lit)
 * defines the tags first, then the script-tag build loads beside it: the bundle fetches no
 * widget chunk, keeps the npm copy's definition, and both talk on one bus. A fresh page.
 */
import { expect, test } from 'vitest';
import type { CartState } from '@vitrine/core/bus';
import {
  bundleRequests,
  countdownElement,
  loadBundle,
  pageBus,
  usePageErrors,
  renderedDigits,
  settle,
  vitrineGlobal,
} from './page.js';

usePageErrors();

test('the script-tag build beside an npm copy that defined the tags first', async () => {
  await import('vitrine/define');
  const { getBus } = await import('vitrine');
  const { VitrineCountdown } = await import('@vitrine/countdown');
  const npmBus = getBus();
  const countdown = document.body.appendChild(countdownElement());

  await loadBundle();
  await settle();

  expect(customElements.get('vitrine-countdown')).toBe(VitrineCountdown);
  expect(await renderedDigits(countdown)).not.toHaveLength(0);
  // The tag was already defined: the loader had nothing to fetch.
  expect(bundleRequests()).toEqual(['vitrine.js', 'chunks/bus']);

  // One bus: the merchant's window.vitrine and the npm copy share it.
  expect(pageBus()).toBe(npmBus);
  const received: CartState[] = [];
  npmBus.subscribe('cart', (cart) => received.push(cart));
  const cart = { total: 30, currency: 'EUR', itemCount: 1 };
  vitrineGlobal()!.publish('cart', cart);
  expect(received).toEqual([cart]);
  expect(npmBus.last('cart')).toEqual(cart);
});
