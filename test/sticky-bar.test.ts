/**
 * <vitrine-sticky-bar> in real Chromium: where the bar sits and what it does to the page
 * (layout shifts measured by the browser), what the shopper sees and can do (rotation, pause,
 * previous/next, close, copy), and what a merchant's code receives (events, bus, warnings).
 * Time runs on fake timers — never a sleep — except where the browser must paint.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import axe from 'axe-core';
import { DATE_TIME_EXPECTED, forgetMemory, getBus, loadCoupon, loadRecurrence, type TrackMessage } from '@vitrine/core';
import { VitrineStickyBar, type StickyBarCloseDetail } from '@vitrine/sticky-bar';
import '@vitrine/sticky-bar/define';
import { STICKY_BAR_RESERVE_CSS } from '@vitrine/sticky-bar/reserve';
// The countdown is a child here as on a storefront; the bar itself never imports it.
import '@vitrine/countdown/define';
import { frames, NOW, useTestPage } from './support/fixture.js';

// The code block (copy button) is a chunk fetched when a code is about to show (coupon-later.ts);
// here codes show right after a render, so it is here from the start. The lazy fetch itself is
// tested on the built bundle (test/loader/features.test.ts, coupon-offline.test.ts).
beforeAll(() => loadCoupon());

type Bar = HTMLElementTagNameMap['vitrine-sticky-bar'];

/**
 * The rules the script-tag loader adopts while the bar's code is on its way (and the README
 * snippet shows), for another tag name (the custom property keeps its name).
 */
const cssFor = (tag: string) => STICKY_BAR_RESERVE_CSS.replace(/vitrine-sticky-bar(?=[[:])/g, tag);

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

const shadow = (el: Bar) => el.shadowRoot!;
const part = (el: Bar, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const base = (el: Bar) => part(el, 'base');
const button = (el: Bar, name: string) => part(el, `${name}-button`) as HTMLButtonElement | null;
/** The text of the message on show (the one node in the slot). */
const shown = (el: Bar) =>
  shadow(el)
    .querySelector('slot')
    ?.assignedNodes()
    .map((node) => node.textContent?.trim())
    .join('');

/** Lets time pass on the fake clock; the page clock ticks 1 ms after each second turns. */
async function elapse(el: Bar, ms: number): Promise<void> {
  vi.advanceTimersByTime(ms + 1);
  await el.updateComplete;
}

/** After a change to the bar's children: the bar hears of it in a microtask (MutationObserver), then renders. */
async function settled(el: Bar): Promise<void> {
  await Promise.resolve();
  await el.updateComplete;
}

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

/**
 * Watches the page's content for shifts from now on (real timers: the browser must paint), in every
 * engine: each frame, where every `.content` block of `root` stands; a block that moved between two
 * frames is a shift (its distance in px is added). Where the engine has the Layout Instability API
 * (Chromium), its scores are added too.
 */
function watchShifts(root: HTMLElement) {
  const since = performance.now();
  const entries: LayoutShift[] = [];
  const layoutShiftApi = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
  const observer = new PerformanceObserver((list) => entries.push(...(list.getEntries() as LayoutShift[])));
  if (layoutShiftApi) observer.observe({ type: 'layout-shift', buffered: true });
  const lastTop = new Map<Element, number>();
  let moved = 0;
  let sampling = true;
  const sample = () => {
    for (const block of root.querySelectorAll('.content')) {
      const top = block.getBoundingClientRect().top;
      const before = lastTop.get(block);
      if (before !== undefined) moved += Math.abs(top - before);
      lastTop.set(block, top);
    }
    if (sampling) requestAnimationFrame(sample);
  };
  sample();
  return async () => {
    await frames(3);
    sampling = false;
    sample();
    entries.push(...(observer.takeRecords() as LayoutShift[]));
    observer.disconnect();
    const score = entries
      .filter((entry) => entry.startTime >= since && !entry.hadRecentInput)
      .reduce((sum, entry) => sum + entry.value, 0);
    return score + moved;
  };
}

/** A page of content the bar may push: a block per paragraph, painted before the test starts. */
function pageContent(): string {
  return Array.from({ length: 6 }, (_, index) => `<p class="content">Paragraph ${index + 1} of the page.</p>`).join('');
}

function stubReducedMotion(reduce: boolean): void {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: reduce && query.includes('prefers-reduced-motion: reduce'),
        media: query,
        onchange: null,
        addEventListener() {},
        removeEventListener() {},
        addListener() {},
        removeListener() {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  );
}

// A fresh bus per test: the sticky `coupon` of one test must not show in the next.
const testPage = useTestPage({ freshBus: true });
const { vitrineWarnings } = testPage;
let tracked: TrackMessage[];
const actions = () => tracked.map((message) => message.action);

beforeEach(() => {
  tracked = [];
  testPage.cleanups.push(getBus().subscribe('track', (message) => tracked.push(message)));
});

describe('no layout shift', () => {
  let root: HTMLElement;
  let sheet: CSSStyleSheet;

  beforeEach(async () => {
    await page.viewport(1024, 700);
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${STICKY_BAR_RESERVE_CSS} body{margin:0} .content{margin:0;height:40px}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    root = document.body.appendChild(document.createElement('main'));
  });

  afterEach(() => {
    root.remove();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
  });

  test('the probe sees a shift when content is pushed down (so a zero below means something)', async () => {
    root.innerHTML = pageContent();
    await frames(3);
    const total = watchShifts(root);
    root.prepend(Object.assign(document.createElement('div'), { style: 'height:44px' }));
    expect(await total()).toBeGreaterThan(0);
  });

  test('as an overlay (default), inserting the bar moves nothing', async () => {
    root.innerHTML = pageContent();
    await frames(3);
    const firstTop = root.querySelector('.content')!.getBoundingClientRect().top;
    const total = watchShifts(root);
    root.insertAdjacentHTML('afterbegin', '<vitrine-sticky-bar><p>Free shipping over 50 €</p></vitrine-sticky-bar>');
    const el = root.querySelector('vitrine-sticky-bar')!;
    await el.updateComplete;
    expect(await total()).toBe(0);
    expect(root.querySelector('.content')!.getBoundingClientRect().top).toBe(firstTop);
    expect(base(el)!.getBoundingClientRect().height).toBeGreaterThan(40);
  });

  test('push: an undefined bar reserves the room of the rendered one, so its code arriving moves nothing', async () => {
    // Another tag for the same class, defined later: the undefined phase of a lazy chunk.
    const tag = 'late-sticky-bar';
    sheet.replaceSync(`${cssFor(tag)} body{margin:0} .content{margin:0;height:40px}`);
    root.innerHTML = `<${tag} push campaign="late"><p>Free shipping over 50 €</p><p>Second</p></${tag}>${pageContent()}`;
    await frames(3);
    const host = root.querySelector(tag)!;
    const reserved = host.getBoundingClientRect().height;
    const contentTop = root.querySelector('.content')!.getBoundingClientRect().top;
    expect(reserved).toBe(44); // 2.75rem
    expect(contentTop).toBe(44);

    const total = watchShifts(root);
    customElements.define(tag, class extends VitrineStickyBar {});
    const el = host as Bar;
    await el.updateComplete;
    expect(await total()).toBe(0);
    expect(root.querySelector('.content')!.getBoundingClientRect().top).toBe(contentTop);
    // The room is the bar: the spacer holds exactly the bar's height, and the bar covers it.
    expect(part(el, 'spacer')!.getBoundingClientRect().height).toBe(reserved);
    expect(base(el)!.getBoundingClientRect()).toMatchObject({ top: 0, height: reserved });
  });

  test('push: a custom height is reserved before and after the code arrives, bottom bars too', async () => {
    const tag = 'late-sticky-bar-bottom';
    sheet.replaceSync(`${cssFor(tag)} body{margin:0} .content{margin:0;height:40px}`);
    root.innerHTML = `${pageContent()}<${tag} push position="bottom" style="--vitrine-sticky-bar-height: 3.5rem"><p>Hi</p></${tag}><p class="content after">After</p>`;
    await frames(3);
    const after = root.querySelector('.after')!.getBoundingClientRect().top;
    expect(root.querySelector(tag)!.getBoundingClientRect().height).toBe(56);
    const total = watchShifts(root);
    customElements.define(tag, class extends VitrineStickyBar {});
    const el = root.querySelector(tag) as Bar;
    await el.updateComplete;
    expect(await total()).toBe(0);
    expect(root.querySelector('.after')!.getBoundingClientRect().top).toBe(after);
    expect(base(el)!.getBoundingClientRect()).toMatchObject({ bottom: window.innerHeight, height: 56 });
  });

  test('push: a defined bar rendered with the page reserves its height at once, and rotating moves nothing', async () => {
    const total = watchShifts(root);
    root.innerHTML = `<vitrine-sticky-bar push rotate="1s"><p>One</p><p>Two, a longer message</p></vitrine-sticky-bar>${pageContent()}`;
    const el = root.querySelector('vitrine-sticky-bar')!;
    await el.updateComplete;
    await frames(3);
    const contentTop = root.querySelector('.content')!.getBoundingClientRect().top;
    expect(contentTop).toBe(base(el)!.getBoundingClientRect().height);
    button(el, 'next')!.click();
    await el.updateComplete;
    expect(await total()).toBe(0);
    expect(root.querySelector('.content')!.getBoundingClientRect().top).toBe(contentTop);
  });
});

describe('defaults and placement', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));

  test('by default: an overlay at the top, the message shown, no controls for one message', async () => {
    const el = await fixture<Bar>(html`<vitrine-sticky-bar><p>Free shipping over 50 €</p></vitrine-sticky-bar>`);
    expect(el.position).toBe('top');
    expect(el.push).toBe(false);
    expect(el.dismissible).toBe(false);
    expect(shown(el)).toBe('Free shipping over 50 €');
    expect(base(el)!.getBoundingClientRect().top).toBe(0);
    expect(getComputedStyle(base(el)!).position).toBe('fixed');
    // An overlay takes no room in the page.
    expect(part(el, 'spacer')).toBeNull();
    expect(el.getBoundingClientRect().height).toBe(0);
    expect(base(el)!.getAttribute('aria-label')).toBe('Announcements');
    for (const name of ['previous', 'next', 'pause', 'close']) expect(button(el, name)).toBeNull();
    // Dark surface, white text.
    expect(getComputedStyle(base(el)!).backgroundColor).toBe('rgb(17, 24, 39)');
    expect(getComputedStyle(base(el)!).color).toBe('rgb(255, 255, 255)');
    expect(Number(getComputedStyle(base(el)!).zIndex)).toBeGreaterThanOrEqual(2147483000);
  });

  test('position="bottom" sits on the bottom edge; changing it at run time moves the bar', async () => {
    const el = await fixture<Bar>(html`<vitrine-sticky-bar position="bottom"><p>Hello</p></vitrine-sticky-bar>`);
    expect(base(el)!.getBoundingClientRect().bottom).toBe(window.innerHeight);
    el.position = 'top';
    await el.updateComplete;
    expect(base(el)!.getBoundingClientRect().top).toBe(0);
  });

  test('the custom properties style the bar', async () => {
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar
        style="--vitrine-sticky-bar-background: #fde68a; --vitrine-sticky-bar-color: #111827; --vitrine-sticky-bar-height: 60px; --vitrine-sticky-bar-z-index: 10"
        ><p>Hello</p></vitrine-sticky-bar
      >`,
    );
    const style = getComputedStyle(base(el)!);
    expect(style.backgroundColor).toBe('rgb(253, 230, 138)');
    expect(style.color).toBe('rgb(17, 24, 39)');
    expect(style.zIndex).toBe('10');
    expect(base(el)!.getBoundingClientRect().height).toBe(60);
  });

  test('the safe-area inset is part of the bar (padding) and of the room push reserves', async () => {
    const el = await fixture<Bar>(html`<vitrine-sticky-bar push><p>Hello</p></vitrine-sticky-bar>`);
    const sheetText = [...shadow(el).adoptedStyleSheets]
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join('\n');
    expect(sheetText).toContain('env(safe-area-inset-top');
    expect(sheetText).toContain('env(safe-area-inset-bottom');
    expect(part(el, 'spacer')!.getBoundingClientRect().height).toBe(base(el)!.getBoundingClientRect().height);
  });

  test('push can be turned on and off at run time', async () => {
    const el = await fixture<Bar>(html`<vitrine-sticky-bar><p>Hello</p></vitrine-sticky-bar>`);
    el.push = true;
    await el.updateComplete;
    expect(part(el, 'spacer')!.getBoundingClientRect().height).toBe(44);
    el.push = false;
    await el.updateComplete;
    expect(part(el, 'spacer')).toBeNull();
  });

  test('bare text is one message; no content at all renders nothing', async () => {
    const text = await fixture<Bar>(html`<vitrine-sticky-bar>Free returns</vitrine-sticky-bar>`);
    expect(shown(text)).toBe('Free returns');
    const empty = await fixture<Bar>(html`<vitrine-sticky-bar> </vitrine-sticky-bar>`);
    expect(base(empty)).toBeNull();
  });

  test('the built-in texts follow lang, or the nearest [lang] ancestor', async () => {
    const parentNode = document.body.appendChild(Object.assign(document.createElement('div'), { lang: 'fr' }));
    testPage.cleanups.push(() => parentNode.remove());
    const bar = await fixture<Bar>(
      html`<vitrine-sticky-bar dismissible
        ><p>Un</p>
        <p>Deux</p></vitrine-sticky-bar
      >`,
      {
        parentNode,
      },
    );
    expect(base(bar)!.getAttribute('aria-label')).toBe('Annonces');
    expect(button(bar, 'close')!.getAttribute('aria-label')).toBe('Fermer le bandeau d’annonces');
    expect(button(bar, 'pause')!.getAttribute('aria-label')).toBe('Mettre les messages en pause');
    expect(button(bar, 'previous')!.getAttribute('aria-label')).toBe('Message précédent');
    expect(button(bar, 'next')!.getAttribute('aria-label')).toBe('Message suivant');
    bar.lang = 'en';
    await bar.updateComplete;
    expect(button(bar, 'close')!.getAttribute('aria-label')).toBe('Close the announcement bar');
  });
});

describe('rotation', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));

  const threeMessages = (attributes = '') =>
    fixture<Bar>(html`
      <vitrine-sticky-bar campaign="bf" rotate=${attributes || '5s'}>
        <p>One</p>
        <p>Two</p>
        <p>Three</p>
      </vitrine-sticky-bar>
    `);

  test('several messages rotate every `rotate` (5s by default), round and round', async () => {
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar
        ><p>One</p>
        <p>Two</p>
        <p>Three</p></vitrine-sticky-bar
      >`,
    );
    expect(shown(el)).toBe('One');
    await elapse(el, 4 * SECOND);
    expect(shown(el)).toBe('One');
    await elapse(el, 1 * SECOND);
    expect(shown(el)).toBe('Two');
    await elapse(el, 5 * SECOND);
    expect(shown(el)).toBe('Three');
    await elapse(el, 5 * SECOND);
    expect(shown(el)).toBe('One');
  });

  test('rotate="2s" shows each message two seconds', async () => {
    const el = await threeMessages('2s');
    await elapse(el, 1 * SECOND);
    expect(shown(el)).toBe('One');
    await elapse(el, 1 * SECOND);
    expect(shown(el)).toBe('Two');
    await elapse(el, 2 * SECOND);
    expect(shown(el)).toBe('Three');
  });

  test('while rotating the message is not announced; paused, it is', async () => {
    const el = await threeMessages();
    expect(part(el, 'message')!.getAttribute('aria-live')).toBe('off');
    button(el, 'pause')!.click();
    await el.updateComplete;
    expect(part(el, 'message')!.getAttribute('aria-live')).toBe('polite');
  });

  test('the change is a short fade on the compositor (opacity and transform only)', async () => {
    const animate = vi.spyOn(Element.prototype, 'animate');
    const el = await threeMessages();
    expect(animate).not.toHaveBeenCalled();
    await elapse(el, 5 * SECOND);
    expect(animate).toHaveBeenCalledTimes(1);
    const [keyframes] = animate.mock.calls[0] as [Keyframe[]];
    const properties = new Set(keyframes.flatMap((frame) => Object.keys(frame)));
    expect([...properties].sort()).toEqual(['opacity', 'transform']);
  });

  test('between rotations the bar does no work of its own each second: no render, and focus is known from events, not asked for', async () => {
    const el = await threeMessages();
    const asked = vi.spyOn(Document.prototype, 'activeElement', 'get');
    for (let second = 1; second <= 4; second++) {
      vi.advanceTimersByTime(SECOND);
      expect(el.isUpdatePending).toBe(false);
    }
    expect(asked).not.toHaveBeenCalled();
    expect(shown(el)).toBe('One');
    await elapse(el, SECOND);
    expect(shown(el)).toBe('Two');
  });

  test('the pointer over the bar pauses it; leaving resumes', async () => {
    const el = await threeMessages();
    await elapse(el, 3 * SECOND);
    el.dispatchEvent(new MouseEvent('mouseenter'));
    await elapse(el, 20 * SECOND);
    expect(shown(el)).toBe('One');
    el.dispatchEvent(new MouseEvent('mouseleave'));
    await elapse(el, 3 * SECOND);
    expect(shown(el)).toBe('Two');
  });

  test('focus in the bar pauses it (a link in a message, or its buttons); focus leaving resumes', async () => {
    const el = await fixture<Bar>(html`
      <vitrine-sticky-bar
        ><a href="#sale">Shop the sale</a>
        <p>Two</p></vitrine-sticky-bar
      >
      <button id="outside">Outside</button>
    `);
    el.querySelector('a')!.focus();
    await elapse(el, 20 * SECOND);
    expect(shown(el)).toBe('Shop the sale');
    button(el, 'next')!.focus();
    await elapse(el, 20 * SECOND);
    expect(shown(el)).toBe('Shop the sale');
    document.querySelector<HTMLButtonElement>('#outside')!.focus();
    await elapse(el, 5 * SECOND);
    expect(shown(el)).toBe('Two');
  });

  test('the pause button (WCAG 2.2.2) stops the rotation until pressed again; it keeps its name', async () => {
    const el = await threeMessages();
    const pause = button(el, 'pause')!;
    expect(pause.getAttribute('aria-pressed')).toBe('false');
    expect(pause.getAttribute('aria-label')).toBe('Pause the messages');
    pause.click();
    // Mouse users are over the bar when they click; leave to see that the button alone holds it.
    el.dispatchEvent(new MouseEvent('mouseleave'));
    await el.updateComplete;
    expect(button(el, 'pause')!.getAttribute('aria-pressed')).toBe('true');
    expect(button(el, 'pause')!.getAttribute('aria-label')).toBe('Pause the messages');
    await elapse(el, 30 * SECOND);
    expect(shown(el)).toBe('One');
    button(el, 'pause')!.click();
    button(el, 'pause')!.blur();
    await el.updateComplete;
    expect(button(el, 'pause')!.getAttribute('aria-pressed')).toBe('false');
    await elapse(el, 5 * SECOND);
    expect(shown(el)).toBe('Two');
  });

  test('previous and next reach every message, and restart its time', async () => {
    const el = await threeMessages();
    button(el, 'previous')!.click();
    await el.updateComplete;
    expect(shown(el)).toBe('Three');
    button(el, 'next')!.click();
    button(el, 'next')!.click();
    await el.updateComplete;
    expect(shown(el)).toBe('Two');
    await elapse(el, 4 * SECOND);
    expect(shown(el)).toBe('Two');
  });

  test('messages added or removed at run time are picked up', async () => {
    const el = await fixture<Bar>(html`<vitrine-sticky-bar><p>One</p></vitrine-sticky-bar>`);
    expect(button(el, 'next')).toBeNull();
    el.append(Object.assign(document.createElement('p'), { textContent: 'Two' }));
    await settled(el);
    expect(button(el, 'next')).not.toBeNull();
    await elapse(el, 5 * SECOND);
    expect(shown(el)).toBe('Two');
    el.lastElementChild!.remove();
    await settled(el);
    expect(shown(el)).toBe('One');
    expect(button(el, 'pause')).toBeNull();
  });

  test('under prefers-reduced-motion nothing rotates or animates: the first message, and previous/next', async () => {
    stubReducedMotion(true);
    const animate = vi.spyOn(Element.prototype, 'animate');
    const el = await threeMessages();
    await elapse(el, 60 * SECOND);
    expect(shown(el)).toBe('One');
    expect(button(el, 'pause')).toBeNull();
    expect(part(el, 'message')!.getAttribute('aria-live')).toBe('polite');
    button(el, 'next')!.click();
    await el.updateComplete;
    expect(shown(el)).toBe('Two');
    expect(animate).not.toHaveBeenCalled();
  });
});

describe('dismissal', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));

  const dismissibleBar = (dismissFor?: string) =>
    fixture<Bar>(
      dismissFor
        ? html`<vitrine-sticky-bar campaign="bf" dismissible dismiss-for=${dismissFor}><p>Hi</p></vitrine-sticky-bar>`
        : html`<vitrine-sticky-bar campaign="bf" dismissible><p>Hi</p></vitrine-sticky-bar>`,
    );

  /** A new page load: memory copies gone, a new element with the same campaign. */
  async function reload(dismissFor?: string): Promise<Bar> {
    fixtureCleanup();
    forgetMemory();
    return dismissibleBar(dismissFor);
  }

  test('the close button hides the bar, says so (vitrine-close), tracks close, and is remembered 7 days', async () => {
    const events: StickyBarCloseDetail[] = [];
    const onClose = (event: Event) => events.push((event as CustomEvent<StickyBarCloseDetail>).detail);
    document.addEventListener('vitrine-close', onClose);
    testPage.cleanups.push(() => document.removeEventListener('vitrine-close', onClose));

    const el = await dismissibleBar();
    expect(button(el, 'close')!.getAttribute('aria-label')).toBe('Close the announcement bar');
    button(el, 'close')!.click();
    await el.updateComplete;
    expect(base(el)).toBeNull();
    expect(events).toEqual([{ campaign: 'bf', until: NOW + 7 * DAY }]);
    expect(actions()).toEqual(['view', 'close']);

    expect(base(await reload())).toBeNull();
    vi.setSystemTime(NOW + 7 * DAY - SECOND);
    expect(base(await reload())).toBeNull();
    vi.setSystemTime(NOW + 7 * DAY + SECOND);
    expect(base(await reload())).not.toBeNull();
  });

  test('another campaign is not closed by this one', async () => {
    const el = await dismissibleBar();
    button(el, 'close')!.click();
    const other = await fixture<Bar>(
      html`<vitrine-sticky-bar campaign="other" dismissible><p>Hi</p></vitrine-sticky-bar>`,
    );
    expect(base(other)).not.toBeNull();
  });

  test('dismiss-for="session": closed for this tab only', async () => {
    const el = await dismissibleBar('session');
    button(el, 'close')!.click();
    await el.updateComplete;
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('vitrine:bf'))).toHaveLength(1);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('vitrine:bf'))).toHaveLength(0);
    expect(base(await reload('session'))).toBeNull();
    // A new session: sessionStorage is gone.
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('vitrine:')) sessionStorage.removeItem(key);
    expect(base(await reload('session'))).not.toBeNull();
  });

  test('dismiss-for="12h" lasts twelve hours', async () => {
    const el = await dismissibleBar('12h');
    button(el, 'close')!.click();
    vi.setSystemTime(NOW + 11 * HOUR);
    expect(base(await reload('12h'))).toBeNull();
    vi.setSystemTime(NOW + 13 * HOUR);
    expect(base(await reload('12h'))).not.toBeNull();
  });

  test('a listener may cancel the close: the bar stays and nothing is stored', async () => {
    const el = await dismissibleBar();
    el.addEventListener('vitrine-close', (event) => event.preventDefault());
    button(el, 'close')!.click();
    await el.updateComplete;
    expect(base(el)).not.toBeNull();
    expect(actions()).toEqual(['view']);
    expect(base(await reload())).not.toBeNull();
  });

  test('without dismissible there is no close button and a stored dismissal does not hide the bar', async () => {
    const el = await dismissibleBar();
    button(el, 'close')!.click();
    const plain = await fixture<Bar>(html`<vitrine-sticky-bar campaign="bf"><p>Hi</p></vitrine-sticky-bar>`);
    expect(base(plain)).not.toBeNull();
    expect(button(plain, 'close')).toBeNull();
  });

  test('a dismissed push bar gives its room back', async () => {
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar campaign="bf" dismissible push><p>Hi</p></vitrine-sticky-bar>`,
    );
    expect(part(el, 'spacer')).not.toBeNull();
    button(el, 'close')!.click();
    await el.updateComplete;
    expect(part(el, 'spacer')).toBeNull();
  });
});

describe('hide-on-end with a countdown inside', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));
  const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

  test('the bar hides when its countdown reaches zero', async () => {
    const el = await fixture<Bar>(html`
      <vitrine-sticky-bar hide-on-end push>
        <p>
          Black Friday ends in <vitrine-countdown layout="inline" deadline=${inFuture(3 * SECOND)}></vitrine-countdown>
        </p>
      </vitrine-sticky-bar>
    `);
    expect(base(el)).not.toBeNull();
    await elapse(el, 2 * SECOND);
    expect(base(el)).not.toBeNull();
    await elapse(el, 1 * SECOND);
    await el.updateComplete;
    expect(base(el)).toBeNull();
    expect(part(el, 'spacer')).toBeNull();
  });

  test('without hide-on-end the bar stays when the countdown ends', async () => {
    const el = await fixture<Bar>(html`
      <vitrine-sticky-bar>
        <p>
          Ends in <vitrine-countdown layout="inline" .onEnd=${'stay'} deadline=${inFuture(SECOND)}></vitrine-countdown>
        </p>
      </vitrine-sticky-bar>
    `);
    await elapse(el, 3 * SECOND);
    expect(base(el)).not.toBeNull();
  });

  test('a countdown already over when the bar renders hides it at once', async () => {
    const el = await fixture<Bar>(html`
      <vitrine-sticky-bar hide-on-end>
        <p>Ends in <vitrine-countdown layout="inline" deadline="2020-01-01T00:00:00Z"></vitrine-countdown></p>
      </vitrine-sticky-bar>
    `);
    await el.updateComplete;
    expect(base(el)).toBeNull();
  });

  test('a countdown that ended elsewhere (expired) and is then put in the bar hides it', async () => {
    const countdown = await fixture(
      html`<vitrine-countdown layout="inline" deadline="2020-01-01T00:00:00Z"></vitrine-countdown>`,
    );
    expect(countdown.hasAttribute('expired')).toBe(true);
    const el = await fixture<Bar>(html`<vitrine-sticky-bar hide-on-end><p>Ends soon</p></vitrine-sticky-bar>`);
    expect(base(el)).not.toBeNull();
    el.querySelector('p')!.append(countdown);
    await settled(el);
    expect(base(el)).toBeNull();
  });
});

describe('show-coupon', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));
  const code = (el: Bar) => (part(el, 'coupon-code') as HTMLInputElement | null)?.value;

  test('a code published before the bar appeared shows at once; a later one replaces it', async () => {
    getBus().publish('coupon', { code: 'WELCOME10', campaign: 'popup', label: '-10 %' });
    const el = await fixture<Bar>(html`<vitrine-sticky-bar show-coupon><p>Welcome!</p></vitrine-sticky-bar>`);
    expect(code(el)).toBe('WELCOME10');
    expect(part(el, 'coupon-label')!.textContent).toBe('-10 %');
    getBus().publish('coupon', { code: 'SPIN15', campaign: 'wheel' });
    await el.updateComplete;
    expect(code(el)).toBe('SPIN15');
    expect(part(el, 'coupon-label')).toBeNull();
  });

  test('a code published after the bar appeared shows; with no message the bar shows for the code alone', async () => {
    const el = await fixture<Bar>(html`<vitrine-sticky-bar show-coupon></vitrine-sticky-bar>`);
    expect(base(el)).toBeNull();
    getBus().publish('coupon', { code: 'LATE5', campaign: 'popup' });
    await el.updateComplete;
    expect(code(el)).toBe('LATE5');
    expect(part(el, 'messages')).toBeNull();
  });

  test('without show-coupon no code shows; turning it on at run time shows the last one', async () => {
    getBus().publish('coupon', { code: 'WELCOME10', campaign: 'popup' });
    const el = await fixture<Bar>(html`<vitrine-sticky-bar><p>Hi</p></vitrine-sticky-bar>`);
    expect(part(el, 'coupon')).toBeNull();
    el.showCoupon = true;
    await el.updateComplete;
    expect(code(el)).toBe('WELCOME10');
  });

  test('copy: the Clipboard API writes the code and the shopper is told', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    getBus().publish('coupon', { code: 'WELCOME10', campaign: 'popup' });
    const el = await fixture<Bar>(html`<vitrine-sticky-bar show-coupon><p>Hi</p></vitrine-sticky-bar>`);
    expect(button(el, 'copy')!.getAttribute('aria-label')).toBe('Copy the code WELCOME10');
    button(el, 'copy')!.click();
    await vi.waitFor(() => expect(part(el, 'copy-status')!.textContent).toBe('Code copied'));
    expect(writeText).toHaveBeenCalledWith('WELCOME10');
  });

  test('copy refused: the code is selected for Ctrl+C', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    getBus().publish('coupon', { code: 'WELCOME10', campaign: 'popup' });
    const el = await fixture<Bar>(html`<vitrine-sticky-bar show-coupon><p>Hi</p></vitrine-sticky-bar>`);
    button(el, 'copy')!.click();
    await vi.waitFor(() => expect(part(el, 'copy-status')!.textContent).toContain('Ctrl+C'));
    const field = part(el, 'coupon-code') as HTMLInputElement;
    expect(shadow(el).activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'WELCOME10'.length]);
  });

  test('text from the bus is text, never HTML', async () => {
    getBus().publish('coupon', {
      code: '<b>X</b>',
      campaign: 'popup',
      label: '<img src="x" onerror="window.__pwned = true">',
    });
    const el = await fixture<Bar>(html`<vitrine-sticky-bar show-coupon><p>Hi</p></vitrine-sticky-bar>`);
    expect(shadow(el).querySelector('img, b')).toBeNull();
    expect(part(el, 'coupon-label')!.textContent).toBe('<img src="x" onerror="window.__pwned = true">');
    expect(code(el)).toBe('<b>X</b>');
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  test('a malformed coupon message shows nothing and breaks nothing', async () => {
    const el = await fixture<Bar>(html`<vitrine-sticky-bar show-coupon><p>Hi</p></vitrine-sticky-bar>`);
    getBus().publish('coupon', { code: '  ', campaign: 'x' });
    getBus().publish('coupon', null as never);
    await el.updateComplete;
    expect(part(el, 'coupon')).toBeNull();
    expect(base(el)).not.toBeNull();
  });
});

describe('schedule, preview and analytics', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));

  test('start/end: hidden before, shown on time, hidden after; view tracked once, when shown', async () => {
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar campaign="bf" start="2026-11-27T10:00:00Z" end="2026-11-27T12:00:00Z"
        ><p>Hi</p></vitrine-sticky-bar
      >`,
    );
    expect(base(el)).toBeNull();
    expect(actions()).toEqual([]);
    await elapse(el, HOUR);
    expect(base(el)).not.toBeNull();
    expect(tracked).toEqual([{ action: 'view', widget: 'sticky-bar', campaign: 'bf' }]);
    await elapse(el, 2 * HOUR);
    expect(base(el)).toBeNull();
    expect(actions()).toEqual(['view']);
  });

  test('every weekend (Friday 18:00 until Sunday 23:59 in Paris): appears and disappears on time, week after week', async () => {
    await loadRecurrence();
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar
        campaign="weekend"
        every="week"
        from="fri 18:00"
        until="sun 23:59"
        timezone="Europe/Paris"
        ><p>Weekend sale</p></vitrine-sticky-bar
      >`,
    );
    expect(base(el)).toBeNull(); // Friday 10:00 in Paris
    expect(actions()).toEqual([]);
    await elapse(el, 8 * HOUR); // 18:00
    expect(base(el)).not.toBeNull();
    expect(actions()).toEqual(['view']);
    await elapse(el, Date.parse('2026-11-29T22:59:00Z') - Date.now() - 1000); // Sunday 23:58:59
    expect(base(el)).not.toBeNull();
    await elapse(el, 1000);
    expect(base(el)).toBeNull();
    await elapse(el, Date.parse('2026-12-04T17:00:00Z') - Date.now()); // next Friday 18:00
    expect(base(el)).not.toBeNull();
    expect(testPage.vitrineWarnings()).toEqual([]);
  });

  test('the variant goes with every track event; a click on a link in a message is tracked, the bar buttons are not', async () => {
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar campaign="bf" variant="B" dismissible
        ><a href="#sale">Shop</a>
        <p>Two <a href="#more">more</a></p></vitrine-sticky-bar
      >`,
    );
    el.querySelector('a')!.click();
    button(el, 'next')!.click();
    button(el, 'pause')!.click();
    el.querySelector<HTMLAnchorElement>('a[href="#more"]')!.click();
    expect(tracked).toEqual([
      { action: 'view', widget: 'sticky-bar', campaign: 'bf', variant: 'B' },
      { action: 'click', widget: 'sticky-bar', campaign: 'bf', variant: 'B' },
      { action: 'click', widget: 'sticky-bar', campaign: 'bf', variant: 'B' },
    ]);
  });

  test('no view for a bar already dismissed', async () => {
    localStorage.setItem('vitrine:bf:dismissed', JSON.stringify({ until: NOW + DAY }));
    const el = await fixture<Bar>(html`<vitrine-sticky-bar campaign="bf" dismissible><p>Hi</p></vitrine-sticky-bar>`);
    expect(base(el)).toBeNull();
    expect(actions()).toEqual([]);
  });

  test('preview ignores the schedule and a stored dismissal, stores nothing and sends nothing', async () => {
    localStorage.setItem('vitrine:bf:dismissed', JSON.stringify({ until: NOW + DAY }));
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar campaign="bf" preview dismissible start="2030-01-01T00:00:00Z"
        ><a href="#x">Hi</a></vitrine-sticky-bar
      >`,
    );
    expect(base(el)).not.toBeNull();
    el.querySelector('a')!.click();
    button(el, 'close')!.click();
    await el.updateComplete;
    expect(base(el)).toBeNull();
    expect(tracked).toEqual([]);
    expect(JSON.parse(localStorage.getItem('vitrine:bf:dismissed')!)).toEqual({ until: NOW + DAY });
  });
});

describe('bad input', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));

  test.each([
    ['position', 'middle', 'one of top, bottom'],
    ['rotate', 'fast', 'a duration such as 90s, 15m, 1h30m or 7d'],
    ['dismiss-for', 'forever', 'a duration such as 7d or 12h, or "session"'],
    ['start', 'tomorrow', DATE_TIME_EXPECTED],
  ])('%s="%s" warns once, naming it, and the default is used', async (attribute, value, expected) => {
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar campaign="bf" dismissible
        ><p>One</p>
        <p>Two</p></vitrine-sticky-bar
      >`,
    );
    el.setAttribute(attribute, value);
    await el.updateComplete;
    el.setAttribute('variant', 'B'); // another render: no second warning
    await el.updateComplete;
    expect(vitrineWarnings()).toEqual([
      `[vitrine] <vitrine-sticky-bar campaign="bf"> ignored ${attribute}="${value}": expected ${expected}`,
    ]);
    // The defaults hold: at the top, shown, rotating every 5 s, closing for 7 days.
    expect(base(el)!.getBoundingClientRect().top).toBe(0);
    await elapse(el, 5 * SECOND);
    expect(shown(el)).toBe('Two');
    button(el, 'close')!.click();
    expect(JSON.parse(localStorage.getItem('vitrine:bf:dismissed')!)).toEqual({ until: Date.now() + 7 * DAY });
    // Another element with the same mistake warns for itself.
    const other = document.createElement('vitrine-sticky-bar');
    other.setAttribute('campaign', 'bf');
    other.setAttribute(attribute, value);
    el.after(other);
    await other.updateComplete;
    expect(vitrineWarnings()).toHaveLength(2);
  });

  test('rotate shorter than a second is held to one second', async () => {
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar rotate="100ms"
        ><p>One</p>
        <p>Two</p></vitrine-sticky-bar
      >`,
    );
    vi.advanceTimersByTime(500);
    await el.updateComplete;
    expect(shown(el)).toBe('One');
    await elapse(el, 500);
    expect(shown(el)).toBe('Two');
    await elapse(el, 1000);
    expect(shown(el)).toBe('One');
    expect(vitrineWarnings()).toEqual([]);
  });
});

describe('accessibility', () => {
  async function expectNoViolations(el: Element): Promise<void> {
    vi.useRealTimers(); // axe schedules its own work on timers
    const { violations } = await axe.run(el);
    expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.html).join(', ')}`)).toEqual([]);
  }

  test('axe: one message', async () => {
    const el = await fixture<Bar>(html`<vitrine-sticky-bar><p>Free shipping over 50 €</p></vitrine-sticky-bar>`);
    await expectNoViolations(el);
  });

  test('axe: rotating, dismissible, with a link and a countdown, in French', async () => {
    const el = await fixture<Bar>(html`
      <vitrine-sticky-bar lang="fr" dismissible>
        <a href="#soldes">Voir les soldes</a>
        <p>
          Fin du Black Friday dans
          <vitrine-countdown layout="inline" deadline="2099-01-01T00:00:00Z"></vitrine-countdown>
        </p>
      </vitrine-sticky-bar>
    `);
    await expectNoViolations(el);
  });

  test('axe: with a coupon, at the bottom', async () => {
    getBus().publish('coupon', { code: 'WELCOME10', campaign: 'popup', label: '-10 %' });
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar show-coupon position="bottom" dismissible
        ><p>Your code is ready</p></vitrine-sticky-bar
      >`,
    );
    await expectNoViolations(el);
  });

  test('axe: reduced motion, paused by the shopper', async () => {
    stubReducedMotion(true);
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar
        ><p>One</p>
        <p>Two</p></vitrine-sticky-bar
      >`,
    );
    await expectNoViolations(el);
  });

  test('every control works from the keyboard, in order', async () => {
    vi.useFakeTimers({ now: NOW });
    const el = await fixture<Bar>(
      html`<vitrine-sticky-bar campaign="kb" dismissible
        ><p>One</p>
        <p>Two</p></vitrine-sticky-bar
      >`,
    );
    await userEvent.keyboard('{Tab}');
    expect(shadow(el).activeElement).toBe(button(el, 'previous'));
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(shown(el)).toBe('Two');
    await userEvent.keyboard('{Tab}');
    expect(shadow(el).activeElement).toBe(button(el, 'next'));
    await userEvent.keyboard('{Tab}');
    expect(shadow(el).activeElement).toBe(button(el, 'pause'));
    await userEvent.keyboard(' ');
    await el.updateComplete;
    expect(button(el, 'pause')!.getAttribute('aria-pressed')).toBe('true');
    await userEvent.keyboard('{Tab}');
    expect(shadow(el).activeElement).toBe(button(el, 'close'));
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(base(el)).toBeNull();
  });
});

describe('a countdown inside the bar', () => {
  test('keeps the bar’s text colour when the theme sets --vitrine-color-text page-wide', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':root { --vitrine-color-text: rgb(42, 29, 33); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const el = await fixture<Bar>(html`
        <vitrine-sticky-bar campaign="colour">
          <p>Ends in <vitrine-countdown deadline="2099-01-01T00:00:00Z" layout="inline"></vitrine-countdown></p>
        </vitrine-sticky-bar>
      `);
      const countdown = el.querySelector('vitrine-countdown')!;
      await countdown.updateComplete;
      const digits = countdown.shadowRoot!.querySelector('[part~="value"]')!;
      expect(getComputedStyle(digits).color).toBe(getComputedStyle(base(el)!).color);
      expect(getComputedStyle(digits).color).not.toBe('rgb(42, 29, 33)');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    }
  });
});
