/**
 * The Vitrine pixel: runs in Shopify's pixel sandbox (a custom pixel under Settings → Customer
 * events, or the web pixel extension of examples/shopify-app/extensions/vitrine-pixel), hears
 * Vitrine's own customer events (`vitrine_view`, `vitrine_click` … that the storefront's track
 * bridge publishes with `Shopify.analytics.publish`) and `checkout_completed`, attributes the order
 * (touches.ts: its discount code first, else the last interaction within the merchant's window)
 * and forwards a GA4 `purchase` that carries the campaign, the widget and the variant.
 *
 * Shapes followed — Shopify's Web Pixels API as documented on shopify.dev (docs/api/web-pixels-api,
 * read in December 2026; the API is not versioned by date: `@shopify/web-pixels-extension` 2.x):
 * - `register(({ analytics, browser, init, customerPrivacy, settings }) => …)`; custom pixels get
 *   the same objects as globals;
 * - `analytics.subscribe(name, (event) => …)`, a custom event carrying `customData`, a standard one
 *   `data`, both `timestamp` (ISO 8601) and `clientId`;
 * - `checkout_completed`'s `data.checkout`: `currencyCode`, `subtotalPrice`/`totalPrice`/`totalTax`
 *   as `{ amount, currencyCode }`, `shippingLine.price`, `discountApplications[]` with `type`
 *   (`DISCOUNT_CODE`, `AUTOMATIC`, `MANUAL`, `SCRIPT`) and `title` (the code, for a code),
 *   `lineItems[]` with `quantity`, `title`, `variant { sku, title, price, product { id, title, vendor, type } }`,
 *   `order.id`, `token`;
 * - `browser.localStorage.getItem/setItem` (promises), `browser.cookie.get`;
 * - `init.customerPrivacy` and `customerPrivacy.subscribe('visitorConsentCollected', (event) =>
 *   event.customerPrivacy)`, each `{ analyticsProcessingAllowed, marketingAllowed,
 *   preferencesProcessingAllowed, saleOfDataAllowed }`.
 * GA4: the recommended `purchase` event (developers.google.com/analytics/devguides/collection/ga4/reference/events):
 * `transaction_id`, `value` (line items after discounts, without shipping and tax, as Google asks),
 * `currency`, `coupon`, `shipping`, `tax`, `items[]` whose `promotion_id`, `promotion_name`,
 * `creative_name` and `creative_slot` tie each item to the promotion, plus the event parameters
 * `vitrine_campaign`, `vitrine_widget`, `vitrine_variant`, `vitrine_experiment`, `vitrine_attribution`.
 *
 * Consent: touches are kept only while `analyticsProcessingAllowed`; a purchase is sent only while
 * both `analyticsProcessingAllowed` and `marketingAllowed` (it feeds an advertising tool).
 */
import { TRACK_ACTIONS, type TrackMessage } from '../bus.js';
import { addTouch, attribute, isTouch, touchFrom, type Attribution, type Touch } from './touches.js';

export interface CustomerPrivacyStatus {
  analyticsProcessingAllowed?: boolean;
  marketingAllowed?: boolean;
  preferencesProcessingAllowed?: boolean;
  saleOfDataAllowed?: boolean;
}

export interface MoneyV2 {
  amount: number;
  currencyCode: string;
}

export interface CheckoutLineItem {
  id?: string;
  quantity: number;
  title?: string;
  finalLinePrice?: MoneyV2;
  variant?: {
    id?: string;
    sku?: string | null;
    title?: string;
    price?: MoneyV2;
    product?: { id?: string; title?: string; vendor?: string; type?: string | null };
  } | null;
}

export interface Checkout {
  token?: string | null;
  currencyCode?: string | null;
  subtotalPrice?: MoneyV2 | null;
  totalPrice?: MoneyV2 | null;
  totalTax?: MoneyV2 | null;
  shippingLine?: { price?: MoneyV2 } | null;
  discountApplications?: Array<{ type?: string; title?: string }>;
  lineItems?: CheckoutLineItem[];
  order?: { id?: string | null } | null;
}

export interface PixelEvent {
  id?: string;
  name?: string;
  clientId?: string;
  timestamp?: string;
  customData?: Partial<TrackMessage>;
  data?: { checkout?: Checkout };
}

/** The part of the Web Pixels API the Vitrine pixel uses (its tests pass a stand-in). */
export interface WebPixelApi {
  analytics: { subscribe(name: string, callback: (event: PixelEvent) => void): unknown };
  browser: {
    localStorage: { getItem(key: string): Promise<string | null>; setItem(key: string, value: string): Promise<void> };
    cookie?: { get(name: string): Promise<string> };
  };
  init: { customerPrivacy?: CustomerPrivacyStatus };
  customerPrivacy?: {
    subscribe(
      name: 'visitorConsentCollected',
      callback: (event: { customerPrivacy: CustomerPrivacyStatus }) => void,
    ): unknown;
  };
}

/** A GA4 event, ready for `gtag('event', name, params)` or a Measurement Protocol body. */
export interface Ga4Event {
  name: string;
  params: Record<string, unknown>;
  /** GA4's client id (from the `_ga` cookie), else Shopify's: for the Measurement Protocol. */
  clientId?: string;
}

export interface PixelOptions {
  /** The window for attributing an order to the last interaction, in days (default 7). */
  windowDays?: number;
  /** GA4 event name: `purchase` (default), or e.g. `vitrine_purchase` where another tag already sends purchases. */
  eventName?: string;
  /** Sends the event (gtag in a custom pixel, the Measurement Protocol relay in the app pixel). */
  send(event: Ga4Event): void | Promise<void>;
}

export const PIXEL_STORAGE_KEY = 'vitrine:pixel:touches';

/** The customer events the storefront's track bridge publishes (`close` is no touch). */
export const VITRINE_EVENTS = TRACK_ACTIONS.filter((action) => action !== 'close' && action !== 'order').map(
  (action) => `vitrine_${action}`,
);

/** The codes of an order's discount applications (automatic discounts have no code). */
export function orderCodes(checkout: Checkout): string[] {
  return (checkout.discountApplications ?? [])
    .filter((discount) => discount?.type === 'DISCOUNT_CODE' && typeof discount.title === 'string')
    .map((discount) => discount.title!);
}

const amount = (money: MoneyV2 | null | undefined): number | undefined => {
  const value = Number(money?.amount);
  return money && Number.isFinite(value) ? value : undefined;
};

/** The GA4 `purchase` for an attributed order (see the module comment for each field). */
export function purchaseEvent(checkout: Checkout, attributed: Attribution, eventName = 'purchase'): Ga4Event {
  const promotion: Record<string, string> = {
    promotion_id: attributed.campaign,
    promotion_name: attributed.campaign,
    creative_name: attributed.widget,
  };
  if (attributed.variant) promotion.creative_slot = attributed.variant;
  const codes = orderCodes(checkout);
  const params: Record<string, unknown> = {
    transaction_id: checkout.order?.id ?? checkout.token ?? undefined,
    value: amount(checkout.subtotalPrice) ?? amount(checkout.totalPrice),
    currency: checkout.currencyCode ?? checkout.totalPrice?.currencyCode,
  };
  if (codes.length) params.coupon = codes.join(',');
  const shipping = amount(checkout.shippingLine?.price);
  const tax = amount(checkout.totalTax);
  if (shipping !== undefined) params.shipping = shipping;
  if (tax !== undefined) params.tax = tax;
  params.items = (checkout.lineItems ?? []).map((line, index) => {
    const item: Record<string, unknown> = {
      item_id: line.variant?.sku || line.variant?.product?.id || line.variant?.id || line.id,
      item_name: line.variant?.product?.title ?? line.title,
      index,
      quantity: line.quantity,
      ...promotion,
    };
    if (line.variant?.title) item.item_variant = line.variant.title;
    if (line.variant?.product?.vendor) item.item_brand = line.variant.product.vendor;
    if (line.variant?.product?.type) item.item_category = line.variant.product.type;
    const price = amount(line.variant?.price);
    if (price !== undefined) item.price = price;
    return item;
  });
  params.vitrine_campaign = attributed.campaign;
  params.vitrine_widget = attributed.widget;
  if (attributed.variant) params.vitrine_variant = attributed.variant;
  if (attributed.experiment) params.vitrine_experiment = attributed.experiment;
  params.vitrine_attribution = attributed.by;
  for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
  return { name: eventName, params };
}

/** GA4's client id from its `_ga` cookie (`GA1.1.123.456` → `123.456`), or undefined. */
export function ga4ClientId(cookie: string | null | undefined): string | undefined {
  const match = /^GA\d\.\d+\.(\d+\.\d+)$/.exec(cookie?.trim() ?? '');
  return match?.[1];
}

/**
 * Starts the pixel. Returns a promise that settles when the touches stored by an earlier page are
 * read (the tests wait for it).
 */
export function vitrinePixel(api: WebPixelApi, options: PixelOptions): Promise<void> {
  const windowDays = Number(options.windowDays ?? 7);
  const windowMs = (Number.isFinite(windowDays) && windowDays > 0 ? windowDays : 7) * 86_400_000;
  let consent: CustomerPrivacyStatus = api.init.customerPrivacy ?? {};
  void api.customerPrivacy?.subscribe('visitorConsentCollected', (event) => {
    consent = event.customerPrivacy ?? {};
  });
  const analyticsAllowed = () => consent.analyticsProcessingAllowed === true;
  const sendingAllowed = () => analyticsAllowed() && consent.marketingAllowed === true;

  // The sandbox's storage answers asynchronously: every read and write goes through one chain,
  // so touches are kept in the order they came and the order sees all of them.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const load = async (): Promise<Touch[]> => {
    try {
      const stored: unknown = JSON.parse((await api.browser.localStorage.getItem(PIXEL_STORAGE_KEY)) ?? '[]');
      return Array.isArray(stored) ? stored.filter(isTouch) : [];
    } catch {
      return [];
    }
  };

  for (const name of VITRINE_EVENTS) {
    api.analytics.subscribe(name, (event) => {
      const touch = touchFrom(event.customData, Date.parse(event.timestamp ?? '') || Date.now());
      if (!touch || !analyticsAllowed()) return;
      void serially(async () => {
        await api.browser.localStorage.setItem(PIXEL_STORAGE_KEY, JSON.stringify(addTouch(await load(), touch)));
      });
    });
  }

  api.analytics.subscribe('checkout_completed', (event) => {
    const checkout = event.data?.checkout;
    if (!checkout) return;
    void serially(async () => {
      const attributed = attribute(await load(), {
        codes: orderCodes(checkout),
        at: Date.parse(event.timestamp ?? '') || Date.now(),
        windowMs,
      });
      // Consent is read at the order, not at start: the visitor may have answered the banner since.
      if (!attributed || !sendingAllowed()) return;
      const purchase = purchaseEvent(checkout, attributed, options.eventName);
      const clientId = ga4ClientId(await api.browser.cookie?.get('_ga').catch(() => undefined)) ?? event.clientId;
      if (clientId) purchase.clientId = clientId;
      await options.send(purchase);
    }).catch((error: unknown) => console.error('[vitrine] pixel:', error));
  });

  return serially(() => Promise.resolve());
}

/**
 * A sender for the app pixel (a web worker: no gtag there): POSTs a GA4 Measurement Protocol body
 * (`{ client_id, events: [{ name, params }] }`) to the app's own endpoint, which adds the
 * `api_secret` — a secret must never sit in the storefront — and relays it to
 * `https://www.google-analytics.com/mp/collect`.
 */
export function measurementProtocolRelay(endpoint: string, request: typeof fetch = fetch): PixelOptions['send'] {
  return async (event) => {
    await request(endpoint, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: event.clientId, events: [{ name: event.name, params: event.params }] }),
    });
  };
}
