// Vitrine pixel — attributes Shopify orders to Vitrine's campaigns and A/B variants, and sends
// GA4 a purchase that carries them (coupon, promotion, variant, value, currency).
//
// Install: Shopify admin → Settings → Customer events → Add custom pixel → name it "Vitrine",
// paste this whole file, set the three lines below, Save, then Connect.
// Customer privacy (the pixel's settings): Permission "Required" with Marketing and Analytics;
// data sale: "Data collected does not qualify as data sale". The pixel also checks consent
// itself and sends nothing unless the visitor allows both marketing and analytics.
// Generated from packages/core/src/attribution/ by scripts/custom-pixel.js: do not edit below.
/* global analytics, browser, init, customerPrivacy -- the custom pixel's globals, given by Shopify */

const VITRINE_GA4_ID = 'G-XXXXXXXXXX'; // your GA4 measurement ID (Admin → Data streams)
const VITRINE_WINDOW_DAYS = 7; // an order within this many days of a click, spin or sign-up is owed to it
const VITRINE_EVENT_NAME = 'purchase'; // 'vitrine_purchase' if another tag already sends GA4 purchases

// packages/core/src/bus.ts
var TRACK_ACTIONS = ['view', 'click', 'close', 'convert', 'reveal', 'copy', 'apply', 'order'];
// packages/core/src/attribution/touches.ts
var DAY_MS = 864e5;
var DEFAULT_WINDOW_MS = 7 * DAY_MS;
var KEEP_MS = 90 * DAY_MS;
var VIEW_COALESCE_MS = 18e5;
var INTERACTIONS = new Set(['click', 'convert', 'reveal', 'copy', 'apply']);
var normalizeCode = (code) => code.trim().toUpperCase();
var text = (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : void 0);
function touchFrom(message, at) {
  const action = message?.action;
  const campaign = text(message?.campaign);
  const widget = text(message?.widget);
  if (!action || !campaign || !widget || !Number.isFinite(at) || action === 'close') return null;
  const touch = {
    action,
    campaign,
    widget,
    at,
  };
  const variant = text(message.variant);
  const experiment = text(message.experiment);
  const code = text(message.code);
  const order = text(message.order);
  if (variant) touch.variant = variant;
  if (experiment) touch.experiment = experiment;
  if (code) touch.code = normalizeCode(code);
  if (order) touch.order = order;
  return touch;
}
function isTouch(value) {
  const touch = value;
  return (
    !!touch &&
    typeof touch === 'object' &&
    typeof touch.action === 'string' &&
    typeof touch.campaign === 'string' &&
    typeof touch.widget === 'string' &&
    typeof touch.at === 'number'
  );
}
var sameWidget = (a, b) =>
  a.campaign === b.campaign && a.widget === b.widget && a.variant === b.variant && a.experiment === b.experiment;
function addTouch(touches, touch) {
  const kept = touches.filter(
    (old) =>
      isTouch(old) &&
      touch.at - old.at < KEEP_MS &&
      !(
        touch.action === 'view' &&
        old.action === 'view' &&
        sameWidget(old, touch) &&
        touch.at - old.at < VIEW_COALESCE_MS
      ),
  );
  kept.push(touch);
  kept.sort((a, b) => a.at - b.at);
  return kept.slice(-200);
}
function attribute(touches, { codes = [], at, windowMs = DEFAULT_WINDOW_MS }) {
  const before = touches.filter((touch) => isTouch(touch) && touch.at <= at).sort((a, b) => b.at - a.at);
  const used = new Set(codes.filter((code) => typeof code === 'string').map(normalizeCode));
  const carries = (touch) => touch.action !== 'order' && !!touch.code && used.has(touch.code);
  const byCode =
    before.find((touch) => touch.action === 'reveal' && carries(touch)) ?? before.find((touch) => carries(touch));
  if (byCode) return attribution(byCode, 'code');
  const recent = before.filter((touch) => at - touch.at <= windowMs);
  const interaction = recent.find((touch) => INTERACTIONS.has(touch.action));
  if (interaction) return attribution(interaction, 'interaction');
  const exposure = recent.find((touch) => touch.action === 'view' && touch.variant);
  return exposure ? attribution(exposure, 'view') : null;
}
function attribution(touch, by) {
  const result = {
    campaign: touch.campaign,
    widget: touch.widget,
    by,
    at: touch.at,
  };
  if (touch.variant) result.variant = touch.variant;
  if (touch.experiment) result.experiment = touch.experiment;
  if (touch.code) result.code = touch.code;
  return result;
}
// packages/core/src/attribution/pixel.ts
var PIXEL_STORAGE_KEY = 'vitrine:pixel:touches';
var VITRINE_EVENTS = TRACK_ACTIONS.filter((action) => action !== 'close' && action !== 'order').map(
  (action) => `vitrine_${action}`,
);
function orderCodes(checkout) {
  return (checkout.discountApplications ?? [])
    .filter((discount) => discount?.type === 'DISCOUNT_CODE' && typeof discount.title === 'string')
    .map((discount) => discount.title);
}
var amount = (money) => {
  const value = Number(money?.amount);
  return money && Number.isFinite(value) ? value : void 0;
};
function purchaseEvent(checkout, attributed, eventName = 'purchase') {
  const promotion = {
    promotion_id: attributed.campaign,
    promotion_name: attributed.campaign,
    creative_name: attributed.widget,
  };
  if (attributed.variant) promotion.creative_slot = attributed.variant;
  const codes = orderCodes(checkout);
  const params = {
    transaction_id: checkout.order?.id ?? checkout.token ?? void 0,
    value: amount(checkout.subtotalPrice) ?? amount(checkout.totalPrice),
    currency: checkout.currencyCode ?? checkout.totalPrice?.currencyCode,
  };
  if (codes.length) params.coupon = codes.join(',');
  const shipping = amount(checkout.shippingLine?.price);
  const tax = amount(checkout.totalTax);
  if (shipping !== void 0) params.shipping = shipping;
  if (tax !== void 0) params.tax = tax;
  params.items = (checkout.lineItems ?? []).map((line, index) => {
    const item = {
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
    if (price !== void 0) item.price = price;
    return item;
  });
  params.vitrine_campaign = attributed.campaign;
  params.vitrine_widget = attributed.widget;
  if (attributed.variant) params.vitrine_variant = attributed.variant;
  if (attributed.experiment) params.vitrine_experiment = attributed.experiment;
  params.vitrine_attribution = attributed.by;
  for (const key of Object.keys(params)) if (params[key] === void 0) delete params[key];
  return {
    name: eventName,
    params,
  };
}
function ga4ClientId(cookie) {
  return /^GA\d\.\d+\.(\d+\.\d+)$/.exec(cookie?.trim() ?? '')?.[1];
}
function vitrinePixel(api, options) {
  const windowDays = Number(options.windowDays ?? 7);
  const windowMs = (Number.isFinite(windowDays) && windowDays > 0 ? windowDays : 7) * 864e5;
  let consent = api.init.customerPrivacy ?? {};
  api.customerPrivacy?.subscribe('visitorConsentCollected', (event) => {
    consent = event.customerPrivacy ?? {};
  });
  const analyticsAllowed = () => consent.analyticsProcessingAllowed === true;
  const sendingAllowed = () => analyticsAllowed() && consent.marketingAllowed === true;
  let queue = Promise.resolve();
  const serially = (task) => {
    const next = queue.then(task, task);
    queue = next.catch(() => void 0);
    return next;
  };
  const load = async () => {
    try {
      const stored = JSON.parse((await api.browser.localStorage.getItem('vitrine:pixel:touches')) ?? '[]');
      return Array.isArray(stored) ? stored.filter(isTouch) : [];
    } catch {
      return [];
    }
  };
  for (const name of VITRINE_EVENTS)
    api.analytics.subscribe(name, (event) => {
      const touch = touchFrom(event.customData, Date.parse(event.timestamp ?? '') || Date.now());
      if (!touch || !analyticsAllowed()) return;
      serially(async () => {
        await api.browser.localStorage.setItem(PIXEL_STORAGE_KEY, JSON.stringify(addTouch(await load(), touch)));
      });
    });
  api.analytics.subscribe('checkout_completed', (event) => {
    const checkout = event.data?.checkout;
    if (!checkout) return;
    serially(async () => {
      const attributed = attribute(await load(), {
        codes: orderCodes(checkout),
        at: Date.parse(event.timestamp ?? '') || Date.now(),
        windowMs,
      });
      if (!attributed || !sendingAllowed()) return;
      const purchase = purchaseEvent(checkout, attributed, options.eventName);
      const clientId = ga4ClientId(await api.browser.cookie?.get('_ga').catch(() => void 0)) ?? event.clientId;
      if (clientId) purchase.clientId = clientId;
      await options.send(purchase);
    }).catch((error) => console.error('[vitrine] pixel:', error));
  });
  return serially(() => Promise.resolve());
}
// packages/core/src/attribution/custom-pixel.ts
function gtagSender(measurementId) {
  const scope = globalThis;
  const dataLayer = (scope.dataLayer ??= []);
  const gtag = function (..._args) {
    dataLayer.push(arguments);
  };
  let loaded = false;
  return (event) => {
    if (!loaded) {
      loaded = true;
      const script = document.createElement('script');
      script.async = true;
      script.src = `https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(measurementId)}`;
      document.head.append(script);
      gtag('js', new Date());
      gtag('config', measurementId, { send_page_view: false });
    }
    gtag('event', event.name, {
      ...event.params,
      send_to: measurementId,
    });
  };
}
vitrinePixel(
  {
    analytics,
    browser,
    init,
    customerPrivacy,
  },
  {
    windowDays: VITRINE_WINDOW_DAYS,
    eventName: VITRINE_EVENT_NAME,
    send: gtagSender(VITRINE_GA4_ID),
  },
);
