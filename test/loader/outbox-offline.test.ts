/**
 * The BUILT script-tag bundle when the outbox's chunk cannot be fetched (the network gone since the
 * page loaded, a CDN's hiccup): a pop-up with `capture` still takes the sign-up, tells the shopper it
 * is saved, and keeps the lead in storage as the outbox would, for the next page to deliver under its
 * id (outbox-waiting.test.ts). Served by the hardening server, which answers the chunk with a 503.
 * One fresh page.
 */
import { beforeAll, expect, onTestFinished, test } from 'vitest';
import { bundleRequests, loadBundle, settle, usePageErrors } from './page.js';

type Popup = HTMLElement & { show(): Promise<boolean>; updateComplete: Promise<unknown> };

const DIST = '/__hardening/dist/';
const server = (path: string, body?: unknown) =>
  fetch(DIST + path, { method: 'POST', body: JSON.stringify(body ?? null) }).then(async (response) => {
    await response.text();
  });

usePageErrors();

const sent: string[] = [];
const pageFetch = window.fetch.bind(window);

beforeAll(async () => {
  localStorage.removeItem('vitrine:outbox:leads');
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/api/offline-leads')) sent.push(url);
    return pageFetch(input, init);
  };
  await loadBundle('', `${DIST}vitrine.js`);
  await settle();
});

test('the outbox chunk does not come: the sign-up is saved in storage for the next page, not lost', async () => {
  // Twice: where a browser asks again for a module that failed, the second request fails too.
  await server('fail', ['chunks/outbox', 'chunks/outbox']);
  onTestFinished(() => server('release'));
  const popup = document.createElement('vitrine-exit-popup') as Popup;
  popup.setAttribute('campaign', 'offline-club');
  popup.setAttribute('capture', '');
  popup.setAttribute('action', '/api/offline-leads');
  popup.setAttribute('code', 'SAVED10');
  document.body.append(popup);
  await expect.poll(() => bundleRequests(DIST), { timeout: 5_000 }).toContain('chunks/outbox');
  await popup.updateComplete;
  expect(await popup.show()).toBe(true);
  await popup.updateComplete;
  const leads: unknown[] = [];
  document.addEventListener('vitrine:lead', (event) => leads.push((event as CustomEvent).detail));
  const root = popup.shadowRoot!;
  root.querySelector<HTMLInputElement>('[part~="email-input"]')!.value = 'offline@example.com';
  root.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
  root.querySelector<HTMLElement>('[part~="submit"]')!.click();
  await expect
    .poll(() => root.querySelector('[part~="status"]')?.textContent?.trim())
    .toBe('Saved! We will confirm your sign-up as soon as the connection is back.');
  // The code block (its own chunk, fetched as the sign-up was sent) may come a moment later.
  await expect.poll(() => root.querySelector<HTMLInputElement>('[part~="coupon-code"]')?.value).toBe('SAVED10');
  const stored = JSON.parse(localStorage.getItem('vitrine:outbox:leads') ?? '[]') as Array<Record<string, unknown>>;
  expect(stored).toHaveLength(1);
  expect(typeof stored[0].id).toBe('string');
  expect(stored[0]).toMatchObject({
    lead: { email: 'offline@example.com', campaign: 'offline-club', consent: true },
    action: '/api/offline-leads',
    attempts: 1,
    retryAt: 0,
  });
  expect(leads).toEqual([expect.objectContaining({ id: stored[0].id, outcome: 'queued' })]);
  await settle();
  expect(sent).toEqual([]);
  localStorage.removeItem('vitrine:outbox:leads');
});
