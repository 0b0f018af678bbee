/**
 * The thin base every widget extends: the attributes common to all six (SPEC section 2) in
 * one place, and the small helpers every widget needs (warn once, emit, track, translate,
 * storage that respects preview). Behaviour lives in controllers, not here.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { customEvent, getBus, type TrackAction, type TrackMessage } from './bus.js';
import { experimentNameOf, heldByExperiment } from './experiment/hold.js';
import { inShopifyDesignMode } from './consent.js';
import { ScheduleController } from './controllers/schedule.js';
import { TargetingController } from './controllers/targeting.js';
import { connectedWidgets, type DebugReason, type WidgetDebugState } from './debug-state.js';
import { debugReasons } from './debug-reasons.js';
import type { WidgetHost } from './host.js';
import {
  languageOf,
  normalizeLanguage,
  textsReady,
  translateFrom,
  translatePlural,
  type Catalog,
  type Language,
  type PluralBase,
} from './i18n/index.js';
import { dateAttribute } from './parse/attribute.js';
import { isTimeZone, TIME_ZONE_EXPECTED } from './parse/datetime.js';
import { warnOnce } from './parse/warn.js';
import { createMemoryStorage, sessionStore, storage, type VitrineStorage } from './storage.js';
import { installBridgesLater, installRecorder } from './record-later.js';
import { timeTravelling } from './now.js';

export abstract class VitrineElement extends LitElement implements WidgetHost {
  /**
   * The id of this operation: the key for what is stored, analytics and bus messages.
   * Defaults to the tag name.
   */
  @property({ reflect: false }) campaign: string | null = null;

  /** ISO 8601 date-time before which the widget stays hidden (with a recurrence: the campaign's first day). */
  @property() start: string | null = null;

  /** ISO 8601 date-time after which the widget hides itself (with a recurrence: the campaign's last moment). */
  @property() end: string | null = null;

  /** IANA time zone for date-times written without an offset and for the recurrence (`Europe/Paris`). Defaults to the visitor's. */
  @property() timezone: string | null = null;

  /**
   * Recurrence: `day` (default; the days in `days`), `week` (`from="fri 18:00" until="sun 23:59"`) or
   * `month` (`from="1 00:00" until="3 23:59"`; a day past the month's end is its last day). Shown only
   * during an occurrence, inside `start`/`end`.
   */
  @property() every: string | null = null;

  /** Recurrence: the days of the week, in English, any case (`fri,sat,sun`, `mon-fri`); every day when absent. Only with `every="day"`. */
  @property() days: string | null = null;

  /**
   * Recurrence: when each occurrence starts, in `timezone`: `18:00` daily, `fri 18:00` weekly, `1 00:00` monthly
   * (a day alone: its start). A time the clocks skip (spring forward) moves forward by the gap; a repeated one
   * (fall back) is the first. Default `00:00` (daily).
   */
  @property() from: string | null = null;

  /**
   * Recurrence: when each occurrence ends, same form as `from` (a day alone: its end; `24:00`: the end of the day).
   * At or before `from`, it ends in the next day, week or month: `from="18:00" until="02:00"` runs until 02:00 the
   * next morning. Default: the end of `from`'s day.
   */
  @property() until: string | null = null;

  /** Language of the built-in texts (`en`, `fr`, `de`, `es`, `it`, `nl`, `pt`, `pl`, `sv`, `da`, `ar`, `he`; `pt-BR` reads as `pt`, others as `en`); defaults to the nearest `[lang]` ancestor, else `en`. */
  @property() override lang!: string;

  /** A/B label carried by every analytics event of this widget. */
  @property() variant: string | null = null;

  /** Designer mode: ignores schedule, targeting, dismissal and storage, never sends data. On by itself in Shopify's theme editor. */
  @property({ type: Boolean }) preview = false;

  /** Targeting: shown only on these URL paths, space-separated (`/products/* /collections/**`; `*` within a segment, `**` across). */
  @property() pages: string | null = null;

  /** Targeting: never shown on these URL paths (same patterns as `pages`). */
  @property({ attribute: 'exclude-pages' }) excludePages: string | null = null;

  /** Targeting: `mobile` (a touch screen or a window narrower than 750 px) or `desktop` (the others). */
  @property() device: string | null = null;

  /** Targeting: `new` or `returning` (first seen on this browser more than 30 minutes ago). */
  @property() visitor: string | null = null;

  /** Targeting: shown only while the cart total is at least this (major units, the cart's currency); hidden while no cart is known. */
  @property({ attribute: 'cart-min' }) cartMin: string | null = null;

  /** Targeting: shown only while the cart total is at most this (major units, the cart's currency); hidden while no cart is known. */
  @property({ attribute: 'cart-max' }) cartMax: string | null = null;

  /** Targeting: `guest`, `member` or `tag:<tag>` (space-separated, any matches), from the bus `customer` topic. */
  @property() customer: string | null = null;

  /** Targeting: shown only when the session's landing URL had this `utm_source` (space-separated, any matches). */
  @property({ attribute: 'utm-source' }) utmSource: string | null = null;

  /** `start` / `end` and the recurrence: whether the widget is inside an occurrence (always in preview). */
  protected readonly timeWindow: ScheduleController = new ScheduleController(this);

  /** The targeting rules' verdict (always a match in preview). */
  protected readonly targeting: TargetingController = new TargetingController(this);

  #previewStorage?: VitrineStorage;
  #previewSessionStorage?: VitrineStorage;

  /**
   * This widget's schedule, for code that plans or previews: `windowAt(now)`, `occurrences(from, to)`,
   * `recurrence` (in words), `phaseAt(now)`. With a recurrence, after `loadRecurrence()`.
   */
  get schedule(): ScheduleController {
    return this.timeWindow;
  }

  /** `campaign`, else the tag name. */
  get campaignId(): string {
    const campaign = this.campaign?.trim();
    return campaign ? campaign : this.localName;
  }

  /** The widget's name in analytics and leads: the tag without `vitrine-`. */
  get widgetName(): string {
    return this.localName.replace(/^vitrine-/, '');
  }

  /** Preview mode, asked for or implied by Shopify's theme editor. */
  get previewing(): boolean {
    return this.preview || inShopifyDesignMode();
  }

  get language(): Language {
    // languageOf walks up across shadow roots: a widget rendered inside another's shadow root has no parentElement.
    return this.lang ? normalizeLanguage(this.lang) : languageOf(this);
  }

  /** The valid `timezone`, or undefined (the visitor's) with a warning when it is not one. */
  get timeZone(): string | undefined {
    if (this.timezone == null || this.timezone === '') return undefined;
    if (isTimeZone(this.timezone)) return this.timezone.trim();
    this.warn('timezone', this.timezone, TIME_ZONE_EXPECTED);
    return undefined;
  }

  /** Epoch ms of `start`, or null (absent or invalid, with a warning). */
  get startAt(): number | null {
    return this.#date('start', this.start);
  }

  /** Epoch ms of `end`, or null (absent or invalid, with a warning). */
  get endAt(): number | null {
    return this.#date('end', this.end);
  }

  /** The zone is read only for a date that is set: a bad `timezone` warns when it matters. */
  #date(attribute: string, value: string | null): number | null {
    return value == null ? null : dateAttribute(this, attribute, value, this.timeZone);
  }

  /** Inside its `start`/`end` window and matching its targeting rules (always true in preview). */
  get eligible(): boolean {
    return this.timeWindow.active && this.targeting.matches;
  }

  /** Where this widget keeps what outlives the visit (memory only in preview). */
  get store(): VitrineStorage {
    return this.previewing ? (this.#previewStorage ??= createMemoryStorage()) : storage;
  }

  /** Where this widget keeps what ends with the tab (memory only in preview). */
  get sessionStore(): VitrineStorage {
    return this.previewing ? (this.#previewSessionStorage ??= createMemoryStorage()) : sessionStore;
  }

  /** One `[vitrine]` warning per element, attribute and value. */
  warn(attribute: string, value: unknown, expected: string): void {
    warnOnce(this, attribute, value, expected);
  }

  /** A built-in text from the widget's own `catalog`, in this widget's language. */
  localize<Key extends string>(catalog: Catalog<Key>, key: Key, values?: Record<string, string | number>): string {
    return translateFrom(catalog, this.language, key, values);
  }

  /** The plural form of `base` for `count` (`daysOne`, `daysFew` …) from the widget's own `catalog`. */
  localizePlural<Key extends string>(
    catalog: Catalog<Key>,
    base: PluralBase<Key>,
    count: number,
    values?: Record<string, string | number>,
  ): string {
    return translatePlural(catalog, this.language, base, count, values);
  }

  /**
   * A widget in a language whose texts are in a chunk of their own (not en or fr), or on a page with
   * the merchant's own texts, renders once they are here: one small fetch, rather than English first
   * and then a swap that would flash and move the page. Otherwise it renders at once, as Lit does.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return textsReady(this.language, !this.hasUpdated)?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  /** Dispatches a composed, bubbling DOM event; returns false when a listener cancelled it. */
  emit<T>(name: string, detail?: T, options: { cancelable?: boolean } = {}): boolean {
    /** @ignore Each widget documents its own events with `@fires`; without this the manifest lists an event named "name". */
    return this.dispatchEvent(
      customEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }

  /** Publishes an analytics event on the bus (never in preview, nor in a time-travel preview); `details.code`: the code revealed or copied. */
  track(action: TrackAction, details?: Pick<TrackMessage, 'code'>): void {
    if (this.previewing || timeTravelling()) return;
    installBridgesLater();
    installRecorder();
    const message: TrackMessage = { action, widget: this.widgetName, campaign: this.campaignId };
    if (this.variant) message.variant = this.variant;
    const experiment = experimentNameOf(this);
    if (experiment) message.experiment = experiment;
    if (details?.code) message.code = details.code;
    getBus().publish('track', message);
  }

  override connectedCallback(): void {
    // Inside a <vitrine-experiment>: a losing variant is removed before it ever renders (no view,
    // no room), and a variant whose experiment cannot decide yet waits (it connects again after).
    if (heldByExperiment(this)) return;
    super.connectedCallback();
    connectedWidgets().add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connectedWidgets().delete(this);
  }

  /**
   * Whether this widget shows and why not, for `window.vitrine.debug()` and the `?vitrine-debug` panel.
   */
  debugState(): WidgetDebugState {
    return debugReasons.state(this, () => this.hiddenReason(), this.timeWindow, this.targeting);
  }

  /**
   * Why the widget does not show now, or null when it does. The base says the schedule and the
   * targeting; each widget extends it with its own causes (dismissed, bad input, an overlay's turn …),
   * calling `super.hiddenReason()` first.
   */
  protected hiddenReason(): DebugReason | null {
    return debugReasons.hidden(this, this.timeWindow, this.targeting);
  }

  /**
   * `bad attribute: deadline="tomorrow" (expected an ISO 8601 date-time)` for the newest ignored value
   * of `attributes`, else `bad input: <fallback>`: the debug reason of a widget that has nothing to show.
   */
  protected badInput(attributes: readonly string[], fallback: string): DebugReason {
    return debugReasons.badInput(this, attributes, fallback);
  }

  /**
   * A widget's bug must never reach the host page's `window.onerror`: log it, keep the page.
   * Lit would otherwise rethrow from its microtask.
   */
  protected override performUpdate(): void {
    try {
      super.performUpdate();
    } catch (error) {
      console.error(`[vitrine] <${this.localName}> failed to render:`, error);
    }
  }
}
