/**
 * The script pasted twice (here under two URLs, so the browser runs two copies of the
 * loader module) is harmless: one definition, one bus, one window.vitrine, one room sheet,
 * each chunk fetched once, no error. A fresh page.
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

test('loading the script twice is harmless', async () => {
  const definitions: string[] = [];
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    definitions.push(name);
    define(name, constructor, options);
  };
  const sheetsBefore = document.adoptedStyleSheets.length;
  // A widget already on the page when both copies start.
  const first = document.body.appendChild(countdownElement());

  try {
    await loadBundle();
    const api = vitrineGlobal();
    const bus = pageBus();
    await loadBundle('?copy=2');
    await settle();

    expect(bundleRequests().filter((file) => file === 'vitrine.js')).toHaveLength(2);
    expect(await renderedDigits(first)).not.toHaveLength(0);
    // A widget added after both copies run.
    const second = document.body.appendChild(countdownElement({ layout: 'inline' }));
    expect(await renderedDigits(second)).not.toHaveLength(0);
    await settle();

    expect(definitions.filter((name) => name === 'vitrine-countdown')).toHaveLength(1);
    expect(vitrineGlobal()).toBe(api);
    expect(pageBus()).toBe(bus);
    expect(bus).toBeDefined();
    // The attribution chunk (after the first view) once too.
    await expect.poll(() => bundleRequests()).toContain('chunks/record');
    const chunks = bundleRequests().filter((file) => file.startsWith('chunks/'));
    expect(chunks.sort()).toEqual(['chunks/bus', 'chunks/countdown', 'chunks/record', 'chunks/shared']);
    expect(document.adoptedStyleSheets.length - sheetsBefore).toBe(1);

    // One bus: a message reaches each subscriber once, and document once.
    const received: CartState[] = [];
    const events: unknown[] = [];
    vitrineGlobal()!.subscribe('cart', (cart) => received.push(cart));
    document.addEventListener('vitrine:cart', (event) => events.push((event as CustomEvent).detail));
    const cart = { total: 12.5, currency: 'EUR', itemCount: 2 };
    vitrineGlobal()!.publish('cart', cart);
    expect(received).toEqual([cart]);
    expect(events).toEqual([cart]);
  } finally {
    customElements.define = define;
  }
});
