/**
 * The script-tag build defines the tags first, then an npm-bundled copy (here
 * `vitrine/define` from source: other classes, another Lit) arrives: it keeps the bundle's
 * definition, throws nothing, and both talk on one bus. A fresh page.
 */
import { expect, test } from 'vitest';
import type { CartState } from '@vitrine/core/bus';
import { countdownElement, loadBundle, pageBus, usePageErrors, renderedDigits, settle, vitrineGlobal } from './page.js';

usePageErrors();

test('an npm copy imported after the script-tag build defined the tags', async () => {
  await loadBundle();
  const countdown = document.body.appendChild(countdownElement());
  await renderedDigits(countdown);
  const bundleClass = customElements.get('vitrine-countdown');
  const bus = pageBus();
  const cart = { total: 8, currency: 'EUR', itemCount: 1 };
  vitrineGlobal()!.publish('cart', cart);

  await import('vitrine/define');
  const { getBus } = await import('vitrine');
  const { VitrineCountdown } = await import('@vitrine/countdown');
  await settle();

  // The npm copy's class is another class; the page keeps the first definition.
  expect(VitrineCountdown).not.toBe(bundleClass);
  expect(customElements.get('vitrine-countdown')).toBe(bundleClass);
  const later = document.body.appendChild(countdownElement({ format: 'ms' }));
  expect(await renderedDigits(later)).toHaveLength(2);
  expect(later).toBeInstanceOf(bundleClass!);

  // One bus: the npm copy finds the bundle's, with its sticky cart.
  expect(getBus()).toBe(bus);
  expect(getBus().last('cart')).toEqual(cart);
  const received: CartState[] = [];
  vitrineGlobal()!.subscribe('cart', (value) => received.push(value));
  getBus().publish('cart', { ...cart, total: 9 });
  expect(received.map((value) => value.total)).toEqual([8, 9]);
});
