// The Vitrine pixel (core's attribution/pixel.ts) against a stand-in of Shopify's Web Pixels API:
// `analytics.subscribe`, `browser.localStorage` / `browser.cookie`, `customerPrivacy`, `init`, and a
// `checkout_completed` event shaped as shopify.dev documents it. In Node: the pixel runs in
// Shopify's sandbox, without the storefront's DOM.
import { describe, expect, it, vi } from 'vitest';
import {
  ga4ClientId,
  measurementProtocolRelay,
  vitrinePixel,
  type CustomerPrivacyStatus,
  type Ga4Event,
  type PixelEvent,
  type WebPixelApi,
} from '../../packages/core/src/attribution/pixel.ts';

const ALLOWED: CustomerPrivacyStatus = {
  analyticsProcessingAllowed: true,
  marketingAllowed: true,
  preferencesProcessingAllowed: true,
  saleOfDataAllowed: true,
};

/** A stand-in of the pixel's standard API, with the means to publish events as Shopify would. */
function standIn(privacy: CustomerPrivacyStatus = ALLOWED, stored: Record<string, string> = {}) {
  const subscribers = new Map<string, Array<(event: PixelEvent) => void>>();
  const consentListeners: Array<(event: { customerPrivacy: CustomerPrivacyStatus }) => void> = [];
  const storage = new Map(Object.entries(stored));
  let seq = 0;
  const api: WebPixelApi = {
    analytics: {
      subscribe(name, callback) {
        subscribers.set(name, [...(subscribers.get(name) ?? []), callback]);
      },
    },
    browser: {
      localStorage: {
        getItem: (key) => Promise.resolve(storage.get(key) ?? null),
        setItem: (key, value) => {
          storage.set(key, value);
          return Promise.resolve();
        },
      },
      cookie: { get: (name) => Promise.resolve(name === '_ga' ? 'GA1.1.1234567890.1764950400' : '') },
    },
    init: { customerPrivacy: privacy },
    customerPrivacy: {
      subscribe(_name, callback) {
        consentListeners.push(callback);
      },
    },
  };
  const emit = (name: string, event: Omit<PixelEvent, 'name' | 'id'>) => {
    for (const callback of subscribers.get(name) ?? []) callback({ id: `sh-${++seq}`, name, ...event });
  };
  return {
    api,
    storage,
    subscribed: () => [...subscribers.keys()],
    /** A Vitrine custom event, as the storefront's Shopify.analytics.publish delivers it. */
    vitrine: (action: string, data: Record<string, string>, timestamp: string) =>
      emit(`vitrine_${action}`, { clientId: 'shopify-client', timestamp, customData: { action, ...data } as never }),
    order: (timestamp: string, codes: string[] = []) =>
      emit('checkout_completed', { clientId: 'shopify-client', timestamp, data: { checkout: checkout(codes) } }),
    consent: (customerPrivacy: CustomerPrivacyStatus) =>
      consentListeners.forEach((listener) => listener({ customerPrivacy })),
  };
}

/** `data.checkout` of `checkout_completed`, with the fields of shopify.dev's reference. */
function checkout(codes: string[]) {
  const money = (amount: number) => ({ amount, currencyCode: 'EUR' });
  return {
    attributes: [],
    billingAddress: null,
    currencyCode: 'EUR',
    discountApplications: [
      ...codes.map((code) => ({
        allocationType: 'ACROSS',
        targetSelection: 'ALL',
        targetType: 'LINE_ITEM',
        title: code,
        type: 'DISCOUNT_CODE',
        value: { percentage: 10 },
      })),
      {
        allocationType: 'ACROSS',
        targetSelection: 'ALL',
        targetType: 'SHIPPING_LINE',
        title: 'Free shipping over 60',
        type: 'AUTOMATIC',
        value: { percentage: 100 },
      },
    ],
    discountsAmount: money(8.8),
    email: 'shopper@example.com',
    lineItems: [
      {
        discountAllocations: [],
        finalLinePrice: money(59.4),
        id: 'gid://shopify/CheckoutLineItem/1',
        quantity: 2,
        title: 'Linen shirt',
        variant: {
          id: '44012345',
          image: { src: 'https://cdn.shopify.com/shirt.jpg' },
          price: money(33),
          product: {
            id: '8012345',
            title: 'Linen shirt',
            type: 'Shirts',
            untranslatedTitle: 'Linen shirt',
            url: '/products/linen-shirt',
            vendor: 'Atelier',
          },
          sku: 'SHIRT-M-BLUE',
          title: 'M / Blue',
          untranslatedTitle: 'M / Blue',
        },
      },
      {
        discountAllocations: [],
        finalLinePrice: money(19.8),
        id: 'gid://shopify/CheckoutLineItem/2',
        quantity: 1,
        title: 'Socks',
        variant: {
          id: '44067890',
          image: null,
          price: money(22),
          product: {
            id: '8067890',
            title: 'Socks',
            type: null,
            untranslatedTitle: 'Socks',
            url: '/products/socks',
            vendor: 'Atelier',
          },
          sku: '',
          title: 'Default Title',
          untranslatedTitle: 'Default Title',
        },
      },
    ],
    order: { id: '5551234567890', customer: { id: '7001', isFirstOrder: true } },
    shippingLine: { price: money(4.9) },
    subtotalPrice: money(79.2),
    token: 'c1-abcdef',
    totalPrice: money(100.08),
    totalTax: money(15.98),
    transactions: [],
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the Vitrine pixel', () => {
  it('subscribes to the Vitrine customer events and checkout_completed', async () => {
    const shop = standIn();
    await vitrinePixel(shop.api, { send: vi.fn() });
    expect(shop.subscribed()).toEqual([
      'vitrine_view',
      'vitrine_click',
      'vitrine_convert',
      'vitrine_reveal',
      'vitrine_copy',
      'vitrine_apply',
      'checkout_completed',
    ]);
  });

  it('an order with a code the wheel revealed: a GA4 purchase, field by field', async () => {
    const shop = standIn();
    const sent: Ga4Event[] = [];
    await vitrinePixel(shop.api, { send: (event) => void sent.push(event) });
    const touch = { widget: 'wheel', campaign: 'bf-wheel', variant: 'B', experiment: 'bf-test' };
    shop.vitrine('view', touch, '2026-11-27T09:00:00Z');
    shop.vitrine('click', touch, '2026-11-27T09:01:00Z');
    shop.vitrine('reveal', { ...touch, code: 'welcome10' }, '2026-11-27T09:01:05Z');
    // A later interaction with another widget: the code wins over it.
    shop.vitrine('click', { widget: 'sticky-bar', campaign: 'bf-bar' }, '2026-11-27T09:30:00Z');
    shop.order('2026-11-28T10:00:00Z', ['WELCOME10']);
    await settle();
    expect(sent).toHaveLength(1);
    const [purchase] = sent;
    expect(purchase.name).toBe('purchase');
    expect(purchase.clientId).toBe('1234567890.1764950400');
    const { params } = purchase;
    expect(params.transaction_id).toBe('5551234567890');
    expect(params.value).toBe(79.2);
    expect(params.currency).toBe('EUR');
    expect(params.coupon).toBe('WELCOME10');
    expect(params.shipping).toBe(4.9);
    expect(params.tax).toBe(15.98);
    expect(params.vitrine_campaign).toBe('bf-wheel');
    expect(params.vitrine_widget).toBe('wheel');
    expect(params.vitrine_variant).toBe('B');
    expect(params.vitrine_experiment).toBe('bf-test');
    expect(params.vitrine_attribution).toBe('code');
    expect(params.items).toEqual([
      {
        item_id: 'SHIRT-M-BLUE',
        item_name: 'Linen shirt',
        item_variant: 'M / Blue',
        item_brand: 'Atelier',
        item_category: 'Shirts',
        index: 0,
        price: 33,
        quantity: 2,
        promotion_id: 'bf-wheel',
        promotion_name: 'bf-wheel',
        creative_name: 'wheel',
        creative_slot: 'B',
      },
      {
        item_id: '8067890',
        item_name: 'Socks',
        item_variant: 'Default Title',
        item_brand: 'Atelier',
        index: 1,
        price: 22,
        quantity: 1,
        promotion_id: 'bf-wheel',
        promotion_name: 'bf-wheel',
        creative_name: 'wheel',
        creative_slot: 'B',
      },
    ]);
    expect(Object.keys(params).sort()).toEqual(
      [
        'transaction_id',
        'value',
        'currency',
        'coupon',
        'shipping',
        'tax',
        'items',
        'vitrine_campaign',
        'vitrine_widget',
        'vitrine_variant',
        'vitrine_experiment',
        'vitrine_attribution',
      ].sort(),
    );
  });

  it('without a Vitrine code: the last interaction within the window, across page loads (stored touches)', async () => {
    const first = standIn();
    await vitrinePixel(first.api, { send: vi.fn(), windowDays: 3 });
    first.vitrine('click', { widget: 'sticky-bar', campaign: 'bf-bar', variant: 'A' }, '2026-11-27T09:00:00Z');
    first.vitrine('view', { widget: 'exit-popup', campaign: 'news' }, '2026-11-27T09:05:00Z');
    await settle();
    // The thank-you page is another page: a new pixel, the same browser storage.
    const later = standIn(ALLOWED, Object.fromEntries(first.storage));
    const send = vi.fn();
    await vitrinePixel(later.api, { send, windowDays: 3 });
    later.order('2026-11-29T09:00:00Z', ['SOMEONE-ELSES-CODE']);
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0][0] as Ga4Event).params).toMatchObject({
      vitrine_campaign: 'bf-bar',
      vitrine_widget: 'sticky-bar',
      vitrine_variant: 'A',
      vitrine_attribution: 'interaction',
      coupon: 'SOMEONE-ELSES-CODE',
    });
  });

  it('an interaction older than the merchant’s window is not attributed', async () => {
    const shop = standIn();
    const send = vi.fn();
    await vitrinePixel(shop.api, { send, windowDays: 1 });
    shop.vitrine('click', { widget: 'sticky-bar', campaign: 'bf-bar' }, '2026-11-20T09:00:00Z');
    shop.order('2026-11-28T10:00:00Z');
    await settle();
    expect(send).not.toHaveBeenCalled();
  });

  it('an order without any Vitrine touch is not attributed: nothing sent', async () => {
    const shop = standIn();
    const send = vi.fn();
    await vitrinePixel(shop.api, { send });
    shop.order('2026-11-28T10:00:00Z', ['WELCOME10']);
    await settle();
    expect(send).not.toHaveBeenCalled();
    // A view of a widget without a variant is no touch an order is owed to.
    shop.vitrine('view', { widget: 'countdown', campaign: 'bf' }, '2026-11-28T10:05:00Z');
    shop.order('2026-11-28T10:10:00Z');
    await settle();
    expect(send).not.toHaveBeenCalled();
  });

  it.each([
    ['marketing', { ...ALLOWED, marketingAllowed: false }],
    ['analytics', { ...ALLOWED, analyticsProcessingAllowed: false }],
  ])('with %s consent denied, nothing is sent', async (_purpose, privacy) => {
    const shop = standIn(privacy);
    const send = vi.fn();
    await vitrinePixel(shop.api, { send });
    shop.vitrine('reveal', { widget: 'wheel', campaign: 'bf-wheel', code: 'WELCOME10' }, '2026-11-27T09:00:00Z');
    shop.order('2026-11-27T10:00:00Z', ['WELCOME10']);
    await settle();
    expect(send).not.toHaveBeenCalled();
  });

  it('consent given later (visitorConsentCollected) lets the next touches and the order through', async () => {
    const shop = standIn({ analyticsProcessingAllowed: false, marketingAllowed: false });
    const send = vi.fn();
    await vitrinePixel(shop.api, { send });
    shop.vitrine('click', { widget: 'wheel', campaign: 'early' }, '2026-11-27T08:00:00Z');
    await settle();
    expect(shop.storage.size).toBe(0); // nothing kept without analytics consent
    shop.consent(ALLOWED);
    shop.vitrine('click', { widget: 'wheel', campaign: 'bf-wheel' }, '2026-11-27T09:00:00Z');
    shop.order('2026-11-27T10:00:00Z');
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0][0] as Ga4Event).params.vitrine_campaign).toBe('bf-wheel');
  });

  it('the merchant may rename the event (a shop whose GA4 tag already sends purchases)', async () => {
    const shop = standIn();
    const send = vi.fn();
    await vitrinePixel(shop.api, { send, eventName: 'vitrine_purchase' });
    shop.vitrine('click', { widget: 'wheel', campaign: 'bf-wheel' }, '2026-11-27T09:00:00Z');
    shop.order('2026-11-27T10:00:00Z');
    await settle();
    expect((send.mock.calls[0][0] as Ga4Event).name).toBe('vitrine_purchase');
  });
});

describe('helpers', () => {
  it("GA4's client id from the _ga cookie", () => {
    expect(ga4ClientId('GA1.1.1234567890.1764950400')).toBe('1234567890.1764950400');
    expect(ga4ClientId('')).toBeUndefined();
    expect(ga4ClientId('garbage')).toBeUndefined();
  });

  it('the Measurement Protocol relay posts { client_id, events } to the app’s endpoint', async () => {
    const request = vi.fn(() => Promise.resolve(new Response(null, { status: 204 })));
    await measurementProtocolRelay(
      'https://app.example/ga4',
      request,
    )({
      name: 'purchase',
      params: { value: 10, currency: 'EUR' },
      clientId: '1.2',
    });
    expect(request).toHaveBeenCalledWith('https://app.example/ga4', {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: '1.2',
        events: [{ name: 'purchase', params: { value: 10, currency: 'EUR' } }],
      }),
    });
  });
});
