/**
 * The BUILT script-tag bundle on the page after a sign-up that could not be sent (offline, a closed
 * tab): the lead waits in storage, so even an exit pop-up without `capture` fetches the outbox and
 * delivers it, once, under its own idempotency key; the next page then has nothing to send and
 * fetches nothing of the outbox (features.test.ts). One fresh page.
 */
import { beforeAll, expect, test } from 'vitest';
import { bundleRequests, loadBundle, settle, usePageErrors } from './page.js';

usePageErrors();

const received: Array<{ key: string | null; body: Record<string, unknown> }> = [];
const pageFetch = window.fetch.bind(window);
const LEAD = {
  email: 'later@example.com',
  consent: true,
  consentText: 'I agree to receive emails.',
  campaign: 'waiting-club',
  widget: 'exit-popup',
  url: 'https://shop.example/',
  at: '2026-11-27T09:00:00.000Z',
};

beforeAll(async () => {
  // What an earlier page left: one attempt made, not delivered.
  localStorage.setItem(
    'vitrine:outbox:leads',
    JSON.stringify([{ id: 'waiting-1', lead: LEAD, action: '/api/waiting-leads', attempts: 1, retryAt: 0 }]),
  );
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.endsWith('/api/waiting-leads')) return pageFetch(input, init);
    received.push({
      key: new Headers(init?.headers).get('Idempotency-Key'),
      body: JSON.parse(init?.body as string) as Record<string, unknown>,
    });
    return Promise.resolve(new Response('{}', { status: 200 }));
  };
  await loadBundle();
  await settle();
});

test('a pop-up without capture fetches the outbox when a lead waits, and delivers it once', async () => {
  expect(bundleRequests()).not.toContain('chunks/outbox');
  const popup = document.createElement('vitrine-exit-popup');
  popup.setAttribute('campaign', 'waiting-offer');
  popup.setAttribute('code', 'OFFER10');
  document.body.append(popup);
  await expect.poll(bundleRequests, { timeout: 5_000 }).toContain('chunks/outbox');
  await expect.poll(() => received.length).toBe(1);
  expect(received[0]).toEqual({ key: 'waiting-1', body: { id: 'waiting-1', ...LEAD } });
  await expect.poll(() => localStorage.getItem('vitrine:outbox:leads')).toBeNull();
  // A second pop-up on the same page sends nothing more.
  document.body.append(document.createElement('vitrine-exit-popup'));
  await settle();
  expect(received).toHaveLength(1);
});
