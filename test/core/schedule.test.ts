import { beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import { nothing } from 'lit';
import { DATE_TIME_EXPECTED, VitrineElement, type ScheduleController } from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

class ScheduleTestElement extends VitrineElement {
  // Every widget has its schedule from the base class: the one under test.
  get schedule(): ScheduleController {
    return this.timeWindow;
  }
  override render() {
    return this.schedule.active ? html`<p part="content">on</p>` : nothing;
  }
}
customElements.define('vitrine-schedule-test', ScheduleTestElement);

const NOW = Date.parse('2026-11-27T10:00:00Z');
const HOUR = 3_600_000;
let consoleWarn: MockInstance<typeof console.warn>;

const shows = (el: ScheduleTestElement) => el.shadowRoot!.querySelector('[part=content]') !== null;

async function after(el: ScheduleTestElement, ms: number) {
  vi.advanceTimersByTime(ms);
  await el.updateComplete;
}

const testPage = useTestPage({
  now: NOW,
  reset: () => {
    delete (window as { Shopify?: unknown }).Shopify;
    delete (document as { hidden?: boolean }).hidden;
  },
});
beforeEach(() => (consoleWarn = testPage.warn));

describe('start and end', () => {
  test('always on without them', async () => {
    const el = await fixture<ScheduleTestElement>(html`<vitrine-schedule-test></vitrine-schedule-test>`);
    expect(shows(el)).toBe(true);
    expect(el.schedule.phase).toBe('active');
    expect(vi.getTimerCount()).toBe(0);
  });

  test('hidden before start, appears at start and disappears at end, while the page stays open', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test start="2026-11-27T12:00:00Z" end="2026-11-27T14:00:00Z"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(false);
    expect(el.schedule.phase).toBe('before');
    await after(el, 2 * HOUR - 1);
    expect(shows(el)).toBe(false);
    await after(el, 2);
    expect(shows(el)).toBe(true);
    await after(el, 2 * HOUR - 2);
    expect(shows(el)).toBe(true);
    await after(el, 2);
    expect(shows(el)).toBe(false);
    expect(el.schedule.phase).toBe('after');
    expect(vi.getTimerCount()).toBe(0);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  test('a start without an offset is read in `timezone`', async () => {
    // 12:00 in Paris is 11:00 UTC, one hour from now.
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test start="2026-11-27T12:00" timezone="Europe/Paris"></vitrine-schedule-test>`,
    );
    expect(el.schedule.window.startAt).toBe(Date.parse('2026-11-27T11:00:00Z'));
    await after(el, HOUR - 1);
    expect(shows(el)).toBe(false);
    await after(el, 2);
    expect(shows(el)).toBe(true);
  });

  test('an end already past hides it at once', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test end="2026-11-27T09:00:00Z"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(false);
  });

  test('an invalid start warns once and is ignored', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test campaign="bf" start="tomorrow"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(true);
    el.requestUpdate();
    await el.updateComplete;
    el.setAttribute('end', '2026-11-27T14:00:00Z'); // re-reads the window
    await el.updateComplete;
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn).toHaveBeenCalledWith(
      `[vitrine] <vitrine-schedule-test campaign="bf"> ignored start="tomorrow": expected ${DATE_TIME_EXPECTED}`,
    );
  });

  test('an impossible date (2026-02-30) is no date either', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test start="2026-02-30T00:00"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(true);
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0][0]).toContain('ignored start="2026-02-30T00:00"');
  });

  test('an end at or before start warns once and is ignored', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test
        campaign="bf"
        start="2026-11-27T12:00:00Z"
        end="2026-11-27T11:00:00Z"
      ></vitrine-schedule-test>`,
    );
    expect(el.schedule.window).toEqual({ startAt: Date.parse('2026-11-27T12:00:00Z'), endAt: null });
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn).toHaveBeenCalledWith(
      '[vitrine] <vitrine-schedule-test campaign="bf"> ignored end="2026-11-27T11:00:00Z": expected a date-time after start="2026-11-27T12:00:00Z"',
    );
    await after(el, 2 * HOUR + 1);
    expect(shows(el)).toBe(true);
    await after(el, 48 * HOUR);
    expect(shows(el)).toBe(true);
    expect(consoleWarn).toHaveBeenCalledTimes(1);

    el.end = el.start; // equal is no window either
    await el.updateComplete;
    expect(consoleWarn).toHaveBeenCalledTimes(2);
  });

  test('an invalid timezone warns once and the visitor’s zone is used', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test start="2026-11-27T12:00" timezone="Mars/Olympus"></vitrine-schedule-test>`,
    );
    expect(el.schedule.window.startAt).toBe(new Date(2026, 10, 27, 12, 0).getTime());
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(consoleWarn.mock.calls[0][0]).toContain('ignored timezone="Mars/Olympus"');
  });

  test('changing start at run time moves the window', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test start="2026-11-27T12:00:00Z"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(false);
    el.setAttribute('start', '2026-11-27T09:00:00Z');
    await el.updateComplete;
    expect(shows(el)).toBe(true);
    el.removeAttribute('start');
    el.setAttribute('end', '2026-11-27T10:30:00Z');
    await el.updateComplete;
    expect(shows(el)).toBe(true);
    await after(el, HOUR / 2 - 1);
    expect(shows(el)).toBe(true);
    await after(el, 2);
    expect(shows(el)).toBe(false);
  });

  test('re-checks when a hidden tab shows again (timers throttled, clock jumped)', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test start="2026-11-27T12:00:00Z"></vitrine-schedule-test>`,
    );
    vi.setSystemTime(NOW + 3 * HOUR); // the time passed without the timeout firing
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
    await el.updateComplete;
    expect(shows(el)).toBe(true);
  });

  test('preview ignores the schedule', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test preview start="2026-11-28T00:00:00Z"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(true);
    el.preview = false;
    await el.updateComplete;
    expect(shows(el)).toBe(false);
  });

  test("Shopify's theme editor implies preview", async () => {
    (window as { Shopify?: unknown }).Shopify = { designMode: true };
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test end="2026-11-27T09:00:00Z"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(true);
  });

  test('leaves no timer behind once removed', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test start="2026-11-27T12:00:00Z"></vitrine-schedule-test>`,
    );
    expect(vi.getTimerCount()).toBe(1);
    el.remove();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a start further away than a timeout can wait still comes on time', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test start="2027-03-01T00:00:00Z"></vitrine-schedule-test>`,
    );
    const wait = Date.parse('2027-03-01T00:00:00Z') - NOW;
    expect(wait).toBeGreaterThan(2_147_483_647);
    await after(el, 2_147_483_647);
    expect(shows(el)).toBe(false);
    await after(el, wait - 2_147_483_647 + 1);
    expect(shows(el)).toBe(true);
  });
});
