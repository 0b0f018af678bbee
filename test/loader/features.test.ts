/**
 * The BUILT script-tag bundle fetches a feature's code only where the page uses the feature (issue 18):
 * one fresh page, in order, as a storefront grows. A countdown fetches neither the lead outbox, the
 * cart, the pop-up machinery nor the kit; an exit pop-up that only shows an offer (no `capture`)
 * fetches the pop-up machinery but not the outbox nor the cart; a pop-up with `capture` fetches the
 * outbox as it appears, and its lead is delivered once; a free-shipping bar fetches the cart and
 * shows the cart's amount. (A page whose storage holds a lead: outbox-waiting.test.ts.)
 */
import { beforeAll, expect, test } from 'vitest';
import { bundleRequests, countdownElement, loadBundle, renderedDigits, settle, usePageErrors } from './page.js';

type Popup = HTMLElement & { show(): Promise<boolean>; updateComplete: Promise<unknown> };

usePageErrors();

/** What the page's lead endpoint received (the page's fetch, swapped for this one). */
const received: Array<{ url: string; key: string | null; body: Record<string, unknown> }> = [];
const pageFetch = window.fetch.bind(window);

beforeAll(async () => {
  // Another file of this origin may have left a lead: this page starts with none waiting.
  localStorage.removeItem('vitrine:outbox:leads');
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.endsWith('/api/features-leads')) return pageFetch(input, init);
    received.push({
      url,
      key: new Headers(init?.headers).get('Idempotency-Key'),
      body: JSON.parse(init?.body as string) as Record<string, unknown>,
    });
    return Promise.resolve(new Response('{}', { status: 200 }));
  };
  await loadBundle();
  await settle();
});

/** The bundle's files the page fetched, without their hashes (`chunks/outbox`). */
const fetched = () => bundleRequests();

test('a countdown page fetches neither the outbox, the cart, the pop-up machinery nor the kit', async () => {
  const countdown = countdownElement({ campaign: 'features-countdown' });
  document.body.append(countdown);
  await renderedDigits(countdown);
  await expect.poll(fetched).toEqual(expect.arrayContaining(['chunks/countdown', 'chunks/shared']));
  await settle();
  for (const chunk of ['chunks/outbox', 'chunks/cart', 'chunks/popup', 'chunks/kit'])
    expect(fetched(), chunk).not.toContain(chunk);
});

test('an exit pop-up without capture fetches the pop-up machinery, not the outbox nor the cart; its code shows', async () => {
  const popup = document.createElement('vitrine-exit-popup') as Popup;
  popup.setAttribute('campaign', 'features-offer');
  popup.setAttribute('heading', '10% off today');
  popup.setAttribute('code', 'OFFER10');
  popup.setAttribute('min-time', '0');
  document.body.append(popup);
  await expect.poll(() => popup.matches(':defined'), { timeout: 5_000 }).toBe(true);
  await popup.updateComplete;
  expect(await popup.show()).toBe(true);
  await expect
    .poll(() => popup.shadowRoot!.querySelector<HTMLInputElement>('[part~="coupon-code"]')?.value)
    .toBe('OFFER10');
  await expect.poll(fetched).toEqual(expect.arrayContaining(['chunks/exit-popup', 'chunks/popup']));
  await settle();
  expect(fetched()).not.toContain('chunks/outbox');
  expect(fetched()).not.toContain('chunks/cart');
  popup.remove();
});

test('an exit pop-up with capture fetches the outbox as it appears; its lead is delivered once', async () => {
  const popup = document.createElement('vitrine-exit-popup') as Popup;
  popup.setAttribute('campaign', 'features-club');
  popup.setAttribute('capture', '');
  popup.setAttribute('action', '/api/features-leads');
  popup.setAttribute('code', 'CLUB10');
  document.body.append(popup);
  // Before it opens, before any sign-up: while the page is surely online.
  await expect.poll(fetched, { timeout: 5_000 }).toContain('chunks/outbox');
  await popup.updateComplete;
  expect(await popup.show()).toBe(true);
  await popup.updateComplete;
  const root = popup.shadowRoot!;
  root.querySelector<HTMLInputElement>('[part~="email-input"]')!.value = 'ada@example.com';
  root.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
  root.querySelector<HTMLElement>('[part~="submit"]')!.click();
  await expect
    .poll(() => root.querySelector('[part~="status"]')?.textContent?.trim())
    .toBe('Thank you, you are signed up!');
  await expect.poll(() => root.querySelector<HTMLInputElement>('[part~="coupon-code"]')?.value).toBe('CLUB10');
  await settle();
  expect(received).toHaveLength(1);
  expect(received[0].key).toBe(received[0].body.id);
  expect(received[0].body).toMatchObject({ email: 'ada@example.com', campaign: 'features-club', consent: true });
  expect(localStorage.getItem('vitrine:outbox:leads')).toBeNull();
  popup.remove();
});

test('a free-shipping bar fetches the cart and shows what is left to spend', async () => {
  expect(fetched()).not.toContain('chunks/cart');
  const progress = document.createElement('vitrine-shipping-progress') as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  progress.setAttribute('campaign', 'features-shipping');
  progress.setAttribute('threshold', '60');
  progress.setAttribute('total', '45');
  progress.setAttribute('lang', 'en');
  document.body.append(progress);
  await expect.poll(fetched, { timeout: 5_000 }).toContain('chunks/cart');
  await expect.poll(() => progress.matches(':defined')).toBe(true);
  await progress.updateComplete;
  await expect.poll(() => progress.shadowRoot!.textContent).toContain('€15.00');
});
