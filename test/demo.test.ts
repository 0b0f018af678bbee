/**
 * The demo storefront opens without errors, in every engine: each of its pages as `npm start` serves
 * it (demo/server.js, mounted in the tests' server by test/support/demo-server.ts: its strict CSP,
 * the built script-tag bundle under /cdn/vitrine/, the cart stand-in), opened in a frame as a shopper
 * opens it, as a first-time visitor. Nothing may reach the page's error handlers, no `[vitrine]`
 * warning or error may be printed, the CSP may block nothing, no request may fail (a chunk that
 * 404s included), and every widget on the page must upgrade: defined, and either showing something
 * or hidden for a reason a first visit explains (a targeting rule, a pop-up waiting for its trigger).
 */
import { afterEach, expect, test } from 'vitest';
import { openPage, type OpenedPage } from './hardening/support.js';
import type { WidgetDebugState } from '@vitrine/core';

interface PageWidget extends HTMLElement {
  updateComplete: Promise<unknown>;
  debugState?(): WidgetDebugState;
}

/**
 * The demo's pages (demo/server.js's PAGES), its `/` as /products/figue-noire (`/` is the test
 * runner's). The wheel's rules page has no widget (the shop's own script only): it must still open
 * cleanly, and a widget added there must be added here.
 */
const DEMO_PAGES: Record<string, { path: string; widgets: boolean }> = {
  'index.html': { path: '/products/figue-noire', widgets: true },
  'fr.html': { path: '/fr', widgets: true },
  'cart.html': { path: '/cart', widgets: true },
  'rules.html': { path: '/rules', widgets: false },
};

/** Why a widget may stay hidden on a first visit to the demo; any other reason fails. */
const FIRST_VISIT_REASONS = ['targeting', 'waiting'];

const requests = async () =>
  (await (await fetch('/__demo/log', { cache: 'no-store' })).json()) as Array<{ path: string; status: number }>;

test('every page of the demo is opened below', () => {
  const files = Object.keys(import.meta.glob('../demo/*.html')).map((file) => file.replace('../demo/', ''));
  expect(files.sort()).toEqual(Object.keys(DEMO_PAGES).sort());
});

let page: OpenedPage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});

test.each(Object.values(DEMO_PAGES))(
  'the demo page $path opens without errors, and its widgets upgrade',
  async ({ path, widgets: hasWidgets }) => {
    const before = (await requests()).length;
    page = await openPage(path, 1280, 900);
    const opened = page;
    const elements = () =>
      [...opened.document.querySelectorAll<PageWidget>('*')].filter((element) =>
        element.localName.startsWith('vitrine-'),
      );
    expect(elements().length > 0, 'Vitrine tags on the page').toBe(hasWidgets);
    // Every tag's chunk fetched and run (the loader imports each one as its tag is seen).
    await expect
      .poll(
        () =>
          elements()
            .filter((element) => !element.matches(':defined'))
            .map((element) => element.localName),
        {
          timeout: 20_000,
        },
      )
      .toEqual([]);
    const widgets = elements().filter((element) => typeof element.debugState === 'function');
    await Promise.all(widgets.map((widget) => widget.updateComplete));
    // The cart stand-in answers and the widgets redraw: wait until the page has asked for nothing new
    // for half a second, so that a late failure (a chunk fetched on the cart's answer) is counted.
    let seen = -1;
    await expect
      .poll(
        async () => {
          const count = (await requests()).length;
          const quiet = count === seen;
          seen = count;
          return quiet;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);

    const report = opened.report();
    expect(report.errors, 'errors and unhandled rejections').toEqual([]);
    expect(report.warnings, '[vitrine] warnings').toEqual([]);
    expect(report.consoleErrors, '[vitrine] errors (a chunk that failed to load says so)').toEqual([]);
    expect(report.violations, 'CSP violations').toEqual([]);
    // Other engines may open demo pages at the same time: a failure among their requests fails here too.
    const answered = (await requests()).slice(before);
    expect(
      answered.map((request) => request.path),
      'the pages answered by the demo',
    ).toContain(path);
    // The loader is revalidated on every page (no-cache); chunks, immutable, may come from the cache.
    if (hasWidgets) expect(answered.map((request) => request.path)).toContain('/cdn/vitrine/vitrine.js');
    const failed = answered.filter(({ status }) => status >= 400);
    expect(failed, 'requests the demo answered with an error').toEqual([]);

    for (const experiment of opened.document.querySelectorAll('vitrine-experiment')) {
      // The experiment is a wrapper: it keeps one variant and removes the others before they render.
      expect(experiment.children, `<vitrine-experiment name="${experiment.getAttribute('name')}">`).toHaveLength(1);
    }
    const states = widgets.flatMap((widget) => (widget.debugState ? [{ widget, state: widget.debugState() }] : []));
    if (hasWidgets) expect(states.filter(({ state }) => state.shown).length, 'widgets showing').toBeGreaterThan(0);
    for (const { widget, state } of states) {
      const label = `<${widget.localName} campaign="${state.campaign}">`;
      if (widget.localName === 'vitrine-experiment') continue; // checked above: a wrapper draws nothing itself
      if (state.shown) {
        // Showing means rendered, and drawn with a size where the page lays it out (the cart page's
        // summary, with its countdown, is hidden while the cart is empty). A closed pop-up is not "shown".
        const parts = [...(widget.shadowRoot?.querySelectorAll('[part]') ?? [])];
        expect(parts.length, `${label} shows but rendered nothing`).toBeGreaterThan(0);
        if (widget.getClientRects().length > 0) {
          const sized = parts.some(
            (part) => part.getBoundingClientRect().width > 0 && part.getBoundingClientRect().height > 0,
          );
          expect(sized, `${label} shows but draws nothing`).toBe(true);
        }
      } else {
        expect(FIRST_VISIT_REASONS, `${label} hidden: ${state.reason}`).toContain(state.code);
      }
    }
  },
);
