/**
 * <vitrine-exit-popup> in real Chromium: when it opens (and when it must not), what the
 * shopper sees and can do in the modal, what happens to their email (delivered exactly once,
 * whatever the network and storage do), what a merchant's code receives, and bad input —
 * with fake timers, never a sleep.
 */
import { beforeAll, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { clearStored, listenTo, recordTopic } from './support/recorders.js';
import { NOW, useTestPage } from './support/fixture.js';
import { userEvent } from 'vitest/browser';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import axe from 'axe-core';
import {
  forgetMemory,
  getBus,
  loadCoupon,
  loadOutbox,
  overlayPageState,
  readOutbox,
  resetOutboxRuntime,
  type LeadMessage,
  type OverlayCloseDetail,
} from '@vitrine/core';
import '@vitrine/exit-popup/define';
import type { ExitPopupOpenDetail } from '@vitrine/exit-popup';

// A pop-up with `capture` fetches the outbox's chunk as it appears, long before a shopper can sign up;
// here a sign-up follows its first render at once: the chunk is here from the start.
beforeAll(() => loadOutbox());
// The code block (copy button) is a chunk fetched when a code is about to show (coupon-later.ts);
// here codes show right after a render, so it is here from the start. The lazy fetch itself is
// tested on the built bundle (test/loader/features.test.ts, coupon-offline.test.ts).
beforeAll(() => loadCoupon());

type Popup = HTMLElementTagNameMap['vitrine-exit-popup'];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dialog = (el: Popup) => el.shadowRoot!.querySelector('dialog');
const isOpen = (el: Popup) => dialog(el)?.open === true && dialog(el)!.matches(':modal');
const part = <T extends HTMLElement = HTMLElement>(el: Popup, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const emailInput = (el: Popup) => part<HTMLInputElement>(el, 'email-input');
const consentBox = (el: Popup) => el.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]');

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The pointer leaves the page through the top edge, moving up. */
function exitIntent(): void {
  document.body.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 300, clientY: 30 }));
  document.body.dispatchEvent(
    new MouseEvent('mouseout', { bubbles: true, clientX: 300, clientY: -1, relatedTarget: null }),
  );
}

/** Lets promise chains (opening, delivering) and the renders they ask for run; no timer moves. */
async function settle(...els: Popup[]): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await Promise.resolve();
  for (const el of els) await el.updateComplete;
}

async function popup(template: ReturnType<typeof html>): Promise<Popup> {
  return fixture<Popup>(template);
}

/** Min-time passes, then the visitor heads for the tabs. */
async function exitAfterMinTime(...els: Popup[]): Promise<void> {
  vi.advanceTimersByTime(5 * SECOND);
  exitIntent();
  await settle(...els);
}

/** Types, ticks and presses the button, as a shopper would. */
async function signUp(el: Popup, email = 'ada@example.com', tick = true): Promise<void> {
  emailInput(el)!.value = email;
  const box = consentBox(el);
  if (box) box.checked = tick;
  part(el, 'submit')!.click();
  await settle(el);
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

const ok = () => new Response('{}', { status: 200 });
/** Shopify's contact form once the customer is recorded: its redirect lands on `?customer_posted=true`. */
const posted = () =>
  Object.defineProperty(new Response('', { status: 200 }), 'url', {
    value: 'https://shop.example/?customer_posted=true',
  });
const status = (code: number) => new Response(null, { status: code });

let fetchMock: Mock<typeof fetch>;
const testPage = useTestPage({
  now: NOW,
  reset: () => {
    Reflect.deleteProperty(window, 'Shopify');
    clearStored();
    newPage();
  },
});
const { vitrineWarnings } = testPage;

/** Messages of a bus topic published from now on. */
const record = <T extends 'coupon' | 'lead' | 'track'>(topic: T) => recordTopic(topic, testPage.cleanups);

/** DOM events of the given names, in order, from the document. */
const listen = (...names: string[]) => listenTo(names, testPage.cleanups);

beforeEach(() => {
  clearStored();
  newPage();
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
  document.documentElement.style.overflow = '';
});

describe('what the shopper sees', () => {
  test('nothing until it opens: no dialog rendered, no room on the page; its trigger renders and shows it at once', async () => {
    const el = await popup(
      html`<vitrine-exit-popup heading="Wait!" text="10% off your first order."></vitrine-exit-popup>`,
    );
    // Closed, it costs the page nothing: no dialog, no form, no texts in its shadow root.
    expect(dialog(el)).toBeNull();
    expect(el.shadowRoot!.querySelector('[part]')).toBeNull();
    expect(el.open).toBe(false);
    expect(el.hasAttribute('open')).toBe(false);
    expect(getComputedStyle(el).display).toBe('contents');
    expect(vitrineWarnings()).toEqual([]);
    // The trigger's own task renders the dialog and shows it (settle moves no timer): the first open
    // waits for no timer, so it shows in the next frame, named by its heading, with its text.
    vi.advanceTimersByTime(5 * SECOND);
    exitIntent();
    await settle(el);
    expect(isOpen(el)).toBe(true);
    expect(dialog(el)!.getAttribute('aria-labelledby')).toBe(part(el, 'heading')!.id);
    expect(part(el, 'heading')!.textContent.trim()).toBe('Wait!');
    expect(part(el, 'text')!.checkVisibility()).toBe(true);
  });

  test('open: a modal card named by its heading, the text, a labelled close button', async () => {
    const el = await popup(
      html`<vitrine-exit-popup heading="Wait!" text="10% off your first order."></vitrine-exit-popup>`,
    );
    await exitAfterMinTime(el);
    expect(isOpen(el)).toBe(true);
    const heading = part(el, 'heading')!;
    expect(heading.localName).toBe('h2');
    expect(heading.textContent.trim()).toBe('Wait!');
    expect(dialog(el)!.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(part(el, 'text')!.textContent.trim()).toBe('10% off your first order.');
    const close = part<HTMLButtonElement>(el, 'close-button')!;
    expect(close.getAttribute('aria-label')).toBe('Close');
    expect(close.checkVisibility()).toBe(true);
    const box = dialog(el)!.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(200);
    expect(box.width).toBeLessThanOrEqual(Math.min(window.innerWidth * 0.92, 28 * 16) + 0.5);
    // Centred in the viewport.
    expect(Math.abs(box.left + box.width / 2 - document.documentElement.clientWidth / 2)).toBeLessThan(2);
  });

  test('without a heading it is still named ("Special offer")', async () => {
    const el = await popup(html`<vitrine-exit-popup text="Free shipping today."></vitrine-exit-popup>`);
    await el.show();
    expect(part(el, 'heading')!.hidden).toBe(true);
    expect(dialog(el)!.getAttribute('aria-label')).toBe('Special offer');
    expect(dialog(el)!.hasAttribute('aria-labelledby')).toBe(false);
  });

  test('slots win over the attributes; whitespace between tags is no content', async () => {
    const el = await popup(
      html`<vitrine-exit-popup heading="Attribute heading" text="Attribute text">
        <span slot="heading">Slotted <em>heading</em></span>
        <p>Slotted <a href="/sale">text</a></p>
      </vitrine-exit-popup>`,
    );
    await el.show();
    const heading = part(el, 'heading')!;
    const text = part(el, 'text')!;
    expect(heading.textContent.trim()).toBe('');
    expect(heading.querySelector('slot')!.assignedElements()[0].textContent).toBe('Slotted heading');
    expect(text.querySelector('p')).toBeNull();
    expect(text.querySelector('slot')!.assignedElements()[0].textContent).toBe('Slotted text');
    expect(heading.getBoundingClientRect().height).toBeGreaterThan(0);

    const spaced = await popup(html`<vitrine-exit-popup heading="Heading" text="Text"> </vitrine-exit-popup>`);
    el.hide();
    await spaced.show();
    expect(part(spaced, 'heading')!.textContent.trim()).toBe('Heading');
    expect(part(spaced, 'text')!.textContent.trim()).toBe('Text');

    // Content slotted later takes over.
    const late = document.createElement('strong');
    late.slot = 'heading';
    late.textContent = 'Late heading';
    spaced.append(late);
    await settle(spaced);
    expect(part(spaced, 'heading')!.textContent.trim()).toBe('');
  });

  test('text from attributes is text, never HTML', async () => {
    const el = await popup(
      html`<vitrine-exit-popup
        capture
        heading=${'<img src=x onerror="window.__pwned = 1">Hi'}
        text=${'<b>bold</b> & <script>alert(1)</script>'}
        consent-text=${'<a href="https://evil.example">agree</a>'}
        submit-label=${'<i>Go</i>'}
        code=${'<u>CODE</u>'}
      ></vitrine-exit-popup>`,
    );
    await el.show();
    const root = el.shadowRoot!;
    expect(root.querySelector('img, b, script, a, i, u')).toBeNull();
    expect(part(el, 'heading')!.textContent.trim()).toBe('<img src=x onerror="window.__pwned = 1">Hi');
    expect(part(el, 'text')!.textContent.trim()).toBe('<b>bold</b> & <script>alert(1)</script>');
    expect(part(el, 'consent')!.textContent.trim()).toBe('<a href="https://evil.example">agree</a>');
    expect(part(el, 'submit')!.textContent.trim()).toBe('<i>Go</i>');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  test('lang="fr": French built-in texts', async () => {
    const el = await popup(html`<vitrine-exit-popup lang="fr" capture code="BIENVENUE"></vitrine-exit-popup>`);
    await el.show();
    expect(part(el, 'close-button')!.getAttribute('aria-label')).toBe('Fermer');
    expect(dialog(el)!.getAttribute('aria-label')).toBe('Offre spéciale');
    expect(part(el, 'email-label')!.textContent).toBe('Adresse e-mail');
    expect(part(el, 'submit')!.textContent.trim()).toBe('Je m’inscris');
  });

  test('themed with the shared tokens and its own custom properties', async () => {
    const el = await popup(
      html`<vitrine-exit-popup
        heading="Dark"
        style="--vitrine-color-surface: rgb(17, 24, 39); --vitrine-color-text: rgb(249, 250, 251); --vitrine-exit-popup-width: 20rem; --vitrine-exit-popup-backdrop: rgb(0, 0, 0)"
      ></vitrine-exit-popup>`,
    );
    await el.show();
    const style = getComputedStyle(dialog(el)!);
    expect(style.backgroundColor).toBe('rgb(17, 24, 39)');
    expect(style.color).toBe('rgb(249, 250, 251)');
    expect(getComputedStyle(part(el, 'close-button')!).color).toBe('rgb(249, 250, 251)');
    expect(getComputedStyle(dialog(el)!, '::backdrop').backgroundColor).toBe('rgb(0, 0, 0)');
    expect(dialog(el)!.getBoundingClientRect().width).toBeLessThanOrEqual(20 * 16);
    // The entrance (every Vitrine modal's) runs on the compositor: opacity and transform only.
    expect(style.animationName).toBe('vitrine-overlay-in');
  });
});

describe('when it opens', () => {
  test('by default on exit intent, after 5 s on the page; vitrine-open says which trigger', async () => {
    const events = listen('vitrine-open');
    const el = await popup(html`<vitrine-exit-popup campaign="bf"></vitrine-exit-popup>`);
    vi.advanceTimersByTime(4 * SECOND);
    exitIntent();
    await settle(el);
    expect(isOpen(el)).toBe(false);
    vi.advanceTimersByTime(SECOND);
    exitIntent();
    await settle(el);
    expect(isOpen(el)).toBe(true);
    expect(el.open).toBe(true);
    expect(el.hasAttribute('open')).toBe(true);
    expect(events).toEqual([{ type: 'vitrine-open', detail: { campaign: 'bf', trigger: 'exit' } }]);
  });

  test('not on a side exit, nor mid-page, nor from a select', async () => {
    const el = await popup(html`<vitrine-exit-popup></vitrine-exit-popup>`);
    const select = document.createElement('select');
    select.setAttribute('aria-label', 'Size');
    select.append(new Option('S'));
    document.body.append(select);
    testPage.cleanups.push(() => select.remove());
    vi.advanceTimersByTime(10 * SECOND);
    const out = (target: EventTarget, clientX: number, clientY: number) => {
      document.body.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX, clientY: clientY + 20 }));
      target.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX, clientY, relatedTarget: null }));
    };
    out(document.body, window.innerWidth + 10, 5);
    out(document.body, -10, 5);
    out(document.body, 300, window.innerHeight / 2);
    out(select, 300, -1);
    await settle(el);
    expect(isOpen(el)).toBe(false);
  });

  test.each([
    ['time:20s', () => vi.advanceTimersByTime(20 * SECOND), 'time'],
    [
      'scroll:50%',
      () => {
        const tall = document.createElement('div');
        tall.style.blockSize = '4000px';
        document.body.append(tall);
        testPage.cleanups.push(() => tall.remove());
        vi.advanceTimersByTime(5 * SECOND);
        window.scrollTo(0, document.documentElement.scrollHeight);
        window.dispatchEvent(new Event('scroll'));
      },
      'scroll',
    ],
    ['idle:30s', () => vi.advanceTimersByTime(30 * SECOND), 'idle'],
  ])('trigger="%s" opens it', async (trigger, act, kind) => {
    const events = listen('vitrine-open');
    const el = await popup(html`<vitrine-exit-popup trigger=${trigger}></vitrine-exit-popup>`);
    exitIntent(); // not a trigger here
    await settle(el);
    expect(isOpen(el)).toBe(false);
    act();
    await settle(el);
    window.scrollTo(0, 0);
    expect(isOpen(el)).toBe(true);
    expect(events.map((event) => (event.detail as ExitPopupOpenDetail).trigger)).toEqual([kind]);
  });

  test('min-time="0": no minimum; min-time="30s": an earlier time trigger waits for it', async () => {
    const eager = await popup(html`<vitrine-exit-popup min-time="0"></vitrine-exit-popup>`);
    exitIntent();
    await settle(eager);
    expect(isOpen(eager)).toBe(true);
    newPage();

    const patient = await popup(html`<vitrine-exit-popup trigger="time:10s" min-time="30s"></vitrine-exit-popup>`);
    vi.advanceTimersByTime(29 * SECOND);
    await settle(patient);
    expect(isOpen(patient)).toBe(false);
    vi.advanceTimersByTime(SECOND);
    await settle(patient);
    expect(isOpen(patient)).toBe(true);
  });

  test('a vitrine-open listener can cancel it', async () => {
    const el = await popup(html`<vitrine-exit-popup></vitrine-exit-popup>`);
    el.addEventListener('vitrine-open', (event) => event.preventDefault());
    await exitAfterMinTime(el);
    expect(isOpen(el)).toBe(false);
    expect(el.open).toBe(false);
    expect(await el.show()).toBe(false);
    expect(el.hasAttribute('open')).toBe(false);
  });

  test('start/end: outside its window it renders nothing and does not listen; it appears on time and closes at the end', async () => {
    const closes = listen('vitrine-close');
    const el = await popup(
      html`<vitrine-exit-popup
        start=${new Date(NOW + HOUR).toISOString()}
        end=${new Date(NOW + 2 * HOUR).toISOString()}
      ></vitrine-exit-popup>`,
    );
    expect(dialog(el)).toBeNull();
    await exitAfterMinTime(el);
    expect(dialog(el)).toBeNull();

    vi.advanceTimersByTime(HOUR);
    await settle(el);
    // In its window: still nothing rendered until its trigger, which it now hears.
    expect(dialog(el)).toBeNull();
    await exitAfterMinTime(el);
    expect(isOpen(el)).toBe(true);

    vi.advanceTimersByTime(HOUR);
    await settle(el);
    expect(dialog(el)).toBeNull();
    expect(el.open).toBe(false);
    expect(document.documentElement.style.overflow).toBe('');
    expect(closes.map((event) => (event.detail as OverlayCloseDetail).reason)).toEqual(['ended']);
  });
});

describe('the modal', () => {
  test('focus moves to the close button, stays inside on Tab, and returns to the button that had it', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Add to cart';
    document.body.append(opener);
    testPage.cleanups.push(() => opener.remove());
    opener.focus();
    const el = await popup(html`<vitrine-exit-popup heading="Wait" code="SAVE10"></vitrine-exit-popup>`);
    await exitAfterMinTime(el);

    expect(deepActive()).toBe(part(el, 'close-button'));
    for (let press = 0; press < 6; press++) {
      await userEvent.tab();
      const active = deepActive();
      expect(active).not.toBe(opener);
      if (document.hasFocus() && active !== document.body) expect(dialog(el)!.contains(active)).toBe(true);
    }
    part(el, 'close-button')!.click();
    await settle(el);
    expect(isOpen(el)).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  test('with the form, focus follows the pointer: this engine as it reports itself', async () => {
    // Headless Chromium and Firefox report a coarse pointer, WebKit on a display a fine one.
    const fine = matchMedia('(pointer: fine)').matches;
    const el = await popup(html`<vitrine-exit-popup capture></vitrine-exit-popup>`);
    await exitAfterMinTime(el);
    expect(deepActive()).toBe(fine ? emailInput(el) : part(el, 'close-button'));
  });

  for (const fine of [true, false]) {
    test(`with the form and a ${fine ? 'mouse, focus moves to the email field' : 'touch screen, focus stays on the close button (no keyboard over the offer)'}`, async () => {
      const matchMedia = window.matchMedia.bind(window);
      vi.spyOn(window, 'matchMedia').mockImplementation((query) =>
        // Only `matches` is read.
        query === '(pointer: fine)' ? { ...matchMedia(query), matches: fine } : matchMedia(query),
      );
      const el = await popup(html`<vitrine-exit-popup capture></vitrine-exit-popup>`);
      await exitAfterMinTime(el);
      expect(deepActive()).toBe(fine ? emailInput(el) : part(el, 'close-button'));
    });
  }

  test('Escape closes it; so does a click on the backdrop, not one on the card', async () => {
    const events = listen('vitrine-close');
    const el = await popup(html`<vitrine-exit-popup campaign="esc" heading="Wait"></vitrine-exit-popup>`);
    await el.show();
    await userEvent.keyboard('{Escape}');
    await settle(el);
    expect(isOpen(el)).toBe(false);
    expect(el.hasAttribute('open')).toBe(false);

    await el.show();
    const card = dialog(el)!;
    const box = card.getBoundingClientRect();
    const click = (clientX: number, clientY: number) =>
      card.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX, clientY }));
    click(box.left + 10, box.bottom - 10);
    expect(isOpen(el)).toBe(true);
    click(box.left - 30, box.top - 30);
    await settle(el);
    expect(isOpen(el)).toBe(false);
    expect(events.map((event) => event.detail)).toEqual([
      { campaign: 'esc', reason: 'escape' },
      { campaign: 'esc', reason: 'backdrop' },
    ]);
  });

  test('the page behind does not scroll while it is open, and scrolls again after', async () => {
    const root = document.documentElement;
    const el = await popup(html`<vitrine-exit-popup></vitrine-exit-popup>`);
    await exitAfterMinTime(el);
    expect(root.style.overflow).toBe('hidden');
    expect(getComputedStyle(root).overflowY).toBe('hidden');
    part(el, 'close-button')!.click();
    expect(root.style.overflow).toBe('');
  });

  test('events: vitrine-open then vitrine-close (once each); view and close are tracked', async () => {
    const events = listen('vitrine-open', 'vitrine-close');
    const tracks = record('track');
    const el = await popup(html`<vitrine-exit-popup campaign="bf" variant="B"></vitrine-exit-popup>`);
    await exitAfterMinTime(el);
    part(el, 'close-button')!.click();
    await settle(el);
    expect(events).toEqual([
      { type: 'vitrine-open', detail: { campaign: 'bf', trigger: 'exit' } },
      { type: 'vitrine-close', detail: { campaign: 'bf', reason: 'dismiss' } },
    ]);
    expect(tracks).toEqual([
      { action: 'view', widget: 'exit-popup', campaign: 'bf', variant: 'B' },
      { action: 'close', widget: 'exit-popup', campaign: 'bf', variant: 'B' },
    ]);
  });
});

describe('open from code', () => {
  test('show() and hide(); the open property and attribute follow and command', async () => {
    const events = listen('vitrine-open', 'vitrine-close');
    const el = await popup(html`<vitrine-exit-popup campaign="api" heading="Hi"></vitrine-exit-popup>`);
    expect(await el.show()).toBe(true);
    expect(isOpen(el)).toBe(true);
    expect(el.open).toBe(true);
    expect(el.getAttribute('open')).toBe('');
    el.hide();
    await settle(el);
    expect(isOpen(el)).toBe(false);
    expect(el.hasAttribute('open')).toBe(false);

    el.open = true;
    await settle(el);
    expect(isOpen(el)).toBe(true);
    el.removeAttribute('open');
    await settle(el);
    expect(isOpen(el)).toBe(false);
    expect(
      events.map(
        (event) =>
          `${event.type}:${(event.detail as { trigger?: string; reason?: string }).trigger ?? (event.detail as { reason: string }).reason}`,
      ),
    ).toEqual(['vitrine-open:api', 'vitrine-close:api', 'vitrine-open:api', 'vitrine-close:api']);
    // Closed from code, not by the shopper: no dismissal remembered.
    expect(localStorage.getItem('vitrine:api:dismissed')).toBeNull();
  });

  test('the open attribute in the markup opens it at once (stories, a merchant’s own button)', async () => {
    const el = await popup(html`<vitrine-exit-popup open preview heading="Preview"></vitrine-exit-popup>`);
    await settle(el);
    expect(isOpen(el)).toBe(true);
  });

  test('show() never opens over another open overlay', async () => {
    const first = await popup(html`<vitrine-exit-popup campaign="first"></vitrine-exit-popup>`);
    const second = await popup(html`<vitrine-exit-popup campaign="second"></vitrine-exit-popup>`);
    await first.show();
    expect(await second.show()).toBe(false);
    expect(second.open).toBe(false);
    expect(isOpen(second)).toBe(false);
  });
});

describe('one interruption at a time', () => {
  test('two pop-ups triggered together: only one opens; after it closes the other does not open', async () => {
    const first = await popup(html`<vitrine-exit-popup campaign="first" trigger="time:10s"></vitrine-exit-popup>`);
    const second = await popup(html`<vitrine-exit-popup campaign="second" trigger="time:10s"></vitrine-exit-popup>`);
    vi.advanceTimersByTime(10 * SECOND);
    await settle(first, second);
    expect([isOpen(first), isOpen(second)]).toEqual([true, false]);
    part(first, 'close-button')!.click();
    await settle(first, second);
    vi.advanceTimersByTime(HOUR);
    exitIntent();
    await settle(first, second);
    expect([isOpen(first), isOpen(second)]).toEqual([false, false]);
  });

  test('a pop-up whose trigger comes after another was shown does not open either', async () => {
    const first = await popup(html`<vitrine-exit-popup campaign="first" trigger="time:10s"></vitrine-exit-popup>`);
    const second = await popup(html`<vitrine-exit-popup campaign="second" trigger="time:30s"></vitrine-exit-popup>`);
    vi.advanceTimersByTime(10 * SECOND);
    await settle(first, second);
    part(first, 'close-button')!.click();
    vi.advanceTimersByTime(20 * SECOND);
    await settle(first, second);
    expect(isOpen(second)).toBe(false);
  });

  test('after-overlay="allow": it opens once the other has closed', async () => {
    const first = await popup(html`<vitrine-exit-popup campaign="first" trigger="time:10s"></vitrine-exit-popup>`);
    const second = await popup(
      html`<vitrine-exit-popup campaign="second" trigger="time:10s" after-overlay="allow"></vitrine-exit-popup>`,
    );
    const late = await popup(
      html`<vitrine-exit-popup campaign="late" trigger="time:40s" after-overlay="allow"></vitrine-exit-popup>`,
    );
    vi.advanceTimersByTime(10 * SECOND);
    await settle(first, second);
    expect([isOpen(first), isOpen(second)]).toEqual([true, false]);
    part(first, 'close-button')!.click();
    await settle(first, second);
    expect([isOpen(first), isOpen(second)]).toEqual([false, true]);
    part(second, 'close-button')!.click();
    vi.advanceTimersByTime(30 * SECOND);
    await settle(late);
    expect(isOpen(late)).toBe(true);
  });
});

describe('remembering the visitor', () => {
  test('closed, it stays closed for dismiss-for (7 days by default), then may open again', async () => {
    const el = await popup(html`<vitrine-exit-popup campaign="bf"></vitrine-exit-popup>`);
    await exitAfterMinTime(el);
    part(el, 'close-button')!.click();

    newPage();
    const again = await popup(html`<vitrine-exit-popup campaign="bf"></vitrine-exit-popup>`);
    await exitAfterMinTime(again);
    expect(isOpen(again)).toBe(false);

    newPage();
    vi.setSystemTime(NOW + 7 * DAY + MINUTE);
    const week = await popup(html`<vitrine-exit-popup campaign="bf"></vitrine-exit-popup>`);
    await exitAfterMinTime(week);
    expect(isOpen(week)).toBe(true);
  });

  test('dismiss-for="2h" and dismiss-for="session"', async () => {
    const hours = await popup(html`<vitrine-exit-popup campaign="h" dismiss-for="2h"></vitrine-exit-popup>`);
    await exitAfterMinTime(hours);
    await userEvent.keyboard('{Escape}');
    newPage();
    vi.setSystemTime(NOW + 2 * HOUR + MINUTE);
    const later = await popup(html`<vitrine-exit-popup campaign="h" dismiss-for="2h"></vitrine-exit-popup>`);
    await exitAfterMinTime(later);
    expect(isOpen(later)).toBe(true);
    later.hide();
    newPage();

    const session = await popup(html`<vitrine-exit-popup campaign="s" dismiss-for="session"></vitrine-exit-popup>`);
    await exitAfterMinTime(session);
    part(session, 'close-button')!.click();
    expect(localStorage.getItem('vitrine:s:dismissed')).toBeNull();
    newPage();
    const sameTab = await popup(html`<vitrine-exit-popup campaign="s" dismiss-for="session"></vitrine-exit-popup>`);
    await exitAfterMinTime(sameTab);
    expect(isOpen(sameTab)).toBe(false);
    newPage();
    sessionStorage.clear(); // a new visit
    const nextVisit = await popup(html`<vitrine-exit-popup campaign="s" dismiss-for="session"></vitrine-exit-popup>`);
    await exitAfterMinTime(nextVisit);
    expect(isOpen(nextVisit)).toBe(true);
  });

  test('a visitor who signed up never sees it again, even long after', async () => {
    fetchMock.mockResolvedValue(ok());
    const el = await popup(html`<vitrine-exit-popup campaign="club" capture action="/api/leads"></vitrine-exit-popup>`);
    await exitAfterMinTime(el);
    await signUp(el);
    expect(el.formState).toBe('success');

    newPage();
    vi.setSystemTime(NOW + 365 * DAY);
    const later = await popup(
      html`<vitrine-exit-popup
        campaign="club"
        capture
        action="/api/leads"
        trigger="exit time:10s"
      ></vitrine-exit-popup>`,
    );
    await exitAfterMinTime(later);
    vi.advanceTimersByTime(MINUTE);
    await settle(later);
    expect(isOpen(later)).toBe(false);
  });
});

describe('the email form and the code', () => {
  test('the code is revealed once the lead is taken, with a copy button, and published on the bus', async () => {
    fetchMock.mockResolvedValue(ok());
    const coupons = record('coupon');
    const leads = record('lead');
    const events = listen('vitrine-lead');
    const el = await popup(
      html`<vitrine-exit-popup
        campaign="club"
        capture
        code="WELCOME10"
        action="https://crm.example/leads"
      ></vitrine-exit-popup>`,
    );
    await exitAfterMinTime(el);
    expect(part(el, 'coupon')).toBeNull();
    expect(coupons).toEqual([]);

    await signUp(el);
    expect(part(el, 'status')!.textContent).toBe('Thank you, you are signed up!');
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('WELCOME10');
    expect(part(el, 'copy-button')!.getAttribute('aria-label')).toBe('Copy the code WELCOME10');
    expect(coupons).toEqual([{ code: 'WELCOME10', campaign: 'club' }]);
    expect(leads).toHaveLength(1);
    expect(events).toEqual([{ type: 'vitrine-lead', detail: leads[0] }]);
    expect(leads[0]).toMatchObject({ email: 'ada@example.com', consent: true, campaign: 'club', widget: 'exit-popup' });
    expect(leads[0].consentText).toBe('I agree to receive emails with offers and news. I can unsubscribe at any time.');
  });

  test('without capture, a plain offer shows the code at once and publishes it', async () => {
    const coupons = record('coupon');
    const el = await popup(html`<vitrine-exit-popup campaign="offer" code="SAVE10"></vitrine-exit-popup>`);
    expect(coupons).toEqual([]);
    await exitAfterMinTime(el);
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('SAVE10');
    expect(part(el, 'form')).toBeNull();
    expect(coupons).toEqual([{ code: 'SAVE10', campaign: 'offer' }]);
  });

  test('an invalid email and a missing consent are explained inline; nothing is sent', async () => {
    const el = await popup(html`<vitrine-exit-popup capture action="/api/leads"></vitrine-exit-popup>`);
    await el.show();
    await signUp(el, 'not an email');
    expect(part(el, 'error')!.textContent).toBe('Enter a valid email address, like name@example.com.');
    await signUp(el, 'ada@example.com', false);
    expect(el.formState).toBe('consent-missing');
    expect(part(el, 'error')!.textContent).toBe('Tick the box to agree before you sign up.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test('consent="implied": no checkbox, the wording shown; consent-text replaces the wording', async () => {
    fetchMock.mockResolvedValue(ok());
    const el = await popup(
      html`<vitrine-exit-popup
        capture
        consent="implied"
        consent-text="By joining you accept our emails."
        action="/api/leads"
      ></vitrine-exit-popup>`,
    );
    await el.show();
    expect(consentBox(el)).toBeNull();
    expect(part(el, 'consent')!.textContent).toBe('By joining you accept our emails.');
    await signUp(el);
    expect(el.formState).toBe('success');
    expect((JSON.parse(fetchMock.mock.calls[0][1]!.body as string) as LeadMessage).consentText).toBe(
      'By joining you accept our emails.',
    );
  });

  test('a 4xx: an error the shopper can act on; no code, no conversion', async () => {
    fetchMock.mockResolvedValue(status(422));
    const coupons = record('coupon');
    const el = await popup(html`<vitrine-exit-popup capture code="X" action="/api/leads"></vitrine-exit-popup>`);
    await el.show();
    await signUp(el);
    expect(el.formState).toBe('rejected');
    expect(part(el, 'error')!.textContent).toBe('We could not sign up this address. Check it and try again.');
    expect(emailInput(el)!.value).toBe('ada@example.com');
    expect(part(el, 'coupon')).toBeNull();
    expect(coupons).toEqual([]);
  });

  test('offline: "saved, we will confirm", and the code anyway', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const el = await popup(html`<vitrine-exit-popup capture code="SAVED10" action="/api/leads"></vitrine-exit-popup>`);
    await el.show();
    await signUp(el);
    expect(el.formState).toBe('saved');
    expect(part(el, 'status')!.textContent).toBe(
      'Saved! We will confirm your sign-up as soon as the connection is back.',
    );
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('SAVED10');
    expect(readOutbox()).toHaveLength(1);
  });

  test('a lead sent while the endpoint fails twice (503, 503, 200), the page reloaded between attempts, is delivered exactly once', async () => {
    fetchMock.mockResolvedValueOnce(status(503)).mockResolvedValueOnce(status(503)).mockResolvedValueOnce(ok());
    const first = await popup(
      html`<vitrine-exit-popup campaign="club" capture action="/api/leads"></vitrine-exit-popup>`,
    );
    await first.show();
    await signUp(first);
    expect(first.formState).toBe('saved');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    newPage();
    const second = await popup(
      html`<vitrine-exit-popup campaign="other" capture action="/api/leads"></vitrine-exit-popup>`,
    );
    await settle(second);
    expect(fetchMock).toHaveBeenCalledTimes(2);

    newPage();
    const third = await popup(html`<vitrine-exit-popup campaign="other"></vitrine-exit-popup>`);
    await settle(third);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(readOutbox()).toEqual([]);

    // Long after, on more pages: nothing more is sent.
    vi.advanceTimersByTime(HOUR);
    newPage();
    await popup(html`<vitrine-exit-popup></vitrine-exit-popup>`);
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(3);

    const sent = fetchMock.mock.calls.map(([url, init]) => ({
      url,
      key: (init!.headers as Record<string, string>)['Idempotency-Key'],
      id: (JSON.parse(init!.body as string) as { id: string }).id,
    }));
    const [{ key }] = sent;
    expect(key).toMatch(/^[\w-]{16,}$/);
    expect(sent).toEqual([
      { url: '/api/leads', key, id: key },
      { url: '/api/leads', key, id: key },
      { url: '/api/leads', key, id: key },
    ]);
    const answers = await Promise.all(fetchMock.mock.results.map((result) => result.value as Promise<Response>));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
  });

  test('the same, within one page view: retried with backoff, and the shopper is told once it is confirmed', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    fetchMock.mockResolvedValueOnce(status(503)).mockResolvedValueOnce(status(503)).mockResolvedValueOnce(ok());
    const el = await popup(html`<vitrine-exit-popup capture action="/api/leads"></vitrine-exit-popup>`);
    await el.show();
    await signUp(el);
    expect(el.formState).toBe('saved');
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    await vi.advanceTimersByTimeAsync(4 * SECOND);
    await settle(el);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(el.formState).toBe('success');
    expect(part(el, 'status')!.textContent).toBe('Thank you, you are signed up!');
  });

  test('storage that throws (private mode) loses no lead within the page view', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    fetchMock
      .mockRejectedValueOnce(new TypeError('offline'))
      .mockResolvedValueOnce(status(503))
      .mockResolvedValueOnce(ok());
    const el = await popup(html`<vitrine-exit-popup capture code="PRIVATE" action="/api/leads"></vitrine-exit-popup>`);
    await exitAfterMinTime(el);
    await signUp(el);
    expect(el.formState).toBe('saved');
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    await vi.advanceTimersByTimeAsync(4 * SECOND);
    await settle(el);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    const keys = fetchMock.mock.calls.map(([, init]) => (init!.headers as Record<string, string>)['Idempotency-Key']);
    expect(new Set(keys).size).toBe(1);
    expect(el.formState).toBe('success');
    // Dismissal and conversion are kept in memory too: it does not open again in this page view.
    part(el, 'close-button')!.click();
    fixtureCleanup();
    resetOverlays();
    const again = await popup(
      html`<vitrine-exit-popup capture code="PRIVATE" action="/api/leads"></vitrine-exit-popup>`,
    );
    await exitAfterMinTime(again);
    expect(isOpen(again)).toBe(false);
  });

  test('action="shopify": the customer newsletter form, tagged with the campaign', async () => {
    (window as unknown as { Shopify: unknown }).Shopify = { routes: { root: '/en-ca/' } };
    fetchMock.mockResolvedValue(posted());
    const el = await popup(html`<vitrine-exit-popup campaign="bf-2026" capture action="shopify"></vitrine-exit-popup>`);
    await el.show();
    await signUp(el, 'ada@example.com');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/en-ca/contact');
    expect(init!.method).toBe('POST');
    expect(Object.fromEntries(init!.body as URLSearchParams)).toEqual({
      form_type: 'customer',
      utf8: '✓',
      'contact[email]': 'ada@example.com',
      'contact[tags]': 'newsletter,bf-2026',
    });
    expect(el.formState).toBe('success');
  });

  test('submit-label names the button', async () => {
    const el = await popup(html`<vitrine-exit-popup capture submit-label="Get my 10%"></vitrine-exit-popup>`);
    await el.show();
    expect(part(el, 'submit')!.textContent.trim()).toBe('Get my 10%');
  });

  test('preview: nothing is stored, sent or published; the designer still sees every step', async () => {
    const coupons = record('coupon');
    const leads = record('lead');
    const el = await popup(
      html`<vitrine-exit-popup preview capture code="DEMO" action="/api/leads"></vitrine-exit-popup>`,
    );
    await el.show();
    await signUp(el);
    expect(el.formState).toBe('success');
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('DEMO');
    part(el, 'close-button')!.click();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(coupons).toEqual([]);
    expect(leads).toEqual([]);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('vitrine:'))).toEqual([]);

    el.formState = 'rejected';
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).toBe('We could not sign up this address. Check it and try again.');
  });
});

describe('bad input', () => {
  test('each bad value warns once, in the house format, and falls back to the default', async () => {
    const leads = record('lead');
    const el = await popup(
      html`<vitrine-exit-popup
        campaign="bf"
        capture
        trigger="sometimes"
        min-time="soon"
        dismiss-for="forever"
        action="javascript:alert(1)"
        consent="maybe"
        after-overlay="later"
      ></vitrine-exit-popup>`,
    );
    const expected = [
      '[vitrine] <vitrine-exit-popup campaign="bf"> ignored trigger="sometimes": expected space-separated triggers: exit, time:<duration>, scroll:<0-100>%, idle:<duration>',
      '[vitrine] <vitrine-exit-popup campaign="bf"> ignored min-time="soon": expected a duration such as 90s, 15m, 1h30m or 7d',
      '[vitrine] <vitrine-exit-popup campaign="bf"> ignored dismiss-for="forever": expected a duration such as 7d or 12h, or "session"',
      '[vitrine] <vitrine-exit-popup campaign="bf"> ignored action="javascript:alert(1)": expected an http(s) URL (https://… or /path), "shopify", "klaviyo" or "mailchimp"',
      '[vitrine] <vitrine-exit-popup campaign="bf"> ignored consent="maybe": expected one of explicit, implied',
      '[vitrine] <vitrine-exit-popup campaign="bf"> ignored after-overlay="later": expected one of skip, allow',
    ];
    expect([...vitrineWarnings()].sort()).toEqual([...expected].sort());

    // Fallbacks: exit intent after 5 s; an unticked checkbox; nothing sent to a script URL; 7 days.
    vi.advanceTimersByTime(4 * SECOND);
    exitIntent();
    await settle(el);
    expect(isOpen(el)).toBe(false);
    await exitAfterMinTime(el);
    expect(isOpen(el)).toBe(true);
    expect(consentBox(el)!.checked).toBe(false);
    await signUp(el);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(leads).toHaveLength(1);
    part(el, 'close-button')!.click();
    await settle(el);
    const record7d = JSON.parse(localStorage.getItem('vitrine:bf:dismissed')!) as { until: number };
    expect(record7d.until).toBe(Date.now() + 7 * DAY);

    el.heading = 'Re-rendered';
    el.setAttribute('trigger', 'sometimes');
    await settle(el);
    expect(vitrineWarnings()).toHaveLength(expected.length);
  });

  test('good values never warn', async () => {
    await popup(
      html`<vitrine-exit-popup
        capture
        trigger="exit time:20s scroll:50% idle:30s"
        min-time="10s"
        dismiss-for="session"
        action="https://crm.example/leads"
        consent="implied"
        after-overlay="allow"
        start="2026-11-27T00:00:00Z"
        end="2026-12-01T00:00:00Z"
      ></vitrine-exit-popup>`,
    );
    await popup(html`<vitrine-exit-popup action="/api/leads" min-time="0" consent="explicit"></vitrine-exit-popup>`);
    await popup(html`<vitrine-exit-popup action="shopify" after-overlay="skip"></vitrine-exit-popup>`);
    expect(vitrineWarnings()).toEqual([]);
  });

  test('a merchant listener that throws never breaks the pop-up', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const throwing = () => {
      throw new Error('merchant bug');
    };
    const unsubscribe = getBus().subscribe('coupon', throwing);
    testPage.cleanups.push(unsubscribe);
    const el = await popup(html`<vitrine-exit-popup code="SAFE"></vitrine-exit-popup>`);
    await el.show();
    expect(isOpen(el)).toBe(true);
    expect(part<HTMLInputElement>(el, 'coupon-code')!.value).toBe('SAFE');
  });
});

describe('accessibility (axe, with the dialog open)', () => {
  async function violations(el: Popup): Promise<string[]> {
    vi.useRealTimers();
    // The entrance starts at opacity 0: axe would take the card for hidden and skip its contrast checks.
    for (const animation of dialog(el)!.getAnimations({ subtree: true })) animation.finish();
    const result = await axe.run(el);
    return result.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
    );
  }

  test('the form', async () => {
    const el = await popup(
      html`<vitrine-exit-popup
        heading="Join the Tea Club"
        text="10% off your first order."
        capture
        code="TEA10"
      ></vitrine-exit-popup>`,
    );
    await el.show();
    expect(await violations(el)).toEqual([]);
  });

  test('an error shown', async () => {
    const el = await popup(html`<vitrine-exit-popup heading="Join" capture></vitrine-exit-popup>`);
    await el.show();
    await signUp(el, 'nope');
    expect(part(el, 'error')!.textContent).not.toBe('');
    expect(await violations(el)).toEqual([]);
  });

  test('success with the code; and on a dark card, an error and the success', async () => {
    fetchMock.mockResolvedValue(ok());
    const el = await popup(
      html`<vitrine-exit-popup heading="Join" capture code="TEA10" action="/api/leads"></vitrine-exit-popup>`,
    );
    await el.show();
    await signUp(el);
    expect(part(el, 'coupon')).not.toBeNull();
    expect(await violations(el)).toEqual([]);
    fixtureCleanup();
    resetOverlays();

    const wrapper = await fixture<HTMLElement>(
      html`<div
        style="--vitrine-color-surface: #1f2937; --vitrine-color-text: #f9fafb; --vitrine-color-accent: #fbbf24; --vitrine-color-on-accent: #111827"
      >
        <vitrine-exit-popup heading="Join" text="Dark" capture code="TEA10" preview open></vitrine-exit-popup>
      </div>`,
    );
    const dark = wrapper.querySelector('vitrine-exit-popup')!;
    await settle(dark);
    expect(isOpen(dark)).toBe(true);
    // The default error colour is readable on a dark card too.
    await signUp(dark, 'nope');
    expect(part(dark, 'error')!.textContent).not.toBe('');
    expect(await violations(dark)).toEqual([]);
    await signUp(dark);
    expect(part(dark, 'coupon')).not.toBeNull();
    expect(await violations(dark)).toEqual([]);
  });
});
