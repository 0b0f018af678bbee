import { describe, expect, test, vi } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import { LitElement } from 'lit';
import { durationAttribute, TIME_ZONE_EXPECTED, VitrineElement, type Catalog } from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

const closeText: Catalog<'close'> = { scope: 'popup', en: { close: 'Close' }, fr: { close: 'Fermer' } };

class ElementTestElement extends VitrineElement {
  override render() {
    return html`<p part="text">${this.localize(closeText, 'close')}</p>`;
  }
}
customElements.define('vitrine-element-test', ElementTestElement);

/** Renders a VitrineElement inside its own shadow root, as one widget inside another would. */
class ElementTestHost extends LitElement {
  override render() {
    return html`<vitrine-element-test></vitrine-element-test>`;
  }
}
customElements.define('element-test-host', ElementTestHost);

class ElementTestBroken extends VitrineElement {
  override render(): never {
    throw new Error('widget bug');
  }
}
customElements.define('vitrine-element-broken', ElementTestBroken);

const testPage = useTestPage({
  reset: () => {
    delete (window as { Shopify?: unknown }).Shopify;
    localStorage.clear();
    sessionStorage.clear();
  },
});

const text = (el: Element) => el.shadowRoot!.querySelector('[part=text]')!.textContent;

describe('common attributes', () => {
  test('campaign defaults to the tag name; widgetName is the tag without vitrine-', async () => {
    const el = await fixture<ElementTestElement>(html`<vitrine-element-test></vitrine-element-test>`);
    expect(el.campaignId).toBe('vitrine-element-test');
    expect(el.widgetName).toBe('element-test');
    el.setAttribute('campaign', ' bf ');
    expect(el.campaignId).toBe('bf');
    el.setAttribute('campaign', '  ');
    expect(el.campaignId).toBe('vitrine-element-test');
  });

  test('every common attribute is also a property', async () => {
    const el = await fixture<ElementTestElement>(
      html`<vitrine-element-test
        campaign="bf"
        start="2026-11-27T00:00Z"
        end="2026-11-28T00:00Z"
        timezone="Europe/Paris"
        lang="fr"
        variant="B"
        preview
      ></vitrine-element-test>`,
    );
    expect([el.campaign, el.start, el.end, el.timezone, el.lang, el.variant, el.preview]).toEqual([
      'bf',
      '2026-11-27T00:00Z',
      '2026-11-28T00:00Z',
      'Europe/Paris',
      'fr',
      'B',
      true,
    ]);
    el.removeAttribute('preview');
    expect(el.preview).toBe(false);
  });

  test('start and end are read in `timezone`', async () => {
    const el = await fixture<ElementTestElement>(
      html`<vitrine-element-test start="2026-11-27T00:00" timezone="America/New_York"></vitrine-element-test>`,
    );
    expect(el.timeZone).toBe('America/New_York');
    expect(el.startAt).toBe(Date.parse('2026-11-27T05:00:00Z'));
    expect(el.endAt).toBeNull();
    expect(testPage.warn).not.toHaveBeenCalled();
  });

  test('an invalid timezone warns once, in the documented format, and the visitor’s zone is used', async () => {
    const el = await fixture<ElementTestElement>(
      html`<vitrine-element-test campaign="bf" timezone="Paris"></vitrine-element-test>`,
    );
    expect(el.timeZone).toBeUndefined();
    expect(el.timeZone).toBeUndefined();
    expect(testPage.warn).toHaveBeenCalledTimes(1);
    expect(testPage.warn).toHaveBeenCalledWith(
      `[vitrine] <vitrine-element-test campaign="bf"> ignored timezone="Paris": expected ${TIME_ZONE_EXPECTED}`,
    );
  });

  test('an empty start is a bad value too; an absent one is not', async () => {
    const el = await fixture<ElementTestElement>(html`<vitrine-element-test start=""></vitrine-element-test>`);
    expect(el.startAt).toBeNull();
    expect(el.endAt).toBeNull();
    expect(testPage.warn).toHaveBeenCalledTimes(1);
  });

  test('durationAttribute parses, or warns and falls back', async () => {
    const el = await fixture<ElementTestElement>(html`<vitrine-element-test></vitrine-element-test>`);
    expect(durationAttribute(el, 'rotate', '5s', 1)).toBe(5000);
    expect(durationAttribute(el, 'rotate', null, 1)).toBe(1);
    expect(durationAttribute(el, 'rotate', 'fast', 1)).toBe(1);
    expect(durationAttribute(el, 'rotate', 'fast', 1)).toBe(1);
    expect(testPage.warn).toHaveBeenCalledTimes(1);
    expect(testPage.warn.mock.calls[0][0]).toContain('ignored rotate="fast": expected a duration');
  });
});

describe('language', () => {
  test('its own lang, else the nearest [lang] ancestor, else en; texts follow', async () => {
    const wrapper = await fixture(html`<div lang="fr-CA"><vitrine-element-test></vitrine-element-test></div>`);
    const el = wrapper.querySelector<ElementTestElement>('vitrine-element-test')!;
    expect(el.language).toBe('fr');
    expect(text(el)).toBe('Fermer');

    el.lang = 'ja';
    await el.updateComplete;
    expect(el.language).toBe('en');
    expect(text(el)).toBe('Close');
  });

  test('inside another widget’s shadow root, the host’s ancestors decide', async () => {
    const wrapper = await fixture(html`<div lang="fr"><element-test-host></element-test-host></div>`);
    const host = wrapper.querySelector('element-test-host')!;
    await (host as ElementTestHost).updateComplete;
    const el = host.shadowRoot!.querySelector<ElementTestElement>('vitrine-element-test')!;
    await el.updateComplete;
    expect(el.language).toBe('fr');
  });
});

describe('helpers', () => {
  test('emit dispatches a bubbling, composed CustomEvent and reports cancellation', async () => {
    const wrapper = await fixture(html`<div><vitrine-element-test></vitrine-element-test></div>`);
    const el = wrapper.querySelector<ElementTestElement>('vitrine-element-test')!;
    const heard: CustomEvent[] = [];
    wrapper.addEventListener('vitrine-open', (event) => heard.push(event as CustomEvent));
    expect(el.emit('vitrine-open', { campaign: 'bf' })).toBe(true);
    expect(heard).toHaveLength(1);
    expect(heard[0].detail).toEqual({ campaign: 'bf' });
    expect(heard[0].bubbles && heard[0].composed).toBe(true);

    wrapper.addEventListener('vitrine-close', (event) => event.preventDefault());
    expect(el.emit('vitrine-close', undefined, { cancelable: true })).toBe(false);
    expect(el.emit('vitrine-close')).toBe(true); // not cancelable unless asked
  });

  test('store and sessionStore are the page’s storage, or this element’s memory in preview', async () => {
    const live = await fixture<ElementTestElement>(html`<vitrine-element-test></vitrine-element-test>`);
    expect(live.store.kind).toBe('local');
    expect(live.sessionStore.kind).toBe('session');
    // The live widget noted the visitor's first visit (every widget does); only the preview's writes
    // count below. This held by chance before: an earlier test's note, still in memory, skipped the write.
    localStorage.clear();

    const preview = await fixture<ElementTestElement>(html`<vitrine-element-test preview></vitrine-element-test>`);
    preview.store.set('bf:spins', 1);
    preview.sessionStore.set('bf:utm', 'mail');
    expect(preview.store.kind).toBe('memory');
    expect(preview.store.get('bf:spins')).toBe(1);
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  test('Shopify.designMode makes every widget preview', async () => {
    (window as { Shopify?: unknown }).Shopify = { designMode: true };
    const el = await fixture<ElementTestElement>(html`<vitrine-element-test></vitrine-element-test>`);
    expect(el.previewing).toBe(true);
    expect(el.store.kind).toBe('memory');
  });

  test('a render that throws is logged and never reaches window.onerror', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const pageErrors = vi.fn();
    window.addEventListener('error', pageErrors);
    try {
      const el = await fixture<ElementTestBroken>(html`<vitrine-element-broken></vitrine-element-broken>`);
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      window.removeEventListener('error', pageErrors);
    }
    expect(pageErrors).not.toHaveBeenCalled();
    expect(consoleError).toHaveBeenCalled();
    expect(String(consoleError.mock.calls[0][0])).toContain('<vitrine-element-broken> failed to render');
  });
});
