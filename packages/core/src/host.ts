/**
 * What a controller may read and call on the widget that owns it, on top of Lit's
 * `ReactiveControllerHost`. VitrineElement implements it; controllers, the targeting engine and
 * the lead form take it (or a `Pick` of it), never the base class: the base builds its
 * controllers, so a controller typed to the base would close an import circle, and a controller
 * that names what it uses can be read, and tested, on its own.
 */
import type { ReactiveControllerHost } from 'lit';
import type { TrackAction, TrackMessage } from './bus.js';
import type { Language } from './i18n/index.js';
import type { VitrineStorage } from './storage.js';

/** The widget itself: an element (its warnings name it, its events start from it) that Lit updates. */
export interface WidgetHost extends ReactiveControllerHost, Element {
  /** `campaign`, else the tag name: the key for storage, analytics and bus messages. */
  readonly campaignId: string;
  /** The tag without `vitrine-` (analytics, leads). */
  readonly widgetName: string;
  /** Designer mode: no schedule, targeting, dismissal or storage, no data sent. */
  readonly previewing: boolean;
  readonly language: Language;
  /** The valid `timezone`, or undefined (the visitor's). */
  readonly timeZone: string | undefined;
  /** Inside its `start`/`end` window and matching its targeting rules. */
  readonly eligible: boolean;
  /** What outlives the visit, and what ends with the tab (memory only in preview). */
  readonly store: VitrineStorage;
  readonly sessionStore: VitrineStorage;
  /** One `[vitrine]` warning per element, attribute and value. */
  warn(attribute: string, value: unknown, expected: string): void;
  /** A composed, bubbling DOM event; false when a listener cancelled it. */
  emit<T>(name: string, detail?: T, options?: { cancelable?: boolean }): boolean;
  /** An analytics event on the bus (never in preview); `details.code`: the code revealed or copied. */
  track(action: TrackAction, details?: Pick<TrackMessage, 'code'>): void;
}

/** The schedule attributes (`start`, `end`, `timezone`, and the recurrence's `every`, `days`, `from`, `until`) and the parsed window. */
export interface ScheduleHost extends Pick<WidgetHost, 'previewing' | 'warn' | 'timeZone'>, ReactiveControllerHost {
  readonly start: string | null;
  readonly end: string | null;
  readonly timezone: string | null;
  readonly every: string | null;
  readonly days: string | null;
  readonly from: string | null;
  readonly until: string | null;
  readonly startAt: number | null;
  readonly endAt: number | null;
}

/** The targeting attributes every widget has (SPEC section 2, "Targeting"). */
export interface TargetingAttributes {
  pages: string | null;
  excludePages: string | null;
  device: string | null;
  visitor: string | null;
  cartMin: string | null;
  cartMax: string | null;
  customer: string | null;
  utmSource: string | null;
}

/** What the targeting controller and its engine read and call. */
export interface TargetingHost
  extends
    Pick<WidgetHost, 'previewing' | 'warn' | 'store' | 'sessionStore'>,
    ReactiveControllerHost,
    Element,
    TargetingAttributes {}
