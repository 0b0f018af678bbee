/**
 * The script-tag build with an A/B test, loaded as a merchant loads it: the experiment's chunk
 * and the bars' chunks arrive in whatever order, and still only the visitor's variant renders
 * and sends `view`, carrying its label and the experiment's name.
 */
import { beforeAll, expect, test } from 'vitest';
import { UNDEFINED_CSS } from '../../packages/vitrine/src/reserve-css.js';
import { bundleRequests, loadBundle, usePageErrors, settle } from './page.js';

const views: unknown[] = [];
const pageErrors = usePageErrors();
/** Where the content below the bars stood at each frame, and the layout shifts the page recorded. */
const belowTops = new Set<number>();
const shifts: number[] = [];

beforeAll(async () => {
  document.addEventListener('vitrine:track', (event) => {
    const message = (event as CustomEvent<{ action: string }>).detail;
    if (message.action === 'view') views.push(message);
  });
  // A returning visitor whose bucket is B.
  localStorage.setItem('vitrine:bf-bar:bucket', '"B"');
  // Push bars (they take room at the top), with the page's content below them.
  document.body.innerHTML =
    '<vitrine-experiment name="bf-bar">' +
    '<vitrine-sticky-bar campaign="bar-a" push><p>Variant A</p><p>More</p></vitrine-sticky-bar>' +
    '<vitrine-sticky-bar campaign="bar-b" push><p>Variant B</p><p>More</p></vitrine-sticky-bar>' +
    '</vitrine-experiment><p id="below">The shop</p>';
  // The reserve rules in the page's <head> (dist/vitrine.css), as the README shows.
  const head = new CSSStyleSheet();
  head.replaceSync(UNDEFINED_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, head];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
  }).observe({ type: 'layout-shift' });
  let sampling = true;
  const sample = () => {
    belowTops.add(Math.round(document.getElementById('below')!.getBoundingClientRect().top));
    if (sampling) requestAnimationFrame(sample);
  };
  sample();
  await loadBundle();
  for (let wait = 0; wait < 50 && document.querySelector(':not(:defined)'); wait++) await settle(100);
  await settle();
  sampling = false;
});

test('only the stored variant renders and sends view, with its label and the experiment name', async () => {
  const bars = [...document.querySelectorAll('vitrine-sticky-bar')];
  expect(bars.map((bar) => bar.getAttribute('campaign'))).toEqual(['bar-b']);
  expect(bars[0].getAttribute('variant')).toBe('B');
  expect(bars[0].shadowRoot!.textContent).not.toBe('');
  expect(views).toEqual([
    { action: 'view', widget: 'sticky-bar', campaign: 'bar-b', variant: 'B', experiment: 'bf-bar' },
  ]);
  expect(document.querySelector('vitrine-experiment')!.getAttribute('variant')).toBe('B');
  await expect.poll(() => bundleRequests()).toContain('chunks/experiment');
  expect(pageErrors).toEqual([]);
});

test('nothing below the bars moves while the experiment and the bar arrive (no layout shift)', () => {
  // The loader brings the experiment's code before the bars' (a bar defined before the decision would show its
  // light DOM in the page until then); the reserve rules hold the first variant's room meanwhile.
  expect([...belowTops]).toHaveLength(1);
  expect(shifts).toEqual([]);
});
