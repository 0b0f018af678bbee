/**
 * The six widgets together on a small product page, as a shop would have them: the announcement
 * bar with its countdown, the customer's loyalty tier in the header, the points to earn and a
 * sale countdown by the price, the free-shipping progress in the cart (the "Add to cart" button
 * publishes the cart, as a theme's code or the Shopify cart source would), an inline wheel of
 * fortune and an exit pop-up (opened by a button: exit intent never fires by itself here). Every
 * widget is in `preview` (designer mode: nothing stored, nothing sent). The toolbar switches the
 * language (twelve of them) and the background (light/dark); the Code panel and "Show code" give the
 * widgets' HTML, ready to paste.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import axe from 'axe-core';
import { getBus, loadCoupon } from '@vitrine/core';
import 'vitrine/define';
import { widgetSnippet } from '../.storybook/snippet.ts';

interface Args {
  /** The cart total before "Add to cart", in euros (published on the bus `cart` topic). */
  cartTotal: number;
  /** The logged-in customer's points (customer mode of the header badge). */
  points: number;
}

type Locale = 'en' | 'fr';

const TEXTS = {
  en: {
    shop: 'Maison Figue',
    nav: 'Shop',
    bar: 'Black Friday: everything −20 % until Sunday',
    barEnds: 'Ends in',
    product: 'Fig leaf candle',
    description: 'Hand-poured soy wax, 45 hours of burning, a fig tree in your living room.',
    price: '€49.90',
    saleLabel: 'Sale ends in',
    add: 'Add to cart',
    popupButton: 'Preview the exit pop-up',
    cart: 'Your cart',
    goal: 'a free candle',
    wheelTitle: 'Spin & win',
    popupHeading: 'Wait! 10 % off your first order',
    popupText: 'Sign up to our newsletter and get your code at once.',
  },
  fr: {
    shop: 'Maison Figue',
    nav: 'Boutique',
    bar: 'Black Friday : tout à −20 % jusqu’à dimanche',
    barEnds: 'Fin dans',
    product: 'Bougie feuille de figuier',
    description: 'Cire de soja coulée à la main, 45 heures de combustion, un figuier dans votre salon.',
    price: '49,90 €',
    saleLabel: 'Fin des soldes dans',
    add: 'Ajouter au panier',
    popupButton: 'Voir la pop-up de sortie',
    cart: 'Votre panier',
    goal: 'une bougie offerte',
    wheelTitle: 'Tentez votre chance',
    popupHeading: 'Attendez ! −10 % sur votre première commande',
    popupText: 'Inscrivez-vous à la newsletter et recevez votre code tout de suite.',
  },
} as const;

const PRICE = 49.9;
const HOUR = 3_600_000;

/** An ISO instant `ms` from now, read when the story renders: the story never goes stale. */
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The page's own look; colours from the shared tokens, so the dark background switches them too. */
const PAGE_STYLES = html`<style>
  .shop {
    position: relative;
    transform: translateZ(0); /* the frame stands for the window: it holds the bar's position: fixed */
    max-inline-size: 64rem;
    padding-block-start: 2.75rem;
    font:
      16px/1.5 system-ui,
      sans-serif;
    color: var(--vitrine-color-text, #111827);
  }
  .shop-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.75rem 1rem;
    border-block-end: 1px solid color-mix(in srgb, currentColor 20%, transparent);
  }
  .shop-name {
    margin: 0;
    font-size: 1.25rem;
  }
  .shop-main {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: 2rem;
    padding: 1.5rem 1rem;
  }
  .product-image {
    aspect-ratio: 1;
    border-radius: 0.5rem;
    background: linear-gradient(135deg, #84cc16, #166534);
  }
  .product h2 {
    margin: 0 0 0.5rem;
  }
  .price {
    display: flex;
    align-items: center;
    gap: 1rem;
    font-size: 1.25rem;
    font-weight: 600;
  }
  .shop button.primary {
    min-block-size: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 0;
    border-radius: 0.375rem;
    background: var(--vitrine-color-accent, #0f766e);
    color: var(--vitrine-color-on-accent, #ffffff);
    font: inherit;
    cursor: pointer;
  }
  .shop button.secondary {
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    border: 1px solid currentColor;
    border-radius: 0.375rem;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 1rem;
  }
  .cart {
    padding: 1rem;
    border: 1px solid color-mix(in srgb, currentColor 20%, transparent);
    border-radius: 0.5rem;
  }
  .cart h2 {
    margin: 0 0 0.75rem;
    font-size: 1.125rem;
  }
</style>`;

function storefront(args: Args, locale: Locale) {
  const t = TEXTS[locale];
  let total = args.cartTotal;
  // The cart as a theme would publish it; "Add to cart" adds the candle.
  const publishCart = () => getBus().publish('cart', { total, currency: 'EUR', itemCount: total > 0 ? 1 : 0 });
  queueMicrotask(publishCart);
  const addToCart = () => {
    total = Math.round((total + PRICE) * 100) / 100;
    publishCart();
  };
  const showPopup = (event: Event) => {
    const shop = (event.currentTarget as HTMLElement).closest('.shop');
    void shop?.querySelector('vitrine-exit-popup')?.show();
  };
  return html`${PAGE_STYLES}
    <div class="shop">
      <vitrine-sticky-bar campaign="storefront-bar" dismissible preview>
        <p>
          ${t.bar} · ${t.barEnds}
          <vitrine-countdown layout="inline" deadline=${fromNow(50 * HOUR)} preview></vitrine-countdown>
        </p>
      </vitrine-sticky-bar>
      <header class="shop-header">
        <p class="shop-name">${t.shop}</p>
        <vitrine-loyalty-badge
          campaign="storefront-tier"
          points=${args.points}
          tiers="Bronze:0, Silver:500, Gold:1500"
          preview
        ></vitrine-loyalty-badge>
      </header>
      <main class="shop-main">
        <div class="product-image" role="img" aria-label=${t.product}></div>
        <section class="product" aria-labelledby="storefront-product">
          <h2 id="storefront-product">${t.product}</h2>
          <p>${t.description}</p>
          <div class="price">
            <span>${t.price}</span>
            <vitrine-loyalty-badge campaign="storefront-points" price=${PRICE} preview></vitrine-loyalty-badge>
          </div>
          <vitrine-countdown
            campaign="storefront-sale"
            deadline=${fromNow(26 * HOUR + 15 * 60_000)}
            label=${t.saleLabel}
            preview
          ></vitrine-countdown>
          <div class="actions">
            <button class="primary" type="button" @click=${addToCart}>${t.add}</button>
            <button class="secondary" type="button" @click=${showPopup}>${t.popupButton}</button>
          </div>
          <section class="cart" aria-labelledby="storefront-cart">
            <h2 id="storefront-cart">${t.cart}</h2>
            <vitrine-shipping-progress campaign="storefront-shipping" cart-source="bus" threshold="60" preview>
              <vitrine-goal amount="100" label=${t.goal}></vitrine-goal>
            </vitrine-shipping-progress>
          </section>
        </section>
        <vitrine-wheel campaign="storefront-wheel" mode="inline" heading=${t.wheelTitle} preview>
          <vitrine-wheel-segment label="-10 %" code="WELCOME10" weight="3"></vitrine-wheel-segment>
          <vitrine-wheel-segment label=${locale === 'fr' ? 'Perdu' : 'Try again'} weight="4"></vitrine-wheel-segment>
          <vitrine-wheel-segment
            label=${locale === 'fr' ? 'Livraison offerte' : 'Free shipping'}
            code="SHIPFREE"
            weight="2"
          ></vitrine-wheel-segment>
          <vitrine-wheel-segment label="-20 %" code="WELCOME20" weight="1"></vitrine-wheel-segment>
        </vitrine-wheel>
      </main>
      <vitrine-exit-popup
        campaign="storefront-exit"
        heading=${t.popupHeading}
        text=${t.popupText}
        capture
        code="WELCOME10"
        preview
      ></vitrine-exit-popup>
    </div>`;
}

const meta = {
  title: 'Storefront',
  // The code block (copy button) is a chunk a page fetches when a code is about to show; a story
  // shows its code at once, so it is here before the story renders.
  loaders: [async () => void (await loadCoupon())],
  render: (args, { globals }) => storefront(args, globals.locale === 'fr' ? 'fr' : 'en'),
  args: { cartTotal: 45.9, points: 1380 },
  argTypes: {
    cartTotal: {
      control: { type: 'number', min: 0, step: 0.1 },
      description: 'Cart total before "Add to cart" (EUR).',
    },
    points: { control: { type: 'number', min: 0 }, description: "The customer's loyalty points." },
  },
  parameters: {
    layout: 'fullscreen',
    // The exit pop-up is a modal: on the docs page the story keeps to its own frame.
    docs: { story: { inline: false, iframeHeight: 900 } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const TAGS = [
  'vitrine-sticky-bar',
  'vitrine-countdown',
  'vitrine-loyalty-badge',
  'vitrine-shipping-progress',
  'vitrine-wheel',
  'vitrine-exit-popup',
];

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

/** Every widget of the page, upgraded and rendered. */
async function widgetsIn(canvas: HTMLElement): Promise<void> {
  for (const tag of TAGS) {
    const elements = [...canvas.querySelectorAll<Updatable>(tag)];
    await expect(elements.length).toBeGreaterThan(0);
    for (const element of elements) {
      await waitFor(() => expect(element.shadowRoot).not.toBeNull());
      await element.updateComplete;
    }
  }
}

/** The text a shopper reads in a shadow part (Intl's no-break spaces as plain spaces). */
const partText = (element: Element | null, part: string) =>
  (element?.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

async function expectNoAxeViolation(canvas: HTMLElement): Promise<void> {
  const { violations } = await axe.run(canvas);
  await expect(
    violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

/** All six, in English, on a light page; "Add to cart" moves the progress to its next goal. */
export const Storefront: Story = {
  play: async ({ canvasElement }) => {
    await widgetsIn(canvasElement);
    const progress = canvasElement.querySelector('vitrine-shipping-progress')!;
    await waitFor(() => expect(partText(progress, 'message')).toContain('€14.10'));
    await expect(partText(canvasElement.querySelector('vitrine-countdown[label]'), 'label')).toBe('Sale ends in');
    await expect(canvasElement.querySelectorAll('vitrine-wheel-segment')).toHaveLength(4);
    await expect(canvasElement.querySelector('vitrine-exit-popup')!.open).toBe(false);
    await expectNoAxeViolation(canvasElement);

    await userEvent.click(canvasElement.querySelector<HTMLButtonElement>('button.primary')!);
    // 95.80 €: free shipping reached, the next goal (a free candle at 100 €) is 4.20 € away.
    await waitFor(() => expect(partText(progress, 'message')).toContain('€4.20'));
  },
};

/** The same page on a dark background: the shared tokens switch every widget's colours. */
export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvasElement }) => {
    await widgetsIn(canvasElement);
    await expect(canvasElement.querySelector('.vitrine-story')?.getAttribute('data-theme')).toBe('dark');
    await expectNoAxeViolation(canvasElement);
  },
};

/** In French (the language toolbar): the widgets' built-in texts and amounts follow the page's `lang`. */
export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await widgetsIn(canvasElement);
    const progress = canvasElement.querySelector('vitrine-shipping-progress')!;
    await waitFor(() => expect(partText(progress, 'message')).toContain('14,10 €'));
    const timer = canvasElement.querySelector('vitrine-countdown[label]')!.shadowRoot!.querySelector('[role="timer"]')!;
    await expect(timer.getAttribute('aria-label')).toMatch(/^Compte à rebours/);
    await expectNoAxeViolation(canvasElement);
  },
};

/** The Code panel's snippet: the six widgets' tags with their attributes, without the page mock-up. A test only. */
export const CopySnippet: Story = {
  tags: ['!dev', '!autodocs'],
  play: async ({ canvasElement }) => {
    await widgetsIn(canvasElement);
    const snippet = widgetSnippet(canvasElement.innerHTML);
    for (const tag of TAGS) await expect(snippet).toContain(`<${tag}`);
    await expect(snippet).toContain('threshold="60"');
    await expect(snippet).toContain(
      '<vitrine-wheel-segment label="-10 %" code="WELCOME10" weight="3"></vitrine-wheel-segment>',
    );
    // A widget inside plain markup inside a widget: written tag by tag, boolean attributes bare.
    const bar = snippet.slice(0, snippet.indexOf('</vitrine-sticky-bar>') + '</vitrine-sticky-bar>'.length).split('\n');
    await expect(bar[0]).toBe('<vitrine-sticky-bar campaign="storefront-bar" dismissible preview>');
    await expect(bar[1]).toBe('  <p>');
    await expect(bar[2]).toMatch(/^ {4}Black Friday/);
    await expect(bar[3]).toMatch(
      /^ {4}<vitrine-countdown layout="inline" preview deadline="[^"]+"><\/vitrine-countdown>$/,
    );
    await expect(bar.slice(4)).toEqual(['  </p>', '</vitrine-sticky-bar>']);
    await expect(snippet).not.toContain('class="shop');
    await expect(snippet).not.toContain('<style');
  },
};
