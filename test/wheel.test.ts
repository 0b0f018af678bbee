/**
 * <vitrine-wheel> in real Chromium: what the shopper sees and can do (with a keyboard alone),
 * that the pointer stops on the slice drawn, that the spin is one compositor animation, what is
 * remembered (spins across reloads, storage that throws), leads and the endpoint, the pop-up
 * mode among other overlays, what a merchant's code receives, bad input, and axe in every state.
 * Outcomes are chosen, where a test needs one, by stubbing crypto.getRandomValues; the fairness
 * of the real draw is test/wheel-draw.test.ts.
 */
import { beforeAll, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { clearStored, listenTo, recordTopic } from './support/recorders.js';
import { frames, NOW, useTestPage } from './support/fixture.js';
import { userEvent } from 'vitest/browser';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { render } from 'lit';
import axe from 'axe-core';
import { forgetMemory, getBus, loadCoupon, loadOutbox, overlayPageState, resetOutboxRuntime } from '@vitrine/core';
import '@vitrine/wheel/define';
import '@vitrine/exit-popup/define';
import { sliceBounds, type WheelPrizeDetail } from '@vitrine/wheel';

// A pop-up with `capture` fetches the outbox's chunk as it appears, long before a shopper can sign up;
// here a sign-up follows its first render at once: the chunk is here from the start.
beforeAll(() => loadOutbox());
// The code block (copy button) is a chunk fetched when a code is about to show (coupon-later.ts);
// here codes show right after a render, so it is here from the start. The lazy fetch itself is
// tested on the built bundle (test/loader/features.test.ts, coupon-offline.test.ts).
beforeAll(() => loadCoupon());

type Wheel = HTMLElementTagNameMap['vitrine-wheel'];

const SECOND = 1000;

/** Four slices, total weight 10: ticket 0–2 wins "-10 %", 3–6 loses ("Try again"), 7–8 "Free shipping", 9 "So close". */
const SEGMENTS = html`<vitrine-wheel-segment label="-10 %" code="TEN" weight="3"></vitrine-wheel-segment>
  <vitrine-wheel-segment label="Try again" weight="4"></vitrine-wheel-segment>
  <vitrine-wheel-segment label="Free shipping" code="SHIP" weight="2"></vitrine-wheel-segment>
  <vitrine-wheel-segment label="So close"></vitrine-wheel-segment>`;
const WIN = 0;
const LOSE = 3;

const part = <T extends HTMLElement = HTMLElement>(el: Wheel, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const message = (el: Wheel) => part(el, 'message')!.textContent.trim();
const spinButton = (el: Wheel) => part<HTMLButtonElement>(el, 'spin-button');
const slices = (el: Wheel) => [...el.shadowRoot!.querySelectorAll<SVGGElement>('.slice')];
/** The label drawn on a slice (a long one is on two lines). */
const sliceLabel = (slice: SVGGElement) =>
  [...slice.querySelectorAll('tspan')].map((line) => line.textContent).join(' ');
const labels = (el: Wheel) => slices(el).map(sliceLabel);
const dialog = (el: Wheel) => el.shadowRoot!.querySelector('dialog');
const isOpen = (el: Wheel) => dialog(el)?.matches(':modal') === true;

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Lets promise chains (a spin, a delivery, an opening) and the renders they ask for run; no timer moves. */
async function settle(...els: Wheel[]): Promise<void> {
  for (let turn = 0; turn < 30; turn++) await Promise.resolve();
  for (const el of els) await el.updateComplete;
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}

async function wheel(template: ReturnType<typeof html>): Promise<Wheel> {
  const el = await fixture<Wheel>(template);
  await settle(el);
  // A wheel with an endpoint fetches the endpoint's module as it reads the attribute: the same
  // module here resolves once the wheel's copy has arrived (as it has by the shopper's first click).
  if (el.hasAttribute('endpoint')) {
    await import('../packages/wheel/src/endpoint.ts');
    // The wheel's own import() settles in a task of its own: one real task later (timers are fake).
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
  }
  return el;
}

/** A wheel inside a wrapper that sets `style` (a theme), rendered without waiting for a frame (timers are fake). */
async function themed(style: string, template: ReturnType<typeof html>): Promise<Wheel> {
  const wrapper = document.body.appendChild(document.createElement('div'));
  wrapper.setAttribute('style', style);
  testPage.cleanups.push(() => wrapper.remove());
  render(template, wrapper);
  const el = wrapper.querySelector('vitrine-wheel')!;
  await settle(el);
  return el;
}

/** Ends the spin's animation at once (as if its `duration` had passed) and lets the result come. */
async function stop(el: Wheel): Promise<void> {
  for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
  await settle(el);
}

/** Presses the spin button as a shopper would and waits for the wheel to stop. */
async function spin(el: Wheel): Promise<void> {
  spinButton(el)!.click();
  await settle(el);
  await stop(el);
}

/** The next draws: each value is one 32-bit word of crypto.getRandomValues (a ticket, then where in the slice). */
function rig(...words: number[]): void {
  vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const target = array as unknown as Uint32Array;
    for (let index = 0; index < target.length; index++) target[index] = words.shift() ?? 0x2345_6789;
    return array;
  });
}

/**
 * The slice under the tip of the pointer, found as the shopper's eye would: by what is drawn there,
 * once the browser draws it. An inline card's content (content-visibility: auto) is drawn, and
 * hit-tested, from the frame after the browser has found it near the screen: two frames.
 */
async function sliceUnderPointer(el: Wheel): Promise<number> {
  await frames();
  const dial = el.shadowRoot!.querySelector('.dial')!.getBoundingClientRect();
  const hit = el.shadowRoot!.elementFromPoint(dial.left + dial.width / 2, dial.top + dial.height * 0.14);
  return slices(el).indexOf(hit!.closest('.slice') as SVGGElement);
}

/** The rotor's angle (degrees, 0–360) as rendered now. */
function rotorAngle(el: Wheel): number {
  const matrix = new DOMMatrix(getComputedStyle(part(el, 'rotor')!).transform);
  return ((Math.atan2(matrix.b, matrix.a) * 180) / Math.PI + 360) % 360;
}

function resetOverlays(): void {
  const page = overlayPageState();
  page.open = null;
  page.owner = null;
  page.closed = 0;
}

/** As a new page load of the same visitor: the elements go, memory and timers are forgotten, storage stays. */
function newPage(): void {
  fixtureCleanup();
  forgetMemory();
  resetOutboxRuntime();
  resetOverlays();
}

/** sRGB relative luminance (WCAG) of any CSS colour, through a canvas. */
function luminance(color: string): number {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const channels = [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)].map((value) => {
    const channel = value / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Text contrast of each slice's label on its slice. */
function labelContrasts(el: Wheel): number[] {
  return slices(el).map((slice) =>
    contrast(getComputedStyle(slice.firstElementChild!).fill, getComputedStyle(slice.querySelector('text')!).fill),
  );
}

/** An answer whose body is read at once (a real Response's body is read on a later task, which fake timers hold). */
const json = (body: unknown, status = 200) =>
  ({ ok: status < 300, status, headers: new Headers(), json: () => Promise.resolve(body) }) as unknown as Response;

let fetchMock: Mock<typeof fetch>;
const testPage = useTestPage({
  now: NOW,
  reset: () => {
    Reflect.deleteProperty(window, 'Shopify');
    clearStored();
    newPage();
    document.documentElement.style.overflow = '';
  },
});

const { vitrineWarnings } = testPage;

/** Messages of a bus topic published from now on. */
const record = <T extends 'coupon' | 'lead' | 'track'>(topic: T) => recordTopic(topic, testPage.cleanups);

/** DOM events of the given names, in order, from the document. */
const listen = (...names: string[]) => listenTo(names, testPage.cleanups);

/** `prefers-reduced-motion: reduce`, for the wheels created from now on. */
function reduceMotion(): void {
  const original = window.matchMedia.bind(window);
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) =>
    query.includes('prefers-reduced-motion')
      ? ({ matches: true, media: query, addEventListener() {}, removeEventListener() {} } as unknown as MediaQueryList)
      : original(query),
  );
}

async function violations(el: Element): Promise<string[]> {
  // Entrance and spin animations would be caught mid-way (opacity 0 hides contrast problems from axe).
  for (const animation of (el.shadowRoot ?? document).getAnimations()) animation.finish();
  await settle();
  const result = await axe.run(el);
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
  );
}

beforeEach(() => {
  clearStored();
  newPage();
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
});

describe('what the shopper sees', () => {
  test('a card of a fixed shape: the wheel, a real spin button, the odds, "no purchase necessary"', async () => {
    const el = await wheel(html`<vitrine-wheel campaign="bf">${SEGMENTS}</vitrine-wheel>`);
    const box = el.getBoundingClientRect();
    expect(box.width).toBeCloseTo(Math.min(document.body.clientWidth, 22 * 16), 0);
    expect(box.height).toBeCloseTo((box.width * 4) / 3, 0);
    expect(slices(el)).toHaveLength(4);
    expect(labels(el)).toEqual(['-10 %', 'Try again', 'Free shipping', 'So close']);
    const svg = el.shadowRoot!.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-label')).toBe('Wheel of fortune: -10 %, Try again, Free shipping, So close');
    expect(spinButton(el)!.localName).toBe('button');
    expect(spinButton(el)!.type).toBe('button');
    expect(spinButton(el)!.textContent.trim()).toBe('Spin the wheel');
    expect(part(el, 'message')!.getAttribute('role')).toBe('status');
    expect(message(el)).toBe('');
    expect(part(el, 'no-purchase')!.textContent).toBe('No purchase necessary.');
    // The wheel is as large as the room left for it allows, and square.
    const dial = el.shadowRoot!.querySelector('.dial')!.getBoundingClientRect();
    expect(dial.width).toBeGreaterThan(200);
    expect(dial.height).toBeCloseTo(dial.width, 0);
    expect(vitrineWarnings()).toEqual([]);
  });

  test('the chances: a real disclosure with each slice in percent and the chance of any prize; hide-odds removes it', async () => {
    const el = await wheel(html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`);
    const odds = part<HTMLDetailsElement>(el, 'odds')!;
    expect(odds.localName).toBe('details');
    expect(odds.open).toBe(false);
    expect(part(el, 'odds-button')!.localName).toBe('summary');
    expect(part(el, 'odds-button')!.textContent.trim()).toBe('Chances of winning');
    const rows = [...odds.querySelectorAll('li')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['-10 %', '30%'],
      ['Try again', '40%'],
      ['Free shipping', '20%'],
      ['So close', '10%'],
    ]);
    expect(odds.querySelector('p')!.textContent).toBe('Chance of winning a prize: 50%');
    part(el, 'odds-button')!.click();
    await settle(el);
    expect(odds.open).toBe(true);
    expect(odds.querySelector('ul')!.checkVisibility()).toBe(true);
    // The card keeps its size with the odds open.
    expect(el.getBoundingClientRect().height).toBeCloseTo((el.getBoundingClientRect().width * 4) / 3, 0);

    const hidden = await wheel(html`<vitrine-wheel hide-odds>${SEGMENTS}</vitrine-wheel>`);
    expect(part(hidden, 'odds')).toBeNull();
    expect(part(hidden, 'no-purchase')).not.toBeNull();
  });

  test('same label and code on two slices: one line of odds; tiny odds are not rounded to 0', async () => {
    const el = await wheel(
      html`<vitrine-wheel lang="fr">
        <vitrine-wheel-segment label="Perdu" weight="5000"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="Voyage" code="TRIP" weight="0.01"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="Perdu" weight="4999.99"></vitrine-wheel-segment>
      </vitrine-wheel>`,
    );
    const rows = [...part(el, 'odds')!.querySelectorAll('li')].map((row) => row.textContent);
    expect(rows).toEqual(['Perdu100\u00a0%', 'Voyage< 0,1\u00a0%']);
    expect(slices(el)).toHaveLength(3);
  });

  test('rules-href links the contest rules; text is text (never HTML)', async () => {
    const el = await wheel(
      html`<vitrine-wheel rules-href="/pages/rules" heading=${'<b>Spin</b>'}>
        <vitrine-wheel-segment label=${'<img src=x onerror=alert(1)>'} code="X"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="Lost"></vitrine-wheel-segment>
      </vitrine-wheel>`,
    );
    const rules = part<HTMLAnchorElement>(el, 'rules-link')!;
    expect(rules.textContent).toBe('Contest rules');
    expect(rules.getAttribute('href')).toBe('/pages/rules');
    expect(part(el, 'heading')!.textContent).toBe('<b>Spin</b>');
    expect(el.shadowRoot!.querySelector('img, b')).toBeNull();
    expect(sliceLabel(slices(el)[0])).toBe('<img src=x onerror=alert(1)>');
  });

  test('French', async () => {
    const el = await wheel(html`<vitrine-wheel lang="fr" rules-href="/regles">${SEGMENTS}</vitrine-wheel>`);
    expect(spinButton(el)!.textContent.trim()).toBe('Tourner la roue');
    expect(part(el, 'odds-button')!.textContent.trim()).toBe('Chances de gagner');
    expect(part(el, 'rules-link')!.textContent).toBe('Règlement du jeu');
    expect(part(el, 'no-purchase')!.textContent).toBe('Sans obligation d’achat.');
    rig(WIN, 0);
    await spin(el);
    expect(message(el)).toBe('Gagné : -10 % !');
  });
});

describe('colours', () => {
  test('the default palette: every label contrasts at least 4.5:1 with its slice, on 2 to 13 slices', async () => {
    for (const count of [2, 3, 6, 7, 12, 13]) {
      const el = await wheel(
        html`<vitrine-wheel
          >${Array.from({ length: count }, (_, index) => html`<vitrine-wheel-segment label=${`Prize ${index + 1}`}></vitrine-wheel-segment>`)}</vitrine-wheel
        >`,
      );
      const ratios = labelContrasts(el);
      expect(ratios, `${count} slices`).toHaveLength(count);
      for (const ratio of ratios) expect(ratio, `${count} slices`).toBeGreaterThanOrEqual(4.5);
      // Neighbours never share a colour, the last and the first included.
      const fills = slices(el).map((slice) => getComputedStyle(slice.firstElementChild!).fill);
      fills.forEach((fill, index) => expect(fill).not.toBe(fills[(index + 1) % count]));
      fixtureCleanup();
    }
  });

  test("a merchant's colours, light, dark and in between: the label turns black or white to stay at 4.5:1", async () => {
    const colors = [
      '#ffeb3b',
      'navy',
      '#767676',
      '#808080',
      '#7a7a7a',
      'rgb(0 160 80)',
      'oklch(0.62 0.19 25)',
      'hsl(200 80% 45%)',
      'crimson',
    ];
    const el = await wheel(
      html`<vitrine-wheel
        >${colors.map((color, index) => html`<vitrine-wheel-segment label=${`S${index}`} color=${color}></vitrine-wheel-segment>`)}</vitrine-wheel
      >`,
    );
    slices(el).forEach((slice, index) => {
      expect(luminance(getComputedStyle(slice.firstElementChild!).fill)).toBeCloseTo(luminance(colors[index]), 3);
    });
    for (const ratio of labelContrasts(el)) expect(ratio).toBeGreaterThanOrEqual(4.5);
    expect(vitrineWarnings()).toEqual([]);
  });

  test('themes set the palette with --vitrine-wheel-color-N; labels still read', async () => {
    const el = await themed(
      '--vitrine-wheel-color-1: #fafafa; --vitrine-wheel-color-2: #222222',
      html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`,
    );
    expect(getComputedStyle(slices(el)[0].firstElementChild!).fill).toBe('rgb(250, 250, 250)');
    expect(getComputedStyle(slices(el)[1].firstElementChild!).fill).toBe('rgb(34, 34, 34)');
    for (const ratio of labelContrasts(el)) expect(ratio).toBeGreaterThanOrEqual(4.5);
  });

  test('a colour that is not one is refused with a warning, never written into the markup', async () => {
    const el = await wheel(
      html`<vitrine-wheel>
        <vitrine-wheel-segment label="A" color="red; background: url(https://evil.example/x)"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="B" color="javascript:alert(1)"></vitrine-wheel-segment>
      </vitrine-wheel>`,
    );
    expect(vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-wheel-segment> ignored color="red; background: url(https://evil.example/x)": expected a CSS colour (using the palette)',
      '[vitrine] <vitrine-wheel-segment> ignored color="javascript:alert(1)": expected a CSS colour (using the palette)',
    ]);
    expect(getComputedStyle(slices(el)[0].firstElementChild!).fill).toBe('rgb(29, 78, 216)');
    expect(el.shadowRoot!.innerHTML).not.toContain('evil');
    expect(el.shadowRoot!.innerHTML).not.toContain('javascript');
  });
});

describe('live segments', () => {
  test('added, removed and changed segments (attributes or properties) redraw the wheel and the odds', async () => {
    const el = await wheel(html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`);
    const added = document.createElement('vitrine-wheel-segment');
    added.label = 'Gift';
    added.code = 'GIFT';
    el.append(added);
    await settle(el);
    expect(labels(el)).toEqual(['-10 %', 'Try again', 'Free shipping', 'So close', 'Gift']);
    el.querySelector('vitrine-wheel-segment')!.setAttribute('label', '-15 %');
    el.querySelectorAll('vitrine-wheel-segment')[1].remove();
    added.weight = '3';
    await settle(el);
    expect(labels(el)).toEqual(['-15 %', 'Free shipping', 'So close', 'Gift']);
    expect(added.getAttribute('weight')).toBe('3');
    const rows = [...part(el, 'odds')!.querySelectorAll('li')].map((row) => row.textContent);
    expect(rows).toEqual(['-15 %33.3%', 'Free shipping22.2%', 'So close11.1%', 'Gift33.3%']);
  });

  test('a change during a spin waits until the wheel has stopped: the slices never move under the pointer', async () => {
    rig(WIN, 0x8000_0001);
    const el = await wheel(html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`);
    spinButton(el)!.click();
    await settle(el);
    el.querySelector('vitrine-wheel-segment')!.remove();
    await settle(el);
    expect(slices(el)).toHaveLength(4);
    await stop(el);
    expect(message(el)).toBe('You won: -10 %!');
    expect(slices(el)).toHaveLength(3);
  });
});

describe('the spin', () => {
  test('one Web Animations transform animation of the rotor, 4 s with an ease-out; no script runs meanwhile', async () => {
    const el = await wheel(html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`);
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    spinButton(el)!.click();
    await settle(el);
    observer.observe(el.shadowRoot!.querySelector('svg')!, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const animations = el.shadowRoot!.getAnimations();
    expect(animations).toHaveLength(1);
    const [animation] = animations;
    expect(animation).not.toBeInstanceOf(CSSAnimation);
    const effect = animation.effect as KeyframeEffect;
    expect(effect.target).toBe(part(el, 'rotor'));
    const properties = new Set(
      effect
        .getKeyframes()
        .flatMap((frame) =>
          Object.keys(frame).filter((key) => !['offset', 'computedOffset', 'easing', 'composite'].includes(key)),
        ),
    );
    expect([...properties]).toEqual(['transform']);
    const timing = effect.getComputedTiming();
    expect(timing.duration).toBe(4000);
    expect(effect.getTiming().easing).toMatch(/^cubic-bezier\(/);
    // From where the wheel rests, at least two full turns.
    const [from, to] = effect
      .getKeyframes()
      .map((frame) => Number(/^rotate\(([\d.]+)deg\)$/.exec(String(frame.transform))![1]));
    expect(from).toBe(0);
    expect(to).toBeGreaterThan(720);
    // While it turns: the button is busy, the live region says so, nothing else changes.
    expect(el.state).toBe('spinning');
    expect(spinButton(el)!.getAttribute('aria-disabled')).toBe('true');
    expect(message(el)).toBe('Spinning…');
    animation.currentTime = 2000;
    await settle(el);
    expect(el.state).toBe('spinning');
    expect(frames).not.toHaveBeenCalled();
    expect(mutations).toEqual([]);
    observer.disconnect();
    await stop(el);
    expect(el.state).not.toBe('spinning');
    // The finished animation is let go; the rest angle is kept by a custom property.
    expect(el.shadowRoot!.getAnimations()).toEqual([]);
  });

  test('duration sets its length', async () => {
    const el = await wheel(html`<vitrine-wheel duration="6.5s">${SEGMENTS}</vitrine-wheel>`);
    spinButton(el)!.click();
    await settle(el);
    expect(el.shadowRoot!.getAnimations()[0].effect!.getComputedTiming().duration).toBe(6500);
    await stop(el);
  });

  test('the pointer stops on the slice drawn, spin after spin, inside it and off its centre', async () => {
    const el = await wheel(html`<vitrine-wheel spins="12">${SEGMENTS}</vitrine-wheel>`);
    const labels = ['-10 %', 'Try again', 'Free shipping', 'So close'];
    // Losing tickets (3–6 and 9) with varied stops, so that every spin can follow.
    for (const [ticket, where] of [
      [3, 0],
      [9, 2 ** 31 + 2 ** 27],
      [4, 2 ** 32 - 1],
      [9, 12345],
      [6, 2 ** 30],
    ]) {
      rig(ticket, where);
      await spin(el);
      const drawn = ticket === 9 ? 3 : 1;
      expect(message(el)).toBe(`The wheel stopped on “${labels[drawn]}”. No prize this time.`);
      expect(await sliceUnderPointer(el)).toBe(drawn);
      const [start, end] = sliceBounds(drawn, 4);
      const onWheel = (360 - rotorAngle(el)) % 360;
      expect(onWheel).toBeGreaterThan(start);
      expect(onWheel).toBeLessThan(end);
      expect(Math.abs(onWheel - (start + end) / 2)).toBeGreaterThan(0.001);
    }
    // And with the real generator, whatever it draws.
    vi.restoreAllMocks();
    testPage.spyOnWarnings();
    for (let round = 0; round < 5 && el.spinsLeft > 0; round++) {
      await spin(el);
      const label = /[“"](.+)[”"]|won: (.+)!/.exec(message(el));
      expect(sliceLabel(slices(el)[await sliceUnderPointer(el)])).toBe(label![1] ?? label![2]);
    }
  });

  test('reduced motion: no animation, the result at once', async () => {
    reduceMotion();
    rig(WIN, 0);
    const el = await wheel(html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`);
    spinButton(el)!.click();
    await settle(el);
    expect(el.shadowRoot!.getAnimations()).toEqual([]);
    expect(el.state).toBe('won');
    expect(message(el)).toBe('You won: -10 %!');
    expect(await sliceUnderPointer(el)).toBe(0);
  });

  test('a win: the code with its copy button, on the bus, in vitrine-prize; focus follows to the result', async () => {
    const coupons = record('coupon');
    const events = listen('vitrine-spin', 'vitrine-prize');
    rig(WIN, 0);
    const el = await wheel(html`<vitrine-wheel campaign="bf">${SEGMENTS}</vitrine-wheel>`);
    spinButton(el)!.focus();
    await spin(el);
    expect(el.state).toBe('won');
    expect(message(el)).toBe('You won: -10 %!');
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('TEN');
    expect(part(el, 'copy-button')!.getAttribute('aria-label')).toBe('Copy the code TEN');
    expect(spinButton(el)).toBeNull();
    expect(deepActive()).toBe(part(el, 'message'));
    expect(part(el, 'slice-won')).toBe(slices(el)[0]);
    expect(coupons).toEqual([{ code: 'TEN', campaign: 'bf', label: '-10 %' }]);
    expect(events).toEqual([
      { type: 'vitrine-spin', detail: { campaign: 'bf' } },
      { type: 'vitrine-prize', detail: { label: '-10 %', code: 'TEN', campaign: 'bf' } satisfies WheelPrizeDetail },
    ]);
    // A win ends the game.
    expect(el.spinsLeft).toBe(0);
    expect(await el.spin()).toBeNull();
  });

  test('a loss: announced, no code, no prize event; the button says no spins are left', async () => {
    const coupons = record('coupon');
    const events = listen('vitrine-prize');
    rig(LOSE, 0);
    const el = await wheel(html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`);
    await spin(el);
    expect(el.state).toBe('lost');
    expect(message(el)).toBe('The wheel stopped on “Try again”. No prize this time.');
    expect(part(el, 'coupon')).toBeNull();
    expect(spinButton(el)!.textContent.trim()).toBe('No spins left');
    expect(spinButton(el)!.getAttribute('aria-disabled')).toBe('true');
    spinButton(el)!.click();
    await settle(el);
    expect(el.shadowRoot!.getAnimations()).toEqual([]);
    expect(coupons).toEqual([]);
    expect(events).toEqual([]);
  });

  test('apply: a link to {root}discount/CODE back to this page, followed only when the shopper clicks it', async () => {
    (window as unknown as { Shopify: unknown }).Shopify = { routes: { root: '/fr' } };
    const clicks: string[] = [];
    const onClick = (event: Event) => {
      const link = event.composedPath()[0] as HTMLAnchorElement;
      if (link.localName === 'a') {
        clicks.push(link.href);
        event.preventDefault();
      }
    };
    document.addEventListener('click', onClick);
    testPage.cleanups.push(() => document.removeEventListener('click', onClick));
    rig(WIN, 0);
    const el = await wheel(html`<vitrine-wheel apply>${SEGMENTS}</vitrine-wheel>`);
    expect(part(el, 'apply-link')).toBeNull();
    const before = location.href;
    await spin(el);
    const link = part<HTMLAnchorElement>(el, 'apply-link')!;
    expect(link.textContent).toBe('Apply to my cart');
    expect(link.getAttribute('href')).toBe(
      `/fr/discount/TEN?redirect=${encodeURIComponent(location.pathname + location.search)}`,
    );
    expect(location.href).toBe(before);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(clicks).toEqual([]);
    link.click();
    expect(clicks).toEqual([new URL(link.getAttribute('href')!, location.href).href]);
  });

  test('without apply, no link', async () => {
    rig(WIN, 0);
    const el = await wheel(html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`);
    await spin(el);
    expect(part(el, 'coupon')).not.toBeNull();
    expect(part(el, 'apply-link')).toBeNull();
  });

  test('track: view once, click on each spin, the code revealed and convert on a prize', async () => {
    const tracks = record('track');
    rig(LOSE, 0, WIN, 0);
    const el = await wheel(html`<vitrine-wheel campaign="bf" variant="B" spins="2">${SEGMENTS}</vitrine-wheel>`);
    await spin(el);
    await spin(el);
    // The view came with the first render (inline): once.
    expect(tracks.map((message) => message.action)).toEqual(['view', 'click', 'click', 'reveal', 'convert']);
    expect(tracks[3]).toEqual({ action: 'reveal', widget: 'wheel', campaign: 'bf', variant: 'B', code: 'TEN' });
    expect(tracks[1]).toEqual({ action: 'click', widget: 'wheel', campaign: 'bf', variant: 'B' });
  });
});

describe('keyboard alone', () => {
  test('Tab to the spin button, Enter spins; then to the code and its copy button; the odds open with Enter', async () => {
    rig(WIN, 0);
    const el = await wheel(html`<vitrine-wheel rules-href="/rules">${SEGMENTS}</vitrine-wheel>`);
    await userEvent.tab();
    expect(deepActive()).toBe(spinButton(el));
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(el.state).toBe('spinning');
    await stop(el);
    expect(message(el)).toBe('You won: -10 %!');
    expect(deepActive()).toBe(part(el, 'message'));
    await userEvent.tab();
    expect(deepActive()).toBe(part(el, 'coupon-code'));
    await userEvent.tab();
    expect(deepActive()).toBe(part(el, 'copy-button'));
    await userEvent.tab();
    expect(deepActive()).toBe(part(el, 'odds-button'));
    await userEvent.keyboard('{Enter}');
    expect(part<HTMLDetailsElement>(el, 'odds')!.open).toBe(true);
    await userEvent.tab();
    expect(deepActive()).toBe(part(el, 'rules-link'));
  });

  test('Space on the spin button spins too', async () => {
    const el = await wheel(html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`);
    spinButton(el)!.focus();
    await userEvent.keyboard(' ');
    await settle(el);
    expect(el.state).toBe('spinning');
    await stop(el);
  });
});

describe('spins per visitor', () => {
  test('remembered across reloads (storage), never given back by one', async () => {
    rig(LOSE, 0);
    const el = await wheel(html`<vitrine-wheel campaign="bf" spins="2">${SEGMENTS}</vitrine-wheel>`);
    expect(spinButton(el)!.textContent.trim()).toBe('Spin the wheel (2 left)');
    await spin(el);
    expect(spinButton(el)!.textContent.trim()).toBe('Spin again (1 left)');
    expect(localStorage.getItem('vitrine:bf:spins')).toBe('1');

    newPage();
    const again = await wheel(html`<vitrine-wheel campaign="bf" spins="2">${SEGMENTS}</vitrine-wheel>`);
    expect(again.spinsLeft).toBe(1);
    expect(again.state).toBe('lost');
    expect(message(again)).toBe('The wheel stopped on “Try again”. No prize this time.');
    rig(LOSE, 0);
    await spin(again);
    expect(spinButton(again)!.textContent.trim()).toBe('No spins left');

    newPage();
    const third = await wheel(html`<vitrine-wheel campaign="bf" spins="2">${SEGMENTS}</vitrine-wheel>`);
    expect(third.spinsLeft).toBe(0);
    expect(await third.spin()).toBeNull();
    // Another campaign is another game.
    const other = await wheel(html`<vitrine-wheel campaign="xmas">${SEGMENTS}</vitrine-wheel>`);
    expect(other.spinsLeft).toBe(1);
  });

  test('a reload during the spin neither gives it back nor loses the prize; the code comes back, on the bus too', async () => {
    rig(WIN, 0);
    const el = await wheel(html`<vitrine-wheel campaign="bf">${SEGMENTS}</vitrine-wheel>`);
    spinButton(el)!.click();
    await settle(el);
    expect(el.state).toBe('spinning');
    newPage();
    const coupons = record('coupon');
    const again = await wheel(html`<vitrine-wheel campaign="bf">${SEGMENTS}</vitrine-wheel>`);
    expect(again.spinsLeft).toBe(0);
    expect(again.state).toBe('won');
    expect(message(again)).toBe('You won: -10 %!');
    expect(part<HTMLInputElement>(again, 'coupon-code')!.value).toBe('TEN');
    expect(coupons).toEqual([{ code: 'TEN', campaign: 'bf', label: '-10 %' }]);
  });

  test('spins used up without a stored result (lost from storage): a new page offers no spin', async () => {
    rig(LOSE, 0);
    const el = await wheel(html`<vitrine-wheel campaign="bf">${SEGMENTS}</vitrine-wheel>`);
    await spin(el);
    localStorage.removeItem('vitrine:bf:result');
    newPage();
    const again = await wheel(html`<vitrine-wheel campaign="bf">${SEGMENTS}</vitrine-wheel>`);
    expect(message(again)).toBe('');
    expect(spinButton(again)!.textContent.trim()).toBe('No spins left');
    expect(spinButton(again)!.getAttribute('aria-disabled')).toBe('true');
  });

  test('storage that throws (private mode): one spin still, remembered in memory; the lead is not lost', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    fetchMock.mockResolvedValue(new Response('{}', { status: 200 }));
    const leads = record('lead');
    rig(LOSE, 0);
    const el = await wheel(
      html`<vitrine-wheel campaign="private" capture action="/api/leads">${SEGMENTS}</vitrine-wheel>`,
    );
    part<HTMLInputElement>(el, 'email-input')!.value = 'ada@example.com';
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
    part(el, 'submit')!.click();
    await settle(el);
    await stop(el);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/leads');
    expect(JSON.parse(init!.body as string)).toMatchObject({
      email: 'ada@example.com',
      campaign: 'private',
      widget: 'wheel',
    });
    expect(leads).toHaveLength(1);
    expect(el.state).toBe('lost');
    expect(el.spinsLeft).toBe(0);
    // Within the page view, a new wheel of the campaign knows it too.
    fixtureCleanup();
    const again = await wheel(
      html`<vitrine-wheel campaign="private" capture action="/api/leads">${SEGMENTS}</vitrine-wheel>`,
    );
    expect(again.spinsLeft).toBe(0);
    expect(part(again, 'form')).toBeNull();
    expect(await again.spin()).toBeNull();
  });
});

describe('email before the spin (capture)', () => {
  test('no spin before the email and the consent; the form button spins once the lead is taken', async () => {
    fetchMock.mockResolvedValue(new Response('{}', { status: 200 }));
    const events = listen('vitrine-lead', 'vitrine-spin');
    const tracks = record('track');
    rig(WIN, 0);
    const el = await wheel(html`<vitrine-wheel campaign="bf" capture action="/api/leads">${SEGMENTS}</vitrine-wheel>`);
    expect(spinButton(el)).toBeNull();
    expect(part(el, 'submit')!.textContent.trim()).toBe('Spin the wheel');
    expect(await el.spin()).toBeNull();
    part<HTMLInputElement>(el, 'email-input')!.value = 'ada@example.com';
    part(el, 'submit')!.click();
    await settle(el);
    expect(part(el, 'error')!.textContent).toBe('Tick the box to agree before you sign up.');
    expect(el.shadowRoot!.getAnimations()).toEqual([]);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]')!.checked = true;
    part(el, 'submit')!.click();
    await settle(el);
    expect(el.state).toBe('spinning');
    expect(part(el, 'status')!.textContent).toBe('Thank you, you are signed up!');
    await stop(el);
    expect(el.state).toBe('won');
    expect(events.map((event) => event.type)).toEqual(['vitrine-lead', 'vitrine-spin']);
    // The lead was the conversion: the prize does not count another.
    expect(tracks.filter((message) => message.action === 'convert')).toHaveLength(1);
    // A later visit does not ask again.
    newPage();
    const again = await wheel(html`<vitrine-wheel campaign="bf" capture spins="3">${SEGMENTS}</vitrine-wheel>`);
    expect(part(again, 'form')).toBeNull();
  });

  test('consent="implied" and consent-text', async () => {
    const el = await wheel(
      html`<vitrine-wheel capture consent="implied" consent-text="By spinning you join our list."
        >${SEGMENTS}</vitrine-wheel
      >`,
    );
    expect(el.shadowRoot!.querySelector('input[name="consent"]')).toBeNull();
    expect(part(el, 'consent')!.textContent).toBe('By spinning you join our list.');
  });
});

describe('endpoint: the server draws', () => {
  const ENDPOINT_SEGMENTS = html`<vitrine-wheel-segment label="-10 %"></vitrine-wheel-segment>
    <vitrine-wheel-segment label="Try again"></vitrine-wheel-segment>
    <vitrine-wheel-segment label="-20 %"></vitrine-wheel-segment>`;

  test('POST {campaign, email}; the answer {segment, code} is where the pointer stops and the code shown', async () => {
    fetchMock.mockResolvedValue(json({ segment: 2, code: 'SRV-7F3K' }));
    const coupons = record('coupon');
    const el = await wheel(
      html`<vitrine-wheel campaign="bf" endpoint="/apps/wheel/spin">${ENDPOINT_SEGMENTS}</vitrine-wheel>`,
    );
    // The page does not know which slices win: no overall chance is claimed.
    expect(part(el, 'odds')!.querySelector('p')).toBeNull();
    await spin(el);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/apps/wheel/spin');
    expect(init!.method).toBe('POST');
    expect(JSON.parse(init!.body as string)).toEqual({ campaign: 'bf', email: null });
    expect(el.state).toBe('won');
    expect(message(el)).toBe('You won: -20 %!');
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('SRV-7F3K');
    expect(await sliceUnderPointer(el)).toBe(2);
    expect(coupons).toEqual([{ code: 'SRV-7F3K', campaign: 'bf', label: '-20 %' }]);
  });

  test('with capture, the email goes to the endpoint; a null code is a loss', async () => {
    fetchMock.mockImplementation((url) =>
      Promise.resolve(url === '/spin' ? json({ segment: 1, code: null }) : json({})),
    );
    const el = await wheel(
      html`<vitrine-wheel capture consent="implied" action="/leads" endpoint="/spin"
        >${ENDPOINT_SEGMENTS}</vitrine-wheel
      >`,
    );
    part<HTMLInputElement>(el, 'email-input')!.value = 'ada@example.com';
    part(el, 'submit')!.click();
    await settle(el);
    await stop(el);
    const spinCall = fetchMock.mock.calls.find(([url]) => url === '/spin')!;
    expect(JSON.parse(spinCall[1]!.body as string)).toEqual({ campaign: 'vitrine-wheel', email: 'ada@example.com' });
    expect(el.state).toBe('lost');
    expect(message(el)).toBe('The wheel stopped on “Try again”. No prize this time.');
  });

  test('a failure (network, 5xx, a bad answer): a clear message, the spin not used up, a retry works', async () => {
    fetchMock
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(json('oops', 503))
      .mockResolvedValueOnce(json({ segment: 7, code: 'X' }))
      .mockResolvedValueOnce(json({ segment: 0, code: 'OK10' }));
    const el = await wheel(html`<vitrine-wheel campaign="bf" endpoint="/spin">${ENDPOINT_SEGMENTS}</vitrine-wheel>`);
    for (let attempt = 0; attempt < 3; attempt++) {
      await spin(el);
      expect(el.state).toBe('failed');
      expect(message(el)).toBe('The wheel is unavailable. Please try again in a moment.');
      expect(el.shadowRoot!.getAnimations()).toEqual([]);
      expect(el.spinsLeft).toBe(1);
      expect(spinButton(el)!.getAttribute('aria-disabled')).toBe('false');
    }
    expect(localStorage.getItem('vitrine:bf:spins')).toBeNull();
    expect(vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-wheel campaign="bf"> could not draw from endpoint="/spin" (TypeError: Failed to fetch); the shopper may try again',
      '[vitrine] <vitrine-wheel campaign="bf"> could not draw from endpoint="/spin" (Error: HTTP 503); the shopper may try again',
      '[vitrine] <vitrine-wheel campaign="bf"> could not draw from endpoint="/spin" (Error: no segment 7); the shopper may try again',
    ]);
    await spin(el);
    expect(el.state).toBe('won');
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('OK10');
  });
});

describe('pop-up mode', () => {
  test('opens on its trigger after min-time, as a modal; spins inside; closes and stays closed', async () => {
    const el = await wheel(
      html`<vitrine-wheel mode="popup" trigger="time:10s" heading="Spin to win">${SEGMENTS}</vitrine-wheel>`,
    );
    expect(getComputedStyle(el).display).toBe('contents');
    expect(isOpen(el)).toBe(false);
    vi.advanceTimersByTime(10 * SECOND);
    await settle(el);
    expect(isOpen(el)).toBe(true);
    expect(el.open).toBe(true);
    expect(dialog(el)!.getAttribute('aria-labelledby')).toBe('heading');
    expect(part(el, 'close-button')!.getAttribute('aria-label')).toBe('Close');
    rig(WIN, 0);
    await spin(el);
    expect(message(el)).toBe('You won: -10 %!');
    part(el, 'close-button')!.click();
    await settle(el);
    expect(isOpen(el)).toBe(false);
    expect(el.open).toBe(false);
  });

  test('one overlay at a time: not over an open exit pop-up; show() opens it once the page is free', async () => {
    const exit = await fixture<HTMLElementTagNameMap['vitrine-exit-popup']>(
      html`<vitrine-exit-popup campaign="exit" heading="Wait"></vitrine-exit-popup>`,
    );
    expect(await exit.show()).toBe(true);
    const el = await wheel(
      html`<vitrine-wheel mode="popup" trigger="time:10s" campaign="wheel">${SEGMENTS}</vitrine-wheel>`,
    );
    vi.advanceTimersByTime(10 * SECOND);
    await settle(el);
    expect(isOpen(el)).toBe(false);
    expect(await el.show()).toBe(false);
    expect(await el.spin()).toBeNull();
    exit.hide();
    await settle(el);
    expect(await el.show()).toBe(true);
    expect(isOpen(el)).toBe(true);
    expect(overlayPageState().open).toBe('wheel');
  });

  test('Escape closes it; closed by the shopper, it stays closed for dismiss-for, then may open again', async () => {
    const events = listen('vitrine-open', 'vitrine-close');
    const el = await wheel(
      html`<vitrine-wheel mode="popup" campaign="bf" trigger="time:10s" dismiss-for="2d">${SEGMENTS}</vitrine-wheel>`,
    );
    vi.advanceTimersByTime(10 * SECOND);
    await settle(el);
    expect(isOpen(el)).toBe(true);
    await userEvent.keyboard('{Escape}');
    await settle(el);
    expect(isOpen(el)).toBe(false);
    expect(events).toEqual([
      { type: 'vitrine-open', detail: { campaign: 'bf', trigger: 'time' } },
      { type: 'vitrine-close', detail: { campaign: 'bf', reason: 'escape' } },
    ]);
    newPage();
    const tomorrow = await wheel(
      html`<vitrine-wheel mode="popup" campaign="bf" trigger="time:10s" dismiss-for="2d">${SEGMENTS}</vitrine-wheel>`,
    );
    vi.advanceTimersByTime(24 * 3600 * SECOND);
    await settle(tomorrow);
    expect(isOpen(tomorrow)).toBe(false);
    // Two days after the close, on a new page, it may open again.
    newPage();
    vi.advanceTimersByTime(24 * 3600 * SECOND);
    const later = await wheel(
      html`<vitrine-wheel mode="popup" campaign="bf" trigger="time:10s" dismiss-for="2d">${SEGMENTS}</vitrine-wheel>`,
    );
    vi.advanceTimersByTime(10 * SECOND);
    await settle(later);
    expect(isOpen(later)).toBe(true);
  });

  test('open (the attribute) opens it at once; no trigger after the visitor has used their spins', async () => {
    const el = await wheel(html`<vitrine-wheel mode="popup" open>${SEGMENTS}</vitrine-wheel>`);
    await settle(el);
    expect(isOpen(el)).toBe(true);
    rig(LOSE, 0);
    await spin(el);
    el.hide();
    await settle(el);
    newPage();
    const again = await wheel(
      html`<vitrine-wheel mode="popup" trigger="time:1s" min-time="0">${SEGMENTS}</vitrine-wheel>`,
    );
    vi.advanceTimersByTime(5 * SECOND);
    await settle(again);
    expect(isOpen(again)).toBe(false);
  });
});

describe('preview', () => {
  test('nothing stored, sent, published or tracked; the endpoint is not called (the page draws)', async () => {
    const coupons = record('coupon');
    const tracks = record('track');
    rig(WIN, 0);
    const el = await wheel(html`<vitrine-wheel preview campaign="bf" endpoint="/spin">${SEGMENTS}</vitrine-wheel>`);
    await spin(el);
    expect(el.state).toBe('won');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(coupons).toEqual([]);
    expect(tracks).toEqual([]);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('vitrine:'))).toEqual([]);
  });
});

describe('bad input', () => {
  test('each bad value warns once, in the house format, and the wheel falls back to a sensible state', async () => {
    const el = await wheel(
      html`<vitrine-wheel
        campaign="bf"
        mode="sideways"
        duration="fast"
        spins="-2"
        endpoint="javascript:alert(1)"
        rules-href="javascript:alert(1)"
        action="ftp://example.com"
        consent="maybe"
      >
        <vitrine-wheel-segment label="-10 %" code="TEN" weight="-1"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="Again -10 %" code="TEN"></vitrine-wheel-segment>
        <vitrine-wheel-segment code="NOLABEL"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="Lost" weight="lots" color="not-a-colour"></vitrine-wheel-segment>
      </vitrine-wheel>`,
    );
    const expected = [
      '[vitrine] <vitrine-wheel campaign="bf"> ignored mode="sideways": expected one of inline, popup',
      '[vitrine] <vitrine-wheel campaign="bf"> ignored duration="fast": expected a duration such as 90s, 15m, 1h30m or 7d',
      '[vitrine] <vitrine-wheel campaign="bf"> ignored spins="-2": expected a whole number of spins, 1 or more',
      '[vitrine] <vitrine-wheel campaign="bf"> ignored endpoint="javascript:alert(1)": expected an http(s) URL (https://… or /path)',
      '[vitrine] <vitrine-wheel campaign="bf"> ignored rules-href="javascript:alert(1)": expected an http(s) URL (https://… or /path)',
      '[vitrine] <vitrine-wheel campaign="bf"> ignored action="ftp://example.com": expected an http(s) URL (https://… or /path), "shopify", "klaviyo" or "mailchimp"',
      '[vitrine] <vitrine-wheel campaign="bf"> ignored consent="maybe": expected one of explicit, implied',
      '[vitrine] <vitrine-wheel-segment> ignored weight="-1": expected a number from 0.01 to 10000 (using 1)',
      '[vitrine] <vitrine-wheel-segment> ignored code="TEN": expected a code no other segment has (segment left out)',
      '[vitrine] <vitrine-wheel-segment> ignored label="": expected the text of the slice (segment left out)',
      '[vitrine] <vitrine-wheel-segment> ignored weight="lots": expected a number from 0.01 to 10000 (using 1)',
      '[vitrine] <vitrine-wheel-segment> ignored color="not-a-colour": expected a CSS colour (using the palette)',
    ];
    expect([...vitrineWarnings()].sort()).toEqual([...expected].sort());
    // Sensible: inline, two slices of weight 1, one spin, no rules link, the page draws, 4 s.
    expect(getComputedStyle(el).display).toBe('block');
    expect(labels(el)).toEqual(['-10 %', 'Lost']);
    expect([...part(el, 'odds')!.querySelectorAll('li')].map((row) => row.textContent)).toEqual([
      '-10 %50%',
      'Lost50%',
    ]);
    expect(part(el, 'rules-link')).toBeNull();
    expect(el.spinsLeft).toBe(1);
    spinButton(el)!.click();
    await settle(el);
    expect(el.shadowRoot!.getAnimations()[0].effect!.getComputedTiming().duration).toBe(4000);
    await stop(el);
    expect(fetchMock).not.toHaveBeenCalled();
    // Re-rendering and setting the same bad values again says nothing more.
    el.setAttribute('mode', 'sideways');
    el.heading = 'Again';
    el.querySelector('vitrine-wheel-segment')!.setAttribute('weight', '-1');
    await settle(el);
    expect(vitrineWarnings()).toHaveLength(expected.length);
  });

  test('no segments: one warning, nothing shown (no room taken); segments added later bring it', async () => {
    const el = await wheel(html`<vitrine-wheel campaign="empty"></vitrine-wheel>`);
    expect(vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-wheel campaign="empty"> has no valid <vitrine-wheel-segment>: nothing to spin, nothing shown',
    ]);
    expect(el.getBoundingClientRect().height).toBe(0);
    expect(el.shadowRoot!.childElementCount).toBe(0);
    el.requestUpdate();
    await settle(el);
    expect(vitrineWarnings()).toHaveLength(1);
    const segment = document.createElement('vitrine-wheel-segment');
    segment.label = 'Only prize';
    segment.code = 'ONE';
    el.append(segment);
    await settle(el);
    expect(slices(el)).toHaveLength(1);
    expect(el.getBoundingClientRect().height).toBeGreaterThan(100);
  });

  test('good values never warn', async () => {
    await wheel(
      html`<vitrine-wheel
        mode="POPUP"
        duration="2500ms"
        spins="3"
        endpoint="https://shop.example/apps/wheel"
        rules-href="https://shop.example/pages/rules"
        action="shopify"
        consent="implied"
        trigger="exit time:20s"
        min-time="0"
        dismiss-for="session"
        after-overlay="allow"
      >
        <vitrine-wheel-segment label="A" code="A" weight="2.5" color="#0f766e"></vitrine-wheel-segment>
        <vitrine-wheel-segment label="B" weight="10000" color="var(--brand, teal)"></vitrine-wheel-segment>
      </vitrine-wheel>`,
    );
    expect(vitrineWarnings()).toEqual([]);
  });

  test('a merchant listener that throws never breaks the wheel', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    testPage.cleanups.push(
      getBus().subscribe('coupon', () => {
        throw new Error('merchant bug');
      }),
    );
    rig(WIN, 0);
    const el = await wheel(html`<vitrine-wheel>${SEGMENTS}</vitrine-wheel>`);
    await spin(el);
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('TEN');
  });
});

describe('accessibility (axe) in every state', () => {
  const DARK =
    '--vitrine-color-surface: #1f2937; --vitrine-color-text: #f9fafb; --vitrine-color-accent: #fbbf24; --vitrine-color-on-accent: #111827';

  test('idle, odds open, spinning, won, lost with no spin left — on a light and on a dark card', async () => {
    for (const style of ['', DARK]) {
      const el = await themed(
        style,
        html`<vitrine-wheel heading="Spin to win" rules-href="/rules" apply spins="2">${SEGMENTS}</vitrine-wheel>`,
      );
      vi.useRealTimers();
      expect(await violations(el), 'idle').toEqual([]);
      part<HTMLDetailsElement>(el, 'odds')!.open = true;
      expect(await violations(el), 'odds open').toEqual([]);
      part<HTMLDetailsElement>(el, 'odds')!.open = false;
      rig(LOSE, 0, WIN, 0);
      spinButton(el)!.click();
      await settle(el);
      el.shadowRoot!.getAnimations()[0].pause();
      const result = await axe.run(el);
      expect(
        result.violations.map((violation) => violation.id),
        'spinning',
      ).toEqual([]);
      await stop(el);
      expect(el.state).toBe('lost');
      expect(await violations(el), 'lost, one spin left').toEqual([]);
      await spin(el);
      expect(el.state).toBe('won');
      expect(await violations(el), 'won').toEqual([]);
      vi.restoreAllMocks();
      testPage.spyOnWarnings();
      for (const cleanup of testPage.cleanups.splice(0)) cleanup();
      newPage();
      clearStored();
      vi.useFakeTimers({ now: NOW });
    }
  });

  test('no spins left, endpoint failure, capture form and its error, French', async () => {
    rig(LOSE, 0);
    const played = await wheel(html`<vitrine-wheel campaign="played">${SEGMENTS}</vitrine-wheel>`);
    await spin(played);
    fetchMock.mockRejectedValue(new TypeError('offline'));
    const failed = await wheel(html`<vitrine-wheel campaign="failed" endpoint="/spin">${SEGMENTS}</vitrine-wheel>`);
    await spin(failed);
    expect(failed.state).toBe('failed');
    const form = await wheel(html`<vitrine-wheel capture lang="fr">${SEGMENTS}</vitrine-wheel>`);
    part(form, 'submit')!.click();
    await settle(form);
    expect(part(form, 'error')!.textContent).not.toBe('');
    vi.useRealTimers();
    expect(await violations(played), 'no spins left').toEqual([]);
    expect(await violations(failed), 'endpoint failure').toEqual([]);
    expect(await violations(form), 'form error').toEqual([]);
  });

  test('the pop-up open', async () => {
    const el = await wheel(html`<vitrine-wheel mode="popup" open capture>${SEGMENTS}</vitrine-wheel>`);
    await settle(el);
    expect(isOpen(el)).toBe(true);
    vi.useRealTimers();
    expect(await violations(el)).toEqual([]);
  });
});
