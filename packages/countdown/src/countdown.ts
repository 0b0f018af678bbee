import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ClockController,
  DATE_TIME_EXPECTED,
  DURATION_EXPECTED,
  ScheduleController,
  TIME_OF_DAY_EXPECTED,
  VitrineElement,
  campaignKey,
  formatDateTime,
  getBus,
  nextDailyCutoff,
  parseDateTime,
  parseDuration,
  parseTimeOfDay,
  type MessageKey,
} from '@vitrine/core';
import { countdownStyles } from './countdown.styles.js';

export const COUNTDOWN_FORMATS = ['auto', 'dhms', 'hms', 'ms'] as const;
export type CountdownFormat = (typeof COUNTDOWN_FORMATS)[number];

export const COUNTDOWN_ON_END = ['hide', 'stay'] as const;
export type CountdownOnEnd = (typeof COUNTDOWN_ON_END)[number];

export const COUNTDOWN_LAYOUTS = ['boxes', 'inline'] as const;
export type CountdownLayout = (typeof COUNTDOWN_LAYOUTS)[number];

type Unit = 'days' | 'hours' | 'minutes' | 'seconds';

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
 * An honest urgency timer: a fixed deadline, an evergreen deadline fixed per visitor, or a
 * daily cut-off. Every countdown of the page ticks on one shared clock aligned to the second.
 *
 * @summary Counts down to a real deadline; at zero it hides, stays at zero or shows the `expired` slot.
 *
 * @slot - Unused; the countdown renders its own digits.
 * @slot expired - Shown instead of the digits once the countdown has ended.
 *
 * @csspart base - The wrapper, with `role="timer"`.
 * @csspart label - The text of the `label` attribute.
 * @csspart digits - The group of segments.
 * @csspart segment - One unit (days, hours, minutes or seconds); also `segment-days` … `segment-seconds`.
 * @csspart value - The digits of one unit.
 * @csspart unit - The unit name under (or after) the digits.
 * @csspart pause-button - The button that pauses and resumes the display (WCAG 2.2.2).
 * @csspart expired - The wrapper of the `expired` slot.
 *
 * @cssproperty --vitrine-countdown-gap - Space between segments (default `0.375em`).
 * @cssproperty --vitrine-countdown-digit-size - Font size of the digits (default `1.5em`, `1em` inline).
 * @cssproperty --vitrine-countdown-unit-size - Font size of the unit names (default `0.7em`).
 * @cssproperty --vitrine-countdown-segment-background - Background of a segment (default the accent colour).
 * @cssproperty --vitrine-countdown-segment-color - Text colour of a segment (default the on-accent colour).
 * @cssproperty --vitrine-font - Font family.
 * @cssproperty --vitrine-color-text - Text colour of the label.
 * @cssproperty --vitrine-color-accent - Segment background and focus ring.
 * @cssproperty --vitrine-color-on-accent - Digit colour on the accent.
 * @cssproperty --vitrine-radius - Corner radius of a segment.
 *
 * @fires vitrine-countdown-end - Once when the countdown reaches zero (or is found already over); detail `{ campaign, deadline }`. Bubbles and is composed.
 */
export class VitrineCountdown extends VitrineElement {
  static override styles = countdownStyles;

  /** The deadline, an ISO 8601 date-time (`2026-11-27T23:59:00+01:00`, or without offset in `timezone`). */
  @property() deadline: string | null = null;

  /** Evergreen: the deadline is first seen + this duration (`48h`), stored per visitor and campaign, never reset. */
  @property() duration: string | null = null;

  /** A cut-off each day at this time in `timezone` (`14:00`), rolling to the next day once passed. */
  @property() daily: string | null = null;

  /** The server's time when the page was rendered (ISO 8601 or epoch seconds), to correct a wrong visitor clock. */
  @property() now: string | null = null;

  /** Which units show: `auto` drops leading zero units, or `dhms`, `hms`, `ms`. */
  @property() format: CountdownFormat = 'auto';

  /** Visible text before the digits ("Sale ends in"). */
  @property() label: string | null = null;

  /** At zero: `hide` (default) or `stay` (show zeros). Content in the `expired` slot wins over both. */
  @property({ attribute: 'on-end' }) onEnd: CountdownOnEnd = 'hide';

  /** `boxes` (default): digits over unit names in accent boxes; `inline`: one line of text, for bars. */
  @property({ reflect: true }) layout: CountdownLayout = 'boxes';

  /** Reflected once the countdown has reached zero, so a page can style against it. */
  @property({ type: Boolean, reflect: true }) expired = false;

  /** Paused by the shopper: the display stops, the deadline does not. */
  @state() private paused = false;

  /** Epoch ms of the deadline read on the visitor's clock (the true instant minus the skew), or null when no valid source is set. */
  @state() private deadlineAt: number | null = null;

  #schedule = new ScheduleController(this);
  #clock = new ClockController(this, () => this.#tick());
  /** Visitor clock + skew = server clock. */
  #skewMs = 0;
  #frozenRemainingMs = 0;
  /** The deadline for which the end event was sent: it is sent once per deadline. */
  #endedFor: number | null = null;
  #hasExpiredContent = false;

  /** Milliseconds left (0 once ended or when no valid deadline is set). */
  get remainingMs(): number {
    if (this.deadlineAt === null) return 0;
    return Math.max(0, this.deadlineAt - Date.now());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('now')) this.#skewMs = this.#readSkew();
    if (
      ['deadline', 'duration', 'daily', 'now', 'timezone', 'campaign', 'preview'].some((key) =>
        changed.has(key as keyof VitrineCountdown),
      )
    ) {
      this.deadlineAt = this.#readDeadline();
    }
    if (changed.has('format') && !(COUNTDOWN_FORMATS as readonly string[]).includes(this.format)) {
      this.warn('format', this.format, `one of ${COUNTDOWN_FORMATS.join(', ')}`);
      this.format = 'auto';
    }
    if (changed.has('onEnd') && !(COUNTDOWN_ON_END as readonly string[]).includes(this.onEnd)) {
      this.warn('on-end', this.onEnd, `one of ${COUNTDOWN_ON_END.join(', ')}`);
      this.onEnd = 'hide';
    }
    if (changed.has('layout') && !(COUNTDOWN_LAYOUTS as readonly string[]).includes(this.layout)) {
      this.warn('layout', this.layout, `one of ${COUNTDOWN_LAYOUTS.join(', ')}`);
      this.layout = 'boxes';
    }
    this.#checkEnd();
  }

  #readSkew(): number {
    const value = this.now?.trim();
    if (!value) return 0;
    const serverNow = EPOCH.test(value)
      ? Number(value) * (value.length >= 12 ? 1 : 1000)
      : parseDateTime(value, this.timeZone);
    if (serverNow === null) {
      this.warn('now', this.now, 'an ISO 8601 date-time or epoch seconds');
      return 0;
    }
    return serverNow - Date.now();
  }

  #readDeadline(): number | null {
    const sources = (['deadline', 'duration', 'daily'] as const).filter((name) => this[name] != null);
    for (const ignored of sources.slice(1)) {
      this.warn(ignored, this[ignored], `only one of deadline, duration, daily (using ${sources[0]})`);
    }
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
      return nextDailyCutoff(Date.now() + this.#skewMs, time, this.timeZone) - this.#skewMs;
    }
    return null;
  }

  /** First seen + duration, stored per visitor and campaign; once set it never moves, even after it passed. */
  #evergreenDeadline(): number | null {
    const length = parseDuration(this.duration);
    if (length === null) {
      this.warn('duration', this.duration, DURATION_EXPECTED);
      return null;
    }
    const key = campaignKey(this.campaignId, 'deadline');
    const stored = this.store.get<EvergreenRecord>(key);
    if (stored && Number.isFinite(stored.deadline)) return stored.deadline;
    const deadline = Date.now() + length;
    this.store.set(key, { deadline } satisfies EvergreenRecord);
    return deadline;
  }

  #tick(): void {
    if (this.daily != null && this.deadlineAt !== null && this.remainingMs === 0) {
      // The daily cut-off passed: announce it once, then roll to tomorrow's.
      this.#checkEnd();
      this.deadlineAt = this.#readDeadline();
    }
    this.requestUpdate();
  }

  #checkEnd(): void {
    const ended = this.deadlineAt !== null && this.remainingMs === 0;
    this.expired = ended && this.daily == null;
    this.#clock.running = this.deadlineAt !== null && !ended && !this.paused;
    if (!ended || this.#endedFor === this.deadlineAt || !this.isConnected) return;
    this.#endedFor = this.deadlineAt;
    const detail: CountdownEndDetail = { campaign: this.campaignId, deadline: this.deadlineAt! + this.#skewMs };
    if (!this.previewing) getBus().publish('timer-end', { campaign: this.campaignId });
    this.emit('vitrine-countdown-end', detail);
  }

  #togglePause(): void {
    this.#frozenRemainingMs = this.remainingMs;
    this.paused = !this.paused;
  }

  #onExpiredSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    const hasContent = slot
      .assignedNodes({ flatten: true })
      .some((node) => node.textContent?.trim() || node.nodeType === 1);
    if (hasContent !== this.#hasExpiredContent) {
      this.#hasExpiredContent = hasContent;
      this.requestUpdate();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The slot's own slotchange only fires once it is rendered; read light DOM for the first render.
    this.#hasExpiredContent = !!this.querySelector(':scope > [slot="expired"]');
  }

  protected override render() {
    if (this.deadlineAt === null || !this.#schedule.active) return nothing;
    const remaining = this.paused ? this.#frozenRemainingMs : this.remainingMs;
    const expiredSlot = html`<slot name="expired" @slotchange=${this.#onExpiredSlotChange}></slot>`;
    if (this.expired) {
      if (this.#hasExpiredContent) return html`<div part="expired" role="status">${expiredSlot}</div>`;
      if (this.onEnd !== 'stay') return html`<div hidden>${expiredSlot}</div>`;
    }
    const endsAt = this.deadlineAt + this.#skewMs;
    const name = this.expired
      ? this.t('countdown.ended')
      : this.t('countdown.name', { date: formatDateTime(endsAt, this.language, this.timeZone) });
    return html`
      <div part="base" role="timer" aria-label=${name}>
        ${this.label ? html`<span part="label">${this.label}</span>` : nothing}
        <span part="digits"
          >${splitRemaining(remaining, this.format).map(([unit, value]) => this.#segment(unit, value))}</span
        >
        ${
          this.expired
            ? nothing
            : html`<button
                part="pause-button"
                type="button"
                aria-label=${this.t(this.paused ? 'countdown.resume' : 'countdown.pause')}
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

  #segment(unit: Unit, value: number) {
    // Two digits at least, so the width does not change as time runs; the leading unit may grow (120 days).
    const digits = String(value).padStart(2, '0');
    const singular = `unit.${unit.slice(0, -1)}.one` as MessageKey;
    const inline = this.layout === 'inline';
    return html`<span part="segment segment-${unit}"
        ><span part="value">${digits}</span
        ><span part="unit" aria-hidden="true">${this.t(`unit.short.${unit}` as MessageKey)}</span
        ><span class="visually-hidden"
          >${value === 1 ? this.t(singular) : this.t(`unit.${unit}` as MessageKey)}</span
        ></span
      >${inline ? ' ' : nothing}`;
  }
}
