/**
 * <vitrine-loyalty-badge> in real Chromium: what a shopper sees (points to earn, tier, points
 * to the next tier, in fr and en), the details popover as a disclosure (click, hover, focus,
 * Escape, outside click, on screen on a 320 px phone, following the badge only while open),
 * and what a merchant gets from bad input (one warning, a sensible fallback). Hover delays run
 * on fake timers; positions are awaited, never slept for.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, html } from '@open-wc/testing-helpers';
import axe from 'axe-core';
import { AMOUNT_EXPECTED, CURRENCY_EXPECTED, getBus, type TrackMessage } from '@vitrine/core';
import {
  POINTS_EXPECTED,
  RATE_EXPECTED,
  TIERS_EXPECTED,
  VitrineLoyaltyBadge,
  pointsFor,
  type LoyaltyToggleDetail,
  standingOf,
} from '@vitrine/loyalty-badge';
import '@vitrine/loyalty-badge/define';
import { LOYALTY_BADGE_RESERVE_CSS } from '@vitrine/loyalty-badge/reserve';
import { frames, useTestPage } from './support/fixture.js';

type Badge = HTMLElementTagNameMap['vitrine-loyalty-badge'];

const TIERS = 'Bronze:0, Silver:500, Gold:1500';

/**
 * The rules the script-tag loader adopts while the badge's code is on its way (and the README
 * snippet shows: the box of the rendered badge, and no light-DOM details text in the page), for
 * another tag name (the custom property keeps its name).
 */
const cssFor = (tag: string) => LOYALTY_BADGE_RESERVE_CSS.replace(/vitrine-loyalty-badge(?=:)/g, tag);

const part = (el: Badge, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const trigger = (el: Badge) => part(el, 'base') as HTMLButtonElement;
const popover = (el: Badge) => part(el, 'popover')!;
/** What a part says, spaces as a reader sees them (Intl uses narrow no-break spaces in French). */
const say = (el: Badge, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
/** The badge's accessible name: its aria-label, else its text (the icons are aria-hidden SVG). */
const nameOf = (el: Badge) =>
  trigger(el).getAttribute('aria-label') ?? trigger(el).textContent.replace(/\s+/g, ' ').trim();

/** Open as a shopper sees it: in the top layer, aria-expanded in sync, the host reflecting it. */
function expectOpen(el: Badge, open: boolean): void {
  expect(popover(el).matches(':popover-open')).toBe(open);
  expect(trigger(el).getAttribute('aria-expanded')).toBe(String(open));
  expect(el.hasAttribute('open')).toBe(open);
}

/** Waits (by polling, not sleeping) until floating-ui has placed the popover and its fade-in is over. */
async function placed(el: Badge): Promise<DOMRect> {
  await vi.waitFor(() => expect(popover(el).hasAttribute('data-positioned')).toBe(true), { timeout: 10_000 });
  await Promise.all(
    popover(el)
      .getAnimations()
      .map((animation) => animation.finished),
  );
  return popover(el).getBoundingClientRect();
}

const mouse = (type: 'pointerenter' | 'pointerleave', target: Element) =>
  target.dispatchEvent(new PointerEvent(type, { pointerType: 'mouse' }));

// A fresh bus per test: the sticky `cart` and `customer` of one test must not show in the next.
const testPage = useTestPage({ freshBus: true });
const { vitrineWarnings } = testPage;
let tracked: TrackMessage[];

beforeEach(() => {
  tracked = [];
  testPage.cleanups.push(getBus().subscribe('track', (message) => tracked.push(message)));
});

describe('product mode', () => {
  test('price × rate points, rounded down by default: "Earn 49 points"', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49.90"></vitrine-loyalty-badge>`);
    expect(say(el, 'label')).toBe('Earn 49 points');
    expect(nameOf(el)).toBe('Earn 49 points');
    expect(el.rounding).toBe('floor');
    expect(part(el, 'tier')).toBeNull();
  });

  test('rate and rounding', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49.90" rate="2"></vitrine-loyalty-badge>`);
    expect(say(el, 'label')).toBe('Earn 99 points');
    el.rounding = 'round';
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 100 points');
    el.rate = '0.1';
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 5 points');
    el.rounding = 'floor';
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 4 points');
  });

  test('attributes change the badge at run time; one point is singular', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="10"></vitrine-loyalty-badge>`);
    el.setAttribute('price', '1.99');
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 1 point');
    el.setAttribute('price', '1500');
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 1,500 points');
  });

  test('no float drift: 19.99 at 100 points per unit is 1,999 points, not 1,998', () => {
    expect(pointsFor(19.99, 100, 'floor')).toBe(1999);
    expect(pointsFor(0.29, 100, 'floor')).toBe(29);
    expect(pointsFor(2.5, 1, 'round')).toBe(3);
    expect(pointsFor(2.5, 1, 'floor')).toBe(2);
  });

  test('nothing to earn renders nothing: a price under one point, or a blank price from Liquid (no warning)', async () => {
    const small = await fixture<Badge>(html`<vitrine-loyalty-badge price="0.50"></vitrine-loyalty-badge>`);
    expect(trigger(small)).toBeNull();
    const blank = await fixture<Badge>(html`<vitrine-loyalty-badge price=" "></vitrine-loyalty-badge>`);
    expect(trigger(blank)).toBeNull();
    expect(vitrineWarnings()).toEqual([]);
  });

  test('the default details: the rate in the currency, the rounding rule, the tiers', async () => {
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge price="49.90" rate="0.1" currency="usd" tiers=${TIERS}></vitrine-loyalty-badge>`,
    );
    expect(say(el, 'rate')).toBe('You earn 1 point per $10 spent. Rounded down to whole points.');
    const items = [...el.shadowRoot!.querySelectorAll('[part~="tier-item"]')];
    expect(items.map((item) => item.textContent.replace(/\s+/g, ' ').trim())).toEqual([
      'Bronze from 0 points',
      'Silver from 500 points',
      'Gold from 1,500 points',
    ]);
    el.rounding = 'round';
    el.rate = '1.5';
    await el.updateComplete;
    expect(say(el, 'rate')).toBe('You earn 1.5 points per $1 spent. Rounded to the nearest point.');
  });

  test('outside its start/end window it renders nothing (preview shows it anyway)', async () => {
    const over = await fixture<Badge>(
      html`<vitrine-loyalty-badge price="20" end="2020-01-01T00:00:00Z"></vitrine-loyalty-badge>`,
    );
    expect(trigger(over)).toBeNull();
    const previewed = await fixture<Badge>(
      html`<vitrine-loyalty-badge preview price="20" end="2020-01-01T00:00:00Z"></vitrine-loyalty-badge>`,
    );
    expect(say(previewed, 'label')).toBe('Earn 20 points');
  });

  test('the view is tracked once, not in preview', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge campaign="pdp" price="20"></vitrine-loyalty-badge>`);
    el.price = '30';
    await el.updateComplete;
    expect(tracked).toEqual([{ action: 'view', widget: 'loyalty-badge', campaign: 'pdp' }]);
    await fixture<Badge>(html`<vitrine-loyalty-badge preview price="20"></vitrine-loyalty-badge>`);
    expect(tracked).toHaveLength(1);
  });
});

describe('cart mode', () => {
  test('follows the bus cart topic: the last cart at once (sticky), then every update', async () => {
    getBus().publish('cart', { total: 59.9, currency: 'EUR', itemCount: 2 });
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge cart></vitrine-loyalty-badge>`);
    expect(say(el, 'label')).toBe('Earn 59 points');
    getBus().publish('cart', { total: 129.5, currency: 'EUR', itemCount: 3 });
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 129 points');
    // An emptied cart earns nothing: the badge steps aside, and comes back with the next item.
    getBus().publish('cart', { total: 0, currency: 'EUR', itemCount: 0 });
    await el.updateComplete;
    expect(trigger(el)).toBeNull();
    getBus().publish('cart', { total: 12, currency: 'EUR', itemCount: 1 });
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 12 points');
  });

  test('before any cart is known it renders nothing; the cart currency is used unless currency is set', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge cart rate="2"></vitrine-loyalty-badge>`);
    expect(trigger(el)).toBeNull();
    getBus().publish('cart', { total: 20, currency: 'GBP', itemCount: 1 });
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 40 points');
    expect(say(el, 'rate')).toContain('per £1 spent');
  });

  test('cart wins over price; turned off, the badge is back on the price and no longer follows the cart', async () => {
    getBus().publish('cart', { total: 80, currency: 'EUR', itemCount: 1 });
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge cart price="10"></vitrine-loyalty-badge>`);
    expect(say(el, 'label')).toBe('Earn 80 points');
    el.cart = false;
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 10 points');
    getBus().publish('cart', { total: 300, currency: 'EUR', itemCount: 4 });
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 10 points');
  });

  test('cart-source="attribute": the total attribute (from Liquid), changed at run time; a bad total warns', async () => {
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge campaign="lb" cart total="86.40"></vitrine-loyalty-badge>`,
    );
    expect(say(el, 'label')).toBe('Earn 86 points');
    el.total = '120';
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 120 points');
    el.cartSource = 'attribute';
    el.total = 'lots';
    await el.updateComplete;
    expect(trigger(el)).toBeNull();
    expect(vitrineWarnings()).toEqual([
      `[vitrine] <vitrine-loyalty-badge campaign="lb"> ignored total="lots": expected ${AMOUNT_EXPECTED}`,
    ]);
  });

  test('a cart presented in another currency is converted back with Shopify’s rate', async () => {
    const holder = globalThis as unknown as Record<string, unknown>;
    holder.Shopify = { currency: { active: 'USD', rate: '1.25' } };
    testPage.cleanups.push(() => delete holder.Shopify);
    getBus().publish('cart', { total: 125, currency: 'USD', itemCount: 1 });
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge cart cart-source="bus" currency="EUR"></vitrine-loyalty-badge>`,
    );
    expect(say(el, 'label')).toBe('Earn 100 points');
    expect(say(el, 'rate')).toContain('per €1 spent');
  });

  test('cart-source="shopify": the cart from /cart.js, refreshed when the theme says the cart changed', async () => {
    const holder = globalThis as unknown as Record<string | symbol, unknown>;
    const nativeFetch = globalThis.fetch;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, never called detached
    const [xhrOpen, xhrSend] = [XMLHttpRequest.prototype.open, XMLHttpRequest.prototype.send];
    const shopCart = { total_price: 5990, currency: 'EUR', item_count: 2 };
    let gets = 0;
    delete holder[Symbol.for('vitrine.cart')];
    holder.Shopify = { routes: { root: '/' } };
    globalThis.fetch = (input: RequestInfo | URL) => {
      if (!String(input instanceof Request ? input.url : input).endsWith('/cart.js')) return nativeFetch(input);
      gets++;
      const body = structuredClone(shopCart);
      return Promise.resolve({
        ok: true,
        status: 200,
        headers: new Headers(),
        json: () => Promise.resolve(body),
      } as Response);
    };
    testPage.cleanups.push(() => {
      delete holder.Shopify;
      delete holder[Symbol.for('vitrine.cart')];
      globalThis.fetch = nativeFetch;
      XMLHttpRequest.prototype.open = xhrOpen;
      XMLHttpRequest.prototype.send = xhrSend;
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A product badge never asks for the cart, even on Shopify.
    await fixture<Badge>(html`<vitrine-loyalty-badge price="10"></vitrine-loyalty-badge>`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(gets).toBe(0);
    // On a Shopify page a cart badge needs no cart-source: shopify is the default.
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge cart></vitrine-loyalty-badge>`);
    await vi.advanceTimersByTimeAsync(1000);
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 59 points');
    shopCart.total_price = 12990;
    document.dispatchEvent(new CustomEvent('cart:updated'));
    await vi.advanceTimersByTimeAsync(1000);
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 129 points');
    expect(gets).toBe(2);
  });

  test('a removed badge stops listening to the cart', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge cart></vitrine-loyalty-badge>`);
    el.remove();
    getBus().publish('cart', { total: 50, currency: 'EUR', itemCount: 1 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="base"]')).toBeNull();
  });
});

describe('customer mode', () => {
  test.each([
    [0, 'Bronze', '500 points to Silver'],
    [120, 'Bronze', '380 points to Silver'],
    [500, 'Silver', '1,000 points to Gold'],
    [1380, 'Silver', '120 points to Gold'],
    [1499, 'Silver', '1 point to Gold'],
    [1500, 'Gold', 'Top tier'],
    [9000, 'Gold', 'Top tier'],
  ])('%i points: tier %s, "%s"', async (points, tier, remaining) => {
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge points=${String(points)} tiers=${TIERS}></vitrine-loyalty-badge>`,
    );
    expect(say(el, 'tier')).toBe(tier);
    expect(say(el, 'points')).toBe(`${points.toLocaleString('en')} point${points === 1 ? '' : 's'}`);
    expect(say(el, 'remaining')).toBe(remaining);
    expect(nameOf(el)).toBe(`${tier}, ${points.toLocaleString('en')} points, ${remaining}`);
    // The details mark the customer's tier: aria-current, and a check (not by colour alone).
    const current = el.shadowRoot!.querySelector('[part~="tier-item-current"]')!;
    expect(current.getAttribute('aria-current')).toBe('true');
    const name = current.querySelector('[part="tier-name"]')!;
    expect(name.textContent).toBe(tier);
    expect(getComputedStyle(name, '::after').content).toBe('" ✓"');
    expect(el.shadowRoot!.querySelectorAll('[aria-current]')).toHaveLength(1);
  });

  test('below the first tier there is no tier yet, only the way to it; tiers in any order', async () => {
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge points="100" tiers="Gold:1500, Silver:500"></vitrine-loyalty-badge>`,
    );
    expect(part(el, 'tier')).toBeNull();
    expect(say(el, 'remaining')).toBe('400 points to Silver');
    expect(el.shadowRoot!.querySelector('[aria-current]')).toBeNull();
  });

  test('no tiers: the balance alone; the details say it', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge points="42"></vitrine-loyalty-badge>`);
    expect(say(el, 'points')).toBe('42 points');
    expect(part(el, 'remaining')).toBeNull();
    expect(say(el, 'balance')).toBe('You have 42 points.');
    // No rate was given: the details do not guess one.
    expect(part(el, 'rate')).toBeNull();
  });

  test('tier (from Liquid or the app) wins over the balance; the next tier follows it', async () => {
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge points="200" tier="silver" tiers=${TIERS}></vitrine-loyalty-badge>`,
    );
    // Named as the tier list writes it.
    expect(say(el, 'tier')).toBe('Silver');
    expect(say(el, 'remaining')).toBe('1,300 points to Gold');
    el.tier = 'VIP';
    await el.updateComplete;
    expect(say(el, 'tier')).toBe('VIP');
    expect(part(el, 'remaining')).toBeNull();
  });

  test('standingOf: the tier, the next and the points left', () => {
    const tiers = [
      { name: 'Bronze', points: 0 },
      { name: 'Silver', points: 500 },
      { name: 'Gold', points: 1500 },
    ];
    expect(standingOf(499.5, tiers, null)).toEqual({
      tier: 'Bronze',
      next: { name: 'Silver', points: 500 },
      remaining: 1,
      top: false,
    });
    expect(standingOf(1600, tiers, 'Gold')).toMatchObject({ tier: 'Gold', next: null, top: true });
  });

  test('a guest (no points anywhere, or a blank Liquid value) sees nothing, with no warning', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge points="" tiers=${TIERS}></vitrine-loyalty-badge>`);
    expect(trigger(el)).toBeNull();
    expect(vitrineWarnings()).toEqual([]);
  });

  test('the customer topic gives the points and the tier, live; the points attribute wins', async () => {
    getBus().publish('customer', { id: '7', points: 620 });
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge tiers=${TIERS}></vitrine-loyalty-badge>`);
    expect(say(el, 'tier')).toBe('Silver');
    expect(say(el, 'points')).toBe('620 points');
    getBus().publish('customer', { id: '7', points: 1700, tier: 'Gold' });
    await el.updateComplete;
    expect(say(el, 'tier')).toBe('Gold');
    expect(say(el, 'remaining')).toBe('Top tier');
    el.points = '10';
    await el.updateComplete;
    expect(say(el, 'points')).toBe('10 points');
    // The app's tier still applies (a programme may rank by spend).
    expect(say(el, 'tier')).toBe('Gold');
  });

  test('a logged-out customer (topic without points) hides the badge', async () => {
    getBus().publish('customer', { id: '7', points: 100 });
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge tiers=${TIERS}></vitrine-loyalty-badge>`);
    getBus().publish('customer', {});
    await el.updateComplete;
    expect(trigger(el)).toBeNull();
  });
});

describe('languages', () => {
  test('French texts and number formats', async () => {
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge lang="fr" points="1380" tiers=${TIERS} rate="1"></vitrine-loyalty-badge>`,
    );
    expect(say(el, 'points')).toBe('1 380 points');
    expect(say(el, 'remaining')).toBe('Encore 120 points pour Gold');
    expect(say(el, 'balance')).toBe('Vous avez 1 380 points.');
    expect(say(el, 'rate')).toBe('Vous gagnez 1 point pour 1 € dépensé. Arrondi au point inférieur.');
    expect(say(el, 'tier-item-current')).toMatch(/^Silver\s+dès 500 points$/);
    // French digits group with a narrow no-break space, as Intl writes them.
    expect(part(el, 'points')!.textContent).toBe('1\u202f380 points');
    el.points = '1600';
    await el.updateComplete;
    expect(say(el, 'remaining')).toBe('Niveau maximal');
  });

  test('French product mode, singular under two (1 point, 0,5 point)', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge lang="fr" price="1500"></vitrine-loyalty-badge>`);
    expect(say(el, 'label')).toBe('Gagnez 1 500 points');
    el.price = '1.2';
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Gagnez 1 point');
    el.rate = '0.5';
    el.price = '12';
    await el.updateComplete;
    expect(say(el, 'rate')).toContain('Vous gagnez 1 point pour 2 € dépensé.');
    el.rate = '0.3';
    await el.updateComplete;
    expect(say(el, 'rate')).toContain('Vous gagnez 0,3 point pour 1 € dépensé.');
  });

  test('the nearest [lang] ancestor, else English; switching lang re-renders', async () => {
    const parentNode = document.body.appendChild(Object.assign(document.createElement('div'), { lang: 'fr-CA' }));
    testPage.cleanups.push(() => parentNode.remove());
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="30"></vitrine-loyalty-badge>`, { parentNode });
    expect(say(el, 'label')).toBe('Gagnez 30 points');
    el.lang = 'en';
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 30 points');
    el.lang = 'ja';
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Earn 30 points');
    el.lang = 'de';
    await el.updateComplete;
    expect(say(el, 'label')).toBe('Sammle 30 Punkte');
  });
});

describe('the details popover', () => {
  beforeEach(() => page.viewport(1024, 700));

  test('a real disclosure: a button with aria-expanded and aria-controls on the popover', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49"></vitrine-loyalty-badge>`);
    const button = trigger(el);
    expect(button.localName).toBe('button');
    expect(button.type).toBe('button');
    expect(button.getAttribute('aria-controls')).toBe(popover(el).id);
    expectOpen(el, false);
    expect(getComputedStyle(popover(el)).display).toBe('none');
  });

  test('opens and closes on click; aria-expanded, [open] and the events follow', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge campaign="pdp" price="49"></vitrine-loyalty-badge>`);
    const events: string[] = [];
    for (const name of ['vitrine-open', 'vitrine-close']) {
      el.addEventListener(name, (event) =>
        events.push(`${name}:${(event as CustomEvent<LoyaltyToggleDetail>).detail.campaign}`),
      );
    }
    await userEvent.click(trigger(el));
    await el.updateComplete;
    expectOpen(el, true);
    const box = await placed(el);
    expect(box.width).toBeGreaterThan(100);
    // Below the badge, by default.
    expect(box.top).toBeGreaterThan(trigger(el).getBoundingClientRect().bottom);
    expect(popover(el).dataset.side).toBe('bottom');
    await userEvent.click(trigger(el));
    await el.updateComplete;
    expectOpen(el, false);
    expect(events).toEqual(['vitrine-open:pdp', 'vitrine-close:pdp']);
    expect(tracked.map((message) => message.action)).toEqual(['view', 'click']);
  });

  test('the open property opens it from code; without room below it opens above', async () => {
    const frame = await fixture<HTMLElement>(
      html`<div style="position: fixed; bottom: 0; left: 100px">
        <vitrine-loyalty-badge price="49" open
          ><p slot="details">Members earn double on Fridays.</p></vitrine-loyalty-badge
        >
      </div>`,
    );
    const el = frame.querySelector('vitrine-loyalty-badge')!;
    await el.updateComplete;
    expectOpen(el, true);
    const box = await placed(el);
    expect(box.bottom).toBeLessThan(trigger(el).getBoundingClientRect().top);
    expect(popover(el).dataset.side).toBe('top');
    // The slot replaces the default text.
    const slot = popover(el).querySelector('slot')!;
    expect(slot.assignedElements().map((node) => node.textContent)).toEqual(['Members earn double on Fridays.']);
    expect(part(el, 'balance')).toBeNull();
    el.open = false;
    await el.updateComplete;
    expectOpen(el, false);
  });

  test('hover opens after a short delay; the pointer may cross to the popover; leaving closes it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49"></vitrine-loyalty-badge>`);
    mouse('pointerenter', trigger(el));
    vi.advanceTimersByTime(100);
    await el.updateComplete;
    expectOpen(el, false);
    vi.advanceTimersByTime(60);
    await el.updateComplete;
    expectOpen(el, true);
    // Over the gap (the hover bridge) and into the popover: still open, however long it stays.
    mouse('pointerleave', trigger(el));
    vi.advanceTimersByTime(200);
    mouse('pointerenter', popover(el));
    vi.advanceTimersByTime(5000);
    await el.updateComplete;
    expectOpen(el, true);
    mouse('pointerleave', popover(el));
    vi.advanceTimersByTime(299);
    await el.updateComplete;
    expectOpen(el, true);
    vi.advanceTimersByTime(2);
    await el.updateComplete;
    expectOpen(el, false);
  });

  test('a pointer that only passes over the badge opens nothing; touch does not count as hover', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49"></vitrine-loyalty-badge>`);
    mouse('pointerenter', trigger(el));
    vi.advanceTimersByTime(100);
    mouse('pointerleave', trigger(el));
    vi.advanceTimersByTime(1000);
    await el.updateComplete;
    expectOpen(el, false);
    trigger(el).dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'touch' }));
    vi.advanceTimersByTime(1000);
    await el.updateComplete;
    expectOpen(el, false);
  });

  test('a click on details opened by hover keeps them open when the pointer leaves', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49"></vitrine-loyalty-badge>`);
    mouse('pointerenter', trigger(el));
    vi.advanceTimersByTime(200);
    await el.updateComplete;
    expectOpen(el, true);
    trigger(el).click();
    mouse('pointerleave', trigger(el));
    vi.advanceTimersByTime(1000);
    await el.updateComplete;
    expectOpen(el, true);
    trigger(el).click();
    await el.updateComplete;
    expectOpen(el, false);
  });

  test('a real mouse hovering the badge opens the details', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49"></vitrine-loyalty-badge>`);
    await userEvent.hover(trigger(el));
    await vi.waitFor(() => expectOpen(el, true), { timeout: 5000 });
    await placed(el);
    await userEvent.unhover(trigger(el));
    await vi.waitFor(() => expectOpen(el, false), { timeout: 5000 });
  });

  test('keyboard focus opens it; Escape closes it and focus stays on the badge; Enter toggles', async () => {
    const before = document.body.appendChild(document.createElement('button'));
    before.textContent = 'Before';
    testPage.cleanups.push(() => before.remove());
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge price="49"
        ><a slot="details" href="#rules">Programme rules</a></vitrine-loyalty-badge
      >`,
    );
    before.focus();
    await userEvent.tab();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).toBe(trigger(el));
    expectOpen(el, true);
    await placed(el);
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expectOpen(el, false);
    expect(el.shadowRoot!.activeElement).toBe(trigger(el));
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expectOpen(el, true);
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expectOpen(el, false);
  });

  test('focus then an immediate click (a screen reader, a script) keeps the details open; a later click closes', async () => {
    const before = document.body.appendChild(document.createElement('button'));
    testPage.cleanups.push(() => before.remove());
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49"></vitrine-loyalty-badge>`);
    before.focus();
    vi.useFakeTimers({ toFake: ['performance'] });
    await userEvent.tab();
    await el.updateComplete;
    expectOpen(el, true);
    trigger(el).click();
    await el.updateComplete;
    expectOpen(el, true);
    vi.advanceTimersByTime(1000);
    trigger(el).click();
    await el.updateComplete;
    expectOpen(el, false);
  });

  test('Escape from a link inside the details brings focus back to the badge', async () => {
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge price="49"
        ><a slot="details" href="#rules">Programme rules</a></vitrine-loyalty-badge
      >`,
    );
    await userEvent.click(trigger(el));
    await el.updateComplete;
    await placed(el);
    await userEvent.tab();
    expect(document.activeElement).toBe(el.querySelector('a'));
    expectOpen(el, true);
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expectOpen(el, false);
    expect(el.shadowRoot!.activeElement).toBe(trigger(el));
  });

  test('a mouse press focuses the badge without opening it on focus: the click alone opens it', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49"></vitrine-loyalty-badge>`);
    await userEvent.click(trigger(el));
    await el.updateComplete;
    expectOpen(el, true);
  });

  test('an outside click closes it; a click inside the popover does not', async () => {
    const outside = document.body.appendChild(document.createElement('p'));
    outside.textContent = 'Elsewhere on the page';
    testPage.cleanups.push(() => outside.remove());
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge points="700" tiers=${TIERS}></vitrine-loyalty-badge>`);
    await userEvent.click(trigger(el));
    await el.updateComplete;
    await placed(el);
    await userEvent.click(part(el, 'balance')!);
    await el.updateComplete;
    expectOpen(el, true);
    await userEvent.click(outside);
    await el.updateComplete;
    expectOpen(el, false);
  });

  test('focus leaving the badge and its details closes them', async () => {
    const after = document.body.appendChild(document.createElement('button'));
    after.textContent = 'After';
    testPage.cleanups.push(() => after.remove());
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge price="49"></vitrine-loyalty-badge>`);
    await userEvent.click(trigger(el));
    await el.updateComplete;
    expectOpen(el, true);
    after.focus();
    await el.updateComplete;
    expectOpen(el, false);
  });

  test('autoUpdate runs only while open: the popover follows the badge, and every listener is gone on close', async () => {
    const live = new Set<string>();
    const listenerIds = new WeakMap<object, number>();
    let nextId = 0;
    const keyOf = (target: EventTarget, type: string, listener: object) => {
      if (!listenerIds.has(listener)) listenerIds.set(listener, nextId++);
      const where = target === window ? 'window' : ((target as Element).localName ?? '#document');
      return `${where}|${type}|${listenerIds.get(listener)}`;
    };
    // Called through, never detached.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const add = EventTarget.prototype.addEventListener;
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const remove = EventTarget.prototype.removeEventListener;
    vi.spyOn(EventTarget.prototype, 'addEventListener').mockImplementation(function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if ((type === 'scroll' || type === 'resize') && listener) live.add(keyOf(this, type, listener));
      add.call(this, type, listener, options);
    });
    vi.spyOn(EventTarget.prototype, 'removeEventListener').mockImplementation(function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      if ((type === 'scroll' || type === 'resize') && listener) live.delete(keyOf(this, type, listener));
      remove.call(this, type, listener, options);
    });
    let observing = 0;
    const Observer = window.ResizeObserver;
    vi.spyOn(window, 'ResizeObserver').mockImplementation(function (callback: ResizeObserverCallback) {
      const observer = new Observer(callback);
      const observe = observer.observe.bind(observer);
      const disconnect = observer.disconnect.bind(observer);
      let count = 0;
      observer.observe = (target, options) => {
        count++;
        observing++;
        observe(target, options);
      };
      observer.disconnect = () => {
        observing -= count;
        count = 0;
        disconnect();
      };
      return observer;
    });

    const scroller = await fixture<HTMLDivElement>(
      html`<div style="height: 200px; overflow: auto">
        <div style="height: 60px"></div>
        <vitrine-loyalty-badge price="49"></vitrine-loyalty-badge>
        <div style="height: 600px"></div>
      </div>`,
    );
    const el = scroller.querySelector('vitrine-loyalty-badge')!;
    await el.updateComplete;
    expect(live.size).toBe(0);
    expect(observing).toBe(0);

    el.open = true;
    await el.updateComplete;
    const first = await placed(el);
    expect(live.size).toBeGreaterThan(0);
    expect([...live].some((key) => key.startsWith('div|scroll'))).toBe(true);
    expect(observing).toBeGreaterThan(0);
    // Following: scroll the badge's container and the popover moves with it.
    scroller.scrollTop = 40;
    await vi.waitFor(() => expect(popover(el).getBoundingClientRect().top).toBeCloseTo(first.top - 40, 0), {
      timeout: 10_000,
    });

    el.open = false;
    await el.updateComplete;
    expect(live.size).toBe(0);
    expect(observing).toBe(0);
    const leftAt = popover(el).style.top;
    scroller.scrollTop = 0;
    await frames(2);
    expect(popover(el).style.top).toBe(leftAt);

    // Removed while open: stopped too.
    el.open = true;
    await el.updateComplete;
    await placed(el);
    expect(live.size).toBeGreaterThan(0);
    el.remove();
    expect(live.size).toBe(0);
    expect(observing).toBe(0);
  });

  test('nothing left to show closes the details the shopper opened', async () => {
    getBus().publish('cart', { total: 40, currency: 'EUR', itemCount: 1 });
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge cart></vitrine-loyalty-badge>`);
    await userEvent.click(trigger(el));
    await placed(el);
    const closed = new Promise((resolve) => el.addEventListener('vitrine-close', resolve, { once: true }));
    getBus().publish('cart', { total: 0, currency: 'EUR', itemCount: 0 });
    await el.updateComplete;
    await closed;
    expect(el.open).toBe(false);
    expect(el.hasAttribute('open')).toBe(false);
    // Back with an item: still closed, nothing pops open by itself.
    getBus().publish('cart', { total: 40, currency: 'EUR', itemCount: 1 });
    await el.updateComplete;
    expectOpen(el, false);
  });

  test('open set by the page before there is anything to show: the details show once there is', async () => {
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge cart open></vitrine-loyalty-badge>`);
    expect(trigger(el)).toBeNull();
    expect(el.open).toBe(true);
    getBus().publish('cart', { total: 40, currency: 'EUR', itemCount: 1 });
    await el.updateComplete;
    expectOpen(el, true);
    await placed(el);
  });
});

describe('on a 320 px phone, at every edge', () => {
  const LONG = 'Points are credited when your order ships and can be spent from 500 points on any order of the shop.';
  beforeEach(() => page.viewport(320, 568));
  afterEach(() => page.viewport(1024, 700));

  test.each([
    ['left', 'left: 0; top: 200px', 'bottom'],
    ['right', 'right: 0; top: 200px', 'bottom'],
    ['top', 'left: 100px; top: 0', 'bottom'],
    ['bottom', 'left: 100px; bottom: 0', 'top'],
    ['top left corner', 'left: 0; top: 0', 'bottom'],
    ['bottom right corner', 'right: 0; bottom: 0', 'top'],
  ])('badge at the %s edge: the popover is fully on screen', async (_edge, position, side) => {
    const frame = await fixture<HTMLDivElement>(
      html`<div style="position: fixed; inset: 0 auto 0 0; width: 320px; overflow: hidden">
        <vitrine-loyalty-badge style="position: absolute; ${position}" points="1380" tiers=${TIERS}>
          <p slot="details">${LONG}</p>
        </vitrine-loyalty-badge>
      </div>`,
    );
    expect(window.innerWidth).toBe(320);
    const el = frame.querySelector('vitrine-loyalty-badge')!;
    await el.updateComplete;
    el.open = true;
    await el.updateComplete;
    const box = await placed(el);
    expect(box.width).toBeGreaterThan(200);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(window.innerWidth);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    // Flipped above when there is no room below; the arrow still points at the badge.
    expect(popover(el).dataset.side).toBe(side);
    const badge = trigger(el).getBoundingClientRect();
    const arrow = part(el, 'arrow')!.getBoundingClientRect();
    const arrowCentre = arrow.left + arrow.width / 2;
    expect(arrowCentre).toBeGreaterThanOrEqual(badge.left);
    expect(arrowCentre).toBeLessThanOrEqual(badge.right);
    expect((await axe.run(el)).violations).toEqual([]);
  });
});

describe('accessibility', () => {
  beforeEach(() => page.viewport(1024, 700));

  test.each([
    ['product mode', html`<vitrine-loyalty-badge price="49.90" tiers=${TIERS}></vitrine-loyalty-badge>`],
    ['customer mode', html`<vitrine-loyalty-badge points="1380" tiers=${TIERS}></vitrine-loyalty-badge>`],
    ['top tier, French', html`<vitrine-loyalty-badge lang="fr" points="2000" tiers=${TIERS}></vitrine-loyalty-badge>`],
  ])('%s: axe finds nothing, closed and open', async (_name, template) => {
    const el = await fixture<Badge>(template);
    expect((await axe.run(el)).violations).toEqual([]);
    el.open = true;
    await el.updateComplete;
    await placed(el);
    expect((await axe.run(el)).violations).toEqual([]);
  });

  test('on a dark page with the shared tokens, axe finds nothing either', async () => {
    const el = await fixture<Badge>(
      html`<div
        style="background: #111827; color: #f9fafb; --vitrine-color-text: #f9fafb; --vitrine-color-surface: #1f2937; --vitrine-color-accent: #fbbf24; --vitrine-color-on-accent: #111827; padding: 1rem"
      >
        <vitrine-loyalty-badge points="700" tiers=${TIERS}></vitrine-loyalty-badge>
      </div>`,
    );
    const badge = el.querySelector('vitrine-loyalty-badge')!;
    await badge.updateComplete;
    expect(getComputedStyle(part(badge, 'tier')!).backgroundColor).toBe('rgb(251, 191, 36)');
    badge.open = true;
    await badge.updateComplete;
    await placed(badge);
    expect(getComputedStyle(popover(badge)).backgroundColor).toBe('rgb(31, 41, 55)');
    expect((await axe.run(el)).violations).toEqual([]);
  });
});

describe('bad input', () => {
  const warning = (attribute: string, value: string, expected: string) =>
    `[vitrine] <vitrine-loyalty-badge campaign="lb"> ignored ${attribute}="${value}": expected ${expected}`;

  test.each([
    ['price', 'abc', AMOUNT_EXPECTED, 'price="abc"', (el: Badge) => expect(trigger(el)).toBeNull()],
    [
      'rate',
      '-2',
      RATE_EXPECTED,
      'price="49" rate="-2"',
      (el: Badge) => expect(say(el, 'label')).toBe('Earn 49 points'),
    ],
    [
      'tiers',
      'Gold',
      TIERS_EXPECTED,
      'points="700" tiers="Gold"',
      (el: Badge) => {
        expect(say(el, 'points')).toBe('700 points');
        expect(part(el, 'tier')).toBeNull();
        expect(part(el, 'tier-list')).toBeNull();
      },
    ],
    ['points', 'many', POINTS_EXPECTED, 'points="many"', (el: Badge) => expect(trigger(el)).toBeNull()],
    [
      'rounding',
      'up',
      'one of floor, round',
      'price="49.90" rounding="up"',
      (el: Badge) => expect(say(el, 'label')).toBe('Earn 49 points'),
    ],
    [
      'currency',
      'EURO',
      CURRENCY_EXPECTED,
      'price="49" currency="EURO"',
      (el: Badge) => expect(say(el, 'rate')).toContain('per €1 spent'),
    ],
    [
      'tiers',
      'Bronze:0, Silver:-5',
      TIERS_EXPECTED,
      'points="10" tiers="Bronze:0, Silver:-5"',
      (el: Badge) => expect(part(el, 'tier')).toBeNull(),
    ],
  ])('%s="%s" warns once, naming it, and falls back', async (attribute, value, expected, attributes, check) => {
    const parentNode = document.body.appendChild(document.createElement('div'));
    testPage.cleanups.push(() => parentNode.remove());
    parentNode.innerHTML = `<vitrine-loyalty-badge campaign="lb" ${attributes}></vitrine-loyalty-badge>`;
    const el = parentNode.firstElementChild as Badge;
    await el.updateComplete;
    check(el);
    el.setAttribute('variant', 'B'); // another render: no second warning
    el.lang = 'en';
    await el.updateComplete;
    expect(vitrineWarnings()).toEqual([warning(attribute, value, expected)]);
  });

  test('a bad customer topic payload is ignored', async () => {
    getBus().publish('customer', { points: Number.NaN });
    const el = await fixture<Badge>(html`<vitrine-loyalty-badge tiers=${TIERS}></vitrine-loyalty-badge>`);
    expect(trigger(el)).toBeNull();
    getBus().publish('customer', null as never);
    getBus().publish('cart', { total: -1, currency: 'EUR', itemCount: 0 });
    await el.updateComplete;
    expect(trigger(el)).toBeNull();
  });

  test('text is text: tier names and slotted details are never parsed as HTML', async () => {
    const el = await fixture<Badge>(
      html`<vitrine-loyalty-badge
        points="10"
        tiers=${'<img src=x onerror=alert(1)>:0, <b>Gold</b>:100'}
      ></vitrine-loyalty-badge>`,
    );
    expect(say(el, 'tier')).toBe('<img src=x onerror=alert(1)>');
    expect(say(el, 'remaining')).toBe('90 points to <b>Gold</b>');
    expect(el.shadowRoot!.querySelector('img, b')).toBeNull();
  });
});

describe('no layout shift', () => {
  let sheet: CSSStyleSheet;
  beforeEach(async () => {
    await page.viewport(1024, 700);
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  afterEach(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
  });

  test.each([
    ['in a paragraph', 'p', 'font: 16px/1.5 Georgia, serif'],
    ['in a large heading', 'h2', 'font: 2rem/1.1 sans-serif; margin: 0'],
    ['in small loose text', 'p', 'font: 13px/2 sans-serif'],
    ['alone in a flex row', 'div', 'display: flex; align-items: center; gap: 8px'],
  ])('%s, an undefined badge reserves the box of the rendered one', async (name, container, style) => {
    // Another tag for the same class, defined later: the undefined phase of a lazy chunk.
    const tag = `late-loyalty-badge-${name.replace(/\W+/g, '-')}`;
    sheet.replaceSync(cssFor(tag));
    const root = await fixture<HTMLElement>(
      `<${container} style="${style}">Members <${tag} points="1380" tiers="${TIERS}"><p slot="details">Long details text that must not show before the code.</p></${tag}> earn more.<br>Next line</${container}>`,
    );
    const host = root.querySelector(tag)!;
    const next = () => {
      const range = document.createRange();
      range.setStartAfter(host);
      range.setEndAfter(root.lastChild!);
      return range.getBoundingClientRect().bottom;
    };
    const before = {
      height: host.getBoundingClientRect().height,
      root: root.getBoundingClientRect().height,
      next: next(),
    };
    expect(before.height).toBe(32);
    customElements.define(tag, class extends VitrineLoyaltyBadge {});
    await (host as Badge).updateComplete;
    await frames(1);
    const after = {
      height: host.getBoundingClientRect().height,
      root: root.getBoundingClientRect().height,
      next: next(),
    };
    expect(after).toEqual(before);
    expect(trigger(host as Badge).getBoundingClientRect().height).toBe(32);
  });

  test('a custom height is reserved and rendered alike', async () => {
    const tag = 'late-loyalty-badge-tall';
    sheet.replaceSync(cssFor(tag));
    const root = await fixture<HTMLElement>(
      `<p>Earn <${tag} price="49" style="--vitrine-loyalty-badge-height: 44px"></${tag}> today</p>`,
    );
    const host = root.querySelector(tag)!;
    expect(host.getBoundingClientRect().height).toBe(44);
    const rootHeight = root.getBoundingClientRect().height;
    customElements.define(tag, class extends VitrineLoyaltyBadge {});
    await (host as Badge).updateComplete;
    expect(host.getBoundingClientRect().height).toBe(44);
    expect(root.getBoundingClientRect().height).toBe(rootHeight);
  });
});
