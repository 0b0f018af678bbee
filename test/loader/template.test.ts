/**
 * The loader sees a countdown that arrives inside markup cloned from a `<template>` (a
 * theme's section rendered by script): the MutationObserver reports only the fragment's
 * top-level nodes. A fresh page: nothing is loaded before.
 */
import { expect, test } from 'vitest';
import { bundleRequests, loadBundle, usePageErrors, renderedDigits, settle } from './page.js';

usePageErrors();

test('a countdown cloned from a <template> is loaded and renders', async () => {
  const template = document.createElement('template');
  template.innerHTML = `
    <section class="promo">
      <h2>Black Friday</h2>
      <p>Ends in <vitrine-countdown deadline="2099-01-01T00:00:00Z" format="dhms"></vitrine-countdown></p>
    </section>`;
  document.body.append(template);
  await loadBundle();
  await settle();
  // A tag inside a template's content is inert: nothing to load yet.
  expect(bundleRequests()).toEqual(['vitrine.js', 'chunks/bus']);

  document.body.append(template.content.cloneNode(true));
  const countdown = document.querySelector('section.promo vitrine-countdown')!;
  expect(await renderedDigits(countdown)).toHaveLength(4);
  // The attribution chunk comes after the first view (the funnel's memory).
  await expect.poll(() => bundleRequests()).toContain('chunks/record');
  expect(bundleRequests().slice(2).sort()).toEqual(['chunks/countdown', 'chunks/record', 'chunks/shared']);
});
