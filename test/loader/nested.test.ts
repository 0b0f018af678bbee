/**
 * The loader sees a countdown nested deep in a subtree added at once, and one written with
 * innerHTML into an element already on the page. A fresh page: nothing is loaded before.
 */
import { expect, test } from 'vitest';
import { bundleRequests, countdownElement, loadBundle, usePageErrors, renderedDigits, settle } from './page.js';

usePageErrors();

test('a countdown nested deep in an added subtree is loaded and renders', async () => {
  await loadBundle();
  await settle();
  expect(bundleRequests()).toEqual(['vitrine.js', 'chunks/bus']);

  // Built detached, then added in one go: the observer reports only the outer <div>.
  const outer = document.createElement('div');
  let parent: HTMLElement = outer;
  for (const tag of ['main', 'article', 'div', 'ul', 'li', 'span']) {
    parent = parent.appendChild(document.createElement(tag));
  }
  const countdown = parent.appendChild(countdownElement({ format: 'hms' }));
  document.body.append(outer);

  expect(await renderedDigits(countdown)).toHaveLength(3);
  // The attribution chunk comes after the first view (the funnel's memory).
  await expect.poll(() => bundleRequests()).toContain('chunks/record');
  expect(bundleRequests().slice(2).sort()).toEqual(['chunks/countdown', 'chunks/record', 'chunks/shared']);

  // innerHTML into an element that was already there: the chunk is not fetched again.
  parent.innerHTML = '<b><vitrine-countdown deadline="2099-01-01T00:00:00Z" format="ms"></vitrine-countdown></b>';
  expect(await renderedDigits(parent.querySelector('vitrine-countdown')!)).toHaveLength(2);
  expect(bundleRequests().filter((file) => file === 'chunks/countdown')).toHaveLength(1);
});
