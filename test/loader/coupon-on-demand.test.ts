/**
 * The BUILT script-tag bundle fetches the code block (the `coupon` chunk: the copy button, its texts
 * and styles) with a pop-up's code only once the sign-up that reveals it is sent: not as the pop-up
 * appears, nor as it opens on its form. The code then shows with its copy button, in the pop-up and
 * in a bar with `show-coupon`. One fresh page (features.test.ts: the wheel, the bar, at load).
 */
import { beforeAll, expect, test } from 'vitest';
import { bundleRequests, loadBundle, settle, usePageErrors } from './page.js';

type Popup = HTMLElement & { show(): Promise<boolean>; updateComplete: Promise<unknown> };

usePageErrors();

const pageFetch = window.fetch.bind(window);

beforeAll(async () => {
  localStorage.removeItem('vitrine:outbox:leads');
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    String(input instanceof Request ? input.url : input).endsWith('/api/on-demand-leads')
      ? Promise.resolve(new Response('{}', { status: 200 }))
      : pageFetch(input, init);
  await loadBundle();
  await settle();
});

const part = <T extends HTMLElement = HTMLElement>(element: Element, name: string) =>
  element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

test('a pop-up with capture fetches the code block as the sign-up is sent, then shows the code with its copy button', async () => {
  const bar = document.createElement('vitrine-sticky-bar');
  bar.setAttribute('campaign', 'on-demand-bar');
  bar.setAttribute('show-coupon', '');
  bar.innerHTML = '<p>Welcome</p>';
  const popup = document.createElement('vitrine-exit-popup') as Popup;
  popup.setAttribute('campaign', 'on-demand-club');
  popup.setAttribute('capture', '');
  popup.setAttribute('action', '/api/on-demand-leads');
  popup.setAttribute('code', 'CLUB15');
  document.body.append(bar, popup);
  await expect.poll(() => bundleRequests(), { timeout: 5_000 }).toContain('chunks/outbox');
  await expect.poll(() => bar.matches(':defined') && popup.matches(':defined'), { timeout: 5_000 }).toBe(true);
  await popup.updateComplete;
  expect(await popup.show()).toBe(true);
  await popup.updateComplete;
  await settle();
  // Open on its form: no code yet, so no code block.
  expect(bundleRequests()).not.toContain('chunks/coupon');

  const root = popup.shadowRoot!;
  root.querySelector<HTMLInputElement>('[part~="email-input"]')!.value = 'grace@example.com';
  root.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
  root.querySelector<HTMLElement>('[part~="submit"]')!.click();
  await expect.poll(() => bundleRequests()).toContain('chunks/coupon');
  await expect.poll(() => part<HTMLInputElement>(popup, 'coupon-code')?.value).toBe('CLUB15');
  expect(part(popup, 'copy-button')!.getAttribute('aria-label')).toBe('Copy the code CLUB15');
  await expect.poll(() => part<HTMLInputElement>(bar, 'coupon-code')?.value).toBe('CLUB15');
  expect(part(bar, 'copy-button')).not.toBeNull();
  await settle();
  expect(bundleRequests().filter((file) => file === 'chunks/coupon')).toHaveLength(1);
});
