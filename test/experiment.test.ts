/**
 * <vitrine-experiment> in real Chromium: the buckets follow `split` (a chi-square over many
 * simulated visitors, through the very function the element and the widgets call), a visitor
 * keeps their bucket across reloads, losing variants never render, never send `view` and take
 * no room — also when the widgets are defined before the experiment, as the script-tag loader
 * may do — the URL forces a variant for QA, and a bad `split` warns once.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  decideExperiment,
  experimentState,
  forgetMemory,
  ga4Event,
  getBus,
  pickIndex,
  type RandomSource,
  type TrackMessage,
} from '@vitrine/core';
// The widget is defined first; <vitrine-experiment> only in the last block (see there).
import '@vitrine/sticky-bar/define';
import { UNDEFINED_CSS } from '../packages/vitrine/src/reserve-css.js';
import { chiSquare, CRITICAL_1E_6 } from './chi-square.js';
import { useTestPage } from './support/fixture.js';

/** `<vitrine-experiment>` with these attributes and children (not connected unless appended). */
function experiment(attributes: Record<string, string>, children: string): HTMLElement {
  const element = document.createElement('vitrine-experiment');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.innerHTML = children;
  return element;
}

const labels = (element: Element) => [...element.children].map((child) => child.getAttribute('variant'));
const setSearch = (search: string) => history.replaceState(null, '', `${location.pathname}${search}`);
const originalSearch = location.search;

const testPage = useTestPage();
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  setSearch(originalSearch);
  document.body.replaceChildren();
  localStorage.clear();
  sessionStorage.clear();
});

describe('buckets', () => {
  /** Simulated visitors: each a fresh experiment and empty storage, as many first visits. */
  function visitors(split: string, count: number, draws: number, random?: RandomSource): number[] {
    const observed = Array.from({ length: count }, () => 0);
    const children = Array.from({ length: count }, () => '<p></p>').join('');
    for (let visitor = 0; visitor < draws; visitor++) {
      const state = decideExperiment(experiment({ name: 'balance', split }, children), random)!;
      observed[state.variants.indexOf(state.variant)]++;
      localStorage.clear();
      forgetMemory();
    }
    return observed;
  }

  test('4,000 visitors fall into the buckets in the proportions of split (chi-square, p = 10⁻⁶)', () => {
    for (const [split, weights] of [
      ['50, 50', [50, 50]],
      ['70, 20, 10', [70, 20, 10]],
    ] as const) {
      const observed = visitors(split, weights.length, 4000);
      expect(chiSquare(observed, [...weights], 4000), `${split}: ${observed.join(' / ')}`).toBeLessThan(
        CRITICAL_1E_6[weights.length - 1],
      );
    }
  });

  test('the same statistic catches a draw biased by a few points', () => {
    // 56 % of the words fall in the first half of the tickets: what a modulo or rounding bias looks like.
    let flip = 0;
    const biased: RandomSource = (words) => {
      words[0] = (flip = (flip + 1) % 25) < 14 ? 0 : 99;
    };
    const observed = visitors('50, 50', 2, 4000, biased);
    expect(chiSquare(observed, [50, 50], 4000)).toBeGreaterThan(CRITICAL_1E_6[1]);
  });

  test('the experiment draws with core pickIndex: the function the wheel draws with', () => {
    const words = [7];
    const random: RandomSource = (target) => {
      target[0] = words.shift() ?? 0;
    };
    const state = decideExperiment(experiment({ name: 'same', split: '1, 9' }, '<p></p><p></p>'), random)!;
    expect(state.variant).toBe(['A', 'B'][pickIndex([1, 9], (target) => void (target[0] = 7))]);
    expect(state.variant).toBe('B');
  });

  test('a visitor keeps their bucket across reloads (stored per experiment name)', () => {
    const first = decideExperiment(experiment({ name: 'bf-bar' }, '<p></p><p></p><p></p>'))!.variant;
    expect(localStorage.getItem('vitrine:bf-bar:bucket')).toBe(JSON.stringify(first));
    for (let reload = 0; reload < 30; reload++) {
      forgetMemory(); // a new page load: only the browser's storage remains
      const again = experiment({ name: 'bf-bar' }, '<p></p><p></p><p></p>');
      document.body.append(again);
      expect(decideExperiment(again)!.variant).toBe(first);
      again.remove();
    }
  });

  test('a visitor whose localStorage refuses writes keeps a bucket for the session (sessionStorage)', () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(store) below
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
      if (this === localStorage) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    const first = decideExperiment(experiment({ name: 'private' }, '<p></p><p></p><p></p><p></p>'))!.variant;
    expect(localStorage.getItem('vitrine:private:bucket')).toBeNull();
    expect(sessionStorage.getItem('vitrine:private:bucket')).toBe(JSON.stringify(first));
    for (let reload = 0; reload < 10; reload++) {
      forgetMemory();
      expect(decideExperiment(experiment({ name: 'private' }, '<p></p><p></p><p></p><p></p>'))!.variant).toBe(first);
    }
  });

  test('a stored label the merchant has since removed is drawn again among the current variants', () => {
    localStorage.setItem('vitrine:renamed:bucket', '"C"');
    const state = decideExperiment(experiment({ name: 'renamed' }, '<p></p><p></p>'))!;
    expect(['A', 'B']).toContain(state.variant);
    expect(localStorage.getItem('vitrine:renamed:bucket')).toBe(JSON.stringify(state.variant));
  });
});

describe('labels, split and the URL', () => {
  test('labels are the variant attributes, else A, B … by position; the kept one is labelled, the others removed', () => {
    const element = experiment(
      { name: 'labels' },
      '<p variant="control"></p><p></p><div><vitrine-countdown></vitrine-countdown><span></span></div>',
    );
    setSearch('?vitrine-variant=labels:C');
    const state = decideExperiment(element)!;
    expect(state.variants).toEqual(['control', 'B', 'C']);
    expect(element.children).toHaveLength(1);
    // The wrapper and the widget inside it carry the label; other elements do not.
    expect(labels(element)).toEqual(['C']);
    expect(element.querySelector('vitrine-countdown')!.getAttribute('variant')).toBe('C');
    expect(element.querySelector('span')!.hasAttribute('variant')).toBe(false);
    expect(element.getAttribute('variant')).toBe('C');
  });

  test('?vitrine-variant=<name>:<label> forces the variant in this browser, repeatable, and stores nothing', () => {
    localStorage.setItem('vitrine:bf-bar:bucket', '"A"');
    setSearch('?vitrine-variant=bf-bar:B&vitrine-variant=popup-copy:short');
    const bar = decideExperiment(experiment({ name: 'bf-bar' }, '<p></p><p></p>'))!;
    const popup = decideExperiment(
      experiment({ name: 'popup-copy' }, '<p variant="long"></p><p variant="short"></p>'),
    )!;
    expect([bar.variant, bar.forced, popup.variant, popup.forced]).toEqual(['B', true, 'short', true]);
    expect(localStorage.getItem('vitrine:bf-bar:bucket')).toBe('"A"');
    expect(localStorage.getItem('vitrine:popup-copy:bucket')).toBeNull();

    setSearch('');
    forgetMemory();
    const after = decideExperiment(experiment({ name: 'bf-bar' }, '<p></p><p></p>'))!;
    expect([after.variant, after.forced]).toEqual(['A', false]);
    expect(testPage.warn).not.toHaveBeenCalled();
  });

  test('a forced label that is no variant warns once and the visitor keeps their own bucket', () => {
    localStorage.setItem('vitrine:bf-bar:bucket', '"A"');
    setSearch('?vitrine-variant=bf-bar:Z');
    const state = decideExperiment(experiment({ name: 'bf-bar' }, '<p></p><p></p>'))!;
    expect([state.variant, state.forced]).toEqual(['A', false]);
    expect(testPage.warn).toHaveBeenCalledTimes(1);
    expect(String(testPage.warn.mock.calls[0][0])).toMatch(
      /^\[vitrine\] <vitrine-experiment name="bf-bar"> ignored \?vitrine-variant=bf-bar:Z: expected one of A, B$/,
    );
  });

  test.each(['50', '50, 50, 50', 'half, half', '-10, 110', '0, 100', '50; 50'])(
    'split="%s" for two variants warns once and splits equally',
    (split) => {
      const element = experiment({ name: 'bad', split }, '<p></p><p></p>');
      const state = decideExperiment(element)!;
      expect(state.weights).toEqual([1, 1]);
      expect(testPage.warn).toHaveBeenCalledTimes(1);
      expect(testPage.warn.mock.calls[0][0]).toBe(
        `[vitrine] <vitrine-experiment name="bad"> ignored split="${split}": expected one positive weight per variant, separated by commas (50, 50), for 2 variants`,
      );
      decideExperiment(element);
      expect(testPage.warn).toHaveBeenCalledTimes(1);
    },
  );

  test('a good split is read as weights, with decimals and percent signs', () => {
    expect(
      decideExperiment(experiment({ name: 'w', split: ' 90%, 9.5 ,0.5' }, '<p></p><p></p><p></p>'))!.weights,
    ).toEqual([90, 9.5, 0.5]);
    expect(testPage.warn).not.toHaveBeenCalled();
  });
});

describe('in the page', () => {
  /** Every track message of the page from now on. */
  function tracked(): TrackMessage[] {
    const messages: TrackMessage[] = [];
    getBus().subscribe('track', (message) => messages.push(message));
    return messages;
  }

  const bars = (campaign: string, count: number) =>
    Array.from(
      { length: count },
      (_, index) => `<vitrine-sticky-bar campaign="${campaign}-${index}"><p>Message ${index}</p></vitrine-sticky-bar>`,
    ).join('');

  test('with the widgets defined before the experiment, the losing bars never render and never send view', async () => {
    expect(customElements.get('vitrine-experiment')).toBeUndefined();
    const messages = tracked();
    setSearch('?vitrine-variant=bf-bar:B');
    const element = experiment({ name: 'bf-bar' }, bars('bar', 3));
    const [first, second, third] = [...element.children] as HTMLElement[];
    document.body.append(element); // the bars connect (and upgrade) first, inside an undecided experiment
    await (second as HTMLElementTagNameMap['vitrine-sticky-bar']).updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));

    expect(element.children).toHaveLength(1);
    expect(second.isConnected).toBe(true);
    expect(second.shadowRoot!.textContent).not.toBe('');
    for (const loser of [first, third]) {
      expect(loser.isConnected).toBe(false);
      expect(loser.shadowRoot).toBeNull(); // Lit never even created its render root
    }
    expect(messages.filter((message) => message.action === 'view')).toEqual([
      { action: 'view', widget: 'sticky-bar', campaign: 'bar-1', variant: 'B', experiment: 'bf-bar' },
    ]);
    expect(ga4Event(messages[0])).toEqual({
      event: 'view_promotion',
      vitrine_experiment: 'bf-bar',
      ecommerce: { promotion_id: 'bar-1', promotion_name: 'bar-1', creative_name: 'sticky-bar', creative_slot: 'B' },
    });
  });

  test('while the page is still parsing, a variant waits for its experiment to be complete, then the kept one renders', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    setSearch('?vitrine-variant=parsing:B');
    // The parser has read the experiment's start tag and its first variant, nothing after yet.
    const element = experiment({ name: 'parsing' }, '');
    document.body.append(element);
    const first = document.createElement('vitrine-sticky-bar');
    first.innerHTML = '<p>A</p>';
    element.append(first);
    await Promise.resolve();
    expect(first.shadowRoot).toBeNull(); // held: not rendered
    expect(element.hasAttribute('variant')).toBe(false);
    const second = document.createElement('vitrine-sticky-bar');
    second.innerHTML = '<p>B</p>';
    element.append(second);
    expect(second.shadowRoot).toBeNull();

    readyState.mockReturnValue('interactive');
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(first.isConnected).toBe(false);
    expect(element.getAttribute('variant')).toBe('B');
    await second.updateComplete;
    expect(second.shadowRoot!.textContent).not.toBe('');
    expect(first.shadowRoot).toBeNull();
  });

  test('a variant appended after the decision is not shown to this visitor', async () => {
    const element = experiment({ name: 'late' }, bars('late', 2));
    document.body.append(element);
    const kept = element.firstElementChild!;
    const late = document.createElement('vitrine-sticky-bar');
    late.innerHTML = '<p>Late</p>';
    element.append(late);
    await Promise.resolve();
    expect(late.isConnected).toBe(false);
    expect(element.children).toEqual(expect.objectContaining({ length: 1, 0: kept }));
  });

  test('no layout shift: until the decision only the first variant keeps room, unseen; the kept one takes it', () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UNDEFINED_CSS); // what the loader adopts at once (and demo/shop.css repeats)
    document.adoptedStyleSheets = [sheet];
    setSearch('?vitrine-variant=cls:B');
    // <vitrine-experiment> is not defined yet in this file: as on a page whose experiment chunk is on its way.
    document.body.innerHTML =
      '<p>Before</p><vitrine-experiment name="cls"><h2>Variant A</h2><h2>Variant B</h2></vitrine-experiment><p id="after">After</p>';
    const element = document.querySelector('vitrine-experiment')!;
    const [a, b] = [...element.children];
    const after = document.querySelector('#after')!;
    const top = after.getBoundingClientRect().top;
    expect(getComputedStyle(a).visibility).toBe('hidden');
    expect(getComputedStyle(b).display).toBe('none');
    expect(a.getBoundingClientRect().height).toBeGreaterThan(0);

    decideExperiment(element);
    expect(element.children).toEqual(expect.objectContaining({ length: 1, 0: b }));
    expect(getComputedStyle(b).visibility).toBe('visible');
    expect(after.getBoundingClientRect().top).toBe(top);
    document.adoptedStyleSheets = [];
  });

  test('<vitrine-experiment>: takes no room, decides when it connects, fires vitrine-experiment once', async () => {
    await import('@vitrine/core/experiment');
    const events: unknown[] = [];
    document.addEventListener('vitrine-experiment', (event) => events.push((event as CustomEvent).detail));
    setSearch('?vitrine-variant=copy:B');
    const element = experiment({ name: 'copy', split: '30, 70' }, '<p>Short copy</p><p>Long copy</p>');
    document.body.append(element);
    expect(element.textContent).toBe('Long copy');
    expect(getComputedStyle(element).display).toBe('contents');
    expect(events).toEqual([{ name: 'copy', variant: 'B', variants: ['A', 'B'], weights: [30, 70], forced: true }]);
    element.remove();
    document.body.append(element);
    expect(events).toHaveLength(1);
    expect(experimentState(element)!.variant).toBe('B');
  });

  test('an experiment inserted empty decides once a script has appended its variants (same task)', async () => {
    setSearch('?vitrine-variant=filled:B');
    const element = document.createElement('vitrine-experiment');
    element.setAttribute('name', 'filled');
    document.body.append(element);
    for (const text of ['A', 'B', 'C'])
      element.append(Object.assign(document.createElement('p'), { textContent: text }));
    expect(element.hasAttribute('variant')).toBe(false);
    await Promise.resolve();
    expect(element.getAttribute('variant')).toBe('B');
    expect(element.textContent).toBe('B');
  });
});
