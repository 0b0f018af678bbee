import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { getBus, loadCoupon, loadTargeting } from '@vitrine/core';
import '@vitrine/sticky-bar/define';
import '@vitrine/countdown/define';
import { commonArgTypes, targeting, type TargetingArgs } from './common.ts';

type Bar = HTMLElementTagNameMap['vitrine-sticky-bar'];

/** The story's controls: one per attribute, by its attribute name (the properties are listed, without controls). */
interface Args extends TargetingArgs {
  position: 'top' | 'bottom';
  push: boolean;
  rotate: string;
  dismissible: boolean;
  'dismiss-for': string;
  'hide-on-end': boolean;
  'show-coupon': boolean;
  campaign: string;
  start: string;
  end: string;
  timezone: string;
  lang: string;
  variant: string;
  preview: boolean;
  /** Listed in the docs table only (no control): set from code. */
  dismissFor?: string;
  hideOnEnd?: boolean;
  showCoupon?: boolean;
}

const SHIPPING = html`<p>Free shipping on orders over 50 €</p>`;
const ROTATING = html`
  <p>Free shipping on orders over 50 €</p>
  <a href="#sale">Black Friday: up to -40 % on the whole shop</a>
  <p>Free returns for 30 days</p>
`;
/** Two days from when the story renders: the countdown always has time left. */
const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000 + 9_000_000).toISOString();

/** Every attribute from the controls; empty text controls leave the attribute out. */
const bar = (args: Args, messages: TemplateResult) => html`
  <vitrine-sticky-bar
    position=${args.position}
    ?push=${args.push}
    rotate=${ifDefined(args.rotate || undefined)}
    ?dismissible=${args.dismissible}
    dismiss-for=${ifDefined(args['dismiss-for'] || undefined)}
    ?hide-on-end=${args['hide-on-end']}
    ?show-coupon=${args['show-coupon']}
    campaign=${ifDefined(args.campaign || undefined)}
    start=${ifDefined(args.start || undefined)}
    end=${ifDefined(args.end || undefined)}
    timezone=${ifDefined(args.timezone || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    variant=${ifDefined(args.variant || undefined)}
    ?preview=${args.preview}
    ${targeting(args)}
    >${messages}</vitrine-sticky-bar
  >
`;

const PAGE = html`<div class="page">
  <h2>Storefront</h2>
  <p>The page's own content. As an overlay the bar covers the edge of the page; with push it has its own room.</p>
  <p>Scroll, resize, switch the controls: the content does not move after the first paint.</p>
</div>`;

/**
 * A frame that stands for the window: `transform` makes it the containing block of the
 * bar's `position: fixed`, so every story of the docs page keeps its bar in its own frame.
 * A bottom bar with push goes last, where its room belongs.
 */
const frame = (args: Args, messages: TemplateResult = SHIPPING) => html`
  <style>
    .frame {
      position: relative;
      transform: translateZ(0);
      min-block-size: 14rem;
      overflow: auto;
      border: 1px dashed #9ca3af;
      font:
        16px/1.5 system-ui,
        sans-serif;
    }
    .page {
      padding: 0.5rem 1rem;
    }
    .page h2 {
      margin: 0.5rem 0;
    }
  </style>
  <div class="frame">
    ${args.position === 'bottom' ? html`${PAGE}${bar(args, messages)}` : html`${bar(args, messages)}${PAGE}`}
  </div>
`;

const barIn = (canvas: HTMLElement) => canvas.querySelector<Bar>('vitrine-sticky-bar')!;
const partOf = (el: Bar, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

const meta = {
  title: 'Widgets/Sticky bar',
  component: 'vitrine-sticky-bar',
  // The code block (copy button) is a chunk a page fetches when a code is about to show; a story
  // shows its code at once, so it is here before the story renders.
  loaders: [async () => void (await loadCoupon())],
  render: (args) => frame(args),
  args: {
    position: 'top',
    push: false,
    rotate: '',
    dismissible: false,
    'dismiss-for': '',
    'hide-on-end': false,
    'show-coupon': false,
    campaign: 'story-bar',
    start: '',
    end: '',
    timezone: '',
    lang: '',
    variant: '',
    preview: true,
  },
  argTypes: {
    position: { control: 'inline-radio', options: ['top', 'bottom'], description: 'Edge of the window.' },
    push: { control: 'boolean', description: 'Reserve the bar’s room in the page instead of covering its edge.' },
    rotate: { control: 'text', description: 'Time per message when there are several (`5s` when empty).' },
    dismissible: { control: 'boolean', description: 'Show a close button.' },
    'dismiss-for': {
      control: 'text',
      description: 'How long a closed bar stays closed (`7d` when empty, or `session`).',
    },
    'hide-on-end': { control: 'boolean', description: 'Hide when a countdown inside ends.' },
    'show-coupon': { control: 'boolean', description: 'Show the `coupon` topic’s code with a copy button.' },
    ...commonArgTypes(
      'Designer mode (on in these stories): schedule and stored dismissal ignored, nothing stored or sent.',
    ),
    // Properties a page sets from code; their attributes above are the controls.
    dismissFor: { control: false, table: { category: 'properties' } },
    hideOnEnd: { control: false, table: { category: 'properties' } },
    showCoupon: { control: false, table: { category: 'properties' } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const OneMessage: Story = {
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    await expect(partOf(el, 'base')).not.toBeNull();
    await expect(partOf(el, 'pause-button')).toBeNull();
  },
};

export const Rotating: Story = {
  args: { campaign: 'story-rotating', rotate: '4s' },
  render: (args) => frame(args, ROTATING),
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    const pause = partOf(el, 'pause-button')!;
    await expect(pause.getAttribute('aria-pressed')).toBe('false');
    pause.click();
    await el.updateComplete;
    await expect(partOf(el, 'pause-button')!.getAttribute('aria-pressed')).toBe('true');
    partOf(el, 'next-button')!.click();
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelector('slot')!.assignedNodes()[0].textContent).toContain('Black Friday');
  },
};

export const WithCountdown: Story = {
  args: { campaign: 'story-countdown', 'hide-on-end': true },
  render: (args) =>
    frame(
      args,
      html`<p>
        Black Friday ends in
        <vitrine-countdown layout="inline" campaign="story-countdown" deadline=${inTwoDays()}></vitrine-countdown>
      </p>`,
    ),
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    await expect(el.querySelector('vitrine-countdown')).not.toBeNull();
    await expect(partOf(el, 'base')).not.toBeNull();
  },
};

/** `hide-on-end`: the countdown inside has ended (here, long ago), so the bar is gone and the page shows alone. */
export const EndedCountdown: Story = {
  args: { campaign: 'story-ended', 'hide-on-end': true },
  render: (args) =>
    frame(
      args,
      html`<p>
        Black Friday ends in
        <vitrine-countdown layout="inline" campaign="story-ended" deadline="2020-01-01T00:00:00Z"></vitrine-countdown>
      </p>`,
    ),
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await waitFor(() => expect(partOf(el, 'base')).toBeNull());
    await expect(el.querySelector('vitrine-countdown')!.hasAttribute('expired')).toBe(true);
  },
};

/**
 * Targeting: `pages="/products/*"` leaves this page out. In preview (above) the designer still sees
 * the bar; without preview (below) a shopper on this page sees nothing — and `debugState()` says why.
 */
export const HiddenByTargeting: Story = {
  args: { campaign: 'story-targeted', pages: '/products/*' },
  render: (args) => html`
    <p>preview</p>
    ${frame({ ...args, preview: true })}
    <p>as a shopper on this page</p>
    ${frame({ ...args, campaign: 'story-targeted-live', preview: false })}
  `,
  play: async ({ canvasElement }) => {
    const [preview, live] = [...canvasElement.querySelectorAll<Bar>('vitrine-sticky-bar')];
    // The rules arrive in their own chunk; the live bar shows nothing meanwhile.
    await loadTargeting();
    await Promise.all([preview.updateComplete, live.updateComplete]);
    await expect(partOf(preview, 'base')).not.toBeNull();
    await expect(partOf(live, 'base')).toBeNull();
    await expect(live.debugState()).toMatchObject({ shown: false, code: 'targeting' });
    await expect(preview.debugState().note).toMatch(
      /^preview: shown to the designer; targeting: pages="\/products\/\*"/,
    );
  },
};

export const Dismissible: Story = {
  args: { campaign: 'story-dismissible', dismissible: true },
};

/** In preview the close is remembered in memory only: reload the story to see the bar again. */
export const Dismissed: Story = {
  args: { campaign: 'story-dismissed', dismissible: true },
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    partOf(el, 'close-button')!.click();
    await el.updateComplete;
    await expect(partOf(el, 'base')).toBeNull();
  },
};

/** A code won in a pop-up or a wheel is published on the bus `coupon` topic; the bar shows it. */
export const CouponShown: Story = {
  args: { campaign: 'story-coupon', 'show-coupon': true },
  beforeEach: () => {
    getBus().publish('coupon', { code: 'WELCOME10', campaign: 'story-popup', label: '-10 % on your first order' });
  },
  render: (args) => frame(args, html`<p>Your welcome code is ready</p>`),
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    await expect((partOf(el, 'coupon-code') as HTMLInputElement).value).toBe('WELCOME10');
    await expect(partOf(el, 'copy-button')).not.toBeNull();
  },
};

export const Top: Story = {
  args: { campaign: 'story-top', position: 'top' },
};

export const Bottom: Story = {
  args: { campaign: 'story-bottom', position: 'bottom' },
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    const frameBox = canvasElement.querySelector('.frame')!.getBoundingClientRect();
    await expect(Math.round(partOf(el, 'base')!.getBoundingClientRect().bottom)).toBe(Math.round(frameBox.bottom - 1));
  },
};

/** `push`: the page starts below the bar; before the code arrives the loader's `:not(:defined)` rule holds the same room. */
export const Push: Story = {
  args: { campaign: 'story-push', push: true },
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    const bar = partOf(el, 'base')!.getBoundingClientRect();
    const pageTop = canvasElement.querySelector('.page')!.getBoundingClientRect().top;
    await expect(Math.round(pageTop)).toBe(Math.round(bar.bottom));
  },
};

export const French: Story = {
  args: { campaign: 'story-fr', lang: 'fr', dismissible: true },
  render: (args) =>
    frame(
      args,
      html`<p>Livraison offerte dès 50 € d’achat</p>
        <a href="#soldes">Black Friday : jusqu’à -40 % sur toute la boutique</a>`,
    ),
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    await expect(partOf(el, 'close-button')!.getAttribute('aria-label')).toBe('Fermer le bandeau d’annonces');
  },
};

/** On a dark page the default bar keeps a faint edge line; its colours are custom properties. */
export const Dark: Story = {
  args: { campaign: 'story-dark', dismissible: true },
  globals: { backgrounds: { value: 'dark' } },
  render: (args) => html`<div style="color: #f9fafb">${frame(args, ROTATING)}</div>`,
};

/**
 * With `prefers-reduced-motion: reduce` (emulated here), nothing rotates or fades: the first
 * message shows, previous and next reach the others, and there is no pause button since
 * nothing moves.
 */
export const ReducedMotion: Story = {
  args: { campaign: 'story-reduced' },
  beforeEach: () => {
    const original = window.matchMedia.bind(window);
    window.matchMedia = (query: string) => {
      if (!query.includes('prefers-reduced-motion: reduce')) return original(query);
      const reduced = new EventTarget() as MediaQueryList;
      return Object.defineProperties(reduced, { matches: { value: true }, media: { value: query } });
    };
    return () => {
      window.matchMedia = original;
    };
  },
  render: (args) => frame(args, ROTATING),
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    await expect(partOf(el, 'pause-button')).toBeNull();
    await expect(partOf(el, 'next-button')).not.toBeNull();
  },
};

/**
 * Right to left (`dir="rtl"` on the page, an ancestor or the tag), with the merchant's Arabic
 * messages: "previous" on the right and "next" on the left, both chevrons turned to match (on
 * them, ArrowLeft shows the next message), the close button on the left.
 */
export const RightToLeft: Story = {
  args: { campaign: 'story-rtl', dismissible: true },
  render: (args) =>
    html`<div dir="rtl" lang="ar">
      ${frame(
        args,
        html`<p>شحن مجاني للطلبات فوق 200 ر.س</p>
          <a href="#sale">الجمعة البيضاء: خصم حتى 40٪ على كل المتجر</a>
          <p>إرجاع مجاني خلال 30 يوماً</p>`,
      )}
    </div>`,
  play: async ({ canvasElement }) => {
    const el = barIn(canvasElement);
    await el.updateComplete;
    const left = (name: string) => partOf(el, name)!.getBoundingClientRect().left;
    await expect(left('next-button')).toBeLessThan(left('message'));
    await expect(left('previous-button')).toBeGreaterThan(left('message'));
    await expect(left('close-button')).toBeLessThan(left('next-button'));
  },
};
