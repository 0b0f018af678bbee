/**
 * A browser without constructable, adopted style sheets (before Safari 16.4, Firefox 101; README's
 * "Browser support"): the script-tag bundle still brings every widget up, styled. Lit writes a
 * `<style>` into each shadow root instead, the loader skips its reserve rules, the experiment its
 * `display: contents` sheet, and nothing is thrown. The features are taken away before the bundle
 * loads, as Lit decides once, when it loads. A fresh page.
 */
import { expect, test, vi } from 'vitest';
import { loadBundle, usePageErrors, settle } from './page.js';
import { defined } from '../hardening/support.js';
import { WIDGET_TAGS, widget } from '../support/widgets.js';

usePageErrors();

test('without adoptedStyleSheets every widget renders, styled by <style> elements, and nothing throws', async () => {
  const warn = vi.spyOn(console, 'warn');
  const error = vi.spyOn(console, 'error');
  for (const prototype of [Document.prototype, ShadowRoot.prototype])
    delete (prototype as unknown as Record<string, unknown>).adoptedStyleSheets;
  vi.stubGlobal('CSSStyleSheet', function CSSStyleSheet() {
    throw new TypeError('Illegal constructor');
  });
  expect('adoptedStyleSheets' in document).toBe(false);

  const widgets = WIDGET_TAGS.map((tag) => widget(tag, { campaign: `no-sheets-${tag}` }));
  const experiment = document.createElement('vitrine-experiment');
  experiment.setAttribute('name', 'no-sheets');
  experiment.innerHTML = '<p variant="A">Offer A</p><p variant="B">Offer B</p>';
  document.body.append(...widgets, experiment);
  await loadBundle();
  for (const element of [...widgets, experiment]) await defined(element, 15_000);
  await settle();

  for (const element of widgets) {
    const root = element.shadowRoot!;
    expect(root.querySelector('style'), element.localName).not.toBeNull();
    // The styles apply: the host's layout rules are there (no widget is an inline box by default).
    expect(getComputedStyle(element).display, element.localName).not.toBe('inline');
  }
  // In-flow widgets are drawn with a size (the pop-up stays shut, waiting for exit intent).
  for (const element of widgets.filter((each) => each.localName !== 'vitrine-exit-popup')) {
    const sized = [...element.shadowRoot!.querySelectorAll('[part]')].some(
      (part) => part.getBoundingClientRect().width > 0 && part.getBoundingClientRect().height > 0,
    );
    expect(sized, element.localName).toBe(true);
  }
  // The experiment kept one variant, and without its sheet is an inline box around it.
  expect(experiment.children).toHaveLength(1);

  // The code block comes later (its own chunk, with its styles): a <style> first in the root, so the
  // bar's own rules still win, and Lit's rendered part, which clears what follows it, keeps it.
  const bar = widgets.find((each) => each.localName === 'vitrine-sticky-bar')!;
  bar.setAttribute('show-coupon', '');
  (window as unknown as { vitrine: { publish(topic: string, payload: unknown): void } }).vitrine.publish('coupon', {
    code: 'NOSHEET10',
    campaign: 'no-sheets',
  });
  const code = () => bar.shadowRoot!.querySelector<HTMLInputElement>('input[part~="coupon-code"]');
  await expect.poll(() => code()?.value, { timeout: 5_000 }).toBe('NOSHEET10');
  expect(bar.shadowRoot!.firstElementChild!.textContent).toContain("[part~='coupon-code']");
  expect(getComputedStyle(code()!).borderTopStyle).toBe('dashed');

  const vitrine = (calls: unknown[][]) => calls.filter(([message]) => String(message).startsWith('[vitrine]'));
  expect(vitrine(warn.mock.calls)).toEqual([]);
  expect(vitrine(error.mock.calls)).toEqual([]);
});
