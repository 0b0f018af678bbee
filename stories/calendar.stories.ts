/**
 * A year of campaigns on one page, and a date slider that time-travels every widget in it
 * (`@vitrine/core/time-travel`, the code behind `?vitrine-now`): a designer reviews Black Friday
 * in July, Christmas in March. Every date is computed from the current year (rules such as "the
 * Friday after the fourth Thursday of November"), so the story never goes stale. During the
 * preview nothing is stored or sent, and the badge on the start edge says which instant is shown.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { expect, waitFor } from 'storybook/test';
import { preview, stopTimeTravel } from '@vitrine/core/time-travel';
import '@vitrine/countdown/define';
import '@vitrine/sticky-bar/define';
import '@vitrine/wheel/define';

interface Args {
  /** Day of the year previewed (0 = 1 January), at `hour` in Europe/Paris. */
  day: number;
  /** Hour of that day (0–23). */
  hour: number;
}

const ZONE = 'Europe/Paris';
const DAY = 86_400_000;
const year = new Date().getFullYear();

/** `YYYY-MM-DD` of a UTC date (the calendar day, whatever the zone). */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The `n`th `weekday` (0 = Sunday) of `month` (0 = January); `n = -1`: the last one. */
function nthWeekday(month: number, weekday: number, n: number): Date {
  if (n < 0) {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return new Date(Date.UTC(year, month, last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7)));
  }
  const first = new Date(Date.UTC(year, month, 1));
  return new Date(Date.UTC(year, month, 1 + ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1)));
}

const plus = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

interface Campaign {
  id: string;
  name: { en: string; fr: string };
  start: string;
  end: string;
}

/** The year's operations, each a wall-clock window in Europe/Paris, computed from today's year. */
function campaigns(): Campaign[] {
  const winter = nthWeekday(0, 3, 2); // French winter sales: the second Wednesday of January, four weeks
  const mothers = nthWeekday(4, 0, -1); // Mother's Day in France: the last Sunday of May
  const fathers = nthWeekday(5, 0, 3); // Father's Day: the third Sunday of June
  const summer = nthWeekday(5, 3, -1); // French summer sales: the last Wednesday of June, four weeks
  const blackFriday = plus(nthWeekday(10, 4, 4), 1); // the day after the fourth Thursday of November
  const cyberMonday = plus(blackFriday, 3);
  return [
    {
      id: 'winter-sales',
      name: { en: 'Winter sales', fr: 'Soldes d’hiver' },
      start: `${isoDay(winter)}T08:00`,
      end: `${isoDay(plus(winter, 27))}T23:59`,
    },
    {
      id: 'mothers-day',
      name: { en: 'Mother’s Day', fr: 'Fête des mères' },
      start: `${isoDay(plus(mothers, -14))}T00:00`,
      end: `${isoDay(mothers)}T12:00`,
    },
    {
      id: 'fathers-day',
      name: { en: 'Father’s Day', fr: 'Fête des pères' },
      start: `${isoDay(plus(fathers, -14))}T00:00`,
      end: `${isoDay(fathers)}T12:00`,
    },
    {
      id: 'summer-sales',
      name: { en: 'Summer sales', fr: 'Soldes d’été' },
      start: `${isoDay(summer)}T08:00`,
      end: `${isoDay(plus(summer, 27))}T23:59`,
    },
    {
      id: 'back-to-school',
      name: { en: 'Back to school', fr: 'Rentrée' },
      start: `${year}-08-25T00:00`,
      end: `${year}-09-15T23:59`,
    },
    {
      id: 'black-friday',
      name: { en: 'Black Friday & Cyber Monday', fr: 'Black Friday & Cyber Monday' },
      start: `${isoDay(blackFriday)}T00:00`,
      end: `${isoDay(cyberMonday)}T23:59`,
    },
    {
      id: 'christmas',
      name: { en: 'Christmas', fr: 'Noël' },
      start: `${year}-12-01T00:00`,
      end: `${year}-12-24T12:00`,
    },
  ];
}

const TEXTS = {
  en: {
    heading: (year: number) => `Campaigns of ${year}`,
    winter: 'Winter sales: up to −50 %',
    mothers: 'Mother’s Day: gift boxes delivered by Saturday',
    fathers: 'Father’s Day: free engraving',
    summer: 'Summer sales: second markdown now',
    school: 'Back to school: −15 % on bags',
    blackFriday: 'Black Friday: everything −20 % · ends in',
    christmas: 'Order by 20 December for delivery by Christmas · ',
    wheel: 'Black Friday wheel',
    lost: 'Try again',
  },
  fr: {
    heading: (year: number) => `Les campagnes de ${year}`,
    winter: 'Soldes d’hiver : jusqu’à −50 %',
    mothers: 'Fête des mères : coffrets livrés avant samedi',
    fathers: 'Fête des pères : gravure offerte',
    summer: 'Soldes d’été : deuxième démarque',
    school: 'Rentrée : −15 % sur les cartables',
    blackFriday: 'Black Friday : tout à −20 % · fin dans',
    christmas: 'Commandez avant le 20 décembre pour Noël · ',
    wheel: 'La roue du Black Friday',
    lost: 'Perdu',
  },
} as const;

/** Day of the year of Black Friday: where the slider starts (a stable page to record its layout). */
const blackFridayDay = () => Math.round((plus(nthWeekday(10, 4, 4), 1).getTime() - Date.UTC(year, 0, 1)) / DAY);

/** The previewed instant, as `?vitrine-now` would write it. */
const instantOf = (args: Args) => {
  const date = new Date(Date.UTC(year, 0, 1) + Math.min(Math.max(args.day, 0), 365) * DAY);
  const hour = String(Math.min(Math.max(Math.round(args.hour), 0), 23)).padStart(2, '0');
  return `${isoDay(date)}T${hour}:00[${ZONE}]`;
};

let renders = 0;

function calendarPage(args: Args, locale: 'en' | 'fr') {
  const t = TEXTS[locale];
  const [winter, mothers, fathers, summer, school, blackFriday, christmas] = campaigns();
  const window = (campaign: Campaign) => ({ campaign: campaign.id, start: campaign.start, end: campaign.end });
  // Moves the page's clock before the widgets below connect (keyed: a fresh set for each instant).
  preview({ now: instantOf(args) });
  const bar = (campaign: Campaign, text: unknown) => {
    const { start, end } = window(campaign);
    return html`<vitrine-sticky-bar campaign=${campaign.id} start=${start} end=${end} timezone=${ZONE}
      ><p>${text}</p></vitrine-sticky-bar
    >`;
  };
  return html`<style>
      .calendar-page {
        position: relative;
        transform: translateZ(0); /* the frame stands for the window: it holds the bars' position: fixed */
        min-block-size: 28rem;
        padding: 3.5rem 1rem 1rem;
        font:
          16px/1.5 system-ui,
          sans-serif;
        color: var(--vitrine-color-text, #111827);
      }
      .calendar-page h2 {
        margin: 0 0 1rem;
        font-size: 1.125rem;
      }
      .calendar-page vitrine-wheel {
        max-inline-size: 22rem;
      }
    </style>
    <div class="calendar-page">
      ${keyed(
        ++renders,
        html`${bar(winter, t.winter)} ${bar(mothers, t.mothers)} ${bar(fathers, t.fathers)} ${bar(summer, t.summer)}
          ${bar(school, t.school)}
          ${bar(
            blackFriday,
            html`${t.blackFriday}
              <vitrine-countdown layout="inline" deadline=${blackFriday.end} timezone=${ZONE}></vitrine-countdown>`,
          )}
          ${bar(
            christmas,
            html`${t.christmas}<vitrine-countdown
                layout="inline"
                deadline=${`${year}-12-20T23:59`}
                timezone=${ZONE}
              ></vitrine-countdown>`,
          )}
          <h2>${t.heading(year)}</h2>
          <vitrine-wheel
            campaign="black-friday-wheel"
            start=${blackFriday.start}
            end=${blackFriday.end}
            timezone=${ZONE}
            heading=${t.wheel}
          >
            <vitrine-wheel-segment label="-10 %" code="BF10" weight="3"></vitrine-wheel-segment>
            <vitrine-wheel-segment label=${t.lost} weight="4"></vitrine-wheel-segment>
            <vitrine-wheel-segment label="-20 %" code="BF20" weight="1"></vitrine-wheel-segment>
          </vitrine-wheel>`,
      )}
    </div>`;
}

const meta = {
  title: 'Calendar',
  render: (args, { globals }) => calendarPage(args, globals.locale === 'fr' ? 'fr' : 'en'),
  args: { day: blackFridayDay(), hour: 10 },
  argTypes: {
    day: {
      control: { type: 'range', min: 0, max: 364, step: 1 },
      description:
        'Day of the year previewed (0 = 1 January): every widget behaves as at that day and `hour` in Europe/Paris, as with `?vitrine-now`. Starts on Black Friday.',
    },
    hour: { control: { type: 'range', min: 0, max: 23, step: 1 }, description: 'Hour of that day, Europe/Paris.' },
  },
  // The preview is page-wide: the next story opened in this frame is live again.
  beforeEach: () => () => stopTimeTravel(),
  parameters: {
    layout: 'fullscreen',
    // Page-wide time travel: each story in a frame of its own on the docs page too.
    docs: { story: { inline: false, iframeHeight: 720 } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const shownBars = (canvas: HTMLElement) =>
  [...canvas.querySelectorAll('vitrine-sticky-bar')]
    .filter((bar) => bar.shadowRoot?.querySelector('[part~="base"]'))
    .map((bar) => bar.getAttribute('campaign'));

/** Black Friday of this year, 10:00 in Paris: its bar with the countdown to Cyber Monday, and its wheel. */
export const Year: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shownBars(canvasElement)).toEqual(['black-friday']));
    const wheel = canvasElement.querySelector('vitrine-wheel')!;
    await waitFor(() => expect(wheel.shadowRoot?.querySelector('[part~="spin-button"]')).not.toBeNull());
    const badge = document.querySelector('vitrine-preview-badge')?.shadowRoot?.querySelector('p');
    await expect(badge?.textContent).toMatch(/^(Preview: |Aperçu\u00a0: )\d{1,2} /);
  },
};

/** The slider in July: summer sales show, Black Friday's bar and wheel wait for November. */
export const BlackFridayInJuly: Story = {
  name: 'July',
  args: { day: 195, hour: 12 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shownBars(canvasElement)).toEqual(['summer-sales']));
    const wheel = canvasElement.querySelector('vitrine-wheel')!;
    await expect(wheel.shadowRoot?.querySelector('[part~="spin-button"]') ?? null).toBeNull();
  },
};
