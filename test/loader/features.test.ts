/**
 * The BUILT script-tag bundle fetches a feature's code only where the page uses the feature (issue 18):
 * one fresh page, in order, as a storefront grows. A countdown fetches neither the lead outbox, the
 * cart, the pop-up machinery nor the kit; an exit pop-up that only shows an offer (no `capture`)
 * fetches the pop-up machinery but not the outbox nor the cart; a pop-up with `capture` fetches the
 * outbox as it appears, and its lead is delivered once; a free-shipping bar fetches the cart and
 * shows the cart's amount. The code block with its copy button (the `coupon` chunk) comes only
 * when a code is about to show: not with a bar that has no code yet, a closed pop-up or a wheel
 * at rest; a spin fetches it, and the won code shows with a copy button that copies in the click;
 * a bar with `show-coupon` then shows the last code with it. (A page whose storage holds a lead:
 * outbox-waiting.test.ts; a code after a sign-up: coupon-on-demand.test.ts; the chunk failing:
 * coupon-offline.test.ts.)
 */
import { beforeAll, expect, test } from 'vitest';
import { bundleRequests, countdownElement, loadBundle, renderedDigits, settle, usePageErrors } from './page.js';

type Popup = HTMLElement & { show(): Promise<boolean>; updateComplete: Promise<unknown> };
type Wheel = HTMLElement & { spin(): Promise<{ code: string | null } | null>; updateComplete: Promise<unknown> };

/** What the copy buttons wrote, in the click itself (a stand-in for the clipboard, which a test page may refuse). */
const copied: string[] = [];

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
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
  });
  await loadBundle();
  await settle();
});

const part = <T extends HTMLElement = HTMLElement>(element: Element, name: string) =>
  element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

/** The bundle's files the page fetched, without their hashes (`chunks/outbox`). */
const fetched = () => bundleRequests();

test('a countdown page fetches neither the outbox, the cart, the pop-up machinery nor the kit', async () => {
  const countdown = countdownElement({ campaign: 'features-countdown' });
  document.body.append(countdown);
  await renderedDigits(countdown);
  await expect.poll(fetched).toEqual(expect.arrayContaining(['chunks/countdown', 'chunks/shared']));
  await settle();
  for (const chunk of ['chunks/outbox', 'chunks/cart', 'chunks/popup', 'chunks/kit', 'chunks/coupon'])
    expect(fetched(), chunk).not.toContain(chunk);
});

test('a bar with no code yet, a closed pop-up with a code and a wheel at rest fetch no coupon chunk', async () => {
  const bar = document.createElement('vitrine-sticky-bar') as HTMLElement & { updateComplete: Promise<unknown> };
  bar.setAttribute('campaign', 'features-bar');
  bar.setAttribute('show-coupon', '');
  bar.innerHTML = '<p>Free shipping from €60</p>';
  const popup = document.createElement('vitrine-exit-popup') as Popup;
  popup.setAttribute('campaign', 'features-closed');
  popup.setAttribute('code', 'LATER10');
  const wheel = document.createElement('vitrine-wheel') as Wheel;
  wheel.setAttribute('campaign', 'features-wheel');
  wheel.setAttribute('duration', '1s');
  wheel.innerHTML = '<vitrine-wheel-segment label="-10 %" code="SPIN10"></vitrine-wheel-segment>';
  document.body.append(bar, popup, wheel);
  for (const element of [bar, popup, wheel])
    await expect.poll(() => element.matches(':defined'), { timeout: 5_000 }).toBe(true);
  await expect.poll(() => part(wheel, 'spin-button')).not.toBeNull();
  await expect
    .poll(fetched)
    .toEqual(expect.arrayContaining(['chunks/sticky-bar', 'chunks/exit-popup', 'chunks/wheel', 'chunks/kit']));
  await settle();
  expect(fetched()).not.toContain('chunks/coupon');
  popup.remove();
});

test('a spin fetches the code block: the won code shows with a copy button that copies in the click', async () => {
  const wheel = document.querySelector<Wheel>('vitrine-wheel')!;
  expect(await wheel.spin()).toMatchObject({ code: 'SPIN10' });
  expect(fetched()).toContain('chunks/coupon');
  // spin() resolves once the code shows: with its copy button, never without.
  expect(part<HTMLInputElement>(wheel, 'coupon-code')!.value).toBe('SPIN10');
  part(wheel, 'copy-button')!.click();
  // Written within the click (WebKit drops the user activation across an await).
  expect(copied).toEqual(['SPIN10']);
  await expect.poll(() => part(wheel, 'copy-status')?.textContent).toBe('Code copied');
  // The code is styled by the chunk's own sheet (a dashed frame), under the wheel's.
  expect(getComputedStyle(part(wheel, 'coupon-code')!).borderTopStyle).toBe('dashed');
  wheel.remove();
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

test('a bar with show-coupon shows the last code with its copy button (the code block is fetched once)', async () => {
  const bar = document.querySelector('vitrine-sticky-bar')!;
  await expect.poll(() => part<HTMLInputElement>(bar, 'coupon-code')?.value).toBe('CLUB10');
  part(bar, 'copy-button')!.click();
  expect(copied.at(-1)).toBe('CLUB10');
  expect(fetched().filter((file) => file === 'chunks/coupon')).toHaveLength(1);
});
