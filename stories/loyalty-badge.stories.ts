/**
 * <vitrine-loyalty-badge>: product mode (a price, the cart), customer mode at each tier and at
 * the top, the details popover open at each edge of the screen, French, dark. A control for
 * every attribute; every story is in `preview` (nothing tracked).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CART_SOURCES, getBus } from '@vitrine/core';
import { LOYALTY_ROUNDINGS } from '@vitrine/loyalty-badge';
import '@vitrine/loyalty-badge/define';
import { commonArgTypes, targeting } from './common.ts';

type Badge = HTMLElementTagNameMap['vitrine-loyalty-badge'];

/** The story's controls: one per attribute, plus the `details` slot's text. */
interface Args {
  price: string;
  rate: string;
  cart: boolean;
  'cart-source': string;
  total: string;
  points: string;
  tiers: string;
  tier: string;
  rounding: string;
  currency: string;
  open: boolean;
  campaign: string;
  start: string;
  end: string;
  timezone: string;
  lang: string;
  variant: string;
  preview: boolean;
  details: string;
}

const TIERS = 'Bronze:0, Silver:500, Gold:1500';

/** Empty controls leave the attribute out, as a merchant who did not write it. */
const attr = (value: string | undefined) => ifDefined(value ? value : undefined);

const badge = (args: Args) =>
  html`<vitrine-loyalty-badge
    price=${attr(args.price)}
    rate=${attr(args.rate)}
    ?cart=${args.cart}
    cart-source=${attr(args['cart-source'])}
    total=${attr(args.total)}
    points=${attr(args.points)}
    tiers=${attr(args.tiers)}
    tier=${attr(args.tier)}
    rounding=${attr(args.rounding)}
    currency=${attr(args.currency)}
    ?open=${args.open}
    campaign=${attr(args.campaign)}
    start=${attr(args.start)}
    end=${attr(args.end)}
    timezone=${attr(args.timezone)}
    lang=${attr(args.lang)}
    variant=${attr(args.variant)}
    ?preview=${args.preview}
    ${targeting(args)}
    >${args.details ? html`<p slot="details">${args.details}</p>` : nothing}</vitrine-loyalty-badge
  >`;

/** A product block as a theme renders one: the badge sits under the price. */
const productCard = (args: Args, price = '49,90 €') => html`
  <div style="max-width: 22rem; padding: 1rem 0 12rem; font: 16px/1.5 system-ui, sans-serif">
    <h3 style="margin: 0 0 0.25rem">Bougie Lumière, 200 g</h3>
    <p style="margin: 0 0 0.5rem; font-size: 1.25rem; font-weight: 600">${price}</p>
    ${badge(args)}
  </div>
`;

const badgeIn = (canvas: HTMLElement) => canvas.querySelector<Badge>('vitrine-loyalty-badge')!;
const partOf = (el: Badge, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const textOf = (el: Badge, name: string) => partOf(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

/** Waits for the popover to be open and placed by floating-ui. */
async function placed(el: Badge): Promise<DOMRect> {
  const popover = partOf(el, 'popover')!;
  await waitFor(() => expect(popover.hasAttribute('data-positioned')).toBe(true), { timeout: 5000 });
  return popover.getBoundingClientRect();
}

const meta = {
  title: 'Widgets/Loyalty badge',
  component: 'vitrine-loyalty-badge',
  render: (args) => productCard(args),
  args: {
    price: '49.90',
    rate: '',
    cart: false,
    'cart-source': '',
    total: '',
    points: '',
    tiers: '',
    tier: '',
    rounding: '',
    currency: '',
    open: false,
    campaign: 'story-loyalty',
    start: '',
    end: '',
    timezone: '',
    lang: '',
    variant: '',
    preview: true,
    details: '',
  },
  argTypes: {
    price: {
      control: 'text',
      description: 'Product mode: the price in major units with a dot (`49.90`).',
      table: { category: 'product mode' },
    },
    rate: {
      control: 'text',
      description: 'Points per currency unit (`1` when empty; `0.1` is one point per 10).',
      table: { category: 'product mode' },
    },
    cart: {
      control: 'boolean',
      description: 'Points on the cart total (the bus `cart` topic) instead of `price`.',
      table: { category: 'product mode' },
    },
    'cart-source': {
      control: 'inline-radio',
      options: ['', ...CART_SOURCES],
      description:
        'With `cart`: `attribute` (the `total` attribute), `bus` (the `cart` topic) or `shopify` (/cart.js). Empty: `attribute` when `total` is set, else `shopify` on Shopify, else `bus`.',
      table: { category: 'product mode' },
    },
    total: {
      control: 'text',
      description: 'With `cart`: the cart total in major units, e.g. rendered by Liquid.',
      table: { category: 'product mode' },
    },
    rounding: {
      control: 'inline-radio',
      options: ['', ...LOYALTY_ROUNDINGS],
      description: '`floor` (default: whole points only) or `round` (to the nearest point).',
      table: { category: 'product mode' },
    },
    currency: {
      control: 'text',
      description: 'ISO 4217 code of `price` and `rate` (`EUR` when empty; the cart’s in cart mode).',
      table: { category: 'product mode' },
    },
    points: {
      control: 'text',
      description: 'Customer mode: the customer’s points (else the `customer` topic’s).',
      table: { category: 'customer mode' },
    },
    tiers: {
      control: 'text',
      description: 'The tiers and their thresholds: `Bronze:0, Silver:500, Gold:1500`.',
      table: { category: 'customer mode' },
    },
    tier: {
      control: 'text',
      description: 'The customer’s tier when the programme says so (else found from the points).',
      table: { category: 'customer mode' },
    },
    open: { control: 'boolean', description: 'The details popover is open.', table: { category: 'popover' } },
    details: {
      control: 'text',
      description: 'Text for the `details` slot (empty: the default rate, balance and tiers).',
      table: { category: 'popover' },
    },
    ...commonArgTypes('Designer mode (on in these stories): nothing is tracked.'),
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** "Earn 49 points": 49.90 at one point per euro, rounded down. */
export const ProductMode: Story = {
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'label')).toBe('Earn 49 points');
    await expect(partOf(el, 'base')!.getAttribute('aria-expanded')).toBe('false');
  },
};

/** 10 points per euro, rounded to the nearest point, with the tiers in the details. */
export const ProductModeRate: Story = {
  args: { price: '49.95', rate: '10', rounding: 'round', tiers: TIERS, open: true },
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'label')).toBe('Earn 500 points');
    await placed(el);
    await expect(textOf(el, 'rate')).toBe('You earn 10 points per €1 spent. Rounded to the nearest point.');
  },
};

/** The cart total from the bus `cart` topic (here published by the story, as a theme's code or the cart source would). */
export const CartMode: Story = {
  args: { price: '', cart: true },
  beforeEach: () => {
    getBus().publish('cart', { total: 86.4, currency: 'EUR', itemCount: 2 });
  },
  render: (args) => productCard(args, 'Your cart: 86,40 €'),
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'label')).toBe('Earn 86 points');
    getBus().publish('cart', { total: 136.3, currency: 'EUR', itemCount: 3 });
    await waitFor(() => expect(textOf(el, 'label')).toBe('Earn 136 points'));
    getBus().publish('cart', { total: 86.4, currency: 'EUR', itemCount: 2 });
  },
};

/** The cart total rendered by Liquid (`cart-source="attribute"`, implied by `total`): `{{ cart.total_price | divided_by: 100.0 }}`. */
export const CartFromLiquid: Story = {
  args: { price: '', cart: true, total: '212.50', rounding: 'round' },
  render: (args) => productCard(args, 'Subtotal: 212,50 €'),
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'label')).toBe('Earn 213 points');
  },
};

const customer = (points: string, tier: string, remaining: string): Story => ({
  args: { price: '', points, tiers: TIERS },
  render: (args) => html`<div style="padding: 1rem 0 14rem">${badge(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'tier')).toBe(tier);
    await expect(textOf(el, 'remaining')).toBe(remaining);
  },
});

/** Customer mode, first tier: the balance and the points to Silver. */
export const CustomerBronze = customer('120', 'Bronze', '380 points to Silver');

/** Customer mode, middle tier. */
export const CustomerSilver = customer('1380', 'Silver', '120 points to Gold');

/** Customer mode, top tier: nothing left to reach. */
export const CustomerTopTier = customer('2150', 'Gold', 'Top tier');

/** The points from the `customer` topic (a loyalty app's script), no attribute: the details list the tiers. */
export const CustomerTopic: Story = {
  args: { price: '', tiers: TIERS, open: true },
  beforeEach: () => {
    getBus().publish('customer', { id: 'story', points: 640 });
    return () => getBus().publish('customer', {});
  },
  render: (args) => html`<div style="padding: 1rem 0 14rem">${badge(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'points')).toBe('640 points');
    await placed(el);
    await expect(textOf(el, 'tier-item-current')).toMatch(/^Silver/);
  },
};

/** The merchant's own details in the `details` slot (a link to the programme, say). */
export const CustomDetails: Story = {
  args: { open: true, details: 'Double points on candles all week. Points are credited when your order ships.' },
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await placed(el);
    const slot = partOf(el, 'details')!.querySelector('slot')!;
    await expect(slot.assignedElements()).toHaveLength(1);
  },
};

/** The disclosure: click opens it, Escape closes it and focus stays on the badge. */
export const ClickToOpen: Story = {
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    const button = partOf(el, 'base')!;
    await userEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
    await placed(el);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
    await expect(el.shadowRoot!.activeElement).toBe(button);
  },
};

/**
 * The badge against an edge of the screen with its details open: flip and shift keep the
 * popover whole on screen, the arrow on the badge. (Each story in its own frame on the docs page.)
 */
const atEdge = (position: string, details = ''): Story => ({
  args: { price: '', points: '1380', tiers: TIERS, open: true, details },
  parameters: { docs: { story: { inline: false, iframeHeight: 360 } } },
  render: (args) =>
    html`<div style="position: fixed; inset: 0; overflow: hidden">
      <div style="position: absolute; ${position}">${badge(args)}</div>
    </div>`,
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    const box = await placed(el);
    await expect(box.left).toBeGreaterThanOrEqual(0);
    await expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    await expect(box.top).toBeGreaterThanOrEqual(0);
    await expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
  },
});

export const OpenAtLeftEdge = atEdge('left: 0; top: 40%');
export const OpenAtRightEdge = atEdge('right: 0; top: 40%');
export const OpenAtTopEdge = atEdge('left: 40%; top: 0');
export const OpenAtBottomEdge = atEdge('left: 40%; bottom: 0');

/** A 320 px phone: the popover takes the screen's width less 8 px each side. */
export const OpenOnNarrowScreen: Story = {
  ...atEdge(
    'right: 0; bottom: 0',
    'Points are credited when your order ships and can be spent from 500 points on any order of the shop.',
  ),
  render: (args) =>
    html`<div style="position: fixed; inset: 0 auto 0 0; width: 320px; border-right: 1px dashed #9ca3af">
      <div style="position: absolute; right: 0; bottom: 0">${badge(args)}</div>
    </div>`,
};

/** French, from the language toolbar (a `lang` on the wrapper): French words and digit groups. */
export const French: Story = {
  args: { price: '', points: '1380', tiers: 'Bronze:0, Argent:500, Or:1500', open: true, rate: '1' },
  globals: { locale: 'fr' },
  render: (args) => html`<div style="padding: 1rem 0 16rem">${badge(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'points')).toBe('1 380 points');
    await expect(textOf(el, 'remaining')).toBe('Encore 120 points pour Or');
  },
};

/** French product mode: "Gagnez 1 500 points". */
export const FrenchProduct: Story = {
  args: { price: '1500', lang: 'fr' },
  render: (args) => productCard(args, '1 500,00 €'),
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'label')).toBe('Gagnez 1 500 points');
  },
};

/** On a dark page with the shared `--vitrine-color-*` tokens (the dark background sets them). */
export const Dark: Story = {
  args: { price: '', points: '700', tiers: TIERS, open: true },
  globals: { backgrounds: { value: 'dark' } },
  render: (args) => html`<div style="padding: 1rem 0 14rem">${badge(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await placed(el);
    await expect(getComputedStyle(partOf(el, 'tier')!).backgroundColor).toBe('rgb(251, 191, 36)');
    await expect(getComputedStyle(partOf(el, 'popover')!).backgroundColor).toBe('rgb(31, 41, 55)');
  },
};

/** Every value from Liquid: a theme renders the attributes, any loyalty vendor or none. */
export const FromLiquid: Story = {
  args: { price: '', points: '1380', tiers: TIERS, tier: 'Silver', currency: 'EUR', rate: '1' },
  render: (args): TemplateResult => html`
    <pre style="font-size: 12px; white-space: pre-wrap; margin: 0 0 1rem">
&lt;vitrine-loyalty-badge
  points="{{ customer.metafields.loyalty.points }}"
  tier="{{ customer.metafields.loyalty.tier }}"
  tiers="{{ shop.metafields.loyalty.tiers }}"&gt;&lt;/vitrine-loyalty-badge&gt;</pre>
    <div style="padding-bottom: 14rem">${badge(args)}</div>
  `,
};

/**
 * Right to left (`dir="rtl"` on the page, an ancestor or the tag), with the merchant's Arabic
 * tier names: the star at the badge's right, the popover opening from the badge's right edge,
 * each tier's threshold at the left end of its row.
 */
export const RightToLeft: Story = {
  args: { price: '', points: '1380', tiers: 'برونزي:0, فضي:500, ذهبي:1500', open: true },
  render: (args) => html`<div dir="rtl" lang="ar" style="padding: 1rem 1rem 16rem">${badge(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = badgeIn(canvasElement);
    await el.updateComplete;
    const box = await placed(el);
    const badgeBox = partOf(el, 'base')!.getBoundingClientRect();
    await expect(box.right).toBeCloseTo(badgeBox.right, 0);
    const icon = partOf(el, 'icon')!.getBoundingClientRect();
    await expect(icon.left).toBeGreaterThan(badgeBox.left + badgeBox.width / 2);
  },
};
