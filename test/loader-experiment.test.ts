/**
 * The script-tag build with an A/B test, loaded as a merchant loads it: the experiment's chunk
 * and the bars' chunks arrive in whatever order, and still only the visitor's variant renders
 * and sends `view`, carrying its label and the experiment's name.
 */
import { beforeAll, expect, test } from 'vitest';
import { bundleRequests, loadBundle, recordPageErrors, settle } from './loader-page.js';

const views: unknown[] = [];
let pageErrors: unknown[] = [];

beforeAll(async () => {
  pageErrors = recordPageErrors();
  document.addEventListener('vitrine:track', (event) => {
    const message = (event as CustomEvent<{ action: string }>).detail;
    if (message.action === 'view') views.push(message);
  });
  // A returning visitor whose bucket is B.
  localStorage.setItem('vitrine:bf-bar:bucket', '"B"');
  document.body.innerHTML =
    '<vitrine-experiment name="bf-bar">' +
    '<vitrine-sticky-bar campaign="bar-a"><p>Variant A</p></vitrine-sticky-bar>' +
    '<vitrine-sticky-bar campaign="bar-b"><p>Variant B</p></vitrine-sticky-bar>' +
    '</vitrine-experiment>';
  await loadBundle();
  for (let wait = 0; wait < 50 && document.querySelector(':not(:defined)'); wait++) await settle(100);
  await settle();
});

test('only the stored variant renders and sends view, with its label and the experiment name', () => {
  const bars = [...document.querySelectorAll('vitrine-sticky-bar')];
  expect(bars.map((bar) => bar.getAttribute('campaign'))).toEqual(['bar-b']);
  expect(bars[0].getAttribute('variant')).toBe('B');
  expect(bars[0].shadowRoot!.textContent).not.toBe('');
  expect(views).toEqual([
    { action: 'view', widget: 'sticky-bar', campaign: 'bar-b', variant: 'B', experiment: 'bf-bar' },
  ]);
  expect(document.querySelector('vitrine-experiment')!.getAttribute('variant')).toBe('B');
  expect(bundleRequests()).toContain('chunks/experiment');
  expect(pageErrors).toEqual([]);
});
