/**
 * The contract every widget keeps (SPEC section 2), checked once for all six tags rather than
 * again in each widget's file: the common attributes of core's element.ts (campaign, variant,
 * lang, start/end/timezone, preview, the targeting rules), a bad common value warned exactly once with
 * nothing thrown and a safe fallback, the `debugState()` that `window.vitrine.debug()` and the
 * `?vitrine-debug` panel read, and no axe violation. Each widget is built as a merchant writes it,
 * valid (test/support/widgets.ts), with the attribute under test over it. What only one widget does
 * stays in that widget's own file.
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import axe from 'axe-core';
import { connectedWidgets, getBus, loadTargeting, type VitrineElement } from '@vitrine/core';
import '@vitrine/countdown/define';
import '@vitrine/sticky-bar/define';
import '@vitrine/exit-popup/define';
import '@vitrine/wheel/define';
import '@vitrine/shipping-progress/define';
import '@vitrine/loyalty-badge/define';
import { NOW, useTestPage } from './support/fixture.js';
import { WIDGET_TAGS, widget } from './support/widgets.js';

type Widget = VitrineElement;

const HOUR = 3_600_000;
const iso = (at: number) => new Date(at).toISOString();

/** Pop-ups show nothing until their trigger: they are judged on the exit intent after `min-time`. */
const POPUPS = new Set(['vitrine-exit-popup']);

const t = useTestPage({ now: NOW, freshBus: true });

// The targeting rules are a chunk of their own, loaded by the first widget that has one: loaded
// once here, each widget below is judged before its first render.
beforeAll(() => loadTargeting());

/** A valid `tag` with `attributes` over it, on the page and rendered (children included). */
async function place(tag: string, attributes: Record<string, string> = {}): Promise<Widget> {
  const element = widget(tag, attributes) as unknown as Widget;
  document.body.append(element);
  t.cleanups.push(() => element.remove());
  await settle(element);
  return element;
}

/** Lets promise chains (children announcing themselves, a pop-up opening) and the renders they ask for run. */
async function settle(element: Widget): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await Promise.resolve();
  await element.updateComplete;
}

/** What the shopper sees, once a pop-up had its chance (5 s on the page, then the pointer leaves through the top). */
async function seen(element: Widget): Promise<boolean> {
  if (POPUPS.has(element.localName)) {
    vi.advanceTimersByTime(5_000);
    document.body.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 300, clientY: 30 }));
    document.body.dispatchEvent(
      new MouseEvent('mouseout', { bubbles: true, clientX: 300, clientY: -1, relatedTarget: null }),
    );
    await settle(element);
  }
  return [...(element.shadowRoot?.querySelectorAll('*') ?? [])].some((node) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  });
}

/** Shown: the shopper sees it, and debugState() says so. */
async function expectShown(element: Widget): Promise<void> {
  expect(await seen(element)).toBe(true);
  const state = element.debugState();
  expect(state.shown, state.reason).toBe(true);
}

/** Hidden for `code`: nothing to see, and debugState() says why. */
async function expectHidden(element: Widget, code: 'schedule' | 'targeting'): Promise<void> {
  expect(await seen(element)).toBe(false);
  const state = element.debugState();
  expect(state).toMatchObject({ shown: false, code });
  expect(state.reason).not.toBe('');
}

describe.each(WIDGET_TAGS)('<%s>', (tag) => {
  describe('campaign, variant and debugState()', () => {
    test('valid as a merchant writes it: shown, without a warning, listed for the debug panel', async () => {
      const element = await place(tag);
      await expectShown(element);
      expect(element.debugState()).toMatchObject({ tag, campaign: tag });
      expect(connectedWidgets().has(element)).toBe(true);
      element.remove();
      expect(connectedWidgets().has(element)).toBe(false);
      expect(t.warn).not.toHaveBeenCalled();
    });

    test('campaign and variant name the widget in debugState(); a blank campaign falls back to the tag', async () => {
      const element = await place(tag, { campaign: ' bf-2026 ', variant: 'B' });
      expect(element.debugState()).toMatchObject({ tag, campaign: 'bf-2026', variant: 'B' });
      expect(element.campaignId).toBe('bf-2026');
      element.setAttribute('campaign', '  ');
      expect(element.debugState().campaign).toBe(tag);
    });
  });

  describe('start, end and timezone', () => {
    test('before start: hidden, and shown once the clock reaches it', async () => {
      const element = await place(tag, { start: iso(NOW + HOUR) });
      await expectHidden(element, 'schedule');
      vi.advanceTimersByTime(HOUR + 1);
      await settle(element);
      await expectShown(element);
    });

    test('after end: hidden; inside the window: shown', async () => {
      await expectHidden(await place(tag, { end: iso(NOW - HOUR) }), 'schedule');
      await expectShown(await place(tag, { start: iso(NOW - HOUR), end: iso(NOW + HOUR) }));
    });

    test('a date without an offset is read in `timezone`', async () => {
      // 09:30 in New York is 14:30Z, to come; 09:30 in Paris is 08:30Z, past (the clock is at 09:00Z).
      await expectHidden(await place(tag, { start: '2026-11-27T09:30:00', timezone: 'America/New_York' }), 'schedule');
      await expectShown(await place(tag, { start: '2026-11-27T09:30:00', timezone: 'Europe/Paris' }));
    });
  });

  describe('targeting', () => {
    test('pages and exclude-pages: hidden off its pages, shown on them', async () => {
      await expectHidden(await place(tag, { pages: '/nowhere/**' }), 'targeting');
      await expectHidden(await place(tag, { 'exclude-pages': '/**' }), 'targeting');
      await expectShown(await place(tag, { pages: '/**' }));
    });

    test('cart-min: hidden while no cart is known or below it, shown once the cart reaches it', async () => {
      const element = await place(tag, { 'cart-min': '50' });
      await expectHidden(element, 'targeting');
      getBus().publish('cart', { total: 20, currency: 'EUR', itemCount: 1 });
      await settle(element);
      await expectHidden(element, 'targeting');
      getBus().publish('cart', { total: 60, currency: 'EUR', itemCount: 2 });
      await settle(element);
      await expectShown(element);
    });

    test('utm-source: hidden when the visit did not land from it', async () => {
      await expectHidden(await place(tag, { 'utm-source': 'newsletter' }), 'targeting');
    });
  });

  test('lang, else the nearest [lang] ancestor, picks the language of its built-in texts', async () => {
    // A pop-up renders its dialog once asked to open: opened and closed again, it keeps it.
    const markup = async (element: Widget) => {
      if (POPUPS.has(element.localName)) {
        const popup = element as unknown as { show(): Promise<boolean>; hide(): void };
        await popup.show();
        popup.hide();
        await settle(element);
      }
      return element.shadowRoot!.innerHTML.replace(/<!--[^>]*-->/g, '');
    };
    const english = await place(tag, { lang: 'en' });
    const french = await place(tag, { lang: 'fr' });
    expect(french.language).toBe('fr');
    expect(await markup(french)).not.toBe(await markup(english));
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr-CA';
    const inherited = widget(tag) as unknown as Widget;
    wrapper.append(inherited);
    document.body.append(wrapper);
    t.cleanups.push(() => wrapper.remove());
    await settle(inherited);
    expect(inherited.language).toBe('fr');
    expect(await markup(inherited)).toBe(await markup(french));
  });

  test('preview shows it outside its window and off its pages, and says what would hide it', async () => {
    const element = await place(tag, { preview: '', start: iso(NOW + HOUR), pages: '/nowhere' });
    expect(await seen(element)).toBe(true);
    const state = element.debugState();
    expect(state).toMatchObject({ shown: true, code: 'preview' });
    expect(state.note).toContain('outside its start/end window');
  });

  // A bad common value: exactly one `[vitrine]` warning naming it, however often the widget
  // renders again, nothing thrown (the fixture fails a test that saw a page error), and the
  // attribute ignored: the widget shows as if it were absent.
  test.each([
    ['start', 'tomorrow'],
    ['end', '27/11/2026'],
    ['device', 'tablet'],
    ['visitor', 'sometimes'],
    ['cart-min', 'lots'],
    ['customer', 'vip'],
  ])('%s="%s": one warning, ignored', async (attribute, value) => {
    const element = await place(tag, { [attribute]: value });
    element.setAttribute('variant', 'B');
    element.requestUpdate();
    await settle(element);
    vi.advanceTimersByTime(3_000);
    await settle(element);
    expect(t.vitrineWarnings()).toHaveLength(1);
    expect(t.vitrineWarnings()[0]).toContain(`${attribute}="${value}"`);
    await expectShown(element);
  });

  test('a bad timezone: one warning, and a date without an offset read in the visitor’s zone', async () => {
    const element = await place(tag, { timezone: 'Mars/Olympus', start: iso(NOW - HOUR) });
    element.requestUpdate();
    await settle(element);
    expect(t.vitrineWarnings()).toHaveLength(1);
    expect(t.vitrineWarnings()[0]).toContain('timezone="Mars/Olympus"');
    await expectShown(element);
  });

  test('axe finds no violation', async () => {
    const element = await place(tag, { campaign: 'axe' });
    vi.useRealTimers(); // axe schedules its own work on timers
    const { violations } = await axe.run(element);
    expect(violations).toEqual([]);
  });
});
