/**
 * A thank-you page without any widget, on the BUILT script-tag bundle (see page.ts): the
 * order reported through the queue before the script loaded (`['conversion', {…}]`) is attributed
 * from what earlier pages stored, and reaches GA4 as a purchase; `window.vitrine.attribution()`
 * answers from the same chunk. Only then is core's attribution chunk fetched.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleRequests, loadBundle, usePageErrors, settle } from './page.js';

type Win = { dataLayer?: Array<Record<string, unknown>>; vitrine?: unknown };
const win = window as unknown as Win;
usePageErrors();
const clicked = Date.now() - 3_600_000;

beforeAll(async () => {
  // An earlier page: the visitor clicked the Black Friday bar's link (variant B) an hour ago.
  localStorage.setItem(
    'vitrine:attribution:touches',
    JSON.stringify([{ action: 'click', campaign: 'bf-bar', widget: 'sticky-bar', variant: 'B', at: clicked }]),
  );
  win.dataLayer = [];
  // The thank-you page's snippet, before the script.
  win.vitrine = [['conversion', { value: 42.5, currency: 'EUR', id: 'T-1001' }]];
  await loadBundle();
  await settle();
});

afterAll(() => {
  localStorage.removeItem('vitrine:attribution:touches');
});

test('the queued conversion is attributed to the last interaction and sent to GA4 as a purchase', async () => {
  await expect
    .poll(() => win.dataLayer!.find((entry) => entry.event === 'purchase'), { timeout: 5_000 })
    .toEqual({
      event: 'purchase',
      vitrine_campaign: 'bf-bar',
      vitrine_variant: 'B',
      vitrine_attribution: 'interaction',
      ecommerce: {
        promotion_id: 'bf-bar',
        promotion_name: 'bf-bar',
        creative_name: 'sticky-bar',
        creative_slot: 'B',
        transaction_id: 'T-1001',
        value: 42.5,
        currency: 'EUR',
      },
    });
  await expect.poll(() => bundleRequests()).toContain('chunks/record');
  expect(bundleRequests().filter((file) => /chunks\/(countdown|sticky-bar|wheel|exit-popup)/.test(file))).toEqual([]);
});

test('window.vitrine.attribution() and conversion() answer from the same chunk', async () => {
  const api = win.vitrine as {
    attribution(): Promise<Array<{ campaign: string; steps: Record<string, number> }>>;
    conversion(order: unknown): Promise<unknown>;
  };
  const rows = await api.attribution();
  expect(rows.map(({ campaign, steps }) => [campaign, steps])).toEqual([['bf-bar', { click: 1, order: 1 }]]);
  // The same order again (a reloaded thank-you page): attributed, not sent twice.
  await expect(api.conversion({ value: 42.5, currency: 'EUR', id: 'T-1001' })).resolves.toMatchObject({
    campaign: 'bf-bar',
    by: 'interaction',
  });
  expect(win.dataLayer!.filter((entry) => entry.event === 'purchase')).toHaveLength(1);
});
