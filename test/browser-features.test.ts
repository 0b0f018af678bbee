/**
 * The browser features Vitrine uses that some supported browsers lack, each taken away here as such
 * a browser lacks it, in every engine: the fallback must keep the widget working for the shopper,
 * with nothing thrown. README's "Browser support" table lists them with the versions concerned.
 *
 * - IntersectionObserver: every countdown counts as on screen and ticks.
 * - The Popover API (Safari < 17, Firefox < 125, Chrome < 114): the badge's details open and close
 *   in place (fixed, above the page) instead of the top layer.
 * - Relative colours (Safari < 18, Firefox < 128, Chrome < 119): the wheel's labels are white
 *   outlined in black, readable on every slice, instead of black or white by contrast.
 * - crypto.randomUUID (missing on a page served over http://, not a secure context): a lead still
 *   gets a unique id, so a retry never delivers it twice.
 * - `:dir()` (Chrome < 120, Samsung Internet < 25): right to left, the bar's chevrons still turn
 *   over (the bar reads its direction as it renders) and the progress fill still grows from the
 *   right (in width instead of a transform).
 *
 * Its own file: the first test must be the page's first use of the shared IntersectionObserver.
 */
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import { submitLead, type LeadMessage } from '@vitrine/core';
import { VitrineWheel } from '@vitrine/wheel';
import { countdownBelowFold, frames, seconds } from './support/countdown-below-fold.js';
import type { LitElement } from 'lit';
import '@vitrine/loyalty-badge/define';
import '@vitrine/shipping-progress/define';
import '@vitrine/sticky-bar/define';
import '@vitrine/wheel/define';
import { useTestPage } from './support/fixture.js';

useTestPage();
let consoleErrors: MockInstance<typeof console.error>;
const undo: Array<() => void> = [];

beforeEach(() => {
  // A widget whose render throws says so with a `[vitrine]` console error.
  consoleErrors = vi.spyOn(console, 'error');
});

afterEach(() => {
  const vitrineErrors = consoleErrors.mock.calls.filter(([message]) => String(message).startsWith('[vitrine]'));
  for (const restore of undo.splice(0).reverse()) restore();
  expect(vitrineErrors).toEqual([]);
});

/** Removes `names` from `target` (own or inherited) until the test ends, as a browser without them. */
function without(target: object, ...names: string[]): void {
  for (const name of names) {
    const owner = [target, Object.getPrototypeOf(target) as object].find((each) =>
      Object.prototype.hasOwnProperty.call(each, name),
    );
    if (!owner) throw new Error(`${name} is not there to take away`);
    const descriptor = Object.getOwnPropertyDescriptor(owner, name)!;
    delete (owner as Record<string, unknown>)[name];
    undo.push(() => Object.defineProperty(owner, name, descriptor));
  }
}

test('without IntersectionObserver, a countdown below the fold counts as on screen and ticks', async () => {
  vi.stubGlobal('IntersectionObserver', undefined);
  const countdown = await countdownBelowFold(10_000);
  expect(seconds(countdown)).toBe('10');
  await frames();
  // With an observer, three screens below the fold it would stay at 10 (test/countdown-offscreen.test.ts).
  vi.advanceTimersByTime(3_001);
  await countdown.updateComplete;
  expect(seconds(countdown)).toBe('07');
});

describe('without the Popover API', () => {
  beforeEach(() => {
    without(HTMLElement.prototype, 'showPopover', 'hidePopover', 'togglePopover');
    // Such a browser knows no `:popover-open`: a selector with it is a syntax error.
    const matches = Element.prototype.matches; // eslint-disable-line @typescript-eslint/unbound-method -- called with its own `this`
    Element.prototype.matches = function (this: Element, selector: string) {
      if (selector.includes(':popover-open'))
        throw new DOMException(`'${selector}' is not a valid selector`, 'SyntaxError');
      return matches.call(this, selector);
    } as typeof matches;
    undo.push(() => (Element.prototype.matches = matches));
  });

  test("the badge's details open in place, above the page, and close again", async () => {
    const badge = await fixture<HTMLElementTagNameMap['vitrine-loyalty-badge']>(
      html`<vitrine-loyalty-badge price="27.20" rate="1"></vitrine-loyalty-badge>`,
    );
    const button = badge.shadowRoot!.querySelector<HTMLButtonElement>('[part~="base"]')!;
    const details = badge.shadowRoot!.querySelector<HTMLElement>('[part="popover"]')!;
    expect(getComputedStyle(details).display).toBe('none');

    button.click();
    await badge.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // Placed by floating-ui (its chunk loads on the first open), then shown.
    await vi.waitFor(() => expect(details.hasAttribute('data-positioned')).toBe(true), { timeout: 10_000 });
    expect(getComputedStyle(details).display).toBe('block');
    expect(getComputedStyle(details).position).toBe('fixed');
    await vi.waitFor(() => expect(getComputedStyle(details).visibility).toBe('visible'));
    const box = details.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(0);
    // Where a shopper sees it: the element at its centre is the details (or inside them).
    const atCentre = badge.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(atCentre === details || details.contains(atCentre)).toBe(true);

    button.click();
    await badge.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(badge.open).toBe(false);
    expect(getComputedStyle(details).display).toBe('none');
  });
});

describe('without relative colours', () => {
  /** Relative luminance and contrast ratio (WCAG 2) of `rgb(r, g, b)` strings. */
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map((channel) => {
      const value = Number(channel) / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };

  const wheelCss = () => VitrineWheel.styles.map((style) => style.cssText).join('\n');
  const FALLBACK = /@supports not \(([^{]*)\)\s*\{/;

  /**
   * The wheel's styles as such a browser reads them: the relative-colour declarations dropped as
   * invalid, and the `@supports not (…)` block applied; `fallback: false` drops that block too.
   */
  async function wheelAsOldBrowser(fallback: boolean) {
    const wheel = await fixture<VitrineWheel>(html`
      <vitrine-wheel heading="Spin to win">
        <vitrine-wheel-segment label="10% off" code="W10"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="Free delivery" code="SHIP"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="Not this time"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="5% off" code="W5"></vitrine-wheel-segment>
      </vitrine-wheel>
    `);
    await wheel.updateComplete;
    // The block first: its own condition is a relative colour, which the next step would cut into.
    const css = (
      fallback
        ? wheelCss().replace(FALLBACK, '@supports (color: red) {')
        : wheelCss().replace(/@supports not \([^{]*\)\s*\{[^{}]*\{[^{}]*\}\s*\}/, '')
    ).replace(/[\w-]+:\s*(?:color|rgb|hsl|oklch|lab)\(\s*from\b[^;]*;/g, '');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    wheel.shadowRoot!.adoptedStyleSheets = [sheet];
    const slices = [...wheel.shadowRoot!.querySelectorAll('.slice')];
    expect(slices).toHaveLength(4);
    return slices.map((slice) => ({
      background: getComputedStyle(slice.firstElementChild!).fill,
      label: getComputedStyle(slice.querySelector('text')!),
    }));
  }

  test('this engine has them, so the fallback stays off here; its test is the form the labels use', () => {
    const condition = FALLBACK.exec(wheelCss())?.[1];
    expect(condition).toMatch(/^color: color\(from .*clamp\(/);
    expect(CSS.supports(condition!)).toBe(true);
  });

  test('the labels are white outlined in black, readable on every slice', async () => {
    for (const { background, label } of await wheelAsOldBrowser(true)) {
      expect(label.fill).toBe('rgb(255, 255, 255)');
      expect(label.stroke).toBe('rgb(0, 0, 0)');
      expect(parseFloat(label.strokeWidth)).toBeGreaterThanOrEqual(2);
      // The outline under the letters, not over them.
      expect(label.paintOrder).toMatch(/^stroke/);
      // Whatever the slice, one of the two contrasts at least 4.5:1 with it.
      expect(Math.max(contrast(label.fill, background), contrast(label.stroke, background))).toBeGreaterThan(4.5);
    }
  });

  test('without that fallback a label would be unreadable (what the fallback is for)', async () => {
    const slices = await wheelAsOldBrowser(false);
    const worst = Math.min(...slices.map(({ background, label }) => contrast(label.fill, background)));
    // Below WCAG's 4.5:1 for text (black on the first slice's blue is 3.1:1).
    expect(worst).toBeLessThan(4.5);
  });
});

test('without crypto.randomUUID (a page on http://), a lead still gets a unique id, sent as its Idempotency-Key', async () => {
  // Outside a secure context the method is not there at all.
  Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
  undo.push(() => delete (crypto as unknown as Record<string, unknown>).randomUUID);
  const keys: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
      return Promise.resolve(new Response('{}', { status: 200 }));
    }),
  );
  const lead = (email: string): LeadMessage => ({
    email,
    consent: true,
    consentText: 'Yes, send me offers',
    campaign: 'no-uuid',
    widget: 'vitrine-exit-popup',
    url: location.href,
    at: new Date().toISOString(),
  });
  const first = await submitLead(lead('ada@example.com'), '/api/leads');
  const second = await submitLead(lead('alan@example.com'), '/api/leads');
  expect(first.id).toMatch(/^[0-9a-f]{32}$/);
  expect(second.id).toMatch(/^[0-9a-f]{32}$/);
  expect(second.id).not.toBe(first.id);
  expect(keys).toEqual([first.id, second.id]);
});

describe('without :dir() (Chrome < 120)', () => {
  const DIR = 'selector(:dir(rtl))';

  /**
   * `el`'s styles as such a browser reads them: every rule with `:dir()` dropped as invalid, and
   * the `@supports not selector(:dir(rtl))` blocks applied; CSS.supports says no too.
   */
  async function asOldBrowser<T extends LitElement>(el: T): Promise<T> {
    const css = (el.constructor as typeof LitElement).elementStyles
      .map((style) => ('cssText' in style ? style.cssText : ''))
      .join('\n')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@supports not selector\(:dir\(rtl\)\)/g, '@supports (color: red)')
      .replace(/[^{}]*:dir\([^{}]*\{[^{}]*\}/g, '');
    expect(css).not.toContain(':dir(');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    el.shadowRoot!.adoptedStyleSheets = [sheet];
    el.requestUpdate();
    await el.updateComplete;
    return el;
  }

  beforeEach(() => {
    const supports = CSS.supports.bind(CSS);
    vi.spyOn(CSS, 'supports').mockImplementation((...args: [string] | [string, string]) =>
      args.length === 1 ? args[0] !== DIR && supports(args[0]) : supports(...args),
    );
  });

  test('this engine has it, so the fallbacks stay off here', () => {
    vi.restoreAllMocks();
    expect(CSS.supports(DIR)).toBe(true);
  });

  test("right to left, the bar's chevrons are still turned over: next points left", async () => {
    const frame = await fixture<HTMLElement>(
      html`<div dir="rtl" lang="he">
        <vitrine-sticky-bar
          ><p>משלוח חינם מעל 200 ₪</p>
          <p>החזרות חינם תוך 30 יום</p></vitrine-sticky-bar
        >
      </div>`,
    );
    const bar = await asOldBrowser(frame.querySelector('vitrine-sticky-bar')!);
    for (const name of ['next-button', 'previous-button']) {
      const icon = bar.shadowRoot!.querySelector(`[part~="${name}"] svg`)!;
      expect(new DOMMatrix(getComputedStyle(icon).transform).a).toBe(-1);
    }
    // Left to right they stay as drawn.
    frame.dir = 'ltr';
    bar.requestUpdate();
    await bar.updateComplete;
    expect(getComputedStyle(bar.shadowRoot!.querySelector('[part~="next-button"] svg')!).transform).toBe('none');
  });

  test('right to left, the progress fill still grows from the right edge of the track', async () => {
    const frame = await fixture<HTMLElement>(
      html`<div dir="rtl" lang="he" style="inline-size: 400px">
        <vitrine-shipping-progress
          threshold="60"
          total="15"
          style="--vitrine-shipping-progress-duration: 0s"
        ></vitrine-shipping-progress>
      </div>`,
    );
    const progress = await asOldBrowser(frame.querySelector('vitrine-shipping-progress')!);
    const track = progress.shadowRoot!.querySelector('[part="track"]')!.getBoundingClientRect();
    const bar = progress.shadowRoot!.querySelector<HTMLElement>('[part="bar"]')!;
    expect(getComputedStyle(bar).transform).toBe('none');
    const fill = bar.getBoundingClientRect();
    expect(fill.right).toBeCloseTo(track.right, 0);
    expect(fill.width).toBeCloseTo(track.width / 4, 0);
  });
});
