import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { DISMISS_FOR_EXPECTED, DismissalController, forgetMemory, VitrineElement } from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

class DismissTestElement extends VitrineElement {
  @property({ attribute: 'dismiss-for' }) dismissFor: string | null = null;
  dismissal = new DismissalController(this);
  override render() {
    return this.dismissal.dismissed
      ? nothing
      : html`<button part="close" @click=${() => this.dismissal.dismiss(this.dismissFor)}>Close</button>`;
  }
}
customElements.define('vitrine-dismiss-test', DismissTestElement);

// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(store)
const setItem = Storage.prototype.setItem;
const NOW = Date.parse('2026-11-27T10:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const shows = (el: DismissTestElement) => el.shadowRoot!.querySelector('[part=close]') !== null;

async function close(el: DismissTestElement) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=close]')!.click();
  await el.updateComplete;
}

/** A new page view: memory forgotten, a fresh element, the time moved on. */
async function reload(markup: ReturnType<typeof html>, ms = 0) {
  fixtureCleanup();
  forgetMemory();
  vi.setSystemTime(Date.now() + ms);
  return fixture<DismissTestElement>(markup);
}

const testPage = useTestPage({
  now: NOW,
  reset: () => {
    delete (window as { Shopify?: unknown }).Shopify;
    localStorage.clear();
    sessionStorage.clear();
  },
});

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('dismiss-for', () => {
  test('a duration: closed for that long, across page loads, then shown again', async () => {
    const markup = html`<vitrine-dismiss-test campaign="bf" dismiss-for="2h"></vitrine-dismiss-test>`;
    let el = await fixture<DismissTestElement>(markup);
    expect(shows(el)).toBe(true);
    await close(el);
    expect(shows(el)).toBe(false);
    expect(el.dismissal.dismissedUntil).toBe(NOW + 2 * HOUR);
    expect(JSON.parse(localStorage.getItem('vitrine:bf:dismissed')!)).toEqual({ until: NOW + 2 * HOUR });

    el = await reload(markup, 2 * HOUR - 1000);
    expect(shows(el)).toBe(false);
    el = await reload(markup, 1000);
    expect(shows(el)).toBe(true);
    expect(el.dismissal.dismissedUntil).toBeNull();
  });

  test('the default is 7 days', async () => {
    const markup = html`<vitrine-dismiss-test campaign="bf"></vitrine-dismiss-test>`;
    let el = await fixture<DismissTestElement>(markup);
    await close(el);
    expect(el.dismissal.dismissedUntil).toBe(NOW + 7 * DAY);
    el = await reload(markup, 7 * DAY - 1);
    expect(shows(el)).toBe(false);
    el = await reload(markup, 1);
    expect(shows(el)).toBe(true);
    expect(testPage.warn).not.toHaveBeenCalled();
  });

  test('"session": closed for the rest of the tab, whatever the time, kept in sessionStorage only', async () => {
    const markup = html`<vitrine-dismiss-test campaign="bf" dismiss-for="session"></vitrine-dismiss-test>`;
    let el = await fixture<DismissTestElement>(markup);
    await close(el);
    expect(el.dismissal.dismissedUntil).toBe('session');
    expect(sessionStorage.getItem('vitrine:bf:dismissed')).toBe('true');
    expect(localStorage.getItem('vitrine:bf:dismissed')).toBeNull();
    el = await reload(markup, 30 * DAY);
    expect(shows(el)).toBe(false);

    sessionStorage.clear(); // a new tab
    el = await reload(markup);
    expect(shows(el)).toBe(true);
  });

  test('an invalid dismiss-for warns once and uses the default', async () => {
    const el = await fixture<DismissTestElement>(
      html`<vitrine-dismiss-test campaign="bf" dismiss-for="forever"></vitrine-dismiss-test>`,
    );
    await close(el);
    expect(el.dismissal.dismissedUntil).toBe(NOW + 7 * DAY);
    expect(el.dismissal.lengthOf('forever')).toBe(7 * DAY);
    expect(testPage.warn).toHaveBeenCalledTimes(1);
    expect(testPage.warn).toHaveBeenCalledWith(
      `[vitrine] <vitrine-dismiss-test campaign="bf"> ignored dismiss-for="forever": expected ${DISMISS_FOR_EXPECTED}`,
    );
  });

  test.each(['0s', '-1d', '7 days'])('%j is invalid too', async (value) => {
    const el = await fixture<DismissTestElement>(html`<vitrine-dismiss-test></vitrine-dismiss-test>`);
    expect(el.dismissal.lengthOf(value)).toBe(7 * DAY);
    expect(testPage.warn).toHaveBeenCalledTimes(1);
  });

  test('a controller may have its own default', async () => {
    const el = await fixture<DismissTestElement>(html`<vitrine-dismiss-test></vitrine-dismiss-test>`);
    const controller = new DismissalController(el, HOUR);
    expect(controller.lengthOf(null)).toBe(HOUR);
    expect(controller.lengthOf('')).toBe(HOUR);
    expect(controller.lengthOf(' Session ')).toBe('session');
    expect(controller.lengthOf('90m')).toBe(90 * 60_000);
  });

  test('one campaign’s dismissal does not close another', async () => {
    const first = await fixture<DismissTestElement>(html`<vitrine-dismiss-test campaign="bf"></vitrine-dismiss-test>`);
    const second = await fixture<DismissTestElement>(
      html`<vitrine-dismiss-test campaign="summer"></vitrine-dismiss-test>`,
    );
    await close(first);
    second.requestUpdate();
    await second.updateComplete;
    expect(shows(second)).toBe(true);
  });

  test('clear() forgets the dismissal', async () => {
    const el = await fixture<DismissTestElement>(
      html`<vitrine-dismiss-test campaign="bf" dismiss-for="session"></vitrine-dismiss-test>`,
    );
    await close(el);
    el.dismissal.clear();
    await el.updateComplete;
    expect(shows(el)).toBe(true);
    expect(sessionStorage.getItem('vitrine:bf:dismissed')).toBeNull();
  });

  test('with localStorage blocked, a timed dismissal still ends on time (it shares sessionStorage)', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
      if (this === localStorage) throw new DOMException('blocked', 'SecurityError');
      setItem.call(this, key, value);
    });
    const markup = html`<vitrine-dismiss-test campaign="bf" dismiss-for="1h"></vitrine-dismiss-test>`;
    let el = await fixture<DismissTestElement>(markup);
    await close(el);
    expect(shows(el)).toBe(false);
    el = await reload(markup, HOUR + 1);
    expect(shows(el)).toBe(true);
  });

  test('preview keeps the dismissal in this element’s memory, never in storage', async () => {
    const el = await fixture<DismissTestElement>(
      html`<vitrine-dismiss-test preview campaign="bf" dismiss-for="session"></vitrine-dismiss-test>`,
    );
    await close(el);
    expect(shows(el)).toBe(false);
    expect(localStorage.length + sessionStorage.length).toBe(0);
    const other = await fixture<DismissTestElement>(
      html`<vitrine-dismiss-test preview campaign="bf"></vitrine-dismiss-test>`,
    );
    expect(shows(other)).toBe(true);
  });
});
