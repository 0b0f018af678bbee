/**
 * Accessibility beyond axe (which runs on every story: .storybook/preview.ts), on the built
 * script-tag bundle: keyboard-only walkthroughs of the pop-up and the wheel (Tab, Enter, Space,
 * Escape through real key presses), and the six widgets at 320 px wide with a 200 % root font
 * size (WCAG 1.4.4 / 1.4.10): no content clipped sideways, every button reachable.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  frames,
  loadBundle,
  tagsDefined,
  watchPage,
  widget,
  WIDGET_TAGS,
  type PageWatch,
  type Widget,
} from './support.js';

type Popup = Widget & { show(): Promise<boolean>; hide(): void };

let watch: PageWatch;

beforeAll(async () => {
  watch = watchPage();
  await loadBundle();
  const warmUp = WIDGET_TAGS.map((tag) => document.body.appendChild(widget(tag)));
  await tagsDefined(WIDGET_TAGS);
  for (const element of warmUp) element.remove();
});

afterAll(() => {
  watch.stop();
  expect(watch.errors).toEqual([]);
});

/** The element that has focus, looking into shadow roots. */
function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
const focusedPart = () => focused()?.getAttribute('part') ?? focused()?.localName ?? null;

describe('keyboard only', () => {
  // Keys go to the focused frame of the page: this file's, not one an earlier file left focused.
  beforeEach(() => window.focus());

  test('the pop-up: focus moves in, Tab walks the form, Space ticks, Enter signs up, Escape closes and gives focus back', async () => {
    const before = document.body.appendChild(document.createElement('button'));
    before.textContent = 'Page button';
    const popup = document.body.appendChild(
      widget('vitrine-exit-popup', { campaign: 'keyboard-popup', capture: '', 'consent-text': 'Email me offers.' }),
    ) as Popup;
    await popup.updateComplete;
    before.focus();
    expect(await popup.show()).toBe(true);
    // With a mouse focus goes to the email field; on a touch screen (headless Chromium and Firefox
    // say so) it stays on the close button, the field one Tab away.
    if (matchMedia('(pointer: fine)').matches) await expect.poll(focusedPart).toBe('email-input');
    else {
      await expect.poll(focusedPart).toBe('close-button');
      await userEvent.keyboard('{Tab}');
      await expect.poll(focusedPart).toBe('email-input');
    }
    // Polled: over WebDriver BiDi (Firefox) a key's default action may land just after the command returns.
    await userEvent.keyboard('shopper@example.com');
    await userEvent.keyboard('{Tab}');
    await expect.poll(() => focused()?.getAttribute('type')).toBe('checkbox');
    await userEvent.keyboard(' ');
    await expect.poll(() => (focused() as HTMLInputElement).checked).toBe(true);
    await userEvent.keyboard('{Tab}');
    await expect.poll(focusedPart).toBe('submit');
    await userEvent.keyboard('{Enter}');
    // The outcome takes the focus (the form gave way), and the code is shown.
    await expect.poll(focusedPart).toBe('status');
    await expect.poll(() => popup.shadowRoot!.querySelector('[part~="coupon-code"]') !== null).toBe(true);
    // Tab stays in the dialog (modal): a full round never reaches the page button.
    for (let step = 0; step < 6; step++) {
      await userEvent.keyboard('{Tab}');
      expect(focused()).not.toBe(before);
    }
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => popup.shadowRoot!.querySelector('dialog')!.open).toBe(false);
    expect(document.activeElement).toBe(before);
    popup.remove();
    before.remove();
  });

  test('the wheel: Tab reaches Spin, Enter spins, focus stays in the wheel; the odds open with Enter', async () => {
    const before = document.body.appendChild(document.createElement('button'));
    before.textContent = 'Page button';
    const wheel = document.body.appendChild(widget('vitrine-wheel', { campaign: 'keyboard-wheel', duration: '1s' }));
    await wheel.updateComplete;
    before.focus();
    await userEvent.keyboard('{Tab}');
    // The first stop in the wheel is its Spin button (before the odds and the rules).
    await expect.poll(focusedPart).toBe('spin-button');
    const spun = new Promise((resolve) => wheel.addEventListener('vitrine-spin', resolve, { once: true }));
    await userEvent.keyboard('{Enter}');
    await spun;
    await expect
      .poll(() => wheel.shadowRoot!.querySelector('[part~="message"]')?.textContent?.trim(), { timeout: 5_000 })
      .toMatch(/\w/);
    // Focus stays in the wheel (on the result, or on Spin when spins are left): never dropped to the page.
    await expect.poll(() => wheel.shadowRoot!.activeElement !== null, { timeout: 5_000 }).toBe(true);
    // The odds disclosure, by keyboard.
    const odds = wheel.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="odds"]')!;
    for (let step = 0; step < 6 && focusedPart() !== 'odds-button'; step++) await userEvent.keyboard('{Tab}');
    expect(focusedPart()).toBe('odds-button');
    await userEvent.keyboard('{Enter}');
    expect(odds.open).toBe(true);
    wheel.remove();
    before.remove();
  });
});

describe('320 px wide at 200 % text', () => {
  beforeAll(async () => {
    await page.viewport(320, 640);
    document.documentElement.style.fontSize = '200%';
  });
  afterAll(async () => {
    document.documentElement.style.fontSize = '';
    await page.viewport(414, 896);
  });

  /** Problems a shopper would meet in one widget: content cut off sideways, a button out of reach. */
  function clipped(element: Widget): string[] {
    const problems: string[] = [];
    const root = element.shadowRoot!;
    for (const node of root.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || node.closest('[hidden]') || !node.getClientRects().length) continue;
      // Text for screen readers only is clipped on purpose.
      if (node.closest('.visually-hidden')) continue;
      // A box that hides what overflows it sideways must not be cutting content.
      if (/hidden|clip/.test(style.overflowX) && node.scrollWidth > node.clientWidth + 1)
        problems.push(
          `${element.localName} [part="${node.getAttribute('part') ?? node.localName}"] clips ${node.scrollWidth - node.clientWidth}px`,
        );
    }
    for (const button of root.querySelectorAll<HTMLElement>('button, a[href], input, summary')) {
      if (!button.getClientRects().length || button.closest('[hidden]')) continue;
      button.scrollIntoView({ block: 'center', inline: 'nearest' });
      const box = button.getBoundingClientRect();
      if (box.left < -1 || box.right > document.documentElement.clientWidth + 1)
        problems.push(
          `${element.localName} ${button.getAttribute('part') ?? button.localName} is off screen (${Math.round(box.left)}–${Math.round(box.right)})`,
        );
    }
    return problems;
  }

  test('the six widgets lose no content sideways and every button is reachable', async () => {
    const widgets = WIDGET_TAGS.map((tag) => widget(tag, { campaign: `zoom-${tag}` }));
    document.body.append(...widgets);
    await Promise.all(widgets.map((element) => element.updateComplete));
    const popup = widgets.find((element) => element.localName === 'vitrine-exit-popup') as Popup;
    popup.setAttribute('after-overlay', 'allow');
    expect(await popup.show()).toBe(true);
    await frames();
    expect(innerWidth).toBe(320);
    // The width left for the page: 320 px, less a classic scrollbar where the engine draws one
    // (Firefox and WebKit; headless Chromium's are overlays).
    const pageWidth = document.documentElement.clientWidth;
    expect(pageWidth).toBeGreaterThan(300);
    const problems = widgets.flatMap(clipped);
    // Nothing wider than the screen either (no sideways scrolling of the page because of a widget).
    for (const element of widgets) {
      const base = element.shadowRoot!.querySelector('[part~="base"], [part~="dialog"]') ?? element;
      const box = base.getBoundingClientRect();
      if (box.width > pageWidth + 1) problems.push(`${element.localName} is ${Math.round(box.width)}px wide`);
    }
    popup.hide();
    for (const element of widgets) element.remove();
    expect(problems).toEqual([]);
  });
});
