import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ClockController,
  OnScreenController,
  DATE_TIME_EXPECTED,
  DURATION_EXPECTED,
  TIME_OF_DAY_EXPECTED,
  VitrineElement,
  debugDateTime,
  type DebugReason,
  campaignKey,
  formatDateTime,
  getBus,
  nextDailyCutoff,
  pageNow,
  timeTravelling,
  parseDateTime,
  parseDuration,
  parseTimeOfDay,
  type Catalog,
  type Language,
  keywordAttribute,
} from '@vitrine/core';
import { countdownStyles } from './countdown.styles.js';

export const COUNTDOWN_FORMATS = ['auto', 'dhms', 'hms', 'ms'] as const;
export type CountdownFormat = (typeof COUNTDOWN_FORMATS)[number];

export const COUNTDOWN_ON_END = ['hide', 'stay'] as const;
export type CountdownOnEnd = (typeof COUNTDOWN_ON_END)[number];

export const COUNTDOWN_LAYOUTS = ['boxes', 'inline'] as const;
export type CountdownLayout = (typeof COUNTDOWN_LAYOUTS)[number];

type Unit = 'days' | 'hours' | 'minutes' | 'seconds';

/** The countdown's own texts (`{date}` is the end, in words); other languages: core's i18n/texts/. */
export const countdownTexts: Catalog<'name' | 'ended' | 'pause' | `${Unit}${'One' | 'Other' | 'Short'}`> = {
  scope: 'countdown',
  en: {
    name: 'Countdown, ends {date}',
    ended: 'Countdown ended',
    pause: 'Pause the countdown',
    daysOther: 'days',
    hoursOther: 'hours',
    minutesOther: 'minutes',
    secondsOther: 'seconds',
    daysOne: 'day',
    hoursOne: 'hour',
    minutesOne: 'minute',
    secondsOne: 'second',
    daysShort: 'd',
    hoursShort: 'h',
    minutesShort: 'm',
    secondsShort: 's',
  },
  fr: {
    name: 'Compte à rebours, se termine {date}',
    ended: 'Compte à rebours terminé',
    pause: 'Mettre en pause le compte à rebours',
    daysOther: 'jours',
    hoursOther: 'heures',
    minutesOther: 'minutes',
    secondsOther: 'secondes',
    daysOne: 'jour',
    hoursOne: 'heure',
    minutesOne: 'minute',
    secondsOne: 'seconde',
    daysShort: 'j',
    hoursShort: 'h',
    minutesShort: 'min',
    secondsShort: 's',
  },
};

const UNIT_MS: Record<Unit, number> = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1_000 };

/** Epoch seconds (9–11 digits) or milliseconds (12–13 digits), as a server may print them. */
const EPOCH = /^\d{9,13}$/;

export interface CountdownEndDetail {
  campaign: string;
  /** Epoch ms of the deadline that was reached. */
  deadline: number;
}

interface EvergreenRecord {
  deadline: number;
}

/**
 * Splits `remainingMs` into the units a format shows (whole seconds, rounded up, so the
 * display never reads 00:00 while time is left).
 */
export function splitRemaining(remainingMs: number, format: CountdownFormat): Array<[Unit, number]> {
  let seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const units: Unit[] =
    format === 'ms'
      ? ['minutes', 'seconds']
      : format === 'hms'
        ? ['hours', 'minutes', 'seconds']
        : ['days', 'hours', 'minutes', 'seconds'];
  const parts: Array<[Unit, number]> = units.map((unit) => {
    const size = UNIT_MS[unit] / 1000;
    const value = Math.floor(seconds / size);
    seconds -= value * size;
    return [unit, value];
  });
  if (format !== 'auto') return parts;
  // auto: drop leading zero units, but always keep minutes and seconds.
  while (parts.length > 2 && parts[0][1] === 0) parts.shift();
  return parts;
}

const PAUSE_ICON = svg`<svg viewBox="0 0 12 12" aria-hidden="true"><rect x="2" y="1.5" width="3" height="9" rx="0.5"/><rect x="7" y="1.5" width="3" height="9" rx="0.5"/></svg>`;
const PLAY_ICON = svg`<svg viewBox="0 0 12 12" aria-hidden="true"><path d="M3 1.5v9l7.5-4.5z"/></svg>`;

/**
 * Countdowns whose pending update only the clock asked for: new digits, and nothing else that could
 * have changed (an attribute, the texts, the schedule, a pause all ask through requestUpdate, which
 * takes the countdown out). Such an update keeps the language, the accessible name and the view it
 * had, instead of walking up the DOM and formatting the end date every second.
 */
const clockOnly = new WeakSet<object>();

/** Where the deadline comes from: the first of `deadline`, `duration`, `daily` that is set, else the recurrence. */
type DeadlineSource = 'deadline' | 'duration' | 'daily' | 'recurrence';

/**
 * An honest urgency timer: a fixed deadline, an evergreen deadline fixed per visitor, a daily
 * cut-off, or — with a recurrence (`every`, `days`, `from`, `until`) and none of those — the end of
 * the current occurrence. Every countdown of the page ticks on one shared clock aligned to the second.
 *
 * @summary Counts down to a real deadline; at zero it hides, stays at zero or shows the `expired` slot.
 *
 * @slot expired - Shown instead of the digits once the countdown has ended (wins over `on-end`).
 *
 * @csspart base - The wrapper, with `role="timer"` and an accessible name that states the end time.
 * @csspart label - The text of the `label` attribute.
 * @csspart digits - The group of segments.
 * @csspart segment - One unit (days, hours, minutes or seconds).
 * @csspart segment-days - The days segment (also has the part `segment`).
 * @csspart segment-hours - The hours segment (also has the part `segment`).
 * @csspart segment-minutes - The minutes segment (also has the part `segment`).
 * @csspart segment-seconds - The seconds segment (also has the part `segment`).
 * @csspart value - The digits of one unit.
 * @csspart unit - The short unit name under (or, inline, after) the digits.
 * @csspart pause-button - The toggle button (`aria-pressed`) that pauses and resumes the display (WCAG 2.2.2).
 * @csspart expired - The wrapper of the `expired` slot, once ended.
 *
 * @cssproperty --vitrine-countdown-gap - Space between the segments (default `0.375em`) and around the label (default `0.5em`).
 * @cssproperty --vitrine-countdown-digit-size - Font size of the digits (default `1.5em`, `1em` inline).
 * @cssproperty --vitrine-countdown-unit-size - Font size of the unit names (default `0.7em`, `0.85em` inline).
 * @cssproperty --vitrine-countdown-segment-background - Background of a segment (default the accent colour).
 * @cssproperty --vitrine-countdown-segment-color - Text colour of a segment (default the on-accent colour).
 * @cssproperty --vitrine-font - Font family.
 * @cssproperty --vitrine-color-text - Text colour of the label, of inline digits and of the pause button (default `currentColor`).
 * @cssproperty --vitrine-color-accent - Segment background and focus ring (default `#111827`).
 * @cssproperty --vitrine-color-on-accent - Digit colour on the accent (default `#ffffff`).
 * @cssproperty --vitrine-radius - Corner radius of a segment (default `0.5rem`).
 *
 * @fires vitrine-countdown-end - Once per deadline when the countdown reaches zero (or is found already over; with `daily`, once per cut-off; with a recurrence, once per occurrence); detail `{ campaign, deadline }` (`deadline` in epoch ms). Bubbles and is composed. The bus topic `timer-end` (`{ campaign }`) is published at the same moment, except in `preview`.
 */
export class VitrineCountdown extends VitrineElement {
  static override styles = countdownStyles;

  /** The deadline, an ISO 8601 date-time (`2026-11-27T23:59:00+01:00`, or without offset in `timezone`). */
  @property({ attribute: 'deadline' }) deadline: string | null = null;

  /** Evergreen: the deadline is first seen + this duration (`48h`), stored per visitor and campaign, never reset. */
  @property({ attribute: 'duration' }) duration: string | null = null;

  /** A cut-off each day at this time in `timezone` (`14:00`), rolling to the next day once passed. */
  @property({ attribute: 'daily' }) daily: string | null = null;

  /** The server's time when the page was rendered (ISO 8601 or epoch seconds), to correct a wrong visitor clock (ignored while `?vitrine-now` previews another instant). */
  @property({ attribute: 'now' }) now: string | null = null;

  /** Which units show: `auto` drops leading zero units (keeps minutes and seconds), or `dhms`, `hms`, `ms`. */
  @property({ attribute: 'format' }) format: CountdownFormat = 'auto';

  /** Visible text before the digits ("Sale ends in"). */
  @property({ attribute: 'label' }) label: string | null = null;

  /** At zero: `hide` (default) or `stay` (show zeros). Content in the `expired` slot wins over both. */
  @property({ attribute: 'on-end' }) onEnd: CountdownOnEnd = 'hide';

  /** `boxes` (default): digits over unit names in accent boxes; `inline`: one line of text, for bars. */
  @property({ attribute: 'layout' }) layout: CountdownLayout = 'boxes';

  /** Reflected once the countdown has reached zero, so a page can style against it. Read-only: set by the countdown. */
  @property({ attribute: 'expired', type: Boolean, reflect: true }) expired = false;

  /** Paused by the shopper: the display stops, the deadline does not. */
  @state() private paused = false;

  /** Epoch ms of the deadline read on the visitor's clock (the true instant minus the skew), or null when no valid source is set. */
  @state() private deadlineAt: number | null = null;

  #clock = new ClockController(this, (nowMs) => this.#tick(nowMs));
  /**
   * Off screen, a tick only checks for the end; the digits catch up when the countdown scrolls into
   * view. Off screen the timer also lets the browser skip its boxes (`far`): a page of 500 countdowns
   * then lays out, paints and hit-tests only the few the shopper can see. Where the browser says when
   * a skipped box comes near (`contentvisibilityautostatechange`), the shared observer lets go of the
   * timer meanwhile: each frame then checks the 500 boxes once, not twice.
   */
  #screen = new OnScreenController(
    this,
    (onScreen) => {
      // Toggled in place rather than re-rendered: hundreds of timers leave the screen at once on load.
      this.#markFar();
      if (onScreen) this.requestUpdate();
    },
    { handsOffWhenFar: true },
  );
  #source: DeadlineSource | null = null;
  #viewed = false;
  /** Visitor clock + skew = server clock. */
  #skewMs = 0;
  #frozenRemainingMs = 0;
  /** The deadline for which the end event was sent: it is sent once per deadline. */
  #endedFor: number | null = null;
  #hasExpiredContent = false;
  /** The valid values in use: a bad attribute keeps its text (attributes stay the merchant's), the widget its default. */
  #format: CountdownFormat = 'auto';
  #onEnd: CountdownOnEnd = 'hide';
  #layout: CountdownLayout = 'boxes';
  /** What a clock-only update keeps (see clockOnly). */
  #language: Language = 'en';
  #name = '';
  /** The whole seconds the digits last showed: a tick that would show the same renders nothing. */
  #shownSeconds?: number;

  override get language(): Language {
    return clockOnly.has(this) ? this.#language : (this.#language = super.language);
  }

  override requestUpdate(...args: Parameters<VitrineElement['requestUpdate']>): void {
    // Lit asks for every property set, also one to the same value (as #settle's each time).
    if (!args.length || this[args[0] as keyof this] !== args[1]) clockOnly.delete(this);
    super.requestUpdate(...args);
  }

  /** Milliseconds left (0 once ended or when no valid deadline is set). */
  get remainingMs(): number {
    if (this.deadlineAt === null) return 0;
    return Math.max(0, this.deadlineAt - pageNow());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('now')) this.#skewMs = this.#readSkew();
    if (
      [
        'deadline',
        'duration',
        'daily',
        'now',
        'timezone',
        'campaign',
        'preview',
        'start',
        'end',
        'every',
        'days',
        'from',
        'until',
      ].some((key) => changed.has(key as keyof VitrineCountdown)) ||
      // The recurrence chunk has just arrived (the schedule asks for an update then).
      (this.#source === 'recurrence' && this.deadlineAt === null)
    ) {
      this.deadlineAt = this.#readDeadline();
    }
    if (changed.has('format')) this.#format = keywordAttribute(this, 'format', this.format, COUNTDOWN_FORMATS, 'auto');
    if (changed.has('onEnd')) this.#onEnd = keywordAttribute(this, 'on-end', this.onEnd, COUNTDOWN_ON_END, 'hide');
    if (changed.has('layout')) this.#layout = keywordAttribute(this, 'layout', this.layout, COUNTDOWN_LAYOUTS, 'boxes');
    this.#settle();
  }

  #readSkew(): number {
    const value = this.now?.trim();
    // A time-travel preview sets the instant itself: the server's time would undo it.
    if (!value || timeTravelling()) return 0;
    const serverNow = EPOCH.test(value)
      ? Number(value) * (value.length >= 12 ? 1 : 1000)
      : parseDateTime(value, this.timeZone);
    if (serverNow === null) {
      this.warn('now', this.now, 'an ISO 8601 date-time or epoch seconds');
      return 0;
    }
    // Whole seconds: the page clock ticks on the visitor's second, so a deadline that falls on a
    // whole second there changes its digits on the tick instead of up to a second late.
    return Math.round((serverNow - Date.now()) / 1000) * 1000;
  }

  #readDeadline(): number | null {
    const sources = (['deadline', 'duration', 'daily'] as const).filter((name) => this[name] != null);
    for (const ignored of sources.slice(1)) {
      this.warn(ignored, this[ignored], `only one of deadline, duration, daily (using ${sources[0]})`);
    }
    this.#source = sources[0] ?? (this.#recurring() ? 'recurrence' : null);
    if (this.deadline != null) {
      const at = parseDateTime(this.deadline, this.timeZone);
      if (at === null) this.warn('deadline', this.deadline, DATE_TIME_EXPECTED);
      return at === null ? null : at - this.#skewMs;
    }
    if (this.duration != null) return this.#evergreenDeadline();
    if (this.daily != null) {
      const time = parseTimeOfDay(this.daily);
      if (!time) {
        this.warn('daily', this.daily, TIME_OF_DAY_EXPECTED);
        return null;
      }
      return nextDailyCutoff(pageNow() + this.#skewMs, time, this.timeZone) - this.#skewMs;
    }
    // With a recurrence and no deadline of its own: the end of the current (else the next) occurrence,
    // on the visitor's clock, as the schedule that shows and hides it.
    return this.#source ? (this.timeWindow.windowAt(pageNow())?.endAt ?? null) : null;
  }

  /** A recurrence attribute is set (its chunk may still be on its way). */
  #recurring(): boolean {
    return [this.every, this.days, this.from, this.until].some((value) => value != null && value.trim() !== '');
  }

  /**
   * First seen + duration, stored per visitor and campaign; once set it never moves, even after
   * it passed. Stored as the true instant (server time when `now` is set), so a visitor clock
   * corrected between two visits does not move it either.
   */
  #evergreenDeadline(): number | null {
    const length = parseDuration(this.duration);
    if (length === null) {
      this.warn('duration', this.duration, DURATION_EXPECTED);
      return null;
    }
    const key = campaignKey(this.campaignId, 'deadline');
    const stored = this.store.get<EvergreenRecord>(key);
    if (stored && Number.isFinite(stored.deadline)) return stored.deadline - this.#skewMs;
    const deadline = Math.round((pageNow() + this.#skewMs + length) / 1000) * 1000;
    this.store.set(key, { deadline } satisfies EvergreenRecord);
    return deadline - this.#skewMs;
  }

  #tick(nowMs: number): void {
    // An update on its way shows the time anyway. Otherwise one comparison while the digits need not
    // change: paused (they stay as they are until the deadline itself is reached), off screen (nobody
    // sees them; they catch up when scrolled into view), or the same second (a tick when the tab shows again).
    if (
      this.isUpdatePending ||
      (this.deadlineAt !== null &&
        this.deadlineAt > nowMs &&
        (this.paused || !this.#screen.onScreen || Math.ceil((this.deadlineAt - nowMs) / 1000) === this.#shownSeconds))
    )
      return;
    this.requestUpdate();
    clockOnly.add(this);
  }

  /** Runs before every render: announces a deadline reached, rolls a daily cut-off, starts or stops the clock. */
  #settle(): void {
    if (this.deadlineAt !== null && this.remainingMs === 0) {
      this.#announceEnd();
      // Announced once; a daily cut-off then rolls to tomorrow's (found here, not only on a tick,
      // so a re-render after a hidden tab or an attribute change never shows a stuck 00:00).
      if (this.#source === 'daily' || this.#source === 'recurrence') this.deadlineAt = this.#readDeadline();
    }
    const ended = this.deadlineAt !== null && this.remainingMs === 0;
    this.expired = ended;
    // Kept running while paused: the end must still be announced on time.
    this.#clock.running = this.deadlineAt !== null && !ended;
  }

  #announceEnd(): void {
    if (this.#endedFor === this.deadlineAt || !this.isConnected) return;
    this.#endedFor = this.deadlineAt;
    const detail: CountdownEndDetail = { campaign: this.campaignId, deadline: this.deadlineAt! + this.#skewMs };
    if (!this.previewing) getBus().publish('timer-end', { campaign: this.campaignId });
    this.emit('vitrine-countdown-end', detail);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The funnel's first step, once, when first shown (an A/B test of the countdown counts its views).
    if (
      !this.#viewed &&
      this.deadlineAt !== null &&
      this.eligible &&
      !(this.expired && !this.#hasExpiredContent && this.#onEnd !== 'stay')
    ) {
      this.#viewed = true;
      this.track('view');
    }
    // A new class list from the template drops `far` (a tick's does not change).
    if (!clockOnly.has(this)) this.#markFar();
  }

  #markFar(): void {
    this.renderRoot.querySelector('[part="base"]')?.classList.toggle('far', !this.#screen.onScreen);
  }

  #togglePause(): void {
    this.#frozenRemainingMs = this.remainingMs;
    this.paused = !this.paused;
  }

  #onExpiredSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    const hasContent = slot
      .assignedNodes({ flatten: true })
      .some((node) => node.textContent?.trim() || node.nodeType === Node.ELEMENT_NODE);
    if (hasContent !== this.#hasExpiredContent) {
      this.#hasExpiredContent = hasContent;
      this.requestUpdate();
    }
  }

  protected override hiddenReason(): DebugReason | null {
    const hidden = super.hiddenReason();
    if (hidden) return hidden;
    if (this.deadlineAt === null)
      return this.badInput(
        ['deadline', 'duration', 'daily', 'now', 'every', 'days', 'from', 'until'],
        'no deadline, duration, daily or recurrence attribute',
      );
    if (this.expired && !this.#hasExpiredContent && this.#onEnd !== 'stay')
      return {
        code: 'schedule',
        reason: `ended ${debugDateTime(this.deadlineAt + this.#skewMs, this.timeZone)} (on-end="hide")`,
      };
    return null;
  }

  override connectedCallback(): void {
    // Moved elsewhere in the page: the language may be another.
    clockOnly.delete(this);
    super.connectedCallback();
    // The slot's own slotchange only fires once it is rendered; read light DOM for the first render.
    this.#hasExpiredContent = !!this.querySelector(':scope > [slot="expired"]');
  }

  protected override render() {
    if (this.deadlineAt === null || !this.eligible) return nothing;
    const expiredSlot = html`<slot name="expired" @slotchange=${this.#onExpiredSlotChange}></slot>`;
    if (this.expired) {
      if (this.#hasExpiredContent) return html`<div part="expired" role="status">${expiredSlot}</div>`;
      if (this.#onEnd !== 'stay') return html`<div hidden>${expiredSlot}</div>`;
    }
    const remaining = this.expired ? 0 : this.paused ? this.#frozenRemainingMs : this.remainingMs;
    this.#shownSeconds = Math.ceil(remaining / 1000);
    const name = clockOnly.has(this)
      ? this.#name
      : (this.#name = this.expired
          ? this.localize(countdownTexts, 'ended')
          : this.localize(countdownTexts, 'name', {
              date: formatDateTime(this.deadlineAt + this.#skewMs, this.language, this.timeZone),
            }));
    const inline = this.#layout === 'inline';
    // The pause button keeps one name; its state is aria-pressed (a toggle whose name changed too would read "Resume…, pressed").
    return html`
      <div part="base" class=${inline ? 'inline' : 'boxes'} role="timer" aria-label=${name}>
        ${this.label ? html`<span part="label">${this.label}</span>` : nothing}
        <span part="digits"
          >${splitRemaining(remaining, this.#format).map(([unit, value]) => this.#segment(unit, value, inline))}</span
        >
        ${
          this.expired
            ? nothing
            : html`<button
                part="pause-button"
                type="button"
                aria-label=${this.localize(countdownTexts, 'pause')}
                aria-pressed=${this.paused ? 'true' : 'false'}
                @click=${this.#togglePause}
              >
                ${this.paused ? PLAY_ICON : PAUSE_ICON}
              </button>`
        }
      </div>
      <div hidden>${expiredSlot}</div>
    `;
  }

  #segment(unit: Unit, value: number, inline: boolean) {
    // Two digits at least, so the width does not change as time runs; the leading unit may grow (120 days).
    const digits = String(value).padStart(2, '0');
    // The digits lie over zeros as many (see the styles): a new second lays out only their own box.
    return html`<span part="segment segment-${unit}"
        ><span part="value" data-room=${digits.replace(/\d/g, '0')}><span>${digits}</span></span
        ><span part="unit" aria-hidden="true">${this.localize(countdownTexts, `${unit}Short`)}</span
        ><span class="visually-hidden">${this.localizePlural(countdownTexts, unit, value)}</span></span
      >${inline ? ' ' : nothing}`;
  }
}
