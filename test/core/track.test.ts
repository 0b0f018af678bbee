import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import {
  ga4Event,
  getBus,
  installTrackBridges,
  loadAttribution,
  VitrineElement,
  type TrackMessage,
} from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

class TrackTestElement extends VitrineElement {}
customElements.define('vitrine-track-test', TrackTestElement);

type Win = { Shopify?: unknown; dataLayer?: unknown[] };
const win = window as Win;
let publish: ReturnType<typeof vi.fn>;

function shopify(extra: Record<string, unknown> = {}) {
  win.Shopify = { analytics: { publish }, ...extra };
}

useTestPage({
  reset: () => {
    delete win.Shopify;
    delete win.dataLayer;
  },
});

// A widget's bridges send from the attribution chunk, which its first tracked message fetches; here it
// is fetched once before the tests, so that a message reaches dataLayer within a few microtasks.
beforeAll(() => loadAttribution());

/** Promise chains only: what goes at once (the chunk is here: no task, no timer). */
async function microtasks(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}

/** One real task: a view waits for a later task than the one that tracked it. */
function nextTask(): Promise<unknown> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
}

/** Lets the bridges run: the views' later task, then their promise chains. */
async function sent(): Promise<void> {
  await microtasks();
  // The views' task is a message on a channel of its own, which WebKit may run after a later one of
  // ours: a few turns. Then the attribution chunk it asked for (WebKit may resolve even a module it
  // already holds a task or more later).
  for (let turn = 0; turn < 5; turn++) await nextTask();
  await loadAttribution();
  await microtasks();
}

beforeEach(() => {
  win.dataLayer = [];
  publish = vi.fn();
});

describe('track bridges', () => {
  test('GA4: `{ ecommerce: null }` then view_promotion with promotion_id = campaign, creative_name = widget', async () => {
    const el = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="bf"></vitrine-track-test>`);
    el.track('view');
    await sent();
    expect(win.dataLayer).toEqual([
      { ecommerce: null },
      {
        event: 'view_promotion',
        ecommerce: { promotion_id: 'bf', promotion_name: 'bf', creative_name: 'track-test' },
      },
    ]);
  });

  test('each action maps to its GA4 event, and the variant goes in creative_slot', async () => {
    const el = await fixture<TrackTestElement>(
      html`<vitrine-track-test campaign="bf" variant="B"></vitrine-track-test>`,
    );
    for (const action of ['click', 'close', 'convert'] as const) el.track(action);
    await sent();
    const events = win.dataLayer!.filter((entry) => (entry as { event?: string }).event);
    expect(events.map((entry) => (entry as { event: string }).event)).toEqual([
      'select_promotion',
      'vitrine_close',
      'vitrine_convert',
    ]);
    expect(events[0]).toMatchObject({ ecommerce: { creative_slot: 'B', promotion_id: 'bf' } });
    expect(win.dataLayer).toHaveLength(6); // one `{ ecommerce: null }` before each
  });

  test('without a campaign, the tag name is the campaign', async () => {
    const el = await fixture<TrackTestElement>(html`<vitrine-track-test></vitrine-track-test>`);
    el.track('view');
    await sent();
    expect(win.dataLayer![1]).toMatchObject({ ecommerce: { promotion_id: 'vitrine-track-test' } });
  });

  test('Shopify.analytics.publish receives a vitrine_<action> custom event', async () => {
    shopify();
    const el = await fixture<TrackTestElement>(
      html`<vitrine-track-test campaign="bf" variant="A"></vitrine-track-test>`,
    );
    el.track('click');
    await sent();
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith('vitrine_click', {
      action: 'click',
      widget: 'track-test',
      campaign: 'bf',
      variant: 'A',
    });
  });

  test('the message is on the bus and on document for the merchant’s own code', async () => {
    const heard: TrackMessage[] = [];
    const off = getBus().subscribe('track', (message) => heard.push(message));
    const onDocument = vi.fn();
    document.addEventListener('vitrine:track', onDocument);
    try {
      const el = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="bf"></vitrine-track-test>`);
      el.track('view');
      await sent();
    } finally {
      off();
      document.removeEventListener('vitrine:track', onDocument);
    }
    expect(heard).toEqual([{ action: 'view', widget: 'track-test', campaign: 'bf' }]);
    expect(onDocument).toHaveBeenCalledTimes(1);
  });

  test('nothing is sent when analyticsProcessingAllowed() returns false', async () => {
    shopify({ customerPrivacy: { analyticsProcessingAllowed: () => false } });
    const el = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="bf"></vitrine-track-test>`);
    el.track('view');
    await sent();
    expect(win.dataLayer).toEqual([]);
    expect(publish).not.toHaveBeenCalled();
  });

  test('sent once analytics consent is given', async () => {
    let allowed = false;
    shopify({ customerPrivacy: { analyticsProcessingAllowed: () => allowed } });
    const el = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="bf"></vitrine-track-test>`);
    el.track('view');
    allowed = true;
    el.track('click');
    await sent();
    expect(win.dataLayer).toHaveLength(2);
    expect(win.dataLayer![1]).toMatchObject({ event: 'select_promotion' });
    expect(publish).toHaveBeenCalledTimes(1);
  });

  test('preview sends nothing, not even on the bus', async () => {
    shopify();
    const busHandler = vi.fn();
    const off = getBus().subscribe('track', busHandler);
    try {
      const el = await fixture<TrackTestElement>(html`<vitrine-track-test preview campaign="bf"></vitrine-track-test>`);
      el.track('view');
      await sent();
    } finally {
      off();
    }
    expect(win.dataLayer).toEqual([]);
    expect(publish).not.toHaveBeenCalled();
    expect(busHandler).not.toHaveBeenCalled();
  });

  test("Shopify's theme editor (Shopify.designMode) implies preview", async () => {
    shopify({ designMode: true });
    const el = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="bf"></vitrine-track-test>`);
    expect(el.previewing).toBe(true);
    el.track('view');
    await sent();
    expect(win.dataLayer).toEqual([]);
    expect(publish).not.toHaveBeenCalled();
  });

  test('the bridges are installed once, however many widgets and copies ask', async () => {
    shopify();
    installTrackBridges();
    installTrackBridges();
    const a = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="a"></vitrine-track-test>`);
    const b = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="b"></vitrine-track-test>`);
    a.track('view');
    b.track('view');
    await sent();
    expect(win.dataLayer).toHaveLength(4);
    expect(publish).toHaveBeenCalledTimes(2);
  });

  test('without dataLayer or Shopify nothing breaks', async () => {
    delete win.dataLayer;
    const el = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="bf"></vitrine-track-test>`);
    expect(() => el.track('view')).not.toThrow();
    await sent();
  });

  // Issue 18: a widget tracks its view from its first render, in the task that renders every
  // element of its tag; fetching and running the bridges there would lengthen that task.
  test('a view reaches the bridges in a later task than the one that tracked it', async () => {
    shopify();
    const el = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="bf"></vitrine-track-test>`);
    el.track('view');
    await microtasks();
    expect(win.dataLayer).toEqual([]);
    expect(publish).not.toHaveBeenCalled();
    await sent();
    expect(win.dataLayer![1]).toMatchObject({ event: 'view_promotion' });
    expect(publish).toHaveBeenCalledWith('vitrine_view', expect.objectContaining({ campaign: 'bf' }));
  });

  test('a click goes at once, after the views still waiting, in order', async () => {
    const a = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="a"></vitrine-track-test>`);
    const b = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="b"></vitrine-track-test>`);
    a.track('view');
    b.track('view');
    a.track('click');
    await microtasks();
    const events = win.dataLayer!.filter((entry) => (entry as { event?: string }).event) as Array<{
      event: string;
      ecommerce: { promotion_id: string };
    }>;
    expect(events.map((entry) => `${entry.event} ${entry.ecommerce.promotion_id}`)).toEqual([
      'view_promotion a',
      'view_promotion b',
      'select_promotion a',
    ]);
  });

  test('a dataLayer.push or publish that throws reaches neither the widget nor window.onerror', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    win.dataLayer!.push = () => {
      throw new Error('GTM bug');
    };
    publish.mockImplementation(() => {
      throw new Error('Shopify bug');
    });
    shopify();
    const pageErrors = vi.fn();
    window.addEventListener('error', pageErrors);
    try {
      const el = await fixture<TrackTestElement>(html`<vitrine-track-test campaign="bf"></vitrine-track-test>`);
      expect(() => el.track('view')).not.toThrow();
      await sent();
    } finally {
      window.removeEventListener('error', pageErrors);
    }
    expect(pageErrors).not.toHaveBeenCalled();
    expect(publish).toHaveBeenCalledTimes(1);
  });

  test('ga4Event leaves creative_slot out without a variant', () => {
    expect(ga4Event({ action: 'view', widget: 'countdown', campaign: 'bf' })).toEqual({
      event: 'view_promotion',
      ecommerce: { promotion_id: 'bf', promotion_name: 'bf', creative_name: 'countdown' },
    });
  });
});
