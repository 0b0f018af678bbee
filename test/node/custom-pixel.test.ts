// What a merchant installs: the custom pixel file pasted into Shopify's admin (generated, and run
// here as pasted, in a context holding only the custom pixel's globals and a document), and the
// web pixel extension's entry (its `register` callback, fed the same stand-in API). The pixel's
// rules themselves are tested in pixel.test.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- a plain JS script, without declarations
import { customPixel, PIXEL_FILE as pixelFile } from '../../scripts/custom-pixel.js';

const PIXEL_FILE = pixelFile as string;
import type { PixelEvent, WebPixelApi } from '../../packages/core/src/attribution/pixel.ts';

const root = resolve(import.meta.dirname, '../..');

/** A stand-in of the pixel's globals; `emit` plays Shopify's event bus. */
function sandbox() {
  const subscribers = new Map<string, Array<(event: PixelEvent) => void>>();
  const storage = new Map<string, string>();
  const api: WebPixelApi = {
    analytics: {
      subscribe: (name, callback) => void subscribers.set(name, [...(subscribers.get(name) ?? []), callback]),
    },
    browser: {
      localStorage: {
        getItem: (key) => Promise.resolve(storage.get(key) ?? null),
        setItem: (key, value) => Promise.resolve(void storage.set(key, value)),
      },
      cookie: { get: () => Promise.resolve('GA1.1.42.1764950400') },
    },
    init: { customerPrivacy: { analyticsProcessingAllowed: true, marketingAllowed: true } },
    customerPrivacy: { subscribe: () => undefined },
  };
  const emit = (name: string, event: PixelEvent) => subscribers.get(name)?.forEach((callback) => callback(event));
  return { api, emit };
}

const order = {
  currencyCode: 'EUR',
  subtotalPrice: { amount: 50, currencyCode: 'EUR' },
  totalPrice: { amount: 54.9, currencyCode: 'EUR' },
  discountApplications: [
    {
      type: 'DISCOUNT_CODE',
      title: 'BAR-B',
      allocationType: 'ACROSS',
      targetSelection: 'ALL',
      targetType: 'LINE_ITEM',
      value: { percentage: 10 },
    },
  ],
  lineItems: [],
  order: { id: '1001' },
  token: 't',
};

describe('the custom pixel (Settings → Customer events)', () => {
  it('is what the sources give (node scripts/custom-pixel.js)', async () => {
    expect(readFileSync(PIXEL_FILE, 'utf8')).toBe(await (customPixel as () => Promise<string>)());
  });

  it('as pasted: loads gtag.js in the sandbox and sends GA4 the purchase of an attributed order', async () => {
    const { api, emit } = sandbox();
    const appended: Array<{ src: string }> = [];
    const context: Record<string, unknown> = {
      ...api,
      console,
      document: { createElement: () => ({}), head: { append: (node: { src: string }) => appended.push(node) } },
    };
    context.globalThis = context;
    runInNewContext(readFileSync(PIXEL_FILE, 'utf8'), context);
    emit('vitrine_reveal', {
      name: 'vitrine_reveal',
      timestamp: '2026-11-27T09:00:00Z',
      customData: { action: 'reveal', widget: 'sticky-bar', campaign: 'bf-bar', variant: 'B', code: 'BAR-B' },
    });
    emit('checkout_completed', {
      name: 'checkout_completed',
      timestamp: '2026-11-27T10:00:00Z',
      data: { checkout: order },
    });
    await vi.waitFor(() => expect((context.dataLayer as unknown[]).length).toBe(3));
    expect(appended).toEqual([{ async: true, src: 'https://www.googletagmanager.com/gtag/js?id=G-XXXXXXXXXX' }]);
    const [js, config, event] = (context.dataLayer as ArrayLike<unknown>[]).map((args) => Array.from(args));
    expect(js[0]).toBe('js');
    expect(config).toEqual(['config', 'G-XXXXXXXXXX', { send_page_view: false }]);
    expect(event[0]).toBe('event');
    expect(event[1]).toBe('purchase');
    expect(event[2]).toEqual({
      transaction_id: '1001',
      value: 50,
      currency: 'EUR',
      coupon: 'BAR-B',
      items: [],
      vitrine_campaign: 'bf-bar',
      vitrine_widget: 'sticky-bar',
      vitrine_variant: 'B',
      vitrine_attribution: 'code',
      send_to: 'G-XXXXXXXXXX',
    });
  });
});

describe('the web pixel extension (examples/shopify-app/extensions/vitrine-pixel)', () => {
  it('registers the Vitrine pixel with the merchant’s settings, sending through the app’s relay', async () => {
    let registered: ((api: WebPixelApi & { settings: Record<string, string> }) => void) | undefined;
    vi.doMock('@shopify/web-pixels-extension', () => ({
      register: (callback: typeof registered) => (registered = callback),
    }));
    vi.doMock('@vitrine/core/pixel', () => import('../../packages/core/src/attribution/pixel.ts'));
    const request = vi.fn(() => Promise.resolve(new Response(null, { status: 204 })));
    vi.stubGlobal('fetch', request);
    try {
      await import(resolve(root, 'examples/shopify-app/extensions/vitrine-pixel/src/index.js'));
      const { api, emit } = sandbox();
      registered!({ ...api, settings: { endpoint: 'https://app.example/ga4', windowDays: '2', eventName: '' } });
      emit('vitrine_click', {
        name: 'vitrine_click',
        timestamp: '2026-11-27T09:00:00Z',
        customData: { action: 'click', widget: 'wheel', campaign: 'bf-wheel' },
      });
      emit('checkout_completed', {
        name: 'checkout_completed',
        timestamp: '2026-11-28T09:00:00Z',
        data: { checkout: { ...order, discountApplications: [] } },
      });
      await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(1));
      const [url, init] = request.mock.calls[0] as unknown as [string, RequestInit];
      expect(url).toBe('https://app.example/ga4');
      expect(JSON.parse(init.body as string)).toEqual({
        client_id: '42.1764950400',
        events: [
          {
            name: 'purchase',
            params: {
              transaction_id: '1001',
              value: 50,
              currency: 'EUR',
              items: [],
              vitrine_campaign: 'bf-wheel',
              vitrine_widget: 'wheel',
              vitrine_attribution: 'interaction',
            },
          },
        ],
      });
      // Outside the 2-day window set by the merchant: not attributed.
      emit('checkout_completed', {
        name: 'checkout_completed',
        timestamp: '2026-11-30T10:00:00Z',
        data: { checkout: { ...order, discountApplications: [] } },
      });
      await new Promise((settle) => setTimeout(settle, 0));
      expect(request).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
      vi.doUnmock('@shopify/web-pixels-extension');
      vi.doUnmock('@vitrine/core/pixel');
    }
  });
});
