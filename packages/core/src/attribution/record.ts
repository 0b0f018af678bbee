/**
 * The visitor's own attribution, in the page: every `track` message the bridges forward (so only
 * with Shopify's `analytics` consent) is kept as a touch in storage (memory without `preferences`
 * consent); a code the visitor was shown and that then appears in the cart's discount codes is
 * tracked as `apply`; `window.vitrine.conversion()` attributes an order (touches.ts) and sends it
 * through the same bridges as a GA4 `purchase`; `window.vitrine.attribution()` lists the touches
 * per campaign and variant. Its own chunk, fetched with the first tracked message or the first
 * call: a page without Vitrine never downloads it.
 */
import { getBus, pageSingleton, type CartState, type TrackMessage } from '../bus.js';
import { analyticsAllowed } from '../consent.js';
import { timeTravelling } from '../now.js';
import { parseDuration } from '../parse/duration.js';
import { storage } from '../storage.js';
import { installTrackBridges } from '../track.js';

// The bridges' sending, for record-later.ts's subscriber: it travels in this chunk, which the first tracked message fetches anyway.
export { sendToBridges } from '../track.js';
import {
  addTouch,
  attribute,
  DEFAULT_WINDOW_MS,
  isTouch,
  normalizeCode,
  summarize,
  touchFrom,
  type Attribution,
  type AttributionRow,
  type Touch,
} from './touches.js';

export type { Attribution, AttributionRow, Touch } from './touches.js';

const TOUCHES_KEY = 'attribution:touches';
const CART_WATCH_KEY = Symbol.for('vitrine.attribution.cart');

/** The touches this browser keeps, oldest first. */
export function touches(): Touch[] {
  const stored = storage.get<unknown>(TOUCHES_KEY);
  return Array.isArray(stored) ? stored.filter(isTouch) : [];
}

/** Keeps a tracked message as a touch (called through record-later.ts, in order). */
export function recordTouch(message: TrackMessage, at = Date.now()): void {
  // conversion() keeps its order itself, at once, so that a second call sees it.
  const touch = message.action === 'order' ? null : touchFrom(message, at);
  if (touch) storage.set(TOUCHES_KEY, addTouch(touches(), touch));
  watchCart();
}

/**
 * This chunk's own recorder, where no widget installed the lazy one (record-later.ts): a thank-you
 * page's `vitrine.conversion()`. One per page, under the same key.
 */
function recordHere(): void {
  pageSingleton<boolean>('vitrine.attribution.recorder', Boolean, () => {
    getBus().subscribe('track', (message) => {
      if (analyticsAllowed()) recordTouch(message);
    });
    return true;
  });
}

/** Codes announced as applied in this page view: a cart published twice announces once. */
const announced = new Set<string>();

/** A code the visitor was shown, now in the cart: `apply`, once per showing, for the widget that showed it. */
function checkApplied(cart: CartState): void {
  for (const code of (cart.discountCodes ?? []).map(normalizeCode)) {
    const past = touches().filter((touch) => touch.code === code);
    const shown = past.filter((touch) => touch.action === 'reveal' || touch.action === 'copy').pop();
    if (
      timeTravelling() ||
      !shown ||
      announced.has(code) ||
      past.some((touch) => touch.action === 'apply' && touch.at >= shown.at)
    )
      continue;
    announced.add(code);
    const message: TrackMessage = { action: 'apply', widget: shown.widget, campaign: shown.campaign, code };
    if (shown.variant) message.variant = shown.variant;
    if (shown.experiment) message.experiment = shown.experiment;
    installTrackBridges();
    recordHere();
    getBus().publish('track', message);
  }
}

/** Watches the shared cart's discount codes, once per page (the cart is sticky: the current one comes at once). */
export function watchCart(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (holder[CART_WATCH_KEY]) return;
  Object.defineProperty(globalThis, CART_WATCH_KEY, { value: true, configurable: true });
  getBus().subscribe('cart', checkApplied);
}

/** What `window.vitrine.conversion()` takes: an order placed on a thank-you page. */
export interface ConversionInput {
  /** The order's value in major units (`59.90`). */
  value?: number | string;
  /** ISO 4217 (default `EUR`). */
  currency?: string;
  /** The discount code used, if any: an order with a code Vitrine showed is owed to that widget. */
  coupon?: string;
  /** The order id: a conversion reported twice (a reloaded thank-you page) is sent once. */
  id?: string | number;
  /** The window for the last interaction, as a duration (`7d`, default; `48h`). */
  window?: string;
}

const warned = new Set<string>();
function warn(field: string, value: unknown, expected: string): void {
  const key = `${field}=${String(value)}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[vitrine] vitrine.conversion() ignored ${field}=${JSON.stringify(value)}: expected ${expected}`);
}

/**
 * Attributes an order to what this visitor saw and did, and sends it (bus `track` `order`, GA4
 * `purchase`, Shopify `vitrine_order`). Returns the attribution, or null when no Vitrine touch
 * leads to it (then nothing is sent). Bad input is ignored with one warning each, never thrown.
 */
export function conversion(input?: ConversionInput): Attribution | null {
  const order = input && typeof input === 'object' ? input : {};
  let value: number | undefined;
  if (order.value !== undefined) {
    const number = typeof order.value === 'string' ? Number(order.value.trim()) : order.value;
    if (typeof number === 'number' && Number.isFinite(number) && number >= 0 && String(order.value).trim() !== '')
      value = number;
    else warn('value', order.value, 'an amount in major units, 0 or more (59.90)');
  }
  let currency = 'EUR';
  if (order.currency !== undefined) {
    if (typeof order.currency === 'string' && /^[a-z]{3}$/i.test(order.currency.trim()))
      currency = order.currency.trim().toUpperCase();
    else warn('currency', order.currency, 'an ISO 4217 code (EUR, USD); EUR used');
  }
  const coupon = typeof order.coupon === 'string' && order.coupon.trim() ? normalizeCode(order.coupon) : undefined;
  if (order.coupon !== undefined && !coupon) warn('coupon', order.coupon, 'the discount code used (WELCOME10)');
  const id = typeof order.id === 'string' || typeof order.id === 'number' ? String(order.id).trim() : '';
  if (order.id !== undefined && !id) warn('id', order.id, 'the order id');
  let windowMs = DEFAULT_WINDOW_MS;
  if (order.window !== undefined) {
    const parsed = typeof order.window === 'string' ? parseDuration(order.window) : null;
    if (parsed) windowMs = parsed;
    else warn('window', order.window, 'a duration such as 7d or 48h');
  }

  const known = touches();
  const attributed = attribute(known, { codes: coupon ? [coupon] : [], at: Date.now(), windowMs });
  if (!attributed) return null;
  // A thank-you page reloaded reports the same order again: sent once.
  if (id && known.some((touch) => touch.action === 'order' && touch.order === id)) return attributed;
  const message: TrackMessage = {
    action: 'order',
    widget: attributed.widget,
    campaign: attributed.campaign,
    currency,
    attributed: attributed.by,
  };
  if (attributed.variant) message.variant = attributed.variant;
  if (attributed.experiment) message.experiment = attributed.experiment;
  if (coupon ?? attributed.code) message.code = coupon ?? attributed.code;
  if (value !== undefined) message.value = value;
  if (id) message.order = id;
  // A time-travel preview tells what would be attributed, and sends nothing.
  if (timeTravelling()) return attributed;
  const touch = touchFrom(message, Date.now());
  if (touch) storage.set(TOUCHES_KEY, addTouch(known, touch));
  installTrackBridges();
  recordHere();
  getBus().publish('track', message);
  return attributed;
}

/** `window.vitrine.attribution()`: what this visitor saw and did, per campaign and variant, most recent first. */
export function attribution(): AttributionRow[] {
  return summarize(touches());
}
