/**
 * The BUILT script-tag bundle when the code block's chunk (`coupon`) is slow to come: a wheel that
 * stops on a win before the chunk is here waits for it, and reveals the code with its copy button
 * once it has come, never the code without it. Served by the hardening server, which holds the
 * chunk until the test releases it. One fresh page.
 */
import { beforeAll, expect, onTestFinished, test } from 'vitest';
import { bundleRequests, loadBundle, settle, usePageErrors } from './page.js';

type Wheel = HTMLElement & {
  spin(): Promise<{ code: string | null } | null>;
  state: string;
  updateComplete: Promise<unknown>;
};

const DIST = '/__hardening/dist/';
const server = (path: string, body?: unknown) =>
  fetch(DIST + path, {
    method: path === 'held' ? 'GET' : 'POST',
    body: path === 'held' ? undefined : JSON.stringify(body ?? null),
  }).then((response) => response.text());

usePageErrors();

beforeAll(async () => {
  await loadBundle('', `${DIST}vitrine.js`);
  await settle();
});

const part = (element: Element, name: string) => element.shadowRoot!.querySelector(`[part~="${name}"]`);

test('a win reveals its code with the copy button once the code block has come, not before', async () => {
  await server('hold', ['chunks/coupon']);
  onTestFinished(async () => {
    await server('release');
  });
  const wheel = document.createElement('vitrine-wheel') as Wheel;
  wheel.setAttribute('campaign', 'slow-wheel');
  // A long turn, ended by the test once seen: a loaded machine can stall a browser for longer than a
  // short turn, which then ends unseen (a one-second turn did, twice, in Firefox on CI).
  wheel.setAttribute('duration', '10s');
  wheel.innerHTML = '<vitrine-wheel-segment label="-10 %" code="SLOW10"></vitrine-wheel-segment>';
  document.body.append(wheel);
  await expect.poll(() => wheel.matches(':defined'), { timeout: 5_000 }).toBe(true);
  await expect.poll(() => part(wheel, 'spin-button')).not.toBeNull();
  expect(bundleRequests(DIST)).not.toContain('chunks/coupon');

  const spun = wheel.spin();
  await expect.poll(() => wheel.shadowRoot!.getAnimations().length, { timeout: 5_000 }).toBeGreaterThan(0);
  const turn = wheel.shadowRoot!.getAnimations();
  // Asked for as the spin starts, and held by the server.
  await expect.poll(() => server('held')).toBe('1');
  // The turn ends (as if its duration had passed) while the code block is still held.
  for (const animation of turn) animation.finish();
  await settle();
  // Stopped, but the win waits for its code block: no code without its copy button.
  expect(wheel.state).toBe('spinning');
  expect(part(wheel, 'coupon-code')).toBeNull();

  await server('release');
  expect(await spun).toMatchObject({ code: 'SLOW10' });
  expect(wheel.state).toBe('won');
  expect((part(wheel, 'coupon-code') as HTMLInputElement).value).toBe('SLOW10');
  expect(part(wheel, 'copy-button')).not.toBeNull();
});
