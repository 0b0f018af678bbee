import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { getBus } from '@vitrine/core';
import '@vitrine/shipping-progress/define';
import { commonArgTypes, targeting } from './common.ts';

type Progress = HTMLElementTagNameMap['vitrine-shipping-progress'];

/** The story's controls: one per attribute, by its attribute name (the properties are listed, without controls). */
interface Args {
  threshold: string;
  currency: string;
  thresholds: string;
  'cart-source': '' | 'attribute' | 'bus' | 'shopify';
  total: string;
  message: string;
  'reached-message': string;
  campaign: string;
  start: string;
  end: string;
  timezone: string;
  lang: string;
  variant: string;
  preview: boolean;
  /** Listed in the docs table only (no control): set from code. */
  cartSource?: string;
  reachedMessage?: string;
}

/** Every attribute from the controls; empty text controls leave the attribute out. */
const progress = (args: Args, goals: TemplateResult | typeof nothing = nothing) => html`
  <vitrine-shipping-progress
    threshold=${ifDefined(args.threshold || undefined)}
    currency=${ifDefined(args.currency || undefined)}
    thresholds=${ifDefined(args.thresholds || undefined)}
    cart-source=${ifDefined(args['cart-source'] || undefined)}
    total=${ifDefined(args.total || undefined)}
    message=${ifDefined(args.message || undefined)}
    reached-message=${ifDefined(args['reached-message'] || undefined)}
    campaign=${ifDefined(args.campaign || undefined)}
    start=${ifDefined(args.start || undefined)}
    end=${ifDefined(args.end || undefined)}
    timezone=${ifDefined(args.timezone || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    variant=${ifDefined(args.variant || undefined)}
    ?preview=${args.preview}
    ${targeting(args)}
    >${goals}</vitrine-shipping-progress
  >
`;

/** A cart drawer's width: the widget is a block that takes the width it is given. */
const frame = (content: TemplateResult) => html`
  <style>
    .drawer {
      max-inline-size: 26rem;
      padding: 1rem;
      border: 1px dashed #9ca3af;
      font:
        16px/1.5 system-ui,
        sans-serif;
    }
  </style>
  <div class="drawer">${content}</div>
`;

const progressIn = (canvas: HTMLElement) => canvas.querySelector<Progress>('vitrine-shipping-progress')!;
const partOf = (el: Progress, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** Intl puts (narrow) no-break spaces in amounts: compare with plain spaces. */
const textOf = (el: Progress, name: string) =>
  (partOf(el, name)?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
const fillOf = (el: Progress) => Number(partOf(el, 'bar')!.style.getPropertyValue('--_fill'));

const GOALS = html`
  <vitrine-goal amount="100" label="a free candle"></vitrine-goal>
  <vitrine-goal amount="150" label="a gift box"></vitrine-goal>
`;

const meta = {
  title: 'Widgets/Free-shipping progress',
  component: 'vitrine-shipping-progress',
  render: (args) => frame(progress(args)),
  args: {
    threshold: '60',
    currency: 'EUR',
    thresholds: '',
    'cart-source': 'attribute',
    total: '42.50',
    message: '',
    'reached-message': '',
    campaign: 'story-shipping',
    start: '',
    end: '',
    timezone: '',
    lang: '',
    variant: '',
    preview: true,
  },
  argTypes: {
    threshold: { control: 'text', description: 'Free shipping from this amount, in major units of `currency`.' },
    currency: { control: 'text', description: 'ISO 4217 code of the amounts (the shop’s currency; `EUR` when empty).' },
    thresholds: {
      control: 'text',
      description: 'Per-currency thresholds, `EUR:60, USD:70` (win over converting `threshold`).',
    },
    'cart-source': {
      control: 'inline-radio',
      options: ['', 'attribute', 'bus', 'shopify'],
      description:
        'Where the cart comes from (these stories use `attribute` or `bus`, so they need no shop; empty: the default).',
    },
    total: { control: 'text', description: 'The cart total in major units (`attribute` source).' },
    message: {
      control: 'text',
      description:
        'Text before the goal; `{remaining}`, `{goal}`, `{amount}`, `{total}` (built-in text in the page’s language when empty).',
    },
    'reached-message': { control: 'text', description: 'Text once every goal is reached (built-in when empty).' },
    ...commonArgTypes(
      'Designer mode (on in these stories): schedule ignored, goals remembered in memory only, nothing sent.',
    ),
    // Properties a page sets from code; their attributes above are the controls.
    cartSource: { control: false, table: { category: 'properties' } },
    reachedMessage: { control: false, table: { category: 'properties' } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const EmptyCart: Story = {
  args: { total: '0', campaign: 'story-empty' },
  play: async ({ canvasElement }) => {
    const el = progressIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'message')).toBe('You are €60.00 away from free shipping');
    await expect(fillOf(el)).toBe(0);
  },
};

export const Partway: Story = {
  args: { campaign: 'story-partway' },
  play: async ({ canvasElement }) => {
    const el = progressIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'message')).toBe('You are €17.50 away from free shipping');
    await expect(partOf(el, 'track')!.getAttribute('aria-valuenow')).toBe('42.5');
  },
};

export const GoalReached: Story = {
  args: { total: '64.90', campaign: 'story-reached' },
  play: async ({ canvasElement }) => {
    const el = progressIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'message')).toBe('You have unlocked free shipping!');
    await expect(el.hasAttribute('reached')).toBe(true);
  },
};

/** Rich content once every goal is reached, through the `reached` slot; an icon through `icon`. */
export const ReachedWithSlots: Story = {
  args: { total: '80', campaign: 'story-slots' },
  render: (args) =>
    frame(
      progress(
        args,
        html`<span slot="icon" aria-hidden="true">🚚</span
          ><span slot="reached">Free shipping is yours — <a href="#checkout">check out now</a></span>`,
      ),
    ),
};

export const SeveralGoals: Story = {
  args: { total: '112', campaign: 'story-goals' },
  render: (args) => frame(progress(args, GOALS)),
  play: async ({ canvasElement }) => {
    const el = progressIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'message')).toBe('You are €38.00 away from a gift box');
    await expect(partOf(el, 'track')!.getAttribute('aria-valuemax')).toBe('150');
  },
};

/** A cart in US dollars (published on the bus by the shop's code): `thresholds` has a USD amount. */
export const MultiCurrencyThresholds: Story = {
  args: { 'cart-source': 'bus', total: '', thresholds: 'EUR:60, USD:70, GBP:50', campaign: 'story-usd' },
  beforeEach: () => {
    getBus().publish('cart', { total: 48, currency: 'USD', itemCount: 2 });
  },
  play: async ({ canvasElement }) => {
    const el = progressIn(canvasElement);
    await waitFor(() => expect(textOf(el, 'message')).toBe('You are $22.00 away from free shipping'));
  },
};

/** Shopify multi-currency: the EUR threshold converted with `Shopify.currency.rate` for a cart in CAD. */
export const MultiCurrencyRate: Story = {
  args: { 'cart-source': 'bus', total: '', campaign: 'story-cad' },
  beforeEach: () => {
    const holder = globalThis as { Shopify?: unknown };
    const previous = holder.Shopify;
    holder.Shopify = { currency: { active: 'CAD', rate: '1.5' } };
    getBus().publish('cart', { total: 45, currency: 'CAD', itemCount: 1 });
    return () => {
      holder.Shopify = previous;
    };
  },
  play: async ({ canvasElement }) => {
    const el = progressIn(canvasElement);
    await waitFor(() => expect(partOf(el, 'track')!.getAttribute('aria-valuemax')).toBe('90'));
    await expect(textOf(el, 'message')).toBe('You are CA$45.00 away from free shipping');
  },
};

export const French: Story = {
  args: { lang: 'fr', campaign: 'story-fr' },
  render: (args) => frame(progress(args, GOALS)),
  play: async ({ canvasElement }) => {
    const el = progressIn(canvasElement);
    await el.updateComplete;
    await expect(textOf(el, 'message')).toBe('Plus que 17,50 € pour la livraison gratuite');
  },
};

export const English: Story = {
  args: { lang: 'en', campaign: 'story-en' },
};

export const CustomMessages: Story = {
  args: {
    campaign: 'story-custom',
    message: 'Add {remaining} more for {goal} — {total} so far',
    'reached-message': 'Nice: {goal} on this order!',
  },
};

/** On a dark page the default bar takes the text colour (or the accent the page sets). */
export const Dark: Story = {
  args: { campaign: 'story-dark' },
  globals: { backgrounds: { value: 'dark' } },
  render: (args) => frame(progress(args, GOALS)),
};

/**
 * Right to left (`dir="rtl"` on the page, an ancestor or the tag), with the merchant's Hebrew
 * messages: the message starts on the right and the fill grows from the right edge of the track.
 */
export const RightToLeft: Story = {
  args: {
    campaign: 'story-rtl',
    threshold: '200',
    currency: 'ILS',
    total: '120',
    message: 'עוד {remaining} למשלוח חינם',
    'reached-message': 'יש לכם משלוח חינם!',
  },
  render: (args) => html`<div dir="rtl" lang="he">${frame(progress(args))}</div>`,
  play: async ({ canvasElement }) => {
    const el = progressIn(canvasElement);
    await el.updateComplete;
    await expect(partOf(el, 'track')!.getAttribute('aria-valuenow')).toBe('120');
    await expect(textOf(el, 'message')).toMatch(/^עוד .*80.* למשלוח חינם$/);
    const track = partOf(el, 'track')!.getBoundingClientRect();
    await waitFor(() => expect(partOf(el, 'bar')!.getBoundingClientRect().right).toBeCloseTo(track.right, 0));
    await waitFor(() => expect(partOf(el, 'bar')!.getBoundingClientRect().width).toBeCloseTo(track.width * 0.6, 0));
  },
};
