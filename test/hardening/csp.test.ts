/**
 * Strict Content-Security-Policy: the six widgets of the built bundle on a page sent with
 * `default-src 'self'; script-src 'self'; style-src 'self'` (a real HTTP header, from the
 * hardening server) render, are styled, and behave — the countdown ticks, the pop-up opens, the
 * wheel spins, the badge's details open, the bar changes message — with zero
 * `securitypolicyviolation` events.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openPage, pageWidgetsReady, shownText, type OpenedPage, type Widget } from './support.js';
import { STRICT_CSP } from './csp-policy.js';

let page: OpenedPage;
let widgets: Widget[];

beforeAll(async () => {
  page = await openPage('/__hardening/page/csp-six');
  widgets = await pageWidgetsReady(page);
});

afterAll(() => page.close());

const byTag = (tag: string) => widgets.find((element) => element.localName === tag)!;

test('the page really is under the strict policy (an inline style is refused)', async () => {
  const response = await fetch('/__hardening/page/csp-six', { cache: 'no-store' });
  expect(response.headers.get('content-security-policy')).toBe(STRICT_CSP);
  // The policy is enforced in the frame: an inline <style> is a violation (the probe sees it).
  const style = page.document.createElement('style');
  style.textContent = '.probe { color: red }';
  page.document.head.append(style);
  await expect.poll(() => page.report().violations.length).toBe(1);
  style.remove();
  page.report().violations.length = 0;
});

test('all six render, styled through adopted style sheets', () => {
  expect(widgets.map((element) => element.localName).sort()).toEqual([
    'vitrine-countdown',
    'vitrine-exit-popup',
    'vitrine-loyalty-badge',
    'vitrine-shipping-progress',
    'vitrine-sticky-bar',
    'vitrine-wheel',
  ]);
  for (const element of widgets) {
    expect(element.shadowRoot!.adoptedStyleSheets.length, element.localName).toBeGreaterThan(0);
    expect(element.shadowRoot!.querySelectorAll('style'), element.localName).toHaveLength(0);
    if (element.localName === 'vitrine-exit-popup') continue;
    expect(shownText(element).trim(), element.localName).not.toBe('');
    const box = (element.shadowRoot!.querySelector('[part~="base"]') ?? element).getBoundingClientRect();
    expect(box.width * box.height, element.localName).toBeGreaterThan(0);
  }
  // The progress bar's fill, a custom property set through the CSSOM, is applied.
  const bar = byTag('vitrine-shipping-progress').shadowRoot!.querySelector<HTMLElement>('[part~="bar"]')!;
  expect(bar.style.getPropertyValue('--_fill')).not.toBe('');
});

test('they behave: countdown ticks, pop-up opens, wheel spins, badge details open, bar rotates', async () => {
  const countdown = byTag('vitrine-countdown');
  const seconds = () => countdown.shadowRoot!.querySelector('[part~="segment-seconds"] [part~="value"]')?.textContent;
  const before = seconds();
  await expect.poll(seconds, { timeout: 3_000 }).not.toBe(before);

  const popup = byTag('vitrine-exit-popup') as Widget & { show(): Promise<boolean>; hide(): void };
  expect(await popup.show()).toBe(true);
  expect(popup.shadowRoot!.querySelector('dialog')!.open).toBe(true);
  popup.hide();

  const wheel = byTag('vitrine-wheel') as Widget & { spin(): Promise<unknown> };
  expect(await wheel.spin()).not.toBeNull();

  const badge = byTag('vitrine-loyalty-badge');
  badge.setAttribute('open', '');
  await expect
    .poll(() => badge.shadowRoot!.querySelector('[part~="popover"]')?.getBoundingClientRect().height ?? 0)
    .toBeGreaterThan(0);
  badge.removeAttribute('open');

  const sticky = byTag('vitrine-sticky-bar');
  const message = () =>
    sticky
      .shadowRoot!.querySelector('slot')!
      .assignedElements()
      .map((element) => element.textContent);
  const first = message();
  sticky.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
  await expect.poll(message).not.toEqual(first);

  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(page.report().violations).toEqual([]);
  expect(page.report().errors).toEqual([]);
  expect(page.report().consoleErrors).toEqual([]);
});
