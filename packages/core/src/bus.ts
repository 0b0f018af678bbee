/**
 * The page's one event bus. Every copy of Vitrine on a page (the script-tag build, an
 * npm-bundled copy of another version) finds the same bus under a global symbol, so their
 * widgets and the merchant's own code hear each other.
 */
import type { PageKey } from './page-keys.js';

export type { PageKey } from './page-keys.js';

export interface CartState {
  /** Cart total in major units (59.9, not 5990). */
  total: number;
  /** ISO 4217 code of the total. */
  currency: string;
  itemCount: number;
  /** Discount codes applied to the cart (Shopify's `discount_codes` that apply), upper case; absent when unknown. */
  discountCodes?: string[];
}

/** The signed-in customer, or `{}` for a guest (`customer="member"` targets an `id`). */
export interface CustomerState {
  id?: string;
  points?: number;
  tier?: string;
  /** The customer's tags (Shopify's `customer.tags`), any case: what `customer="tag:<tag>"` matches. */
  tags?: string[];
}

export interface CouponMessage {
  code: string;
  campaign: string;
  label?: string;
}

/**
 * What became of a lead: `delivered` (the destination counts the shopper), `pending-confirmation`
 * (double opt-in: the provider sent a confirmation e-mail), `queued` (kept in the outbox and retried),
 * `refused` (a final 4xx: the shopper was told).
 */
export type LeadOutcome = 'delivered' | 'pending-confirmation' | 'queued' | 'refused';

export interface LeadMessage {
  /** On the bus and in `vitrine-lead`: the submission's id (the outbox's idempotency key); a later message about the same lead (a queued one settling) has the same. */
  id?: string;
  /** On the bus and in `vitrine-lead`: what became of it. A queued lead is told again once it settles. */
  outcome?: LeadOutcome;
  email: string;
  consent: boolean;
  consentText: string;
  campaign: string;
  widget: string;
  url: string;
  /** ISO 8601 instant the shopper submitted. */
  at: string;
}

export interface OverlayMessage {
  campaign: string | null;
}

export interface TimerEndMessage {
  campaign: string;
}

/**
 * The funnel, in order: `view`; `click` (an interaction: a link, a spin, the details opened);
 * `convert` (a sign-up, or a wheel's prize without one); `reveal`, `copy`, `apply` (a code shown,
 * copied, seen in the cart's discount codes); `order`. `close` is the shopper's way out.
 */
export const TRACK_ACTIONS = ['view', 'click', 'close', 'convert', 'reveal', 'copy', 'apply', 'order'] as const;
export type TrackAction = (typeof TRACK_ACTIONS)[number];

/** How an order was tied to a widget: its discount code, else the last interaction, else the last A/B exposure (a view of a variant) within the window. */
export type AttributedBy = 'code' | 'interaction' | 'view';

export interface TrackMessage {
  action: TrackAction;
  widget: string;
  campaign: string;
  variant?: string;
  /** The `name` of the `<vitrine-experiment>` the widget is a variant of. */
  experiment?: string;
  /** `reveal`, `copy`, `apply`, `order`: the discount code. */
  code?: string;
  /** `order`: its value in major units, its currency, its id, and how it was attributed. */
  value?: number;
  currency?: string;
  order?: string;
  attributed?: AttributedBy;
}

export interface Topics {
  cart: CartState;
  customer: CustomerState;
  coupon: CouponMessage;
  lead: LeadMessage;
  overlay: OverlayMessage;
  'timer-end': TimerEndMessage;
  track: TrackMessage;
}

export type Topic = keyof Topics;
export type Handler<T extends Topic> = (payload: Topics[T]) => void;

/** Topics whose last value is replayed to every new subscriber. */
export const STICKY_TOPICS: ReadonlySet<string> = new Set<Topic>(['cart', 'customer', 'coupon', 'overlay']);

export interface Bus {
  /** Bumped only if the shape of this object ever changes, so copies can tell. */
  readonly version: 1;
  // `this: void`: the methods are closures, safe to pass around detached (window.vitrine does).
  publish<T extends Topic>(this: void, topic: T, payload: Topics[T]): void;
  subscribe<T extends Topic>(this: void, topic: T, handler: Handler<T>): () => void;
  last<T extends Topic>(this: void, topic: T): Topics[T] | undefined;
}

type Listener = (payload: unknown) => void;

/**
 * `new CustomEvent(name, init)`, or, on a page that replaced CustomEvent with something that
 * throws, a plain Event that carries `detail` all the same. Here rather than in its own module:
 * the bus chunk is the loader's only dependency and must stay alone.
 */
export function customEvent<T>(name: string, init: CustomEventInit<T>): CustomEvent<T> {
  try {
    return new CustomEvent(name, init);
  } catch {
    return Object.defineProperty(new Event(name, init), 'detail', { value: init.detail }) as CustomEvent<T>;
  }
}

function createBus(): Bus {
  const listeners = new Map<string, Set<Listener>>();
  const lastValues = new Map<string, unknown>();

  const deliver = (listener: Listener, payload: unknown) => {
    try {
      listener(payload);
    } catch (error) {
      // A merchant's subscriber that throws must neither stop the others nor reach window.onerror.
      console.error('[vitrine] a bus subscriber failed:', error);
    }
  };

  return {
    version: 1,
    publish(topic, payload) {
      if (STICKY_TOPICS.has(topic)) lastValues.set(topic, payload);
      // Copy first: a handler may unsubscribe itself or subscribe others while we iterate.
      for (const listener of [...(listeners.get(topic) ?? [])]) deliver(listener, payload);
      // A page listener that throws is reported by the browser as that listener's own error, as
      // for any DOM event; `deliver` only guards against a page that broke CustomEvent itself.
      deliver((detail) => document.dispatchEvent(customEvent(`vitrine:${topic}`, { detail })), payload);
    },
    subscribe(topic, handler) {
      // Cast where used rather than into a variable of its own: the loader downloads this code.
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(handler as Listener);
      if (STICKY_TOPICS.has(topic) && lastValues.has(topic)) deliver(handler as Listener, lastValues.get(topic));
      return () => {
        set.delete(handler as Listener);
      };
    },
    last(topic) {
      return lastValues.get(topic) as never;
    },
  };
}

/** What a copy of Vitrine left on the page under `key`, if anything (never creates it). */
export function pageValue<T>(key: PageKey): T | undefined {
  return (globalThis as unknown as Record<symbol, T | undefined>)[Symbol.for(key)];
}

/**
 * The page's one `key` (page-keys.ts), shared by every copy of Vitrine: the value already there
 * when `usable` accepts it (a copy of another version may have left something else), else a new
 * one from `create`. Here, beside the bus, because the loader needs it without the shared chunk.
 */
export function pageSingleton<T>(key: PageKey, usable: (value: T | undefined) => boolean, create: () => T): T {
  const existing = pageValue<T>(key);
  if (usable(existing)) return existing!;
  const value = create();
  // Not writable, not enumerable: a page's stray loop over window cannot replace or see it.
  Object.defineProperty(globalThis, Symbol.for(key), { value, configurable: true });
  return value;
}

/**
 * The merchant's own wording for built-in texts (`{ "wheel": { "none": "…" }, "de": { … } }`, README,
 * "Changing a text"): kept page-wide, so every copy of Vitrine reads it, and every widget renders
 * again with it. `window.vitrine.texts()` in the script-tag build; here, beside the bus, because the
 * loader needs it without the shared chunk. i18n/overrides.ts reads and checks it.
 */
export function addTexts(overrides: object): void {
  pageSingleton<object[]>('vitrine.texts', Array.isArray, () => []).push(overrides);
  for (const widget of pageValue<Iterable<{ requestUpdate(): void }>>('vitrine.widgets') ?? []) widget.requestUpdate();
}

/** The page's bus, created by whichever copy of Vitrine asks first. */
export function getBus(): Bus {
  return pageSingleton<Bus>('vitrine.bus', (bus) => typeof bus?.publish === 'function', createBus);
}
