import { beforeAll, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import { nothing } from 'lit';
import { DATE_TIME_EXPECTED, loadRecurrence, VitrineElement } from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

class ScheduleTestElement extends VitrineElement {
  // Every widget has its schedule from the base class (`schedule`, public for plans and previews): the one under test.
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

describe('the recurrence chunk', () => {
  // Before any test of this file loads it: each test file runs in a page of its own.
  test('a widget with a recurrence shows nothing until the chunk has arrived, then follows its recurrence', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test days="fri" timezone="UTC"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(false);
    expect(el.schedule.phase).toBe('before');
    expect(el.schedule.windowAt(NOW)).toBeNull();
    await loadRecurrence();
    await el.updateComplete;
    expect(shows(el)).toBe(true); // NOW is a Friday
    expect(el.schedule.recurrence).toBe('every fri 00:00–24:00 (UTC)');
    expect(consoleWarn).not.toHaveBeenCalled();
  });
});

describe('recurring schedules', () => {
  // The recurrence chunk, as a widget with a recurrence fetches it; then every schedule is read at once.
  beforeAll(() => loadRecurrence());

  // NOW is Friday 2026-11-27 10:00Z, 11:00 in Paris, 05:00 in New York.
  test('every Friday 18:00 until Sunday 23:59 in Paris: appears and disappears on time while the page stays open', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test
        every="week"
        from="fri 18:00"
        until="sun 23:59"
        timezone="Europe/Paris"
      ></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(false);
    expect(el.schedule.phase).toBe('before');
    expect(el.schedule.recurrence).toBe('every week, fri 18:00–sun 23:59 (Europe/Paris)');
    await after(el, 7 * HOUR - 1); // 17:59:59.999 in Paris
    expect(shows(el)).toBe(false);
    await after(el, 2);
    expect(shows(el)).toBe(true);
    expect(el.schedule.windowAt(Date.now())).toEqual({
      startAt: Date.parse('2026-11-27T17:00:00Z'),
      endAt: Date.parse('2026-11-29T22:59:00Z'),
    });
    await after(el, Date.parse('2026-11-29T22:59:00Z') - Date.now() - 1);
    expect(shows(el)).toBe(true);
    await after(el, 2);
    expect(shows(el)).toBe(false);
    expect(el.schedule.phase).toBe('before'); // between two occurrences
    expect(vi.getTimerCount()).toBe(1); // armed for next Friday
    await after(el, Date.parse('2026-12-04T17:00:00Z') - Date.now() + 1);
    expect(shows(el)).toBe(true);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  test('days, from and until in New York, crossing midnight', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test
        days="fri"
        from="18:00"
        until="02:00"
        timezone="America/New_York"
      ></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(false);
    await after(el, Date.parse('2026-11-27T23:00:00Z') - NOW + 1); // Friday 18:00 in New York
    expect(shows(el)).toBe(true);
    await after(el, 8 * HOUR - 2); // Saturday 01:59:59.999
    expect(shows(el)).toBe(true);
    await after(el, 2);
    expect(shows(el)).toBe(false);
  });

  test('start and end bound the recurrence: no occurrence shows before start or after end', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test
        days="fri,sat,sun"
        from="18:00"
        until="23:59"
        timezone="Europe/Paris"
        start="2026-11-28T00:00"
        end="2026-11-29T20:00"
      ></vitrine-schedule-test>`,
    );
    expect(el.schedule.occurrences(NOW, Date.parse('2026-12-31T00:00:00Z'))).toEqual([
      { startAt: Date.parse('2026-11-28T17:00:00Z'), endAt: Date.parse('2026-11-28T22:59:00Z') },
      { startAt: Date.parse('2026-11-29T17:00:00Z'), endAt: Date.parse('2026-11-29T19:00:00Z') },
    ]);
    await after(el, 8 * HOUR); // Friday 19:00 in Paris: a Friday, but before start
    expect(shows(el)).toBe(false);
    await after(el, Date.parse('2026-11-28T17:00:00Z') - Date.now() + 1);
    expect(shows(el)).toBe(true);
    await after(el, Date.parse('2026-11-29T19:00:00Z') - Date.now() + 1); // end, before 23:59
    expect(shows(el)).toBe(false);
    expect(el.schedule.phase).toBe('after');
    expect(el.schedule.windowAt(Date.now())).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('DST in Paris: a Sunday 01:30–03:30 window on the spring-forward night lasts one hour', async () => {
    vi.setSystemTime(Date.parse('2026-03-28T12:00:00Z'));
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test
        days="sun"
        from="01:30"
        until="03:30"
        timezone="Europe/Paris"
      ></vitrine-schedule-test>`,
    );
    await after(el, Date.parse('2026-03-29T00:30:00Z') - Date.now() - 1);
    expect(shows(el)).toBe(false);
    await after(el, 2);
    expect(shows(el)).toBe(true);
    await after(el, HOUR - 2); // 03:29:59.999 CEST, an hour later
    expect(shows(el)).toBe(true);
    await after(el, 2);
    expect(shows(el)).toBe(false);
  });

  test('DST in New York: the fall-back night’s 01:30–03:30 lasts three hours', async () => {
    vi.setSystemTime(Date.parse('2026-10-31T12:00:00Z'));
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test
        days="sun"
        from="01:30"
        until="03:30"
        timezone="America/New_York"
      ></vitrine-schedule-test>`,
    );
    await after(el, Date.parse('2026-11-01T05:30:00Z') - Date.now() + 1); // 01:30 EDT, the first one
    expect(shows(el)).toBe(true);
    await after(el, 3 * HOUR - 2);
    expect(shows(el)).toBe(true);
    await after(el, 2); // 03:30 EST
    expect(shows(el)).toBe(false);
  });

  test('phaseAt and windowAt answer for any instant, in preview too', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test preview every="month" from="1" until="3" timezone="UTC"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(true); // preview ignores the schedule
    expect(el.schedule.phaseAt(NOW)).toBe('before');
    expect(el.schedule.phaseAt(Date.parse('2026-12-02T12:00:00Z'))).toBe('active');
    expect(el.schedule.windowAt(NOW)).toEqual({
      startAt: Date.parse('2026-12-01T00:00:00Z'),
      endAt: Date.parse('2026-12-04T00:00:00Z'),
    });
  });

  test('the debug list says when the next occurrence starts, in the widget’s zone', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test
        campaign="wk"
        every="week"
        from="fri 18:00"
        until="sun 23:59"
        timezone="Europe/Paris"
        end="2026-11-29T12:00"
      ></vitrine-schedule-test>`,
    );
    expect(el.debugState()).toMatchObject({
      shown: false,
      code: 'schedule',
      reason:
        'outside its recurrence (every week, fri 18:00–sun 23:59 (Europe/Paris)): next 2026-11-27 18:00 (Europe/Paris)',
    });
    await after(el, 8 * HOUR);
    expect(el.debugState()).toMatchObject({ shown: true, reason: '' });
    await after(el, 2 * 24 * HOUR);
    expect(el.debugState().reason).toBe(
      'outside its recurrence (every week, fri 18:00–sun 23:59 (Europe/Paris)): none left before its end',
    );
  });

  test('changing the recurrence at run time re-reads it', async () => {
    const el = await fixture<ScheduleTestElement>(
      html`<vitrine-schedule-test days="sat" timezone="UTC"></vitrine-schedule-test>`,
    );
    expect(shows(el)).toBe(false);
    el.days = 'fri';
    await el.updateComplete;
    expect(shows(el)).toBe(true);
    el.removeAttribute('days');
    el.setAttribute('from', '12:00');
    await el.updateComplete;
    expect(shows(el)).toBe(false);
    await after(el, 2 * HOUR + 1);
    expect(shows(el)).toBe(true);
  });

  test.each([
    [
      'days="funday"',
      { days: 'funday' },
      'ignored days="funday": expected days of the week such as fri,sat,sun or mon-fri',
    ],
    [
      'from="25:00"',
      { days: 'sat', from: '25:00' },
      'ignored from="25:00": expected a time of day such as 18:00 (a day and time, fri 18:00, with every="week")',
    ],
    [
      'every="fortnight"',
      { every: 'fortnight', from: 'sat' },
      'ignored every="fortnight": expected one of day, week, month',
    ],
  ])(
    'bad input %s: one warning, no recurrence (shown as without it), nothing thrown',
    async (_, attributes, warning) => {
      const el = await fixture<ScheduleTestElement>(
        html`<vitrine-schedule-test campaign="wk"></vitrine-schedule-test>`,
      );
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      await el.updateComplete;
      expect(shows(el)).toBe(true);
      expect(el.schedule.recurrence).toBeNull();
      el.requestUpdate();
      await el.updateComplete;
      await after(el, 2 * 24 * HOUR);
      expect(shows(el)).toBe(true);
      expect(consoleWarn).toHaveBeenCalledTimes(1);
      expect(consoleWarn).toHaveBeenCalledWith(`[vitrine] <vitrine-schedule-test campaign="wk"> ${warning}`);
    },
  );
});
