/**
 * Right to left, in every engine: each widget rendered in the same width, once under `dir="ltr"`
 * and once under `dir="rtl"`, both `lang="ar"` (or `he`: the same built-in and merchant texts, so
 * only the direction differs; the direction comes from `dir`, never from `lang`), and its geometry
 * compared — what sits at the start of a line in one sits at the other edge in the other: the
 * bar's "next" button on the left, the progress fill anchored to the right, the countdown's days
 * rightmost (each number still reads left to right), the pop-up's close button in the top left,
 * the badge's popover from the badge's right edge, the wheel's Arabic labels laid out right to
 * left and never mirrored. Also the keys that follow the direction (the bar's ArrowLeft is "next").
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import type { TemplateResult } from 'lit';
import axe from 'axe-core';
import '@vitrine/countdown/define';
import '@vitrine/sticky-bar/define';
import '@vitrine/exit-popup/define';
import '@vitrine/shipping-progress/define';
import '@vitrine/loyalty-badge/define';
import '@vitrine/wheel/define';
import { NOW, useTestPage } from './support/fixture.js';

const testPage = useTestPage({ freshBus: true });

/** The width of the frame each widget is rendered in, in both directions. */
const WIDTH = 480;
/** Sub-pixel differences between the two renders (text metrics are the same, rounding may not be). */
const PX = 1.5;

type Direction = 'ltr' | 'rtl';

interface Box {
  left: number;
  right: number;
  top: number;
  width: number;
  centre: number;
}

let frame: HTMLDivElement;

/**
 * Renders `template` in a frame of WIDTH px under `dir`: the frame is also the containing block
 * of fixed parts (the sticky bar), as a window would be. Returns the frame's first element match.
 */
async function render<T extends Element>(
  dir: Direction,
  template: TemplateResult,
  selector: string,
  lang = 'ar',
): Promise<T> {
  fixtureCleanup();
  frame = await fixture<HTMLDivElement>(
    html`<div
      dir=${dir}
      lang=${lang}
      style="inline-size: ${WIDTH}px; margin-inline: 40px; min-block-size: 120px; position: relative; transform: translateZ(0); font: 16px/1.5 sans-serif"
    >
      ${template}
    </div>`,
  );
  const el = frame.querySelector(selector) as T & { updateComplete?: Promise<unknown> };
  await el.updateComplete;
  return el;
}

/** Where `element` is, in px from the frame's left edge (the top layer's parts too). */
function box(element: Element): Box {
  const rect = element.getBoundingClientRect();
  const origin = frame.getBoundingClientRect();
  const left = rect.left - origin.left;
  return {
    left,
    right: left + rect.width,
    top: rect.top - origin.top,
    width: rect.width,
    centre: left + rect.width / 2,
  };
}

/** The box of one character of a text node, from the frame's left edge. */
function charBox(node: Node, index: number): Box {
  const range = document.createRange();
  range.setStart(node, index);
  range.setEnd(node, index + 1);
  const rect = range.getBoundingClientRect();
  const left = rect.left - frame.getBoundingClientRect().left;
  return { left, right: left + rect.width, top: rect.top, width: rect.width, centre: left + rect.width / 2 };
}

const shadowPart = <T extends Element = HTMLElement>(el: Element, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;

/** The box right to left is the box left to right seen in a mirror: as far from the frame's left edge as it was from its right. */
function expectMirrored(rtl: Box, ltr: Box, width = WIDTH): void {
  expect(Math.abs(rtl.left - (width - ltr.right))).toBeLessThanOrEqual(PX);
  expect(Math.abs(rtl.width - ltr.width)).toBeLessThanOrEqual(PX);
}

beforeAll(async () => {
  await page.viewport(1024, 700);
});

describe('<vitrine-sticky-bar>', () => {
  const MESSAGES = html`<p>شحن مجاني للطلبات فوق 200 ر.س</p>
    <p>خصم 20٪ على كل المتجر</p>
    <p>إرجاع مجاني خلال 30 يوماً</p>`;
  const bar = (dir: Direction) =>
    render<HTMLElementTagNameMap['vitrine-sticky-bar']>(
      dir,
      html`<vitrine-sticky-bar dismissible rotate="1h">${MESSAGES}</vitrine-sticky-bar>`,
      'vitrine-sticky-bar',
    );
  const shown = (el: Element) =>
    el
      .shadowRoot!.querySelector('slot')!
      .assignedNodes()
      .map((node) => node.textContent?.trim())
      .join('');

  test('"next" on the left and pointing left, "previous" on the right, the close button on the left', async () => {
    const ltrBar = await bar('ltr');
    const ltr = {
      previous: box(shadowPart(ltrBar, 'previous-button')),
      next: box(shadowPart(ltrBar, 'next-button')),
      message: box(shadowPart(ltrBar, 'message')),
      close: box(shadowPart(ltrBar, 'close-button')),
      nextIcon: new DOMMatrix(getComputedStyle(shadowPart(ltrBar, 'next-button').querySelector('svg')!).transform),
    };
    const rtlBar = await bar('rtl');
    const next = shadowPart(rtlBar, 'next-button');
    const rtl = {
      previous: box(shadowPart(rtlBar, 'previous-button')),
      next: box(next),
      message: box(shadowPart(rtlBar, 'message')),
      close: box(shadowPart(rtlBar, 'close-button')),
      nextIcon: new DOMMatrix(getComputedStyle(next.querySelector('svg')!).transform),
    };

    expect(ltr.previous.right).toBeLessThanOrEqual(ltr.message.left);
    expect(ltr.next.left).toBeGreaterThanOrEqual(ltr.message.right);
    expect(rtl.next.right).toBeLessThanOrEqual(rtl.message.left);
    expect(rtl.previous.left).toBeGreaterThanOrEqual(rtl.message.right);
    expectMirrored(rtl.next, ltr.next);
    expectMirrored(rtl.previous, ltr.previous);
    expectMirrored(rtl.message, ltr.message);
    expectMirrored(rtl.close, ltr.close);
    expect(rtl.close.left).toBeLessThan(WIDTH / 4);
    // The chevrons are drawn for left to right; right to left they are turned over (never the text).
    expect(ltr.nextIcon.a).toBe(1);
    expect(rtl.nextIcon.a).toBe(-1);
    expect(getComputedStyle(shadowPart(rtlBar, 'message')).transform).toBe('none');
    expect((await axe.run(frame)).violations).toEqual([]);
  });

  test.each([
    ['rtl', '{ArrowLeft}', '{ArrowRight}'],
    ['ltr', '{ArrowRight}', '{ArrowLeft}'],
  ] as const)('%s: on the arrows, %s shows the next message and %s the previous one', async (dir, forward, back) => {
    const el = await bar(dir);
    expect(shown(el)).toBe('شحن مجاني للطلبات فوق 200 ر.س');
    for (const name of ['next-button', 'previous-button']) {
      shadowPart(el, name).focus();
      await userEvent.keyboard(forward);
      await el.updateComplete;
      expect(shown(el)).toBe('خصم 20٪ على كل المتجر');
      await userEvent.keyboard(back);
      await el.updateComplete;
      await userEvent.keyboard(back);
      await el.updateComplete;
      expect(shown(el)).toBe('إرجاع مجاني خلال 30 يوماً');
      await userEvent.keyboard(forward);
      await el.updateComplete;
      expect(shown(el)).toBe('شحن مجاني للطلبات فوق 200 ر.س');
      // Focus stays where it was: the shopper keeps stepping.
      expect(el.shadowRoot!.activeElement).toBe(shadowPart(el, name));
    }
    // Up and down, and arrows with a modifier, are the page's (scrolling, the browser's shortcuts).
    await userEvent.keyboard('{ArrowDown}{Shift>}' + forward + '{/Shift}');
    await el.updateComplete;
    expect(shown(el)).toBe('شحن مجاني للطلبات فوق 200 ر.س');
  });

  test('a direction changed after the bar is shown (a language switch) turns it at once: arrows, keys and close button', async () => {
    const el = await bar('ltr');
    const nextIcon = () =>
      new DOMMatrix(getComputedStyle(shadowPart(el, 'next-button').querySelector('svg')!).transform);
    expect(nextIcon().a).toBe(1);
    const closeBefore = box(shadowPart(el, 'close-button'));
    frame.dir = 'rtl';
    // No render in between: the styles follow :dir(), the keys read the direction when pressed.
    expect(nextIcon().a).toBe(-1);
    expectMirrored(box(shadowPart(el, 'close-button')), closeBefore);
    shadowPart(el, 'next-button').focus();
    await userEvent.keyboard('{ArrowLeft}');
    await el.updateComplete;
    expect(shown(el)).toBe('خصم 20٪ على كل المتجر');
  });
});

describe('<vitrine-countdown>', () => {
  const DEADLINE = new Date(NOW + ((2 * 24 + 3) * 60 + 4) * 60_000 + 5_000).toISOString();
  const countdown = (dir: Direction, layout = 'boxes', lang = 'ar') =>
    render<HTMLElementTagNameMap['vitrine-countdown']>(
      dir,
      html`<vitrine-countdown deadline=${DEADLINE} layout=${layout} label="ينتهي العرض خلال"></vitrine-countdown>`,
      'vitrine-countdown',
      lang,
    );
  const units = ['days', 'hours', 'minutes', 'seconds'] as const;

  test('days come first on the right, then hours, minutes and seconds leftwards; each number reads 02, not 20', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const ltrTimer = await countdown('ltr');
    const ltr = units.map((unit) => box(shadowPart(ltrTimer, `segment-${unit}`)));
    const ltrLabel = box(shadowPart(ltrTimer, 'label'));
    const rtlTimer = await countdown('rtl');
    const rtl = units.map((unit) => box(shadowPart(rtlTimer, `segment-${unit}`)));
    const rtlLabel = box(shadowPart(rtlTimer, 'label'));

    for (let index = 1; index < units.length; index++) {
      expect(ltr[index].centre).toBeGreaterThan(ltr[index - 1].centre);
      expect(rtl[index].centre).toBeLessThan(rtl[index - 1].centre);
    }
    // The label starts the line: on the right, and the days just after it, leftwards.
    expect(rtlLabel.right).toBeGreaterThan(rtl[0].right);
    expect(rtlLabel.right).toBeCloseTo(WIDTH - ltrLabel.left, 0);
    units.forEach((_, index) => expectMirrored(rtl[index], ltr[index]));

    // Digits keep their order inside each segment: "02" days shows its 0 left of its 2.
    const days = shadowPart(rtlTimer, 'segment-days').querySelector('[part~="value"]')!;
    expect(days.textContent).toBe('02');
    const digits = days.firstChild!.nodeType === Node.TEXT_NODE ? days.firstChild! : days.lastChild!;
    const [zero, two] = [0, 1].map((index) => charBox(digits, (digits.textContent ?? '').indexOf('02') + index));
    expect(zero.centre).toBeLessThan(two.centre);
    vi.useRealTimers(); // axe waits on timers of its own
    expect((await axe.run(frame)).violations).toEqual([]);
  });

  test('inline, each number comes before its unit as the line reads: the number on the right', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    for (const dir of ['ltr', 'rtl'] as const) {
      const timer = await countdown(dir, 'inline');
      const hours = shadowPart(timer, 'segment-hours');
      const value = box(hours.querySelector('[part~="value"]')!);
      const unit = box(hours.querySelector('[part~="unit"]')!);
      if (dir === 'rtl') expect(value.left).toBeGreaterThanOrEqual(unit.right - 0.5);
      else expect(value.right).toBeLessThanOrEqual(unit.left + 0.5);
      const segments = units.map((name) => box(shadowPart(timer, `segment-${name}`)));
      expect(segments[0].centre > segments[3].centre).toBe(dir === 'rtl');
    }
  });

  test('Arabic unit names are not letter-spaced (spacing would break the joined letters)', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const english = await countdown('ltr', 'boxes', 'en');
    expect(getComputedStyle(shadowPart(english, 'unit')).letterSpacing).not.toBe('normal');
    const arabic = await countdown('rtl');
    expect(getComputedStyle(shadowPart(arabic, 'unit')).letterSpacing).toMatch(/^(normal|0px)$/);
  });
});

describe('<vitrine-shipping-progress>', () => {
  test('the fill grows from the right edge of the track', async () => {
    const progress = (dir: Direction) =>
      render<HTMLElementTagNameMap['vitrine-shipping-progress']>(
        dir,
        html`<vitrine-shipping-progress
          threshold="60"
          total="15"
          style="--vitrine-shipping-progress-duration: 0s"
        ></vitrine-shipping-progress>`,
        'vitrine-shipping-progress',
        'he',
      );
    const measure = async (dir: Direction) => {
      const el = await progress(dir);
      await vi.waitFor(() => expect(shadowPart(el, 'bar').getBoundingClientRect().width).toBeGreaterThan(0));
      return { track: box(shadowPart(el, 'track')), bar: box(shadowPart(el, 'bar')) };
    };
    const ltr = await measure('ltr');
    const rtl = await measure('rtl');
    expect(ltr.bar.width).toBeCloseTo(ltr.track.width / 4, 0);
    expect(rtl.bar.width).toBeCloseTo(rtl.track.width / 4, 0);
    expect(ltr.bar.left).toBeCloseTo(ltr.track.left, 0);
    expect(rtl.bar.right).toBeCloseTo(rtl.track.right, 0);
    expectMirrored(rtl.bar, ltr.bar);
    expect((await axe.run(frame)).violations).toEqual([]);
  });

  test('wherever `dir="rtl"` is set: on the tag itself, or on <html>', async () => {
    const fillEdges = async (template: TemplateResult) => {
      const el = await render<HTMLElementTagNameMap['vitrine-shipping-progress']>(
        'ltr',
        template,
        'vitrine-shipping-progress',
      );
      await vi.waitFor(() => expect(shadowPart(el, 'bar').getBoundingClientRect().width).toBeGreaterThan(0));
      const [track, fill] = [box(shadowPart(el, 'track')), box(shadowPart(el, 'bar'))];
      return { fromRight: Math.abs(fill.right - track.right) < 1, fromLeft: Math.abs(fill.left - track.left) < 1 };
    };
    const progress = (dir: string) =>
      html`<vitrine-shipping-progress
        dir=${dir}
        threshold="60"
        total="15"
        style="--vitrine-shipping-progress-duration: 0s"
      ></vitrine-shipping-progress>`;
    expect(await fillEdges(progress('rtl'))).toEqual({ fromRight: true, fromLeft: false });
    const root = document.documentElement;
    const before = root.getAttribute('dir');
    testPage.cleanups.push(() => (before === null ? root.removeAttribute('dir') : root.setAttribute('dir', before)));
    root.dir = 'rtl';
    // The frame says ltr: the nearest dir wins, as for text.
    expect(await fillEdges(progress('ltr'))).toEqual({ fromRight: false, fromLeft: true });
    const el = await fixture<HTMLElementTagNameMap['vitrine-shipping-progress']>(
      html`<vitrine-shipping-progress
        threshold="60"
        total="15"
        style="--vitrine-shipping-progress-duration: 0s"
      ></vitrine-shipping-progress>`,
    );
    await vi.waitFor(() => expect(shadowPart(el, 'bar').getBoundingClientRect().width).toBeGreaterThan(0));
    const [track, fill] = [
      shadowPart(el, 'track').getBoundingClientRect(),
      shadowPart(el, 'bar').getBoundingClientRect(),
    ];
    expect(fill.right).toBeCloseTo(track.right, 0);
    expect(fill.left).toBeGreaterThan(track.left + 1);
  });
});

describe('<vitrine-exit-popup>', () => {
  test('the close button sits in the top left corner of the card', async () => {
    const measure = async (dir: Direction) => {
      const el = await render<HTMLElementTagNameMap['vitrine-exit-popup']>(
        dir,
        html`<vitrine-exit-popup
          heading="لا تغادر بعد!"
          text="خصم 10٪ على طلبك الأول"
          code="WELCOME10"
        ></vitrine-exit-popup>`,
        'vitrine-exit-popup',
      );
      expect(await el.show()).toBe(true);
      await el.updateComplete;
      const dialog = shadowPart(el, 'dialog');
      await Promise.all(dialog.getAnimations().map((animation) => animation.finished));
      const card = box(dialog);
      const close = box(shadowPart(el, 'close-button'));
      const heading = box(shadowPart(el, 'heading'));
      const violations = (await axe.run(el)).violations;
      el.hide();
      return { card, close, heading, violations };
    };
    const ltr = await measure('ltr');
    const rtl = await measure('rtl');
    expect(ltr.close.right).toBeGreaterThan(ltr.card.centre);
    expect(rtl.close.left).toBeLessThan(rtl.card.centre);
    // From the card's left edge as far as it was from its right edge.
    expect(Math.abs(rtl.close.left - rtl.card.left - (ltr.card.right - ltr.close.right))).toBeLessThanOrEqual(PX);
    expect(Math.abs(rtl.close.top - ltr.close.top)).toBeLessThanOrEqual(PX);
    expect(rtl.heading.centre).toBeCloseTo(rtl.card.centre, 0);
    expect(ltr.violations).toEqual([]);
    expect(rtl.violations).toEqual([]);
  });
});

describe('<vitrine-loyalty-badge>', () => {
  const TIERS = 'برونزي:0, فضي:500, ذهبي:1500';
  const badge = (dir: Direction) =>
    render<HTMLElementTagNameMap['vitrine-loyalty-badge']>(
      dir,
      html`<vitrine-loyalty-badge points="1380" tiers=${TIERS}></vitrine-loyalty-badge>`,
      'vitrine-loyalty-badge',
    );

  async function openAndPlace(el: HTMLElementTagNameMap['vitrine-loyalty-badge']) {
    el.open = true;
    await el.updateComplete;
    const popover = shadowPart(el, 'popover');
    await vi.waitFor(() => expect(popover.hasAttribute('data-positioned')).toBe(true), { timeout: 10_000 });
    await Promise.all(popover.getAnimations().map((animation) => animation.finished));
    return {
      badge: box(shadowPart(el, 'base')),
      popover: box(popover),
      arrow: box(shadowPart(el, 'arrow')),
      item: box(shadowPart(el, 'tier-item-current')),
      name: box(shadowPart(el, 'tier-item-current').querySelector('[part~="tier-name"]')!),
      threshold: box(shadowPart(el, 'tier-item-current').querySelector('[part~="tier-threshold"]')!),
    };
  }

  test('the popover opens from the badge’s start edge: its right edge, right to left; thresholds at the row’s end', async () => {
    const ltr = await openAndPlace(await badge('ltr'));
    const rtlBadge = await badge('rtl');
    const rtl = await openAndPlace(rtlBadge);
    expect(ltr.badge.left).toBeCloseTo(0, 0);
    expect(rtl.badge.right).toBeCloseTo(WIDTH, 0);
    expect(ltr.popover.left).toBeCloseTo(ltr.badge.left, 0);
    expect(rtl.popover.right).toBeCloseTo(rtl.badge.right, 0);
    expectMirrored(rtl.popover, ltr.popover);
    // The arrow still points at the badge.
    expect(rtl.arrow.centre).toBeGreaterThan(rtl.badge.left);
    expect(rtl.arrow.centre).toBeLessThan(rtl.badge.right);
    // A tier's name at the row's start, its threshold at the end.
    expect(ltr.threshold.right).toBeCloseTo(ltr.item.right - (ltr.name.left - ltr.item.left), 0);
    expect(rtl.name.right).toBeGreaterThan(rtl.threshold.right);
    expect(rtl.threshold.left).toBeCloseTo(rtl.item.left + (rtl.item.right - rtl.name.right), 0);
    expect((await axe.run(rtlBadge)).violations).toEqual([]);
  });
});

describe('<vitrine-wheel>', () => {
  // An Arabic prize, an Arabic "better luck!" (its "!" ends the line: on its left), an English
  // prize with its own "!" (on its right, on any page) and one without letters.
  const SEGMENTS = html`<vitrine-wheel-segment label="خصم 10%" code="TEN"></vitrine-wheel-segment>
    <vitrine-wheel-segment label="حظ أوفر!"></vitrine-wheel-segment>
    <vitrine-wheel-segment label="Free gift!" code="GIFT"></vitrine-wheel-segment>
    <vitrine-wheel-segment label="-15 %" code="FIFTEEN"></vitrine-wheel-segment>`;
  const wheel = (dir: Direction) =>
    render<HTMLElementTagNameMap['vitrine-wheel']>(
      dir,
      html`<vitrine-wheel heading="أدر العجلة">${SEGMENTS}</vitrine-wheel>`,
      'vitrine-wheel',
    );
  const labelOf = (el: Element, index: number) =>
    el.shadowRoot!.querySelectorAll('.slice text')[index] as SVGTextElement;
  /**
   * Where a label's `character` (its first) is drawn, along the label's own line: the centre of its
   * box on screen (a Range: WebKit's getExtentOfChar gives logical, not drawn, places), brought
   * back into the label's coordinates, where its line runs along x.
   */
  const along = (text: SVGTextElement, character: string) => {
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && !walker.currentNode.textContent?.includes(character));
    const node = walker.currentNode;
    const index = node.textContent!.indexOf(character);
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    const { left, top, width, height } = range.getBoundingClientRect();
    return new DOMPoint(left + width / 2, top + height / 2).matrixTransform(text.getScreenCTM()!.inverse()).x;
  };

  test.each(['ltr', 'rtl'] as const)(
    '%s page: an Arabic label reads right to left, an English one left to right, none mirrored',
    async (dir) => {
      const el = await wheel(dir);
      // "خصم 10%": the word first, on the right; the figure after it, on its left, still 1 then 0.
      const discount = labelOf(el, 0);
      expect(along(discount, '1')).toBeLessThan(along(discount, 'خ'));
      expect(along(discount, '1')).toBeLessThan(along(discount, '0'));
      // The "!" that ends a sentence sits at its end: the left of an Arabic one, the right of an English one.
      const luck = labelOf(el, 1);
      expect(along(luck, '!')).toBeLessThan(along(luck, 'ح'));
      const gift = labelOf(el, 2);
      expect(along(gift, '!')).toBeGreaterThan(along(gift, 'F'));
      // Turned (the labels follow their slices), never turned over as in a mirror.
      for (const text of el.shadowRoot!.querySelectorAll<SVGTextElement>('.slice text')) {
        const { a, b, c, d } = text.getCTM()!;
        expect(a * d - b * c).toBeGreaterThan(0);
      }
      expect((await axe.run(el)).violations).toEqual([]);
    },
  );

  test('in a pop-up, the close button sits in the top left corner of the card', async () => {
    const measure = async (dir: Direction) => {
      const el = await render<HTMLElementTagNameMap['vitrine-wheel']>(
        dir,
        html`<vitrine-wheel mode="popup" heading="أدر العجلة" preview>${SEGMENTS}</vitrine-wheel>`,
        'vitrine-wheel',
      );
      expect(await el.show()).toBe(true);
      await el.updateComplete;
      const dialog = shadowPart(el, 'dialog');
      await Promise.all(dialog.getAnimations().map((animation) => animation.finished));
      const result = { card: box(dialog), close: box(shadowPart(el, 'close-button')) };
      el.hide();
      return result;
    };
    const ltr = await measure('ltr');
    const rtl = await measure('rtl');
    expect(ltr.close.left).toBeGreaterThan(ltr.card.centre);
    expect(rtl.close.right).toBeLessThan(rtl.card.centre);
    expect(Math.abs(rtl.close.left - rtl.card.left - (ltr.card.right - ltr.close.right))).toBeLessThanOrEqual(PX);
  });

  test('the odds list: each prize at the start of its row, its chance at the end', async () => {
    const rows = async (dir: Direction) => {
      const el = await wheel(dir);
      shadowPart<HTMLDetailsElement>(el, 'odds').open = true;
      const row = el.shadowRoot!.querySelector('[part~="odds"] li')!;
      return { prize: box(row.children[0]), chance: box(row.children[1]), row: box(row) };
    };
    const ltr = await rows('ltr');
    const rtl = await rows('rtl');
    expect(ltr.prize.left).toBeCloseTo(ltr.row.left, 0);
    expect(rtl.prize.right).toBeCloseTo(rtl.row.right, 0);
    expect(rtl.chance.left).toBeCloseTo(rtl.row.left, 0);
    expectMirrored(rtl.prize, ltr.prize);
  });
});
