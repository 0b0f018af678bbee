/**
 * A theme developer's first try, in a page laid out like Shopify's Dawn theme (the header group,
 * a `<cart-drawer>`, the main product section): `snippets/vitrine-head.liquid` in the head, pointed
 * at the BUILT script-tag bundle (`npm test` builds it first), and the sections rendered by Liquid
 * where Dawn has its sections. The widgets must upgrade and show, with no warning and no error.
 * Its own file: the bundle is loaded once per page.
 */
import { afterAll, beforeAll, expect, test, vi, type MockInstance } from 'vitest';
import { renderedDigits, usePageErrors, vitrineGlobal } from './loader/page.js';
import { appendToHead, renderLiquid, renderSection, shopGlobals } from './shopify-theme.js';

const DIST = '/packages/vitrine/dist/';

let warn: MockInstance<typeof console.warn>;
const pageErrors = usePageErrors();

/** Dawn's layout/theme.liquid, reduced to the parts widgets meet: header group, cart drawer, main. */
async function dawnPage(): Promise<void> {
  const bar = await renderSection('sections/vitrine-sticky-bar.liquid', {
    id: 'sections--1__vitrine_bar',
    settings: { bar_message: 'Livraison offerte dès 60 €', campaign: 'dawn-bar' },
    blocks: [],
  });
  const progress = await renderSection('sections/vitrine-shipping-progress.liquid', {
    id: 'sections--1__vitrine_progress',
    settings: { cart_source: 'bus', threshold: 60 },
  });
  const countdown = await renderSection('sections/vitrine-countdown.liquid', {
    id: 'template--1__vitrine_countdown',
    settings: { deadline: '2099-01-01T00:00:00Z', label: 'Fin des soldes dans', campaign: 'dawn-sale' },
  });
  const badge = await renderSection('sections/vitrine-loyalty-badge.liquid', { id: 'template--1__vitrine_badge' });
  // Targeted by the theme editor's "Customer" setting, fed by the head snippet's customer topic.
  const forGuests = await renderSection('sections/vitrine-countdown.liquid', {
    id: 'template--1__vitrine_guests',
    settings: { deadline: '2099-01-01T00:00:00Z', label: 'Offre de bienvenue', customer: 'guest' },
  });
  const forVips = await renderSection('sections/vitrine-countdown.liquid', {
    id: 'template--1__vitrine_vips',
    settings: { deadline: '2099-01-01T00:00:00Z', label: 'Vente privée VIP', customer: 'tag', customer_tag: 'vip' },
  });
  const section = (id: string, html: string) => `<div id="shopify-section-${id}" class="shopify-section">${html}</div>`;

  document.body.innerHTML = `
    <a class="skip-to-content-link button visually-hidden" href="#MainContent">Aller au contenu</a>
    <!-- BEGIN sections: header-group -->
    ${section('sections--1__vitrine_bar', bar)}
    <div id="shopify-section-sections--1__header" class="shopify-section section-header">
      <sticky-header data-sticky-type="on-scroll-up" class="header-wrapper color-scheme-1">
        <header class="header header--middle-left page-width">
          <a href="/" class="header__heading-link">Maison Test</a>
          <a href="/cart" class="header__icon header__icon--cart" id="cart-icon-bubble">Panier</a>
        </header>
      </sticky-header>
    </div>
    <!-- END sections: header-group -->
    <cart-drawer class="drawer is-empty">
      <div id="CartDrawer" class="cart-drawer">
        <div class="drawer__inner" role="dialog" aria-label="Votre panier">
          <div class="drawer__header"><h2 class="drawer__heading">Votre panier</h2></div>
          ${section('sections--1__vitrine_progress', progress)}
          <cart-drawer-items></cart-drawer-items>
        </div>
      </div>
    </cart-drawer>
    <main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1">
      <section id="shopify-section-template--1__main" class="shopify-section section">
        <div class="product grid grid--2-col-tablet page-width">
          <div class="product__info-wrapper grid__item">
            <h1 class="product__title">Bougie Figuier</h1>
            <div class="price"><span class="price-item price-item--regular">49,90 €</span></div>
            ${section('template--1__vitrine_badge', badge)}
            ${section('template--1__vitrine_countdown', countdown)}
            ${section('template--1__vitrine_guests', forGuests)} ${section('template--1__vitrine_vips', forVips)}
            <product-form class="product-form">
              <form method="post" action="/cart/add"><button type="submit" name="add">Ajouter au panier</button></form>
            </product-form>
          </div>
        </div>
      </section>
    </main>`;

  // {% render 'vitrine-head' %} before </head>, pointed at the build.
  await appendToHead(
    await renderLiquid("{% render 'vitrine-head', base_url: base_url %}", { base_url: DIST }, shopGlobals()),
  );
}

beforeAll(async () => {
  document.documentElement.lang = 'fr';
  warn = vi.spyOn(console, 'warn');
  await dawnPage();
});

afterAll(() => {
  warn.mockRestore();
});

/** The text a shopper reads in a widget's shadow part (Intl's no-break spaces as plain spaces). */
const partText = (element: Element | null, part: string) =>
  (element?.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

test('the head snippet loads the stylesheet and the loader, and tells the widgets who is browsing', () => {
  expect(document.querySelector(`link[rel="stylesheet"][href="${DIST}vitrine.css"]`)).not.toBeNull();
  expect(vitrineGlobal()?.last('customer')).toEqual({ id: '7301', tags: ['vip', 'newsletter'] });
});

test('the product page countdown upgrades and ticks, in French', async () => {
  const countdown = document.querySelector('#shopify-section-template--1__vitrine_countdown vitrine-countdown')!;
  const digits = await renderedDigits(countdown);
  expect(digits.length).toBeGreaterThan(0);
  expect(partText(countdown, 'label')).toBe('Fin des soldes dans');
  expect(countdown.shadowRoot!.querySelector('[role="timer"]')!.getAttribute('aria-label')).toMatch(
    /^Compte à rebours/,
  );
});

test('the announcement bar shows its message at the top of the window', async () => {
  const bar = document.querySelector('vitrine-sticky-bar')!;
  await expect.poll(() => bar.matches(':defined'), { timeout: 5_000 }).toBe(true);
  const base = await vi.waitFor(() => {
    const found = bar.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
    if (!found) throw new Error('not rendered yet');
    return found;
  });
  await expect.poll(() => base.getBoundingClientRect().height).toBeGreaterThan(0);
  expect(base.getBoundingClientRect().top).toBe(0);
  const slot = bar.shadowRoot!.querySelector<HTMLSlotElement>('[part~="message"] slot')!;
  expect(slot.assignedElements().map((element) => element.textContent.trim())).toContain('Livraison offerte dès 60 €');
});

test('the cart drawer progress follows the published cart; the badge shows points on the product', async () => {
  const progress = document.querySelector('cart-drawer vitrine-shipping-progress')!;
  await expect.poll(() => progress.matches(':defined'), { timeout: 5_000 }).toBe(true);
  vitrineGlobal()!.publish('cart', { total: 45.9, currency: 'EUR', itemCount: 2 });
  await expect.poll(() => partText(progress, 'message')).toContain('14,10 €');
  const track = progress.shadowRoot!.querySelector('[role="progressbar"]')!;
  expect([track.getAttribute('aria-valuenow'), track.getAttribute('aria-valuemax')]).toEqual(['45.9', '60']);

  const badge = document.querySelector('vitrine-loyalty-badge')!;
  await expect.poll(() => badge.matches(':defined'), { timeout: 5_000 }).toBe(true);
  await expect.poll(() => badge.shadowRoot?.textContent ?? '').toContain('49');
});

test('"who sees it" from the theme editor: the VIP offer shows to this tagged customer, the guest offer does not', async () => {
  type Countdown = HTMLElementTagNameMap['vitrine-countdown'];
  const vips = document.querySelector<Countdown>('#vitrine-countdown-template--1__vitrine_vips')!;
  const guests = document.querySelector<Countdown>('#vitrine-countdown-template--1__vitrine_guests')!;
  expect(vips.getAttribute('customer')).toBe('tag:vip');
  expect((await renderedDigits(vips)).length).toBeGreaterThan(0);
  await expect.poll(() => guests.matches(':defined')).toBe(true);
  await guests.updateComplete;
  expect(guests.shadowRoot?.querySelectorAll('[part~="value"]') ?? []).toHaveLength(0);
  // What the merchant reads in window.vitrine.debug() (its first call fetches the debug sentences).
  const rows = (await vitrineGlobal()!.debug()) as { campaign: string; shown: boolean; code?: string }[];
  expect(rows.find((row) => row.campaign === guests.campaignId)).toMatchObject({ shown: false, code: 'targeting' });
  expect(guests.debugState()).toMatchObject({ shown: false, code: 'targeting' });
});

test('no warning, no error: every rendered attribute is one the widgets accept', () => {
  const vitrineWarnings = warn.mock.calls.filter(([message]) => String(message).startsWith('[vitrine]'));
  expect(vitrineWarnings).toEqual([]);
  expect(pageErrors).toEqual([]);
});
