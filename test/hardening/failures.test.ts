/**
 * Failures a shopper meets, on the built script-tag bundle: the lead endpoint answering 500, 429
 * (Retry-After) or slowly, the shopper leaving before a retry and coming back (no lead lost, none
 * doubled); Shopify's cart answering 429 or malformed JSON (the last cart is never shown as
 * fresh); the clipboard denied; the device's clock changed by hours while a countdown runs; a tab
 * hidden for an hour. Unit tests cover the outbox, the cart store and the clock one by one; here
 * they are met through real pages and real HTTP answers (the hardening server).
 */
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  endpoints,
  frames,
  loadBundle,
  openPage,
  pageWidgetsReady,
  tagsDefined,
  watchPage,
  widget,
  type OpenedPage,
  type PageWatch,
  type Widget,
} from './support.js';

type Popup = Widget & { show(): Promise<boolean>; hide(): void };

const leads = endpoints('leads');
const cart = endpoints('cart');
let watch: PageWatch;

beforeAll(async () => {
  // This page is a Shopify storefront whose cart is the hardening server's (scope "cart").
  (window as unknown as { Shopify: unknown }).Shopify = { routes: { root: cart.base }, currency: { active: 'EUR' } };
  watch = watchPage();
  await loadBundle();
  const warmUp = ['vitrine-countdown', 'vitrine-exit-popup', 'vitrine-shipping-progress'].map((tag) =>
    document.body.appendChild(widget(tag)),
  );
  await tagsDefined(['vitrine-countdown', 'vitrine-exit-popup', 'vitrine-shipping-progress']);
  for (const element of warmUp) element.remove();
});

/** Opens the sign-up page, opens its pop-up and submits `email`; resolves with the page and what it says. */
async function signUp(email: string): Promise<{ page: OpenedPage; popup: Popup; status: () => string }> {
  const page = await openPage('/__hardening/page/lead', 800, 600);
  const [popup] = (await pageWidgetsReady(page, ['vitrine-exit-popup'])) as Popup[];
  expect(await popup.show()).toBe(true);
  const root = popup.shadowRoot!;
  const input = root.querySelector<HTMLInputElement>('[part~="email-input"]')!;
  input.value = email;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  const status = () => root.querySelector('[part~="status"]')?.textContent?.trim() ?? '';
  return { page, popup, status };
}

/** The lead requests the endpoint received: how many, and under how many idempotency keys. */
async function received() {
  const log = (await leads.log()).filter(({ path }) => path === 'endpoint');
  return {
    requests: log.length,
    keys: new Set(log.map(({ key }) => key)).size,
    delivered: log.filter(({ status }) => status !== undefined && status >= 200 && status < 300).length,
    emails: log.map(({ body }) => body),
  };
}

describe('leads: nothing lost, nothing doubled', () => {
  afterEach(async () => {
    await leads.reset();
  });

  test('500, then 429 with Retry-After: retried on the same page until delivered, once', async () => {
    await leads.script([{ status: 500 }, { status: 429, headers: { 'Retry-After': '1' } }]);
    const { page, status } = await signUp('retry@example.com');
    // The shopper is told it is saved, not that it failed.
    await expect.poll(status).toMatch(/Saved/);
    await expect.poll(async () => (await received()).requests, { timeout: 8_000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const { requests, keys, delivered } = await received();
    expect({ requests, keys, delivered }).toEqual({ requests: 3, keys: 1, delivered: 1 });
    expect(page.report().errors).toEqual([]);
    page.close();
  });

  test('the shopper leaves before the retry: the next page load delivers it, once; the one after sends nothing', async () => {
    await leads.script([{ status: 503 }]);
    const first = await signUp('later@example.com');
    await expect.poll(first.status).toMatch(/Saved/);
    first.page.close();
    expect((await received()).requests).toBe(1);

    // The same visitor comes back: the outbox in storage is sent at once, with the same key.
    const second = await openPage('/__hardening/page/lead', 800, 600, false);
    await pageWidgetsReady(second, ['vitrine-exit-popup']);
    await expect.poll(async () => (await received()).requests, { timeout: 5_000 }).toBe(2);
    // The shopper stays until the answer came back and the outbox let the lead go. (Gone before that,
    // the next page sends it again under the same idempotency key: by design, for the endpoint to drop.)
    await expect.poll(() => second.window.localStorage.getItem('vitrine:outbox:leads'), { timeout: 5_000 }).toBeNull();
    second.close();
    const third = await openPage('/__hardening/page/lead', 800, 600, false);
    await pageWidgetsReady(third, ['vitrine-exit-popup']);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    third.close();
    const { requests, keys, delivered, emails } = await received();
    expect({ requests, keys, delivered }).toEqual({ requests: 2, keys: 1, delivered: 1 });
    expect(emails.every((body) => body.includes('later@example.com'))).toBe(true);
  });

  test('offline (fetch fails): saved, then sent at once when the page is back online, once', async () => {
    // Offline as fetch meets it: every request rejects with "Failed to fetch" (the page's fetch, swapped after
    // load; a connection cut by the server is not it: Chromium retries such a request by itself).
    const page = await openPage('/__hardening/page/lead', 800, 600);
    const [popup] = (await pageWidgetsReady(page, ['vitrine-exit-popup'])) as Popup[];
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    const online = Object.getOwnPropertyDescriptor(page.window, 'fetch')!;
    page.window.fetch = offline;
    expect(await popup.show()).toBe(true);
    const root = popup.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('[part~="email-input"]')!;
    input.value = 'offline@example.com';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    const status = () => root.querySelector('[part~="status"]')?.textContent?.trim() ?? '';
    await expect.poll(status).toMatch(/Saved/);
    expect((await received()).requests).toBe(0);
    // Back online: what waits is sent now, not after its backoff (at least 2 s).
    Object.defineProperty(page.window, 'fetch', online);
    page.window.dispatchEvent(new Event('online'));
    await expect.poll(async () => (await received()).delivered, { timeout: 1_500 }).toBe(1);
    await expect.poll(status).toMatch(/signed up/);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await received()).toMatchObject({ requests: 1, delivered: 1, keys: 1 });
    expect(page.report().errors).toEqual([]);
    page.close();
  });

  test('a slow endpoint and a second click while it answers: one request', async () => {
    await leads.script([{ status: 200, delay: 1_500 }]);
    const { page, popup, status } = await signUp('slow@example.com');
    popup.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
    await expect.poll(status, { timeout: 5_000 }).toMatch(/./);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await received()).toMatchObject({ requests: 1, keys: 1 });
    expect(page.report().errors).toEqual([]);
    page.close();
  });
});

describe('the Shopify cart', () => {
  const progressBase = (element: Widget) => element.shadowRoot!.querySelector('[part~="base"]')!;
  /** A cart change as a theme makes it: a POST to /cart/add.js, seen by Vitrine's fetch signals. */
  const addToCart = () => fetch(`${cart.base}cart/add.js`, { method: 'POST', body: '{}' });

  test('429 and malformed JSON: the last cart stays, marked stale, never shown as fresh; fresh again on the next good answer', async () => {
    await cart.reset();
    const progress = document.body.appendChild(
      widget('vitrine-shipping-progress', { total: '', campaign: 'cart-429' }),
    );
    progress.removeAttribute('total');
    await progress.updateComplete;
    // The first answer: 25 € in the cart, 35 € to go.
    await expect.poll(() => progressBase(progress).textContent).toMatch(/35/);
    expect(progressBase(progress).classList.contains('stale')).toBe(false);

    // The first scripted answer is the add's own; the second, the refresh of /cart.js that follows.
    await cart.script([{ body: '{}' }, { status: 429, headers: { 'Retry-After': '1' } }]);
    await addToCart();
    await expect.poll(() => progressBase(progress).classList.contains('stale'), { timeout: 5_000 }).toBe(true);
    expect(progressBase(progress).textContent).toMatch(/35/);
    // Retry-After honoured, then a good answer: fresh again.
    await expect.poll(() => progressBase(progress).classList.contains('stale'), { timeout: 5_000 }).toBe(false);

    const warningsBefore = watch.warnings.length;
    await cart.script([{ body: '{}' }, { status: 200, body: '{"total_price": 4000, "currency": "EU' }]);
    await addToCart();
    await expect.poll(() => progressBase(progress).classList.contains('stale'), { timeout: 5_000 }).toBe(true);
    expect(progressBase(progress).textContent).toMatch(/35/);
    expect(watch.warnings.slice(warningsBefore).filter((warning) => warning.includes('cart.js'))).toHaveLength(1);
    expect(watch.errors).toEqual([]);
    progress.remove();
  });
});

test('clipboard denied: the code is selected for the shopper to copy, and nothing throws', async () => {
  const writeText = vi
    .spyOn(navigator.clipboard, 'writeText')
    .mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
  const popup = document.body.appendChild(
    widget('vitrine-exit-popup', { campaign: 'clipboard', 'after-overlay': 'allow' }),
  ) as Popup;
  await popup.updateComplete;
  expect(await popup.show()).toBe(true);
  // The code block (its own chunk) comes as the pop-up opens on its code.
  await expect.poll(() => popup.shadowRoot!.querySelector('[part~="copy-button"]')).not.toBeNull();
  popup.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
  await expect.poll(() => popup.shadowRoot!.querySelector('[part~="copy-status"]')?.textContent?.trim()).not.toBe('');
  expect(writeText).toHaveBeenCalledWith('WELCOME10');
  const field = popup.shadowRoot!.querySelector<HTMLInputElement>('[part~="coupon-code"]')!;
  expect(field.value).toBe('WELCOME10');
  expect(field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0)).toBe('WELCOME10');
  popup.hide();
  popup.remove();
  writeText.mockRestore();
  expect(watch.errors).toEqual([]);
});

describe('time', () => {
  afterEach(() => {
    vi.useRealTimers();
    delete (document as { hidden?: boolean }).hidden;
    delete (document as { visibilityState?: string }).visibilityState;
  });

  /** The seconds a countdown shows, all units added up. */
  const shownSeconds = (countdown: Element) => {
    const unit = (name: string) =>
      Number(countdown.shadowRoot!.querySelector(`[part~="segment-${name}"] [part~="value"]`)?.textContent ?? 0);
    return unit('days') * 86_400 + unit('hours') * 3_600 + unit('minutes') * 60 + unit('seconds');
  };

  async function runningCountdown() {
    vi.useFakeTimers({
      now: new Date('2026-11-23T10:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    const deadline = Date.parse('2026-11-23T20:00:00Z');
    const countdown = widget('vitrine-countdown', { deadline: new Date(deadline).toISOString(), campaign: 'clock' });
    document.body.prepend(countdown);
    await countdown.updateComplete;
    const remaining = () => Math.round((deadline - Date.now()) / 1000);
    const tick = async (ms = 1_000) => {
      vi.advanceTimersByTime(ms);
      await countdown.updateComplete;
      await frames(1);
      await countdown.updateComplete;
    };
    return { countdown, remaining, tick };
  }

  test('the device clock jumps hours ahead, then behind, while a countdown runs: it shows the real time left', async () => {
    const { countdown, remaining, tick } = await runningCountdown();
    // Within the second the display rounds to.
    const near = () => expect(Math.abs(shownSeconds(countdown) - remaining())).toBeLessThanOrEqual(1);
    await tick();
    near();
    vi.setSystemTime(Date.now() + 3 * 3_600_000);
    await tick();
    near();
    expect(remaining()).toBeLessThan(7 * 3_600);
    vi.setSystemTime(Date.now() - 5 * 3_600_000);
    await tick();
    near();
    expect(remaining()).toBeGreaterThan(10 * 3_600);
    countdown.remove();
  });

  test('a tab hidden for an hour: on return the countdown shows the right time at once', async () => {
    const { countdown, remaining, tick } = await runningCountdown();
    await tick();
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(3_600_000);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await tick(0);
    expect(Math.abs(shownSeconds(countdown) - remaining())).toBeLessThanOrEqual(1);
    expect(remaining()).toBeLessThan(9 * 3_600);
    countdown.remove();
    expect(watch.errors).toEqual([]);
  });
});
