/* eslint-disable lit/no-legacy-template-syntax -- `on-end` is the SPEC's attribute, not Lit 1's `on-` event syntax. */
/**
 * <vitrine-countdown>: every state a shopper can meet, with a control for every attribute.
 * Deadlines that must lie ahead are computed when the story renders, so the stories never go
 * stale; the ended ones use a date long past.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, spyOn, userEvent, waitFor, type MockInstance } from 'storybook/test';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { COUNTDOWN_FORMATS, COUNTDOWN_LAYOUTS, COUNTDOWN_ON_END } from '@vitrine/countdown';
import '@vitrine/countdown/define';
import { commonArgTypes, targeting } from './common.ts';

type Countdown = HTMLElementTagNameMap['vitrine-countdown'];

/** The story's controls: one per attribute (by its attribute name), plus the `expired` slot's text. */
interface CountdownArgs {
  deadline?: string;
  duration?: string;
  daily?: string;
  now?: string;
  format?: string;
  label?: string;
  'on-end'?: string;
  layout?: string;
  campaign?: string;
  start?: string;
  end?: string;
  timezone?: string;
  lang?: string;
  variant?: string;
  preview?: boolean;
  every?: string;
  days?: string;
  from?: string;
  until?: string;
  expired?: boolean;
  expiredContent?: string;
  /** Listed in the docs table only (no control): set from code, or read. */
  onEnd?: string;
  remainingMs?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LONG_AGO = '2020-01-01T00:00:00Z';

/** An ISO instant `ms` from now, read when the story renders. */
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Empty controls leave the attribute out, as a merchant who did not write it. */
const attr = (value: string | undefined) => ifDefined(value ? value : undefined);

const render = (args: CountdownArgs) =>
  html`<vitrine-countdown
    deadline=${attr(args.deadline)}
    duration=${attr(args.duration)}
    daily=${attr(args.daily)}
    now=${attr(args.now)}
    format=${attr(args.format)}
    label=${attr(args.label)}
    on-end=${attr(args['on-end'])}
    layout=${attr(args.layout)}
    campaign=${attr(args.campaign)}
    start=${attr(args.start)}
    end=${attr(args.end)}
    timezone=${attr(args.timezone)}
    lang=${attr(args.lang)}
    variant=${attr(args.variant)}
    ?preview=${args.preview}
    ${targeting(args)}
    >${args.expiredContent ? html`<p slot="expired">${args.expiredContent}</p>` : nothing}</vitrine-countdown
  >`;

/** The countdown of a story, once rendered. */
async function countdownIn(canvasElement: HTMLElement): Promise<Countdown> {
  const el = canvasElement.querySelector('vitrine-countdown');
  if (!el) throw new Error('no <vitrine-countdown> in the story');
  await el.updateComplete;
  return el;
}

const timerOf = (el: Countdown) => el.shadowRoot!.querySelector<HTMLElement>('[role="timer"]');
const segmentsOf = (el: Countdown) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="segment"]')];
const valuesOf = (el: Countdown) =>
  segmentsOf(el).map((segment) => segment.querySelector('[part="value"]')!.textContent);

const dateText = 'ISO 8601 date-time, e.g. `2026-11-27T23:59:00+01:00` or `2026-11-27T23:59` in `timezone`';

const meta = {
  title: 'Widgets/Countdown',
  component: 'vitrine-countdown',
  render,
  args: { format: 'auto', 'on-end': 'hide', layout: 'boxes', preview: false },
  argTypes: {
    deadline: { control: 'text', description: `The deadline: ${dateText}.`, table: { category: 'source' } },
    duration: {
      control: 'text',
      description: 'Evergreen: first seen + this duration (`48h`, `1h30m`), stored per visitor and campaign.',
      table: { category: 'source' },
    },
    daily: {
      control: 'text',
      description: 'A cut-off each day at this time in `timezone` (`14:00`), rolling to the next day.',
      table: { category: 'source' },
    },
    now: {
      control: 'text',
      description: "The server's time when the page was rendered (ISO 8601 or epoch seconds).",
      table: { category: 'source' },
    },
    format: { control: 'select', options: COUNTDOWN_FORMATS, table: { category: 'display' } },
    label: { control: 'text', description: 'Visible text before the digits.', table: { category: 'display' } },
    'on-end': {
      control: 'select',
      options: COUNTDOWN_ON_END,
      description: 'At zero: hide, or stay at zeros. Content in the `expired` slot wins over both.',
      table: { category: 'display' },
    },
    layout: { control: 'select', options: COUNTDOWN_LAYOUTS, table: { category: 'display' } },
    expiredContent: {
      name: 'slot: expired',
      control: 'text',
      description: 'Text put in the `expired` slot (rich content comes through the slot).',
      table: { category: 'slots' },
    },
    ...commonArgTypes('Designer mode: ignores start/end, stores nothing.'),
    // Properties a page reads or sets from code; their attributes above are the controls.
    onEnd: { control: false, table: { category: 'properties' } },
    remainingMs: { control: false, table: { category: 'properties' } },
    expired: {
      control: false,
      description: 'Reflected by the countdown once it has reached zero (read-only, style against it).',
      table: { category: 'state' },
    },
  },
} satisfies Meta<CountdownArgs>;

export default meta;
type Story = StoryObj<CountdownArgs>;

/** A sale ending in a few days: the deadline is computed when the story renders. */
export const Running: Story = {
  args: { label: 'Sale ends in', campaign: 'storybook-running' },
  render: (args) => render({ ...args, deadline: args.deadline || fromNow(3 * DAY + 4 * HOUR + 5 * MINUTE) }),
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    await expect(valuesOf(el)).toHaveLength(4);
    await expect(valuesOf(el)[0]).toBe('03');
    await expect(timerOf(el)!.getAttribute('aria-label')).toMatch(/^Countdown, ends /);
    await expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).toBe('Sale ends in');
  },
};

/** One line of text, for bars and product pages. */
export const InlineWithLabel: Story = {
  args: { layout: 'inline', label: 'Order within', campaign: 'storybook-inline' },
  render: (args) => render({ ...args, deadline: args.deadline || fromNow(5 * HOUR + 30 * MINUTE) }),
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    await expect(getComputedStyle(segmentsOf(el)[0]).flexDirection).toBe('row');
    await expect(valuesOf(el)).toHaveLength(3); // auto: no zero days
  },
};

/**
 * Evergreen: 48 h from this visitor's first view, stored, never reset by a reload. To start over
 * in Storybook, remove `vitrine:storybook-evergreen:deadline` from localStorage (or use `preview`).
 */
export const EvergreenDuration: Story = {
  args: { duration: '48h', campaign: 'storybook-evergreen', label: 'Your welcome offer ends in' },
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    await expect(el.remainingMs).toBeGreaterThan(0);
    await expect(el.remainingMs).toBeLessThanOrEqual(48 * HOUR + 1000);
    await expect(localStorage.getItem('vitrine:storybook-evergreen:deadline')).not.toBeNull();
  },
};

/** Same-day shipping: a cut-off at 14:00 in Paris every day, rolling to tomorrow once passed. */
export const DailyCutoff: Story = {
  args: {
    daily: '14:00',
    timezone: 'Europe/Paris',
    layout: 'inline',
    label: 'Order before 2 pm for same-day shipping:',
    campaign: 'storybook-daily',
  },
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    await expect(el.remainingMs).toBeGreaterThan(0);
    await expect(el.remainingMs).toBeLessThanOrEqual(DAY);
    await expect(el.expired).toBe(false);
  },
};

/**
 * Every weekend: Friday, Saturday and Sunday, 18:00 to 23:59 in Paris (`days`, `from`, `until`). The
 * countdown counts to the end of the current occurrence; between two it is hidden. Preview (on here)
 * shows it whatever the day, counting to the end of the next occurrence: untick it to see what a
 * shopper sees now. Try `every="week"` with `from="fri 18:00"` and `until="sun 23:59"` for one
 * window from Friday evening to Sunday night.
 */
export const EveryWeekend: Story = {
  args: {
    days: 'fri,sat,sun',
    from: '18:00',
    until: '23:59',
    timezone: 'Europe/Paris',
    format: 'dhms',
    label: 'Weekend flash sale ends in',
    campaign: 'storybook-weekend',
    preview: true,
  },
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    // The recurrence arrives in its own chunk; then the deadline is an occurrence's end, at most a week away.
    await waitFor(() => expect(timerOf(el)).not.toBeNull());
    await expect(el.remainingMs).toBeGreaterThan(0);
    await expect(el.remainingMs).toBeLessThanOrEqual(7 * DAY);
    await expect(valuesOf(el)).toHaveLength(4); // dhms: four segments, whatever the day
    await expect(el.expired).toBe(false);
  },
};

/** Ended, `on-end="hide"` (the default): nothing shows. */
export const ExpiredHide: Story = {
  args: { deadline: LONG_AGO, 'on-end': 'hide', label: 'Sale ends in' },
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    await expect(el.expired).toBe(true);
    await expect(el.hasAttribute('expired')).toBe(true);
    await expect(timerOf(el)).toBeNull();
  },
};

/** Ended, `on-end="stay"`: zeros, no pause button. */
export const ExpiredStay: Story = {
  args: { deadline: LONG_AGO, 'on-end': 'stay', label: 'Sale ended' },
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    await expect(valuesOf(el)).toEqual(['00', '00']);
    await expect(timerOf(el)!.getAttribute('aria-label')).toBe('Countdown ended');
    await expect(el.shadowRoot!.querySelector('[part="pause-button"]')).toBeNull();
  },
};

/** Ended, with content in the `expired` slot: it shows instead of the digits. */
export const ExpiredWithSlot: Story = {
  args: { deadline: LONG_AGO, expiredContent: 'The sale is over, see you next year!' },
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    const content = el.querySelector('[slot="expired"]')!;
    await expect(content.checkVisibility()).toBe(true);
    await expect(timerOf(el)).toBeNull();
  },
};

/** Paused by the shopper (WCAG 2.2.2): the digits stop, the deadline does not. */
export const Paused: Story = {
  args: { label: 'Sale ends in', campaign: 'storybook-paused' },
  render: (args) => render({ ...args, deadline: args.deadline || fromNow(2 * DAY + 6 * HOUR) }),
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="pause-button"]')!;
    await userEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
  },
};

/** French, from the language toolbar (a `lang` on the wrapper); the `lang` control overrides it. */
export const French: Story = {
  args: { label: 'Fin des soldes dans', timezone: 'Europe/Paris', campaign: 'storybook-fr' },
  globals: { locale: 'fr' },
  render: (args) => render({ ...args, deadline: args.deadline || fromNow(DAY + 2 * HOUR) }),
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    await expect(timerOf(el)!.getAttribute('aria-label')).toMatch(/^Compte à rebours, se termine /);
    const units = segmentsOf(el).map((segment) => segment.querySelector('[part="unit"]')!.textContent);
    await expect(units).toEqual(['j', 'h', 'min', 's']);
  },
};

/** On a dark page, with the shared `--vitrine-color-*` tokens set by the page (here, the dark background). */
export const DarkBackground: Story = {
  args: { label: 'Black Friday ends in', campaign: 'storybook-dark' },
  globals: { backgrounds: { value: 'dark' } },
  render: (args) => render({ ...args, deadline: args.deadline || fromNow(4 * DAY + 7 * HOUR) }),
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    // The accent token (#fbbf24) paints the segments, the text token the label.
    await expect(getComputedStyle(segmentsOf(el)[0]).backgroundColor).toBe('rgb(251, 191, 36)');
    const label = el.shadowRoot!.querySelector('[part="label"]')!;
    await expect(getComputedStyle(label).color).toBe('rgb(249, 250, 251)');
  },
};

/** The console while the bad-input story renders. */
let warnings: MockInstance<typeof console.warn> | undefined;

/**
 * Bad input never breaks the page: each bad attribute is ignored with one console warning,
 * and the documented default shows (format auto, on-end hide, layout boxes, the visitor's zone,
 * always on, the visitor's clock).
 */
export const BadInput: Story = {
  args: {
    campaign: 'storybook-bad',
    label: 'Sale ends in',
    format: 'weird',
    'on-end': 'explode',
    layout: 'x',
    timezone: 'Mars/Olympus',
    now: 'yesterday',
    start: 'soon',
    end: 'later',
  },
  beforeEach: () => {
    // Called through: the warnings still reach the console, where a designer reads them.
    warnings = spyOn(console, 'warn');
    return () => warnings?.mockRestore();
  },
  render: (args) => render({ ...args, deadline: args.deadline || fromNow(2 * DAY + 3 * HOUR) }),
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    await expect(timerOf(el)).not.toBeNull();
    await expect(valuesOf(el)).toHaveLength(4); // auto
    await expect(getComputedStyle(segmentsOf(el)[0]).flexDirection).toBe('column'); // boxes
    const printed = (warnings?.mock.calls ?? []).map((call) => String(call[0]));
    for (const attribute of ['format', 'on-end', 'layout', 'timezone', 'now', 'start', 'end']) {
      const about = printed.filter((message) =>
        message.startsWith(`[vitrine] <vitrine-countdown campaign="storybook-bad"> ignored ${attribute}=`),
      );
      await expect(about).toHaveLength(1);
    }
  },
};

/** Designer mode: shown although `start` lies ahead; the evergreen deadline is not stored. */
export const Preview: Story = {
  args: { preview: true, duration: '2h', campaign: 'storybook-preview', label: 'Preview: ends in' },
  render: (args) => render({ ...args, start: args.start || fromNow(30 * DAY) }),
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    await expect(timerOf(el)).not.toBeNull();
    await expect(localStorage.getItem('vitrine:storybook-preview:deadline')).toBeNull();
  },
};

/**
 * Right to left (`dir="rtl"` on the page, an ancestor or the tag): the label starts on the right,
 * then days, hours, minutes and seconds run leftwards as the text reads; each number still reads
 * left to right (02, not 20).
 */
export const RightToLeft: Story = {
  args: { label: 'ينتهي العرض خلال', campaign: 'storybook-rtl' },
  render: (args) =>
    html`<div dir="rtl" lang="ar">${render({ ...args, deadline: args.deadline || fromNow(2 * DAY + 3 * HOUR) })}</div>`,
  play: async ({ canvasElement }) => {
    const el = await countdownIn(canvasElement);
    const [days, hours, minutes, seconds] = segmentsOf(el).map((segment) => segment.getBoundingClientRect().left);
    await expect(days).toBeGreaterThan(hours);
    await expect(hours).toBeGreaterThan(minutes);
    await expect(minutes).toBeGreaterThan(seconds);
    const label = el.shadowRoot!.querySelector('[part="label"]')!.getBoundingClientRect();
    await expect(label.left).toBeGreaterThan(days);
    await expect(valuesOf(el)[0]).toBe('02');
  },
};
