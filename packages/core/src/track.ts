/**
 * Analytics: widgets publish `track` on the bus; bridges, installed once per page, forward
 * each message to the tools the page already has — GA4 through `window.dataLayer` and
 * Shopify's `Shopify.analytics.publish` — and only when Shopify's `analytics` consent allows.
 *
 * GA4 (dataLayer): `view` → `view_promotion`, `click` → `select_promotion`, `close` →
 * `vitrine_close`, `convert` → `vitrine_convert`, each as
 * `{ event, ecommerce: { promotion_id: campaign, promotion_name: campaign, creative_name: widget, creative_slot: variant } }`
 * preceded by `{ ecommerce: null }` as Google recommends. Shopify: `publish('vitrine_<action>', message)`.
 */
import { getBus, type TrackMessage } from './bus.js';
import { analyticsAllowed, shopify } from './consent.js';

const BRIDGES_KEY = Symbol.for('vitrine.bridges');

const GA4_EVENTS: Record<TrackMessage['action'], string> = {
  view: 'view_promotion',
  click: 'select_promotion',
  close: 'vitrine_close',
  convert: 'vitrine_convert',
};

/** The GA4 dataLayer entry for a track message (exported for docs and tests). */
export function ga4Event(message: TrackMessage): Record<string, unknown> {
  const ecommerce: Record<string, string> = {
    promotion_id: message.campaign,
    promotion_name: message.campaign,
    creative_name: message.widget,
  };
  if (message.variant) ecommerce.creative_slot = message.variant;
  return { event: GA4_EVENTS[message.action], ecommerce };
}

function forward(message: TrackMessage): void {
  if (!analyticsAllowed()) return;
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

/** Installs the bridges once per page, whichever copy of Vitrine asks first. */
export function installTrackBridges(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (holder[BRIDGES_KEY]) return;
  Object.defineProperty(globalThis, BRIDGES_KEY, { value: true, configurable: true });
  getBus().subscribe('track', forward);
}
