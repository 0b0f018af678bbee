/* eslint-disable lit/no-legacy-template-syntax -- `on-end` is the SPEC's attribute, not Lit 1's `on-` event syntax. */
/**
 * <vitrine-countdown> in real Chromium: what a shopper sees (digits, labels, the accessible
 * name, the pause button) and what a merchant's code receives (the end event, the bus, the
 * console warnings), with fake timers — never a sleep.
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fixture, html } from '@open-wc/testing-helpers';
import axe from 'axe-core';
import { forgetMemory, getBus, loadRecurrence, type TimerEndMessage } from '@vitrine/core';
import '@vitrine/countdown/define';
import type { CountdownEndDetail } from '@vitrine/countdown';
import { NOW, useTestPage } from './support/fixture.js';

type Countdown = HTMLElementTagNameMap['vitrine-countdown'];

/** A Friday morning in UTC; every test starts its fake clock here unless it says otherwise. */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An ISO instant `ms` after the current (fake) time. */
const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

const shadow = (el: Countdown) => el.shadowRoot!;
const timer = (el: Countdown) => shadow(el).querySelector<HTMLElement>('[role="timer"]');
const pauseButton = (el: Countdown) => shadow(el).querySelector<HTMLButtonElement>('[part="pause-button"]');
const segments = (el: Countdown) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="segment"]')];

/** What a sighted shopper reads, e.g. `02d 03h 04m 05s`. */
function readout(el: Countdown): string {
  return segments(el)
    .map((segment) => {
      const value = segment.querySelector('[part="value"]')!.textContent;
      const unit = segment.querySelector('[part="unit"]')!.textContent;
      return `${value}${unit}`;
    })
    .join(' ');
}

/** The full unit names a screen reader gets (the short ones are aria-hidden). */
const spokenUnits = (el: Countdown) =>
  segments(el).map((segment) => segment.querySelector('.visually-hidden')!.textContent);

/**
 * Lets time pass. The page clock ticks 1 ms after each second turns, so 1 ms more makes the
 * tick at the end of `ms` land too; the drift of 1 ms per call never crosses a second.
 */
async function elapse(els: Countdown | Countdown[], ms: number): Promise<void> {
  vi.advanceTimersByTime(ms + 1);
  for (const el of [els].flat()) await el.updateComplete;
}

function setTabHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

// Timers and Date only: the fixtures wait for animation frames, which must stay real.
const testPage = useTestPage({
  now: NOW,
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  reset: () => Reflect.deleteProperty(document, 'hidden'),
});
const { vitrineWarnings } = testPage;

/** Records the DOM end events and the bus messages, in the order they came. */
function listenForEnds() {
  const order: string[] = [];
  const events: CountdownEndDetail[] = [];
  const messages: TimerEndMessage[] = [];
  const onEvent = (event: Event) => {
    order.push('dom');
    events.push((event as CustomEvent<CountdownEndDetail>).detail);
  };
  document.addEventListener('vitrine-countdown-end', onEvent);
  const unsubscribe = getBus().subscribe('timer-end', (message) => {
    order.push('bus');
    messages.push(message);
  });
  testPage.cleanups.push(() => document.removeEventListener('vitrine-countdown-end', onEvent), unsubscribe);
  return { order, events, messages };
}

describe('what the shopper sees', () => {
  test('by default, the time left to a deadline in days, hours, minutes and seconds, ticking each second', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown deadline="2026-11-29T12:34:56Z"></vitrine-countdown>`);
    expect(readout(el)).toBe('02d 03h 34m 56s');
    expect(timer(el)).not.toBeNull();
    expect(pauseButton(el)).not.toBeNull();
    expect(el.expired).toBe(false);

    await elapse(el, SECOND);
    expect(readout(el)).toBe('02d 03h 34m 55s');
    await elapse(el, MINUTE);
    expect(readout(el)).toBe('02d 03h 33m 55s');
  });

  test.each([
    // format, 2 d 3 h 4 m 5 s left, 4 m 5 s left
    ['auto', '02d 03h 04m 05s', '04m 05s'],
    ['dhms', '02d 03h 04m 05s', '00d 00h 04m 05s'],
    ['hms', '51h 04m 05s', '00h 04m 05s'],
    ['ms', '3064m 05s', '04m 05s'],
  ])('format="%s" shows its units', async (format, long, short) => {
    const far = await fixture<Countdown>(
      html`<vitrine-countdown
        format=${format}
        deadline=${inFuture(2 * DAY + 3 * HOUR + 4 * MINUTE + 5 * SECOND)}
      ></vitrine-countdown>`,
    );
    const near = await fixture<Countdown>(
      html`<vitrine-countdown format=${format} deadline=${inFuture(4 * MINUTE + 5 * SECOND)}></vitrine-countdown>`,
    );
    expect(readout(far)).toBe(long);
    expect(readout(near)).toBe(short);
  });

  test('format="auto" drops a unit once it reaches zero, but always keeps minutes and seconds', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown deadline=${inFuture(HOUR + SECOND)}></vitrine-countdown>`,
    );
    expect(readout(el)).toBe('01h 00m 01s');
    await elapse(el, SECOND);
    expect(readout(el)).toBe('01h 00m 00s');
    await elapse(el, SECOND);
    expect(readout(el)).toBe('59m 59s');
    await elapse(el, 59 * MINUTE);
    expect(readout(el)).toBe('00m 59s');
  });

  test('changing an attribute at run time updates the countdown', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown deadline=${inFuture(HOUR)}></vitrine-countdown>`);
    el.setAttribute('format', 'ms');
    await el.updateComplete;
    expect(readout(el)).toBe('60m 00s');
    el.setAttribute('deadline', inFuture(2 * HOUR));
    await el.updateComplete;
    expect(readout(el)).toBe('120m 00s');
    el.format = 'hms';
    await el.updateComplete;
    expect(readout(el)).toBe('02h 00m 00s');
  });

  test('label: visible text before the digits, inside the timer', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown label="Sale ends in" deadline=${inFuture(HOUR)}></vitrine-countdown>`,
    );
    const label = shadow(el).querySelector('[part="label"]')!;
    expect(label.textContent).toBe('Sale ends in');
    expect(timer(el)!.contains(label)).toBe(true);
    const digits = shadow(el).querySelector('[part="digits"]')!;
    expect(label.compareDocumentPosition(digits) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(label.checkVisibility()).toBe(true);

    const unlabelled = await fixture<Countdown>(
      html`<vitrine-countdown deadline=${inFuture(HOUR)}></vitrine-countdown>`,
    );
    expect(shadow(unlabelled).querySelector('[part="label"]')).toBeNull();
  });

  test('layout="inline": one line of text without boxes; boxes by default', async () => {
    const boxes = await fixture<Countdown>(
      html`<vitrine-countdown deadline=${inFuture(DAY + HOUR)}></vitrine-countdown>`,
    );
    const inline = await fixture<Countdown>(
      html`<vitrine-countdown
        layout="inline"
        label="Order within"
        deadline=${inFuture(DAY + HOUR)}
      ></vitrine-countdown>`,
    );
    const [boxSegment] = segments(boxes);
    const [inlineSegment] = segments(inline);
    expect(getComputedStyle(boxSegment).flexDirection).toBe('column');
    expect(getComputedStyle(boxSegment).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    expect(getComputedStyle(inlineSegment).flexDirection).toBe('row');
    expect(getComputedStyle(inlineSegment).backgroundColor).toBe('rgba(0, 0, 0, 0)');
    // One line: the label and every segment share a baseline row.
    const label = shadow(inline).querySelector<HTMLElement>('[part="label"]')!;
    const bottoms = [label, ...segments(inline)].map((part) => Math.round(part.getBoundingClientRect().bottom));
    expect(new Set(bottoms).size).toBe(1);
    expect(readout(inline)).toBe('01d 01h 00m 00s');

    // The property works without the attribute (nothing is reflected onto the merchant's tag).
    boxes.layout = 'inline';
    await boxes.updateComplete;
    expect(getComputedStyle(segments(boxes)[0]).flexDirection).toBe('row');
    expect(boxes.hasAttribute('layout')).toBe(false);
  });
});

describe('the digits’ room', () => {
  /** Each value box, the box of its digits and the width their text takes. */
  const boxes = (el: Countdown) =>
    [...shadow(el).querySelectorAll<HTMLElement>('[part="value"]')].map((value) => {
      const digits = value.firstElementChild!;
      const text = document.createRange();
      text.selectNodeContents(digits);
      return {
        value: value.getBoundingClientRect(),
        digits: digits.getBoundingClientRect(),
        text: text.getBoundingClientRect(),
      };
    });

  test('the digits lie exactly over the room their zeros take, so a new second moves nothing (boxes, inline, right to left)', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <vitrine-countdown deadline=${inFuture(123 * DAY + 4 * HOUR + 56 * SECOND)}></vitrine-countdown>
        <p>
          Order within
          <vitrine-countdown layout="inline" deadline=${inFuture(11 * HOUR + 11 * SECOND)}></vitrine-countdown> today.
        </p>
        <p dir="rtl" lang="ar">
          <vitrine-countdown
            layout="inline"
            label="ينتهي خلال"
            deadline=${inFuture(DAY + 17 * MINUTE)}
          ></vitrine-countdown>
        </p>
      </div>
    `);
    const all = [...wrapper.querySelectorAll('vitrine-countdown')];
    await Promise.all(all.map((el) => el.updateComplete));
    expect(readout(all[0])).toBe('123d 04h 00m 56s');
    const before = all.map((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    for (const el of all) {
      for (const { value, digits, text } of boxes(el)) {
        expect(digits.toJSON()).toEqual(value.toJSON());
        expect(text.width).toBeCloseTo(value.width, 0);
      }
    }
    await elapse(all, 5 * SECOND);
    expect(readout(all[0])).toBe('123d 04h 00m 51s');
    expect(all.map((el) => el.getBoundingClientRect().toJSON() as DOMRect)).toEqual(before);
  });
});

describe('where the deadline comes from', () => {
  test('deadline with an offset is that instant, wherever the visitor is', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown deadline="2026-11-27T12:00:00+01:00" timezone="America/New_York"></vitrine-countdown>`,
    );
    expect(readout(el)).toBe('02h 00m 00s'); // 11:00 UTC
  });

  test('deadline without an offset is read in timezone', async () => {
    const paris = await fixture<Countdown>(
      html`<vitrine-countdown deadline="2026-11-27T12:00" timezone="Europe/Paris"></vitrine-countdown>`,
    );
    const newYork = await fixture<Countdown>(
      html`<vitrine-countdown deadline="2026-11-27T12:00" timezone="America/New_York"></vitrine-countdown>`,
    );
    expect(readout(paris)).toBe('02h 00m 00s'); // 11:00 UTC
    expect(readout(newYork)).toBe('08h 00m 00s'); // 17:00 UTC
  });

  test('deadline without an offset nor timezone is read on the visitor’s own clock', async () => {
    const visitorsNoon = new Date(2026, 10, 27, 12, 0).toISOString();
    const local = await fixture<Countdown>(html`<vitrine-countdown deadline="2026-11-27T12:00"></vitrine-countdown>`);
    const instant = await fixture<Countdown>(html`<vitrine-countdown deadline=${visitorsNoon}></vitrine-countdown>`);
    expect(readout(local)).toBe(readout(instant));
  });

  test('duration (evergreen): first seen + duration, stored per visitor and campaign, not reset by a reload', async () => {
    let el = await fixture<Countdown>(html`<vitrine-countdown duration="48h" campaign="welcome"></vitrine-countdown>`);
    expect(readout(el)).toBe('02d 00h 00m 00s');
    await elapse(el, 10 * MINUTE);
    expect(readout(el)).toBe('01d 23h 50m 00s');

    // A reload: the element goes, the page's memory goes, what was persisted stays.
    el.remove();
    expect(localStorage.getItem('vitrine:welcome:deadline')).not.toBeNull();
    forgetMemory();
    vi.advanceTimersByTime(5 * MINUTE);
    el = await fixture<Countdown>(html`<vitrine-countdown duration="48h" campaign="welcome"></vitrine-countdown>`);
    expect(readout(el)).toBe('01d 23h 45m 00s');

    // Another campaign on the same browser has its own deadline.
    const other = await fixture<Countdown>(
      html`<vitrine-countdown duration="48h" campaign="spring"></vitrine-countdown>`,
    );
    expect(readout(other)).toBe('02d 00h 00m 00s');

    // Once passed it stays passed: an evergreen timer never restarts to fake urgency.
    el.remove();
    forgetMemory();
    vi.advanceTimersByTime(2 * DAY);
    el = await fixture<Countdown>(
      html`<vitrine-countdown duration="48h" campaign="welcome" on-end="stay"></vitrine-countdown>`,
    );
    expect(el.expired).toBe(true);
    expect(readout(el)).toBe('00m 00s');
  });

  test('duration: when storage throws, the deadline is kept in memory for the page', async () => {
    const denied = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(denied);
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(denied);

    let el = await fixture<Countdown>(html`<vitrine-countdown duration="2h" campaign="private"></vitrine-countdown>`);
    expect(readout(el)).toBe('02h 00m 00s');
    await elapse(el, MINUTE);
    el.remove();
    el = await fixture<Countdown>(html`<vitrine-countdown duration="2h" campaign="private"></vitrine-countdown>`);
    expect(readout(el)).toBe('01h 59m 00s');

    getItem.mockRestore();
    expect(localStorage.getItem('vitrine:private:deadline')).toBeNull();
  });

  test('daily="14:00" in timezone: counts to today’s cut-off, then rolls to tomorrow’s, ending once per cut-off', async () => {
    vi.setSystemTime(Date.parse('2026-11-27T12:59:58Z')); // 13:59:58 in Paris
    const ends = listenForEnds();
    const el = await fixture<Countdown>(
      html`<vitrine-countdown daily="14:00" timezone="Europe/Paris" campaign="same-day"></vitrine-countdown>`,
    );
    expect(readout(el)).toBe('00m 02s');
    expect(ends.events).toEqual([]);

    await elapse(el, 2 * SECOND);
    expect(ends.events).toEqual([{ campaign: 'same-day', deadline: Date.parse('2026-11-27T13:00:00Z') }]);
    expect(ends.messages).toEqual([{ campaign: 'same-day' }]);
    await elapse(el, SECOND);
    expect(readout(el)).toBe('23h 59m 59s');
    expect(el.expired).toBe(false);
    expect(timer(el)).not.toBeNull();

    // Re-renders in between announce nothing more.
    el.label = 'Order within';
    await elapse(el, 5 * SECOND);
    expect(ends.events).toHaveLength(1);

    await elapse(el, Date.parse('2026-11-28T12:59:58Z') - Date.now());
    expect(readout(el)).toBe('00m 02s');
    await elapse(el, 2 * SECOND);
    expect(ends.events.map((detail) => detail.deadline)).toEqual([
      Date.parse('2026-11-27T13:00:00Z'),
      Date.parse('2026-11-28T13:00:00Z'),
    ]);
    expect(ends.messages).toHaveLength(2);
  });

  test('daily: after today’s cut-off it counts to tomorrow’s, in the given timezone', async () => {
    vi.setSystemTime(Date.parse('2026-11-27T14:00:00Z')); // 15:00 in Paris, 09:00 in New York
    const paris = await fixture<Countdown>(
      html`<vitrine-countdown daily="14:00" timezone="Europe/Paris"></vitrine-countdown>`,
    );
    const newYork = await fixture<Countdown>(
      html`<vitrine-countdown daily="14:00" timezone="America/New_York"></vitrine-countdown>`,
    );
    expect(readout(paris)).toBe('23h 00m 00s');
    expect(readout(newYork)).toBe('05h 00m 00s');
  });

  test('daily: a cut-off passed while the tab was hidden is announced once, and any re-render rolls on', async () => {
    vi.setSystemTime(Date.parse('2026-11-27T12:59:58Z'));
    const ends = listenForEnds();
    const el = await fixture<Countdown>(
      html`<vitrine-countdown daily="14:00" timezone="Europe/Paris"></vitrine-countdown>`,
    );
    setTabHidden(true);
    await elapse(el, 10 * SECOND);
    // A re-render for another reason comes first: no stuck 00:00.
    el.label = 'Order within';
    await el.updateComplete;
    expect(ends.events).toHaveLength(1);
    expect(readout(el)).toBe('23h 59m 52s');
    setTabHidden(false);
    await el.updateComplete;
    expect(readout(el)).toBe('23h 59m 52s');
    await elapse(el, SECOND);
    expect(readout(el)).toBe('23h 59m 51s');
    expect(ends.events).toHaveLength(1);
  });

  test.each([
    ['an ISO date-time', '2026-11-27T10:00:00Z'],
    ['epoch seconds', String(Date.parse('2026-11-27T10:00:00Z') / 1000)],
  ])('now (%s): a visitor clock 1 h behind the server still ends on time', async (_kind, serverNow) => {
    const ends = listenForEnds();
    const trusting = await fixture<Countdown>(
      html`<vitrine-countdown deadline="2026-11-27T12:00:00Z" timezone="UTC"></vitrine-countdown>`,
    );
    const corrected = await fixture<Countdown>(
      html`<vitrine-countdown deadline="2026-11-27T12:00:00Z" timezone="UTC" now=${serverNow}></vitrine-countdown>`,
    );
    expect(readout(trusting)).toBe('03h 00m 00s');
    expect(readout(corrected)).toBe('02h 00m 00s');
    // The name still states the true end time.
    expect(timer(corrected)!.getAttribute('aria-label')).toBe(timer(trusting)!.getAttribute('aria-label'));

    await elapse([trusting, corrected], 2 * HOUR);
    expect(corrected.expired).toBe(true);
    expect(trusting.expired).toBe(false);
    expect(ends.events).toEqual([{ campaign: 'vitrine-countdown', deadline: Date.parse('2026-11-27T12:00:00Z') }]);
  });
});

describe('at zero', () => {
  test('on-end="hide" (the default) renders nothing', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown deadline=${inFuture(3 * SECOND)}></vitrine-countdown>`);
    expect(el.offsetWidth).toBeGreaterThan(0);
    await elapse(el, 3 * SECOND);
    expect(el.expired).toBe(true);
    expect(timer(el)).toBeNull();
    expect(segments(el)).toEqual([]);
    expect(shadow(el).textContent.trim()).toBe('');
    expect(el.offsetWidth).toBe(0);
  });

  test('on-end="stay" shows zeros, without the pause button, named as ended', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown on-end="stay" deadline=${inFuture(3 * SECOND)}></vitrine-countdown>`,
    );
    await elapse(el, 5 * SECOND);
    expect(readout(el)).toBe('00m 00s');
    expect(pauseButton(el)).toBeNull();
    expect(timer(el)!.getAttribute('aria-label')).toBe('Countdown ended');
    expect(el.expired).toBe(true);
  });

  test('content in the expired slot shows instead of the digits once ended, whatever on-end says', async () => {
    const hide = await fixture<Countdown>(
      html`<vitrine-countdown deadline=${inFuture(2 * SECOND)}
        ><p slot="expired">The sale is over</p></vitrine-countdown
      >`,
    );
    const stay = await fixture<Countdown>(
      html`<vitrine-countdown on-end="stay" deadline=${inFuture(2 * SECOND)}
        ><p slot="expired">Back next year</p></vitrine-countdown
      >`,
    );
    const [hideText, stayText] = [hide, stay].map((el) => el.querySelector('p')!);
    expect(hideText.checkVisibility()).toBe(false);
    expect(stayText.checkVisibility()).toBe(false);
    expect(timer(hide)!.checkVisibility()).toBe(true);

    await elapse([hide, stay], 2 * SECOND);
    expect(hideText.checkVisibility()).toBe(true);
    expect(stayText.checkVisibility()).toBe(true);
    expect(timer(hide)).toBeNull();
    expect(timer(stay)).toBeNull();
    expect(shadow(hide).querySelector('[part="expired"]')!.checkVisibility()).toBe(true);
  });

  test('on-end can change after the end', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown deadline=${inFuture(SECOND)}></vitrine-countdown>`);
    await elapse(el, SECOND);
    expect(timer(el)).toBeNull();
    el.onEnd = 'stay';
    await el.updateComplete;
    expect(readout(el)).toBe('00m 00s');
  });
});

describe('what the merchant’s code receives', () => {
  test('timer-end on the bus, then vitrine-countdown-end on the DOM, exactly once, also across re-renders', async () => {
    const ends = listenForEnds();
    const deadline = inFuture(3 * SECOND);
    const el = await fixture<Countdown>(
      html`<vitrine-countdown campaign="bf" deadline=${deadline}></vitrine-countdown>`,
    );
    await elapse(el, 2 * SECOND);
    expect(ends.order).toEqual([]);
    expect(el.hasAttribute('expired')).toBe(false);

    await elapse(el, SECOND);
    expect(ends.order).toEqual(['bus', 'dom']);
    expect(ends.messages).toEqual([{ campaign: 'bf' }]);
    expect(ends.events).toEqual([{ campaign: 'bf', deadline: Date.parse(deadline) }]);
    expect(el.hasAttribute('expired')).toBe(true);
    expect(el.matches('[expired]')).toBe(true);

    await elapse(el, 10 * SECOND);
    el.label = 'Too late';
    el.onEnd = 'stay';
    await el.updateComplete;
    // Moved elsewhere in the page: still the same deadline, still announced.
    document.body.append(el);
    testPage.cleanups.push(() => el.remove());
    await elapse(el, SECOND);
    expect(ends.order).toEqual(['bus', 'dom']);
  });

  test('the DOM event bubbles out of shadow roots (composed)', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const heard = vi.fn();
    host.addEventListener('vitrine-countdown-end', heard);
    const el = document.createElement('vitrine-countdown');
    el.deadline = inFuture(SECOND);
    root.append(el);
    await el.updateComplete;
    await elapse(el, SECOND);
    expect(heard).toHaveBeenCalledOnce();
  });

  test('a deadline already over when the page loads is announced once', async () => {
    const ends = listenForEnds();
    const el = await fixture<Countdown>(
      html`<vitrine-countdown campaign="past" deadline="2026-11-01T00:00:00Z"></vitrine-countdown>`,
    );
    expect(el.expired).toBe(true);
    await elapse(el, 5 * SECOND);
    expect(ends.order).toEqual(['bus', 'dom']);
  });

  test('when the deadline changes to a later one, the new one ends again, once', async () => {
    const ends = listenForEnds();
    const el = await fixture<Countdown>(html`<vitrine-countdown deadline=${inFuture(SECOND)}></vitrine-countdown>`);
    await elapse(el, SECOND);
    el.deadline = inFuture(2 * SECOND);
    await el.updateComplete;
    expect(el.expired).toBe(false);
    expect(readout(el)).toBe('00m 02s');
    await elapse(el, 3 * SECOND);
    expect(ends.events).toHaveLength(2);
  });
});

describe('accessibility', () => {
  test('role="timer" named with the end time, in English by default', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown deadline="2026-11-27T12:00:00Z" timezone="UTC"></vitrine-countdown>`,
    );
    expect(timer(el)!.getAttribute('aria-label')).toMatch(/^Countdown, ends Friday, November 27 at 12:00\sPM UTC$/);
    expect(spokenUnits(el)).toEqual(['hours', 'minutes', 'seconds']);
    expect(readout(el)).toBe('03h 00m 00s');
  });

  test('in French with lang="fr": the name, the unit names and the pause button', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown lang="fr" deadline="2026-11-28T10:01:01Z" timezone="UTC"></vitrine-countdown>`,
    );
    expect(timer(el)!.getAttribute('aria-label')).toBe('Compte à rebours, se termine samedi 28 novembre à 10:01 UTC');
    expect(readout(el)).toBe('01j 01h 01min 01s');
    expect(spokenUnits(el)).toEqual(['jour', 'heure', 'minute', 'seconde']);
    expect(pauseButton(el)!.getAttribute('aria-label')).toBe('Mettre en pause le compte à rebours');

    el.deadline = '2026-11-29T11:02:02Z';
    await el.updateComplete;
    expect(spokenUnits(el)).toEqual(['jours', 'heures', 'minutes', 'secondes']);
  });

  test('English unit names, singular and plural', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown deadline="2026-11-28T10:01:01Z"></vitrine-countdown>`);
    expect(readout(el)).toBe('01d 01h 01m 01s');
    expect(spokenUnits(el)).toEqual(['day', 'hour', 'minute', 'second']);
    el.deadline = '2026-11-29T11:02:02Z';
    await el.updateComplete;
    expect(spokenUnits(el)).toEqual(['days', 'hours', 'minutes', 'seconds']);
  });

  test('the language comes from the nearest [lang] ancestor, across shadow roots; others fall back to English', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="fr-CA">
        <section><vitrine-countdown deadline=${inFuture(HOUR)}></vitrine-countdown></section>
      </div>`,
    );
    const nested = wrapper.querySelector('vitrine-countdown')!;
    await nested.updateComplete;
    expect(timer(nested)!.getAttribute('aria-label')).toMatch(/^Compte à rebours, se termine /);

    const host = await fixture<HTMLElement>(html`<div lang="fr"></div>`);
    const inShadow = document.createElement('vitrine-countdown');
    inShadow.deadline = inFuture(HOUR);
    host.attachShadow({ mode: 'open' }).append(inShadow);
    await inShadow.updateComplete;
    expect(readout(inShadow)).toBe('01h 00min 00s');

    // Japanese does not ship: English, quietly.
    const japanese = await fixture<Countdown>(
      html`<vitrine-countdown lang="ja" deadline=${inFuture(HOUR)}></vitrine-countdown>`,
    );
    expect(timer(japanese)!.getAttribute('aria-label')).toMatch(/^Countdown, ends /);

    japanese.lang = 'fr';
    await japanese.updateComplete;
    expect(timer(japanese)!.getAttribute('aria-label')).toMatch(/^Compte à rebours, se termine /);

    // German comes in its own chunk: the countdown renders once it is here.
    japanese.lang = 'de-AT';
    await japanese.updateComplete;
    expect(timer(japanese)!.getAttribute('aria-label')).toMatch(/^Countdown, endet am /);
    expect(readout(japanese)).toBe('01Std 00Min 00Sek');
  });

  test('no per-second announcements: no live region while it runs', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown label="Sale ends in" deadline=${inFuture(HOUR)}></vitrine-countdown>`,
    );
    await elapse(el, 3 * SECOND);
    expect(shadow(el).querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]')).toHaveLength(0);
    expect(el.hasAttribute('aria-live')).toBe(false);
    expect(timer(el)).not.toBeNull();
  });

  test('the pause button freezes the digits while time runs on, and resumes at the true value', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown deadline=${inFuture(10 * MINUTE)}></vitrine-countdown>`,
    );
    const button = pauseButton(el)!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.getAttribute('aria-label')).toBe('Pause the countdown');

    button.click();
    await el.updateComplete;
    expect(pauseButton(el)!.getAttribute('aria-pressed')).toBe('true');
    // A toggle keeps its name; only its pressed state changes.
    expect(pauseButton(el)!.getAttribute('aria-label')).toBe('Pause the countdown');
    await elapse(el, 5 * SECOND);
    expect(readout(el)).toBe('10m 00s');

    pauseButton(el)!.click();
    await el.updateComplete;
    expect(pauseButton(el)!.getAttribute('aria-pressed')).toBe('false');
    expect(readout(el)).toBe('09m 55s');
    await elapse(el, SECOND);
    expect(readout(el)).toBe('09m 54s');
  });

  test('the pause button works from the keyboard', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown deadline=${inFuture(10 * MINUTE)}></vitrine-countdown>`,
    );
    // Keys go to the focused frame of the page: this file's, not one an earlier file left focused.
    window.focus();
    await userEvent.keyboard('{Tab}');
    expect(shadow(el).activeElement).toBe(pauseButton(el));
    await userEvent.keyboard(' ');
    await el.updateComplete;
    expect(pauseButton(el)!.getAttribute('aria-pressed')).toBe('true');
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(pauseButton(el)!.getAttribute('aria-pressed')).toBe('false');
  });

  test('paused, the deadline still ends on time', async () => {
    const ends = listenForEnds();
    const el = await fixture<Countdown>(
      html`<vitrine-countdown on-end="stay" deadline=${inFuture(5 * SECOND)}></vitrine-countdown>`,
    );
    pauseButton(el)!.click();
    await elapse(el, 5 * SECOND);
    expect(ends.events).toHaveLength(1);
    expect(el.expired).toBe(true);
    expect(readout(el)).toBe('00m 00s');
  });

  test.each([
    ['running', async (_el: Countdown) => {}],
    [
      'ended, on-end="stay"',
      async (el: Countdown) => {
        el.onEnd = 'stay';
        await elapse(el, HOUR);
      },
    ],
    [
      'paused',
      async (el: Countdown) => {
        pauseButton(el)!.click();
        await el.updateComplete;
      },
    ],
    [
      'ended, with expired content',
      async (el: Countdown) => {
        el.innerHTML = '<p slot="expired">The sale is over</p>';
        await elapse(el, HOUR);
      },
    ],
  ])('axe finds no violation: %s', async (_state, reach) => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown label="Sale ends in" deadline=${inFuture(HOUR)}></vitrine-countdown>`,
    );
    await reach(el);
    await el.updateComplete;
    vi.useRealTimers(); // axe schedules its own work on timers
    const { violations } = await axe.run(el);
    expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.html).join(', ')}`)).toEqual([]);
  });

  test.each(['boxes', 'inline'])('axe finds no violation in French, layout="%s"', async (layout) => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown
        lang="fr"
        layout=${layout}
        label="Fin des soldes dans"
        deadline=${inFuture(DAY)}
      ></vitrine-countdown>`,
    );
    vi.useRealTimers();
    const { violations } = await axe.run(el);
    expect(violations.map(({ id }) => id)).toEqual([]);
  });
});

describe('one clock for the page', () => {
  test('a hidden tab stops the clock; showing it again catches up at once', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown deadline=${inFuture(HOUR)}></vitrine-countdown>`);
    await elapse(el, SECOND);
    expect(readout(el)).toBe('59m 59s');

    setTabHidden(true);
    expect(vi.getTimerCount()).toBe(0);
    let renders = 0;
    const observer = new MutationObserver((records) => (renders += records.length));
    observer.observe(shadow(el), { subtree: true, characterData: true, childList: true });
    await elapse(el, 5 * SECOND);
    expect(readout(el)).toBe('59m 59s');
    expect(renders).toBe(0);

    setTabHidden(false);
    await el.updateComplete;
    expect(readout(el)).toBe('59m 54s');
    expect(vi.getTimerCount()).toBe(1);
    observer.disconnect();
  });

  test('a tick that would show the digits already shown renders nothing (the tab shown again within the second)', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown deadline=${inFuture(HOUR)}></vitrine-countdown>`);
    await elapse(el, SECOND);
    expect(readout(el)).toBe('59m 59s');
    vi.advanceTimersByTime(300);
    // The clock ticks at once when the tab shows, here on the second the digits already show.
    setTabHidden(false);
    expect(el.isUpdatePending).toBe(false);
    await elapse(el, 700);
    expect(readout(el)).toBe('59m 58s');
  });

  test('each second renders new digits only: the end date in the accessible name is formatted once, not each second', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown deadline=${inFuture(HOUR)} lang="fr"></vitrine-countdown>`,
    );
    const name = timer(el)!.getAttribute('aria-label');
    // `format` is a getter that hands out a bound function (its types say method).
    const formats = vi.spyOn(Intl.DateTimeFormat.prototype as unknown as { format: unknown }, 'format', 'get');
    for (let second = 1; second <= 3; second++) await elapse(el, SECOND);
    expect(readout(el)).toBe('59min 57s');
    expect(spokenUnits(el)).toEqual(['minutes', 'secondes']);
    expect(timer(el)!.getAttribute('aria-label')).toBe(name);
    expect(formats).not.toHaveBeenCalled();
    // What may change the texts still does, at once: here the language.
    el.lang = 'en';
    await el.updateComplete;
    expect(timer(el)!.getAttribute('aria-label')).toMatch(/^Countdown, ends /);
    expect(spokenUnits(el)).toEqual(['minutes', 'seconds']);
    expect(formats).toHaveBeenCalledTimes(1);
  });

  test('many countdowns share one timer, and ended ones cost nothing', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        ${Array.from(
          { length: 12 },
          (_, index) =>
            html`<vitrine-countdown
              campaign="c${index}"
              deadline=${inFuture((index + 1) * SECOND)}
            ></vitrine-countdown>`,
        )}
      </div>`,
    );
    const all = [...wrapper.querySelectorAll('vitrine-countdown')];
    await Promise.all(all.map((el) => el.updateComplete));
    expect(vi.getTimerCount()).toBe(1);
    expect(readout(all[11])).toBe('00m 12s');

    await elapse(all, SECOND);
    expect(all.map((el) => el.expired)).toEqual([true, ...Array<boolean>(11).fill(false)]);
    expect(readout(all[11])).toBe('00m 11s');
    expect(readout(all[5])).toBe('00m 05s');
    expect(vi.getTimerCount()).toBe(1);

    await elapse(all, 11 * SECOND);
    expect(all.every((el) => el.expired)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('schedule and preview', () => {
  test('start and end: hidden before, shown inside the window, hidden after, on time', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown
        deadline=${inFuture(HOUR)}
        start=${inFuture(10 * SECOND)}
        end=${inFuture(20 * SECOND)}
      ></vitrine-countdown>`,
    );
    expect(timer(el)).toBeNull();
    await elapse(el, 10 * SECOND);
    expect(timer(el)).not.toBeNull();
    expect(readout(el)).toBe('59m 50s');
    await elapse(el, 10 * SECOND);
    expect(timer(el)).toBeNull();
  });

  test('preview ignores the schedule, never stores and sends nothing on the bus', async () => {
    const ends = listenForEnds();
    const el = await fixture<Countdown>(
      html`<vitrine-countdown
        preview
        campaign="designer"
        duration="2s"
        start=${inFuture(HOUR)}
        end=${inFuture(2 * HOUR)}
      ></vitrine-countdown>`,
    );
    expect(readout(el)).toBe('00m 02s');
    expect(localStorage.getItem('vitrine:designer:deadline')).toBeNull();
    await elapse(el, 2 * SECOND);
    expect(ends.order).toEqual(['dom']);

    // A fresh preview starts over: nothing was kept.
    el.remove();
    const again = await fixture<Countdown>(
      html`<vitrine-countdown preview campaign="designer" duration="2s"></vitrine-countdown>`,
    );
    expect(readout(again)).toBe('00m 02s');
  });
});

describe('a recurring countdown, before its chunk has arrived', () => {
  // No test of this file before this one loads the recurrence chunk (each file runs in a page of its own).
  test('shows nothing until the recurrence chunk has arrived, then counts to the occurrence’s end', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown days="fri" timezone="UTC"></vitrine-countdown>`);
    // Between two occurrences when the chunk comes (the phase does not change): shown in preview.
    const between = await fixture<Countdown>(
      html`<vitrine-countdown preview days="sat" timezone="UTC"></vitrine-countdown>`,
    );
    expect(timer(el)).toBeNull();
    expect(timer(between)).toBeNull();
    await loadRecurrence();
    await el.updateComplete;
    await between.updateComplete;
    expect(readout(el)).toBe('15h 00m 00s'); // Saturday 00:00 UTC
    expect(readout(between)).toBe('01d 15h 00m 00s'); // the end of the next Saturday
  });
});

describe('a recurring countdown: counts to the end of the current occurrence', () => {
  beforeAll(() => loadRecurrence());

  test('every Friday 18:00 until Sunday 23:59 in Paris: shown during each occurrence, ends with it, once per occurrence', async () => {
    const ends = listenForEnds();
    const el = await fixture<Countdown>(
      html`<vitrine-countdown
        campaign="weekend"
        every="week"
        from="fri 18:00"
        until="sun 23:59"
        timezone="Europe/Paris"
      ></vitrine-countdown>`,
    );
    expect(timer(el)).toBeNull(); // Friday 10:00 in Paris: not yet
    await elapse(el, 8 * HOUR); // 18:00 in Paris
    expect(timer(el)).not.toBeNull();
    expect(readout(el)).toBe('02d 05h 59m 00s');
    const sundayEnd = Date.parse('2026-11-29T22:59:00Z');
    await elapse(el, sundayEnd - Date.now() - 2 * SECOND);
    expect(readout(el)).toBe('00m 02s');
    expect(ends.events).toEqual([]);
    await elapse(el, 2 * SECOND);
    expect(ends.events).toEqual([{ campaign: 'weekend', deadline: sundayEnd }]);
    expect(ends.messages).toEqual([{ campaign: 'weekend' }]);
    expect(timer(el)).toBeNull(); // hidden between two weekends

    await elapse(el, Date.parse('2026-12-04T17:00:00Z') - Date.now()); // next Friday 18:00
    expect(timer(el)).not.toBeNull();
    expect(el.expired).toBe(false);
    expect(readout(el)).toBe('02d 05h 59m 00s');
    expect(ends.events).toHaveLength(1);
    expect(vitrineWarnings()).toEqual([]);
  });

  test('daily across midnight in New York: Friday 18:00 counts to Saturday 02:00', async () => {
    vi.setSystemTime(Date.parse('2026-11-28T01:00:00Z')); // Friday 20:00 in New York
    const el = await fixture<Countdown>(
      html`<vitrine-countdown days="fri" from="18:00" until="02:00" timezone="America/New_York"></vitrine-countdown>`,
    );
    expect(readout(el)).toBe('06h 00m 00s');
  });

  test('a weekend of whole days counts to Sunday midnight, not to Saturday’s', async () => {
    vi.setSystemTime(Date.parse('2026-11-28T10:00:00Z')); // Saturday 11:00 in Paris
    const el = await fixture<Countdown>(
      html`<vitrine-countdown days="sat,sun" timezone="Europe/Paris"></vitrine-countdown>`,
    );
    expect(readout(el)).toBe('01d 13h 00m 00s'); // 37 h: Monday 00:00 in Paris
  });

  test('end cuts the occurrence short: the countdown ends at end', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown days="fri" timezone="UTC" end="2026-11-27T12:00:00Z"></vitrine-countdown>`,
    );
    expect(readout(el)).toBe('03h 00m 00s');
  });

  test('an explicit deadline wins: the recurrence only shows and hides it', async () => {
    const el = await fixture<Countdown>(
      html`<vitrine-countdown deadline="2026-11-27T10:00:00Z" days="fri" timezone="UTC"></vitrine-countdown>`,
    );
    expect(readout(el)).toBe('01h 00m 00s');
  });

  test('a bad recurrence warns once and the countdown, without a deadline, renders nothing', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown campaign="wk" days="funday"></vitrine-countdown>`);
    expect(timer(el)).toBeNull();
    await elapse(el, 2 * SECOND);
    expect(vitrineWarnings()).toEqual([
      '[vitrine] <vitrine-countdown campaign="wk"> ignored days="funday": expected days of the week such as fri,sat,sun or mon-fri',
    ]);
    expect(el.debugState().reason).toBe(
      'bad attribute: days="funday" (expected days of the week such as fri,sat,sun or mon-fri)',
    );
  });
});

describe('bad input never breaks the page', () => {
  test('text is never HTML', async () => {
    const attack = '<img src=x onerror="window.__vitrineXss = true">';
    const el = await fixture<Countdown>(
      html`<vitrine-countdown label=${attack} campaign=${attack} deadline=${inFuture(HOUR)}></vitrine-countdown>`,
    );
    expect(shadow(el).querySelector('[part="label"]')!.textContent).toBe(attack);
    expect(shadow(el).querySelector('img')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect((window as { __vitrineXss?: boolean }).__vitrineXss).toBeUndefined();
  });

  const prefix = '[vitrine] <vitrine-countdown campaign="bad"> ignored';
  const timerShown = (el: Countdown) => expect(timer(el)).not.toBeNull();
  const nothingShown = (el: Countdown) => {
    expect(timer(el)).toBeNull();
    expect(shadow(el).textContent.trim()).toBe('');
  };

  test.each<[string, Record<string, string>, string, (el: Countdown) => void]>([
    [
      'deadline',
      { deadline: 'tomorrow' },
      `${prefix} deadline="tomorrow": expected an ISO 8601 date-time`,
      nothingShown,
    ],
    ['duration', { duration: '5 parsecs' }, `${prefix} duration="5 parsecs": expected a duration`, nothingShown],
    ['daily', { daily: '25:00' }, `${prefix} daily="25:00": expected a time of day`, nothingShown],
    [
      'now',
      { now: 'yesterday', deadline: '2026-11-27T10:00:00Z' },
      `${prefix} now="yesterday": expected an ISO 8601 date-time or epoch seconds`,
      (el) => expect(readout(el)).toBe('59m 57s'), // the visitor's clock, 3 s later
    ],
    [
      'format',
      { format: 'weird', deadline: '2026-11-28T10:00:00Z' },
      `${prefix} format="weird": expected one of auto, dhms, hms, ms`,
      (el) => {
        expect(readout(el)).toBe('01d 00h 59m 57s'); // auto (hms would read 24h, ms 1499m)
        expect(el.getAttribute('format')).toBe('weird');
      },
    ],
    [
      'on-end',
      { 'on-end': 'explode', deadline: '2026-11-27T09:00:01Z' },
      `${prefix} on-end="explode": expected one of hide, stay`,
      nothingShown, // hide, once ended
    ],
    [
      'layout',
      { layout: 'x', deadline: '2026-11-27T10:00:00Z' },
      `${prefix} layout="x": expected one of boxes, inline`,
      (el) => expect(getComputedStyle(segments(el)[0]).flexDirection).toBe('column'), // boxes
    ],
    [
      'timezone',
      { timezone: 'Mars/Olympus', deadline: '2026-11-27T12:00' },
      `${prefix} timezone="Mars/Olympus": expected an IANA time zone`,
      (el) => {
        const visitorsNoon = new Date(2026, 10, 27, 12, 0).getTime();
        expect(el.remainingMs).toBe(visitorsNoon - Date.now());
      },
    ],
    [
      'start',
      { start: 'soon', deadline: '2026-11-27T10:00:00Z' },
      `${prefix} start="soon": expected an ISO 8601 date-time`,
      timerShown, // always on
    ],
    [
      'end',
      { end: 'later', deadline: '2026-11-27T10:00:00Z' },
      `${prefix} end="later": expected an ISO 8601 date-time`,
      timerShown,
    ],
    [
      'end before start',
      { start: '2026-11-27T08:00:00Z', end: '2026-11-27T07:00:00Z', deadline: '2026-11-27T10:00:00Z' },
      `${prefix} end="2026-11-27T07:00:00Z": expected a date-time after start="2026-11-27T08:00:00Z"`,
      timerShown,
    ],
    [
      'two sources',
      { deadline: '2026-11-27T10:00:00Z', duration: '5m' },
      `${prefix} duration="5m": expected only one of deadline, duration, daily (using deadline)`,
      (el) => expect(readout(el)).toBe('59m 57s'),
    ],
  ])('%s: one warning, the documented fallback', async (_name, attributes, warning, fallback) => {
    const el = document.createElement('vitrine-countdown');
    el.setAttribute('campaign', 'bad');
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.append(el);
    await el.updateComplete;
    // Time passes and the widget re-renders: still one warning.
    await elapse(el, 2 * SECOND);
    el.requestUpdate();
    await el.updateComplete;
    el.remove();
    wrapper.append(el);
    await elapse(el, SECOND);

    const warnings = vitrineWarnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0].startsWith(warning)).toBe(true);
    fallback(el);
  });

  test('one warning per element, attribute and value', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <vitrine-countdown campaign="a" deadline="tomorrow"></vitrine-countdown>
        <vitrine-countdown campaign="b" deadline="tomorrow"></vitrine-countdown>
      </div>`,
    );
    const [first] = [...wrapper.querySelectorAll('vitrine-countdown')];
    await first.updateComplete;
    first.deadline = 'next week';
    await first.updateComplete;
    first.deadline = 'tomorrow';
    await first.updateComplete;
    expect(vitrineWarnings().map((message) => message.replace(/: expected .*/, ''))).toEqual([
      '[vitrine] <vitrine-countdown campaign="a"> ignored deadline="tomorrow"',
      '[vitrine] <vitrine-countdown campaign="b"> ignored deadline="tomorrow"',
      '[vitrine] <vitrine-countdown campaign="a"> ignored deadline="next week"',
    ]);
  });

  test('no attribute at all renders nothing, quietly', async () => {
    const el = await fixture<Countdown>(html`<vitrine-countdown></vitrine-countdown>`);
    expect(timer(el)).toBeNull();
    expect(vitrineWarnings()).toEqual([]);
  });

  test('defining twice is harmless (two copies of Vitrine on one page)', async () => {
    const defined = customElements.get('vitrine-countdown');
    expect(defined).toBeDefined();
    await import('@vitrine/countdown/define');
    vi.useRealTimers(); // the module loader of the test runner waits on real timers
    // A second copy of the module, as a second script tag or an npm bundle beside the CDN one would be.
    const secondCopy = `${new URL('../packages/countdown/src/define.ts', import.meta.url).href}?t=1`;
    await expect(import(/* @vite-ignore */ secondCopy)).resolves.toBeDefined();
    expect(customElements.get('vitrine-countdown')).toBe(defined);
    const el = await fixture<Countdown>(html`<vitrine-countdown deadline=${inFuture(HOUR)}></vitrine-countdown>`);
    expect(el).toBeInstanceOf(defined!);
    expect(readout(el)).toBe('01h 00m 00s');
  });
});
