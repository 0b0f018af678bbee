/**
 * Many copies, on the built script-tag bundle: the script loaded twice and an npm-bundled copy
 * (the packages' `define` entries from source: other classes, the same bare `lit`) on one page;
 * 500 widgets at once; widgets moved and re-attached; all six created and removed 1,000 times.
 * Timers, window/document listeners and observers are counted through globals instrumented
 * before the bundle loads (support.ts): after the cycles they are back to the baseline.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  frames,
  instrumentGlobals,
  loadBundle,
  pageBus,
  settle,
  shownText,
  tagsDefined,
  vitrineGlobal,
  watchPage,
  widget,
  WIDGET_TAGS,
  type LiveCounts,
  type PageWatch,
  type Widget,
} from './support.js';

export const CYCLES = 1_000;
export const MANY = 500;

let watch: PageWatch;
let instrumented: ReturnType<typeof instrumentGlobals>;

beforeAll(async () => {
  instrumented = instrumentGlobals();
  watch = watchPage();
  await loadBundle();
  await loadBundle('?copy=2');
});

afterAll(() => {
  watch.stop();
  instrumented.restore();
  console.info(`[hardening] many copies: 2 script copies + npm copy, ${MANY} widgets, ${CYCLES} create/remove cycles`);
});

/** All six, valid, each in its own campaign. */
const six = (suffix: string) => WIDGET_TAGS.map((tag) => widget(tag, { campaign: `${tag}-${suffix}` }));

test('two script copies and an npm copy: one definition per tag, one bus, widgets render', async () => {
  const bus = pageBus();
  const api = vitrineGlobal();
  const first = six('warm-up');
  document.body.append(...first);
  await tagsDefined(WIDGET_TAGS);
  const classes = WIDGET_TAGS.map((tag) => customElements.get(tag));
  // The npm copy: every package's `define` entry (another copy of the classes, bare `lit`).
  await Promise.all([
    import('@vitrine/countdown/define'),
    import('@vitrine/sticky-bar/define'),
    import('@vitrine/exit-popup/define'),
    import('@vitrine/wheel/define'),
    import('@vitrine/shipping-progress/define'),
    import('@vitrine/loyalty-badge/define'),
  ]);
  const { getBus } = await import('@vitrine/core');
  expect(WIDGET_TAGS.map((tag) => customElements.get(tag))).toEqual(classes);
  expect(getBus()).toBe(bus);
  expect(vitrineGlobal()).toBe(api);
  await Promise.all(first.map((element) => element.updateComplete));
  for (const element of first) if (element.localName !== 'vitrine-exit-popup') expect(shownText(element)).not.toBe('');
  for (const element of first) element.remove();
  await settle();
  expect(watch.errors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test(`${MANY} widgets on one page render, and ${MANY} countdowns share one timer`, async () => {
  const before = instrumented.counts();
  const countdowns = Array.from({ length: MANY }, (_, index) =>
    widget('vitrine-countdown', { campaign: `many-${index}` }),
  );
  document.body.append(...countdowns);
  await Promise.all(countdowns.map((element) => element.updateComplete));
  await frames();
  expect(countdowns.filter((element) => !element.shadowRoot?.querySelector('[part~="value"]'))).toEqual([]);
  const during = instrumented.counts();
  // One page-wide clock: no timer per countdown.
  expect(during.intervals + during.timeouts - before.intervals - before.timeouts).toBeLessThanOrEqual(2);
  for (const element of countdowns) element.remove();

  const mixed = Array.from({ length: MANY / 6 }, (_, index) => six(`mixed-${index}`)).flat();
  document.body.append(...mixed);
  await Promise.all(mixed.map((element) => element.updateComplete));
  await frames();
  for (const element of mixed) element.remove();
  await settle();
  expect(watch.errors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test('widgets moved in the DOM and re-attached keep working, without doubling what they hold', async () => {
  const here = document.body.appendChild(document.createElement('section'));
  const there = document.body.appendChild(document.createElement('aside'));
  const widgets = six('moved');
  here.append(...widgets);
  await Promise.all(widgets.map((element) => element.updateComplete));
  await frames();
  const once = instrumented.counts();
  for (let move = 0; move < 20; move++) {
    (move % 2 ? here : there).append(...widgets);
    await Promise.all(widgets.map((element) => element.updateComplete));
  }
  await frames();
  // Nothing doubled: a move may let a one-off timer or listener go, never add one.
  const after = instrumented.counts();
  for (const kind of Object.keys(once) as Array<keyof LiveCounts>)
    expect(after[kind], kind).toBeLessThanOrEqual(once[kind]);
  for (const element of widgets)
    if (element.localName !== 'vitrine-exit-popup') expect(shownText(element)).not.toBe('');
  // The pop-up still opens after its moves.
  const popup = widgets.find((element) => element.localName === 'vitrine-exit-popup') as Widget & {
    show(): Promise<boolean>;
    hide(): void;
  };
  popup.setAttribute('after-overlay', 'allow');
  expect(await popup.show()).toBe(true);
  popup.hide();
  here.remove();
  there.remove();
  await settle();
});

test(`all six created and removed ${CYCLES} times: timers, listeners and observers back to the baseline`, async () => {
  const warmUp = six('cycle-warm-up');
  document.body.append(...warmUp);
  await tagsDefined(WIDGET_TAGS);
  for (const element of warmUp) element.remove();
  await settle();
  const baseline: LiveCounts = instrumented.counts();
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const widgets = six(`cycle-${cycle % 10}`);
    document.body.append(...widgets);
    await Promise.all(widgets.map((element) => element.updateComplete));
    if (cycle === 0) {
      // The instruments do see what the widgets hold while they are on the page.
      const during = instrumented.counts();
      expect(during.listeners + during.observed).toBeGreaterThan(baseline.listeners + baseline.observed);
    }
    for (const element of widgets) element.remove();
  }
  await frames();
  await settle(500);
  expect(instrumented.counts()).toEqual(baseline);
  expect(watch.errors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
}, 120_000);
