/**
 * `action="shopify"` against a stand-in for Shopify's contact form that answers as Shopify does,
 * with real redirects followed by the browser's own fetch (test/hardening/server.ts):
 * - to `/challenge` (the captcha Shopify shows when a post looks automated): the shopper is never
 *   told "signed up", gets no code, and is offered to finish on Shopify's page (the same form,
 *   posted natively); the lead is not kept to be retried into the same captcha;
 * - to the page with `customer_posted=true` (the customer was recorded): signed up, code revealed.
 */
import { beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import { loadCoupon, readOutbox, resetOutboxRuntime } from '@vitrine/core';
import '@vitrine/exit-popup/define';
import { clearStored, recordTopic } from './support/recorders.js';
import { useTestPage } from './support/fixture.js';

// The code block (copy button) is a chunk fetched when a code is about to show (coupon-later.ts);
// here codes show right after a render, so it is here from the start.
beforeAll(() => loadCoupon());

type Popup = HTMLElementTagNameMap['vitrine-exit-popup'];

const STAND_IN = '/__hardening/shopify-contact';
const part = (el: Popup, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** What the stand-in answers next, in order. */
async function script(...answers: Array<{ status: number; headers?: Record<string, string>; body?: string }>) {
  await fetch(`${STAND_IN}/reset`);
  await fetch(`${STAND_IN}/script`, { method: 'POST', body: JSON.stringify(answers) });
}

async function log(): Promise<Array<{ method: string; path: string; body: string }>> {
  return (await fetch(`${STAND_IN}/log`)).json() as Promise<Array<{ method: string; path: string; body: string }>>;
}

async function signUp(el: Popup): Promise<void> {
  await el.show();
  await el.updateComplete;
  (part(el, 'email-input') as HTMLInputElement).value = 'ada@example.com';
  el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
  part(el, 'submit')!.click();
  await expect.poll(() => el.formState).not.toBe('submitting');
  await expect.poll(() => el.formState).not.toBe('idle');
  await el.updateComplete;
}

const testPage = useTestPage({ reset: () => delete (window as unknown as { Shopify?: unknown }).Shopify });

beforeEach(() => {
  clearStored();
  resetOutboxRuntime();
  (window as unknown as { Shopify: unknown }).Shopify = { routes: { root: `${STAND_IN}/` } };
});

test('a redirect to /challenge is never "signed up": no code, no lead, and a way to finish on the shop', async () => {
  await script(
    { status: 302, headers: { Location: `${STAND_IN}/challenge` } },
    { status: 200, body: '<p>captcha</p>' },
  );
  const leads = recordTopic('lead', testPage.cleanups);
  const coupons = recordTopic('coupon', testPage.cleanups);
  const el = await fixture<Popup>(
    html`<vitrine-exit-popup lang="en" campaign="bf" capture code="WELCOME10" action="shopify"></vitrine-exit-popup>`,
  );
  await signUp(el);

  // The browser's fetch did POST the form, then followed Shopify's redirect to the captcha.
  expect((await log()).map(({ method, path }) => `${method} ${path}`)).toEqual(['POST contact', 'GET challenge']);
  expect(el.formState).toBe('confirm');
  const status = part(el, 'status')!.textContent;
  expect(status).toContain('not signed up yet');
  expect(status).not.toContain('Thank you');
  expect(part(el, 'coupon-code')).toBeNull();
  expect(coupons).toEqual([]);
  expect(leads).toEqual([]);
  expect(readOutbox()).toEqual([]);

  // "Continue" posts the same form natively (a navigation Shopify answers with its captcha), back here after.
  const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
  const button = part(el, 'submit')!;
  expect(button.textContent.trim()).toBe('Continue');
  button.click();
  expect(submit).toHaveBeenCalledTimes(1);
  const form = submit.mock.contexts[0] as HTMLFormElement;
  expect(form.method).toBe('post');
  expect(new URL(form.action).pathname).toBe(`${STAND_IN}/contact`);
  expect(Object.fromEntries(new FormData(form) as unknown as Iterable<[string, string]>)).toEqual({
    form_type: 'customer',
    utf8: '✓',
    'contact[email]': 'ada@example.com',
    'contact[tags]': 'newsletter,bf',
    return_to: location.pathname + location.search,
  });
  form.remove();
});

test('a redirect to the page with customer_posted=true is a sign-up: thanks and the code', async () => {
  await script(
    { status: 302, headers: { Location: `${STAND_IN}/pages/sale?customer_posted=true` } },
    { status: 200, body: '<p>page</p>' },
  );
  const leads = recordTopic('lead', testPage.cleanups);
  const el = await fixture<Popup>(
    html`<vitrine-exit-popup lang="en" campaign="bf" capture code="WELCOME10" action="shopify"></vitrine-exit-popup>`,
  );
  await signUp(el);
  expect(el.formState).toBe('success');
  expect(part(el, 'status')!.textContent).toContain('signed up');
  expect((el.shadowRoot!.querySelector('[part~="coupon-code"]') as HTMLInputElement).value).toBe('WELCOME10');
  expect(leads).toHaveLength(1);
});
