/**
 * Analytics: widgets publish `track` on the bus; bridges, installed once per page, forward
 * each message to the tools the page already has — GA4 through `window.dataLayer` and
 * Shopify's `Shopify.analytics.publish` — and only when Shopify's `analytics` consent allows.
 *
 * GA4 (dataLayer), the funnel: `view` → `view_promotion`, `click` → `select_promotion`, `close` →
 * `vitrine_close`, `convert` (a sign-up) → `vitrine_convert`, `reveal` / `copy` / `apply` (a code
 * shown, copied, seen in the cart) → `vitrine_reveal` / `vitrine_copy` / `vitrine_apply` with
 * `coupon`, each as
 * `{ event, ecommerce: { promotion_id: campaign, promotion_name: campaign, creative_name: widget, creative_slot: variant } }`
 * preceded by `{ ecommerce: null }` as Google recommends; `order` (window.vitrine.conversion()) →
 * GA4's `purchase` with `transaction_id`, `value`, `currency`, `coupon` beside the promotion, and
 * `vitrine_campaign`, `vitrine_variant`, `vitrine_attribution` (code, interaction or view) as
 * event parameters. Shopify: `publish('vitrine_<action>', message)`, which the Vitrine pixel
 * (attribution/pixel.ts) hears.
 *
 * A/B experiments: a widget kept by `<vitrine-experiment name="bf-bar">` carries the kept label in
 * `variant` (its own `variant` attribute, else the one the experiment set: `A`, `B` …) and the
 * experiment's name in `experiment`, so every payload says which test and which arm:
 * - bus: `{ action: 'view', widget: 'sticky-bar', campaign: 'bf-2026', variant: 'B', experiment: 'bf-bar' }`;
 * - GA4: `{ event: 'view_promotion', vitrine_experiment: 'bf-bar', ecommerce: { …, creative_slot: 'B' } }`
 *   (`vitrine_experiment` is an event-level custom parameter: register it as a custom dimension);
 * - Shopify: `publish('vitrine_view', { action, widget, campaign, variant: 'B', experiment: 'bf-bar' })`.
 */
import { getBus, pageSingleton, type TrackMessage } from './bus.js';
import { analyticsAllowed, shopify } from './consent.js';
import { timeTravelling } from './now.js';

/** GA4's recommended events where one fits; the other actions are `vitrine_<action>`. */
const GA4_EVENTS: Partial<Record<TrackMessage['action'], string>> = {
  view: 'view_promotion',
  click: 'select_promotion',
  order: 'purchase',
};

/** The GA4 dataLayer entry for a track message (exported for docs and tests). */
export function ga4Event(message: TrackMessage): Record<string, unknown> {
  const ecommerce: Record<string, string | number> = {
    promotion_id: message.campaign,
    promotion_name: message.campaign,
    creative_name: message.widget,
  };
  if (message.variant) ecommerce.creative_slot = message.variant;
  const event: Record<string, unknown> = { event: GA4_EVENTS[message.action] ?? `vitrine_${message.action}` };
  if (message.experiment) event.vitrine_experiment = message.experiment;
  if (message.action === 'order') {
    // A purchase's promotion fields apply to items, which a thank-you page's call does not list:
    // the event parameters carry the campaign for GA4's explorations (see the README).
    event.vitrine_campaign = message.campaign;
    if (message.variant) event.vitrine_variant = message.variant;
    if (message.attributed) event.vitrine_attribution = message.attributed;
    if (message.order) ecommerce.transaction_id = message.order;
    if (message.value !== undefined) ecommerce.value = message.value;
    if (message.currency) ecommerce.currency = message.currency;
  }
  if (message.code) ecommerce.coupon = message.code;
  event.ecommerce = ecommerce;
  return event;
}

/** Sends one message to the page's tools; the caller has checked consent and time travel. */
export function sendToBridges(message: TrackMessage): void {
  const dataLayer = (globalThis as { dataLayer?: unknown }).dataLayer;
  if (Array.isArray(dataLayer)) {
    try {
      dataLayer.push({ ecommerce: null });
      dataLayer.push(ga4Event(message));
    } catch (error) {
      console.error('[vitrine] dataLayer.push threw:', error);
    }
  }
  const publish = shopify()?.analytics?.publish;
  if (typeof publish === 'function') {
    try {
      void publish.call(shopify()?.analytics, `vitrine_${message.action}`, { ...message });
    } catch (error) {
      console.error('[vitrine] Shopify.analytics.publish threw:', error);
    }
  }
}

function forward(message: TrackMessage): void {
  // A time-travel preview sends nothing, not even a message the page's own code published.
  if (analyticsAllowed() && !timeTravelling()) sendToBridges(message);
}

/**
 * Installs the bridges once per page, whichever copy asks first; they forward each message at
 * once. A widget installs them through record-later.ts instead, under the same page key, so that
 * this code travels in the attribution chunk the first tracked message fetches anyway.
 */
export function installTrackBridges(): void {
  pageSingleton<boolean>('vitrine.bridges', Boolean, () => {
    getBus().subscribe('track', forward);
    return true;
  });
}
