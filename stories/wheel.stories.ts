/**
 * <vitrine-wheel>: every state a shopper can meet, with a control for every attribute and the
 * segments as an editable list. Every story is in `preview` (nothing stored, nothing sent, the
 * page draws even with an `endpoint`), except "Endpoint failure", which shows the real failure
 * path against a stubbed `fetch` that never reaches the network (and a failed draw stores nothing).
 * The play functions end a spin at once (`finish()` on its animation) where they need its result.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadCoupon } from '@vitrine/core';
import { WHEEL_MODES } from '@vitrine/wheel';
import '@vitrine/wheel/define';
import { commonArgTypes, leadArgTypes, popupArgTypes, targeting, type LeadDestinationArgs } from './common.ts';

type Wheel = HTMLElementTagNameMap['vitrine-wheel'];

interface Segment {
  label?: string;
  code?: string;
  weight?: string | number;
  color?: string;
}

/** The story's controls: one per attribute (by its attribute name), plus the segments. */
interface WheelArgs extends LeadDestinationArgs {
  segments: Segment[];
  mode?: string;
  heading?: string;
  spins?: string;
  duration?: string;
  endpoint?: string;
  capture?: boolean;
  'consent-text'?: string;
  consent?: string;
  action?: string;
  apply?: boolean;
  'hide-odds'?: boolean;
  'rules-href'?: string;
  trigger?: string;
  'min-time'?: string;
  'dismiss-for'?: string;
  'after-overlay'?: string;
  open?: boolean;
  campaign?: string;
  start?: string;
  end?: string;
  timezone?: string;
  lang?: string;
  variant?: string;
  preview?: boolean;
  /** Listed in the docs table only (no control): the properties of the attributes above, set from code. */
  consentText?: string;
  hideOdds?: boolean;
  rulesHref?: string;
  minTime?: string;
  dismissFor?: string;
  afterOverlay?: string;
}

/** Empty controls leave the attribute out, as a merchant who did not write it. */
const attr = (value: string | number | undefined) =>
  ifDefined(value === undefined || value === '' ? undefined : String(value));

const render = (args: WheelArgs) =>
  html`<vitrine-wheel
    mode=${attr(args.mode)}
    heading=${attr(args.heading)}
    spins=${attr(args.spins)}
    duration=${attr(args.duration)}
    endpoint=${attr(args.endpoint)}
    ?capture=${args.capture}
    consent-text=${attr(args['consent-text'])}
    consent=${attr(args.consent)}
    action=${attr(args.action)}
    public-key=${attr(args['public-key'])}
    list=${attr(args.list)}
    form-url=${attr(args['form-url'])}
    ?double-opt-in=${args['double-opt-in']}
    code-endpoint=${attr(args['code-endpoint'])}
    reveal=${attr(args.reveal)}
    ?apply=${args.apply}
    ?hide-odds=${args['hide-odds']}
    rules-href=${attr(args['rules-href'])}
    trigger=${attr(args.trigger)}
    min-time=${attr(args['min-time'])}
    dismiss-for=${attr(args['dismiss-for'])}
    after-overlay=${attr(args['after-overlay'])}
    ?open=${args.open}
    campaign=${attr(args.campaign)}
    start=${attr(args.start)}
    end=${attr(args.end)}
    timezone=${attr(args.timezone)}
    lang=${attr(args.lang)}
    variant=${attr(args.variant)}
    ?preview=${args.preview}
    ${targeting(args)}
    >${args.segments.map(
      (segment) =>
        html`<vitrine-wheel-segment
          label=${attr(segment.label)}
          code=${attr(segment.code)}
          weight=${attr(segment.weight)}
          color=${attr(segment.color)}
        ></vitrine-wheel-segment>`,
    )}</vitrine-wheel
  >`;

const PRIZES: Segment[] = [
  { label: '-10 %', code: 'WELCOME10', weight: 3 },
  { label: 'Try again', weight: 4 },
  { label: 'Free shipping', code: 'SHIPFREE', weight: 2 },
  { label: 'So close', weight: 3 },
  { label: '-20 %', code: 'WELCOME20', weight: 1 },
  { label: 'Next time', weight: 3 },
];
const ALL_WIN: Segment[] = [
  { label: '-10 %', code: 'WELCOME10' },
  { label: 'Free shipping', code: 'SHIPFREE' },
  { label: '-15 %', code: 'WELCOME15' },
];
const ALL_LOSE: Segment[] = [{ label: 'Try again' }, { label: 'So close' }, { label: 'Next time' }];

/** The wheel of a story, once rendered; with `open`, once its pop-up is shown. */
async function wheelIn(canvasElement: HTMLElement, { open = false } = {}): Promise<Wheel> {
  const el = canvasElement.querySelector('vitrine-wheel');
  if (!el) throw new Error('no <vitrine-wheel> in the story');
  await el.updateComplete;
  if (open) await waitFor(() => expect(el.shadowRoot!.querySelector('dialog')!.matches(':modal')).toBe(true));
  return el;
}

const part = (el: Wheel, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Presses the spin button and ends the spin at once. */
async function spinToTheEnd(el: Wheel): Promise<void> {
  await userEvent.click(part(el, 'spin-button')!);
  await waitFor(() => expect(el.shadowRoot!.getAnimations().length).toBeGreaterThan(0));
  for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
  await waitFor(() => expect(el.state).not.toBe('spinning'));
}

const meta = {
  title: 'Widgets/Wheel of fortune',
  component: 'vitrine-wheel',
  // The code block (copy button) is a chunk a page fetches when a code is about to show; a story
  // shows its code at once, so it is here before the story renders.
  loaders: [async () => void (await loadCoupon())],
  render,
  args: {
    segments: PRIZES,
    heading: 'Spin to win!',
    'rules-href': 'https://example.com/pages/contest-rules',
    campaign: 'storybook-wheel',
    preview: true,
  },
  parameters: {
    // The pop-up stories cover their page: on the docs page each story keeps to its own frame.
    docs: { story: { inline: false, iframeHeight: 620 } },
  },
  argTypes: {
    segments: {
      control: 'object',
      description:
        'The `<vitrine-wheel-segment label code weight color>` children, one per slice: no `code` is a losing slice; `weight` (default 1) sets the odds; `color` any CSS colour.',
      table: { category: 'segments' },
    },
    mode: {
      control: 'select',
      options: ['', ...WHEEL_MODES],
      description: '`inline` (default): a card in the page; `popup`: a modal that opens on `trigger`.',
      table: { category: 'display' },
    },
    heading: {
      control: 'text',
      description: 'A title over the wheel; it names the pop-up.',
      table: { category: 'display' },
    },
    'hide-odds': {
      control: 'boolean',
      description: 'Removes the "Chances of winning" list (shown by default).',
      table: { category: 'display' },
    },
    'rules-href': {
      control: 'text',
      description: 'The contest rules: an http(s) URL, linked under the wheel (`javascript:` is refused).',
      table: { category: 'display' },
    },
    spins: {
      control: 'text',
      description: 'Tries per visitor and campaign (default `1`), remembered; a win ends them.',
      table: { category: 'game' },
    },
    duration: {
      control: 'text',
      description: 'How long the wheel turns (default `4s`, at most `30s`); instant with reduced motion.',
      table: { category: 'game' },
    },
    endpoint: {
      control: 'text',
      description:
        'The server draws: POST `{ campaign, email }` → `{ segment, code }`. Not called in `preview` (the page draws).',
      table: { category: 'game' },
    },
    apply: {
      control: 'boolean',
      description: 'After a win, a link applies the code to the Shopify cart (`/discount/CODE`) when clicked.',
      table: { category: 'game' },
    },
    ...leadArgTypes('Takes the email (and the consent) before the spin.'),
    ...popupArgTypes('pop-up', 'Pop-up mode: '),
    ...commonArgTypes('Designer mode: ignores start/end and stored spins, stores and sends nothing.'),
    // Properties a page sets from code; their attributes above are the controls.
    hideOdds: { control: false, table: { category: 'properties' } },
    rulesHref: { control: false, table: { category: 'properties' } },
  },
} satisfies Meta<WheelArgs>;

export default meta;
type Story = StoryObj<WheelArgs>;

/** In the page: a card of a fixed shape (reserved before the code arrives), the odds under the wheel. */
export const Inline: Story = {
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('.slice')).toHaveLength(6);
    await expect(part(el, 'spin-button')!.textContent.trim()).toBe('Spin the wheel');
    await expect(part(el, 'no-purchase')!.textContent).toBe('No purchase necessary.');
    await userEvent.click(part(el, 'odds-button')!);
    await expect((part(el, 'odds') as HTMLDetailsElement).open).toBe(true);
    await expect(part(el, 'odds')!.querySelector('li')!.textContent).toBe('-10 %18.8%');
  },
};

/** In a pop-up, opened from code (on a page: on its `trigger`, as the exit pop-up). */
export const Popup: Story = {
  args: { mode: 'popup', open: true },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement, { open: true });
    await expect(el.shadowRoot!.querySelector('dialog')!.getAttribute('aria-labelledby')).toBe('heading');
    await expect(part(el, 'close-button')!.getAttribute('aria-label')).toBe('Close');
  },
};

/** The email (and consent) first: the form's button spins the wheel once the email is taken. */
export const WithCapture: Story = {
  args: { capture: true, 'consent-text': 'Yes, send me offers by email. I can unsubscribe at any time.' },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await expect(part(el, 'spin-button')).toBeNull();
    await expect(part(el, 'submit')!.textContent.trim()).toBe('Spin the wheel');
    await userEvent.type(part(el, 'email-input')!, 'ada@example.com');
    await userEvent.click(el.shadowRoot!.querySelector('input[name="consent"]')!);
    await userEvent.click(part(el, 'submit')!);
    await waitFor(() => expect(el.state).toBe('spinning'));
    for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
    await waitFor(() => expect(el.state).not.toBe('spinning'));
  },
};

/** While it turns: one transform animation, the button busy, the live region says so. */
export const Spinning: Story = {
  args: { duration: '30s' },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await userEvent.click(part(el, 'spin-button')!);
    await waitFor(() => expect(el.state).toBe('spinning'));
    await expect(el.shadowRoot!.getAnimations()).toHaveLength(1);
    await expect(part(el, 'spin-button')!.getAttribute('aria-disabled')).toBe('true');
    await expect(part(el, 'message')!.textContent.trim()).toBe('Spinning…');
  },
};

/** A win (every slice wins here): the result announced, the code with its copy button and the cart link. */
export const Won: Story = {
  args: { segments: ALL_WIN, apply: true },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await spinToTheEnd(el);
    await expect(el.state).toBe('won');
    await expect(part(el, 'message')!.textContent.trim()).toMatch(/^You won: .+!$/);
    await expect(part(el, 'coupon-code')).not.toBeNull();
    await expect(part(el, 'apply-link')!.getAttribute('href')).toMatch(
      /^\/discount\/WELCOME(10|15)|^\/discount\/SHIPFREE/,
    );
  },
};

/** A loss with a spin left (every slice loses here): announced, and the button offers another go. */
export const Lost: Story = {
  args: { segments: ALL_LOSE, spins: '2' },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await spinToTheEnd(el);
    await expect(el.state).toBe('lost');
    await expect(part(el, 'message')!.textContent.trim()).toMatch(/^The wheel stopped on “.+”\. No prize this time\.$/);
    await expect(part(el, 'spin-button')!.textContent.trim()).toBe('Spin again (1 left)');
  },
};

/** The last spin used: the button says so (and the pop-up would not open again for this visitor). */
export const NoSpinsLeft: Story = {
  args: { segments: ALL_LOSE, spins: '1' },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await spinToTheEnd(el);
    await expect(el.spinsLeft).toBe(0);
    await expect(part(el, 'spin-button')!.textContent.trim()).toBe('No spins left');
    await expect(part(el, 'spin-button')!.getAttribute('aria-disabled')).toBe('true');
  },
};

/**
 * The merchant's `endpoint` does not answer: a clear message, the spin is not used up, the shopper may try
 * again. Not in preview (preview never calls the endpoint): `fetch` is stubbed for this story, so nothing
 * leaves the page, and a failed draw stores nothing.
 */
export const EndpointFailure: Story = {
  args: { preview: false, endpoint: '/apps/wheel/spin', campaign: 'storybook-wheel-endpoint-failure' },
  beforeEach: () => {
    const realFetch = window.fetch.bind(window);
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch (stubbed by the story)'));
    const realWarn = console.warn.bind(console);
    console.warn = () => {};
    return () => {
      window.fetch = realFetch;
      console.warn = realWarn;
    };
  },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await userEvent.click(part(el, 'spin-button')!);
    await waitFor(() => expect(el.state).toBe('failed'));
    await expect(part(el, 'message')!.textContent.trim()).toBe(
      'The wheel is unavailable. Please try again in a moment.',
    );
    await expect(el.spinsLeft).toBe(1);
    await expect(Object.keys(localStorage).filter((key) => key.includes('storybook-wheel-endpoint-failure'))).toEqual(
      [],
    );
  },
};

/**
 * With `prefers-reduced-motion: reduce` (turn it on in your system to see it), the wheel does not turn: the
 * result comes at once. Here the preference is simulated for this story.
 */
export const ReducedMotion: Story = {
  beforeEach: () => {
    const realMatchMedia = window.matchMedia.bind(window);
    window.matchMedia = (query: string) =>
      query.includes('prefers-reduced-motion')
        ? ({
            matches: true,
            media: query,
            addEventListener() {},
            removeEventListener() {},
          } as unknown as MediaQueryList)
        : realMatchMedia(query);
    return () => {
      window.matchMedia = realMatchMedia;
    };
  },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await userEvent.click(part(el, 'spin-button')!);
    await waitFor(() => expect(el.state).not.toBe('spinning'));
    await expect(el.shadowRoot!.getAnimations()).toHaveLength(0);
  },
};

/** French, from the language toolbar (a `lang` on the wrapper). */
export const French: Story = {
  args: {
    heading: 'Tentez votre chance !',
    segments: [
      { label: '-10 %', code: 'BIENVENUE10', weight: 3 },
      { label: 'Perdu', weight: 4 },
      { label: 'Livraison offerte', code: 'LIVRAISON', weight: 2 },
      { label: 'Presque !', weight: 3 },
    ],
  },
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await expect(part(el, 'spin-button')!.textContent.trim()).toBe('Tourner la roue');
    await expect(part(el, 'odds-button')!.textContent.trim()).toBe('Chances de gagner');
    await expect(part(el, 'rules-link')!.textContent).toBe('Règlement du jeu');
    await expect(part(el, 'no-purchase')!.textContent).toBe('Sans obligation d’achat.');
  },
};

/** English, whatever the toolbar says (`lang="en"`). */
export const English: Story = {
  args: { lang: 'en' },
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await expect(part(el, 'spin-button')!.textContent.trim()).toBe('Spin the wheel');
  },
};

/** Twelve slices: labels shrink to fit, long ones on two lines; neighbours never share a colour. */
export const TwelveSegments: Story = {
  args: {
    segments: [
      { label: '-5 %', code: 'FIVE', weight: 4 },
      { label: 'Try again', weight: 6 },
      { label: '-10 %', code: 'TEN', weight: 3 },
      { label: 'Free shipping', code: 'SHIP', weight: 3 },
      { label: 'So close', weight: 6 },
      { label: '-15 %', code: 'FIFTEEN', weight: 2 },
      { label: 'Mystery gift', code: 'GIFT', weight: 1 },
      { label: 'Next time', weight: 6 },
      { label: '-20 %', code: 'TWENTY', weight: 1 },
      { label: 'Tote bag', code: 'TOTE', weight: 1 },
      { label: 'Almost!', weight: 6 },
      { label: '-50 %', code: 'HALF', weight: 0.5 },
    ],
  },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('.slice')).toHaveLength(12);
  },
};

/** Two slices: a coin toss, drawn as two halves. */
export const TwoSegments: Story = {
  args: { segments: [{ label: '-10 %', code: 'HEADS' }, { label: 'Try again' }], heading: 'Heads or tails?' },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('.slice')).toHaveLength(2);
    await expect(part(el, 'odds')!.querySelector('p')!.textContent).toBe('Chance of winning a prize: 50%');
  },
};

/** On a dark page, with the shared `--vitrine-color-*` tokens set by the page (here, the dark background). */
export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    await expect(getComputedStyle(part(el, 'base')!).backgroundColor).toBe('rgb(31, 41, 55)');
    await expect(getComputedStyle(part(el, 'spin-button')!).backgroundColor).toBe('rgb(251, 191, 36)');
  },
};

/**
 * Right to left (`dir="rtl"` on the page, an ancestor or the tag), with the merchant's Arabic
 * prizes: each label reads in its own direction (an Arabic one right to left, an English one left
 * to right, on any page), never mirrored; the odds list each prize at the right, its chance at the
 * left. The wheel still turns clockwise: a wheel is a thing, not a line of text.
 */
export const RightToLeft: Story = {
  args: {
    heading: 'أدر العجلة واربح!',
    segments: [
      { label: 'خصم 10%', code: 'TEN', weight: 3 },
      { label: 'حظ أوفر!', weight: 4 },
      { label: 'شحن مجاني', code: 'SHIP', weight: 2 },
      { label: 'Free gift!', code: 'GIFT', weight: 1 },
    ],
  },
  render: (args) => html`<div dir="rtl" lang="ar">${render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await wheelIn(canvasElement);
    // Each label's direction from its own first letter (dir="auto" for SVG text).
    const label = el.shadowRoot!.querySelector('.slice text')!;
    await expect(getComputedStyle(label).unicodeBidi).toBe('plaintext');
    await userEvent.click(part(el, 'odds-button')!);
    const [prize, chance] = [...part(el, 'odds')!.querySelector('li')!.children].map((cell) =>
      cell.getBoundingClientRect(),
    );
    await expect(prize.left).toBeGreaterThan(chance.right);
  },
};
