/**
 * TriggerController in real Chromium with fake timers: exit intent through the top edge (not
 * a side, not a select, not before min-time), time, scroll depth, idleness, the touch gesture.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fixture, fixtureCleanup, html } from '@open-wc/testing-helpers';
import { html as litHtml } from 'lit';
import { TriggerController, VitrineElement, parseTriggers, type TriggerKind } from '@vitrine/core';
import { useTestPage } from '../support/fixture.js';

class TestTriggers extends VitrineElement {
  fires: TriggerKind[] = [];
  triggers = new TriggerController(this, (kind) => this.fires.push(kind));

  override render() {
    return litHtml`<select aria-label="Size"><option>S</option><option>M</option></select>`;
  }
}
if (!customElements.get('test-triggers')) customElements.define('test-triggers', TestTriggers);

const SECOND = 1000;

/** A host armed with `trigger` and `minTimeMs` (0 unless said). */
async function armed(trigger: string, minTimeMs = 0): Promise<TestTriggers> {
  const host = await fixture<TestTriggers>(html`<test-triggers campaign="t"></test-triggers>`);
  host.triggers.configure(trigger, minTimeMs);
  host.triggers.arm();
  return host;
}

/** The pointer moves to `clientY`, then leaves the page at (`clientX`, `leaveY`) with nothing under it. */
function leave({ fromY = 40, clientX = 300, leaveY = -1, target = document.body } = {}): void {
  document.body.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX, clientY: fromY }));
  target.dispatchEvent(
    new MouseEvent('mouseout', { bubbles: true, composed: true, clientX, clientY: leaveY, relatedTarget: null }),
  );
}

/** Plain elements for the page (open-wc's fixture waits a frame for them, which fake timers never give). */
const added: Element[] = [];
function addToPage<T extends Element>(markup: string): T {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const element = template.content.firstElementChild as T;
  document.body.append(element);
  added.push(element);
  return element;
}
const tallPage = () => addToPage<HTMLElement>('<div style="block-size: 5000px"></div>');

function scrollPage(y: number): void {
  window.scrollTo(0, y);
  window.dispatchEvent(new Event('scroll'));
}

const testPage = useTestPage({ now: Date.now() });

afterEach(() => {
  for (const element of added.splice(0)) element.remove();
  window.scrollTo(0, 0);
});

describe('parseTriggers', () => {
  test('reads exit, time:, scroll:, idle: in any order; empty means exit', () => {
    const invalid = vi.fn();
    expect(parseTriggers('exit time:20s scroll:50% idle:1m30s', invalid)).toEqual([
      { kind: 'exit', value: 0 },
      { kind: 'time', value: 20 * SECOND },
      { kind: 'scroll', value: 0.5 },
      { kind: 'idle', value: 90 * SECOND },
    ]);
    expect(parseTriggers('  SCROLL:75  ', invalid)).toEqual([{ kind: 'scroll', value: 0.75 }]);
    expect(parseTriggers('', invalid)).toEqual([{ kind: 'exit', value: 0 }]);
    expect(parseTriggers(null, invalid)).toEqual([{ kind: 'exit', value: 0 }]);
    expect(invalid).not.toHaveBeenCalled();
  });

  test('skips and reports each invalid token; nothing valid left means exit', () => {
    const invalid = vi.fn();
    expect(parseTriggers('sometimes time:soon scroll:150% exit:now idle:', invalid)).toEqual([
      { kind: 'exit', value: 0 },
    ]);
    expect(invalid.mock.calls.map((call) => call[0] as string)).toEqual([
      'sometimes',
      'time:soon',
      'scroll:150%',
      'exit:now',
      'idle:',
    ]);
    expect(parseTriggers('time:10s bogus', invalid)).toEqual([{ kind: 'time', value: 10 * SECOND }]);
  });

  test('configure warns once per bad token, in the house format', async () => {
    const host = await fixture<TestTriggers>(html`<test-triggers campaign="bf"></test-triggers>`);
    host.triggers.configure('exit sometimes', 0);
    host.triggers.configure('exit sometimes', 0);
    const warnings = testPage.warn.mock.calls.map((call) => String(call[0]));
    expect(warnings).toEqual([
      '[vitrine] <test-triggers campaign="bf"> ignored trigger="sometimes": expected space-separated triggers: exit, time:<duration>, scroll:<0-100>%, idle:<duration>',
    ]);
  });
});

describe('exit intent (desktop)', () => {
  test('fires when the pointer leaves through the top edge, moving up', async () => {
    const host = await armed('exit');
    leave();
    expect(host.fires).toEqual(['exit']);
    expect(host.triggers.fired).toBe(true);
  });

  test('not when it leaves through a side, even near the top', async () => {
    const host = await armed('exit');
    leave({ clientX: window.innerWidth + 5, fromY: 8, leaveY: 6 });
    leave({ clientX: -3, fromY: 8, leaveY: 6 });
    expect(host.fires).toEqual([]);
  });

  test('not when it leaves mid-page (a side exit, a window switch)', async () => {
    const host = await armed('exit');
    leave({ fromY: 420, leaveY: 400 });
    expect(host.fires).toEqual([]);
  });

  test('not when it slides along the top edge or moves down', async () => {
    const host = await armed('exit');
    leave({ fromY: 2, leaveY: 5 });
    expect(host.fires).toEqual([]);
  });

  test('not when a <select> opens its list (Chromium reports leaving the page), in the page or in a shadow root', async () => {
    const host = await armed('exit');
    const select = addToPage<HTMLSelectElement>('<select aria-label="Colour"><option>Red</option></select>');
    leave({ target: select });
    leave({ target: host.shadowRoot!.querySelector('select')! });
    leave({ target: host.shadowRoot!.querySelector('option')! });
    expect(host.fires).toEqual([]);
    leave();
    expect(host.fires).toEqual(['exit']);
  });

  test('not when something is under the pointer (moving from one element to another)', async () => {
    const host = await armed('exit');
    document.body.dispatchEvent(
      new MouseEvent('mouseout', { bubbles: true, clientY: -1, relatedTarget: document.documentElement }),
    );
    expect(host.fires).toEqual([]);
  });

  test('not before min-time: an exit that came too early is gone, the next one after min-time fires', async () => {
    const host = await armed('exit', 5 * SECOND);
    vi.advanceTimersByTime(4 * SECOND);
    leave();
    vi.advanceTimersByTime(2 * SECOND);
    expect(host.fires).toEqual([]);
    leave();
    expect(host.fires).toEqual(['exit']);
  });

  test('fires once per page view', async () => {
    const host = await armed('exit');
    leave();
    leave();
    host.triggers.arm();
    leave();
    expect(host.fires).toEqual(['exit']);
  });

  test('disarmed, nothing fires; removed from the page, nothing fires', async () => {
    const host = await armed('exit time:2s');
    host.triggers.disarm();
    leave();
    vi.advanceTimersByTime(3 * SECOND);
    expect(host.fires).toEqual([]);
    host.triggers.arm();
    host.remove();
    leave();
    vi.advanceTimersByTime(3 * SECOND);
    expect(host.fires).toEqual([]);
  });
});

describe('exit intent (touch): a fast scroll back up after reading down', () => {
  const coarsePointer = () =>
    vi
      .spyOn(window, 'matchMedia')
      .mockImplementation((query: string) => ({ matches: query.includes('coarse'), media: query }) as MediaQueryList);

  test('fires on a fast upward scroll; not on a slow one, nor on a fine pointer', async () => {
    tallPage();
    const mouse = await armed('exit');
    scrollPage(1500);
    vi.advanceTimersByTime(100);
    scrollPage(1200);
    expect(mouse.fires).toEqual([]);
    fixtureCleanup();
    window.scrollTo(0, 0);

    coarsePointer();
    const touch = await armed('exit');
    // Reading down, then scrolling back up slowly: no intent.
    scrollPage(1500);
    for (let y = 1480; y >= 1300; y -= 20) {
      vi.advanceTimersByTime(400);
      scrollPage(y);
    }
    expect(touch.fires).toEqual([]);
    // A flick up: 300 px in 100 ms.
    vi.advanceTimersByTime(50);
    scrollPage(1300);
    vi.advanceTimersByTime(100);
    scrollPage(1000);
    expect(touch.fires).toEqual(['exit']);
  });

  test('not near the top of the page (nothing read yet)', async () => {
    tallPage();
    coarsePointer();
    const touch = await armed('exit');
    scrollPage(300);
    vi.advanceTimersByTime(50);
    scrollPage(0);
    expect(touch.fires).toEqual([]);
  });
});

describe('time, scroll, idle', () => {
  test('time:20s fires 20 s after arming', async () => {
    const host = await armed('time:20s');
    vi.advanceTimersByTime(20 * SECOND - 1);
    expect(host.fires).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(host.fires).toEqual(['time']);
  });

  test('a time reached before min-time fires when min-time is reached', async () => {
    const host = await armed('time:2s', 10 * SECOND);
    vi.advanceTimersByTime(9 * SECOND);
    expect(host.fires).toEqual([]);
    vi.advanceTimersByTime(SECOND);
    expect(host.fires).toEqual(['time']);
  });

  test('scroll:50% fires once half the page has been scrolled', async () => {
    tallPage();
    const host = await armed('scroll:50%');
    const scrollable = document.documentElement.scrollHeight - window.innerHeight;
    scrollPage(scrollable * 0.4);
    expect(host.fires).toEqual([]);
    scrollPage(scrollable * 0.55);
    expect(host.fires).toEqual(['scroll']);
  });

  test('scroll: a page already past the depth when armed (restored on reload) fires without a scroll event', async () => {
    tallPage();
    window.scrollTo(0, document.documentElement.scrollHeight);
    const host = await armed('scroll:30%');
    expect(host.fires).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(host.fires).toEqual(['scroll']);
  });

  test('idle:30s fires after 30 s without activity; activity starts the wait again', async () => {
    const host = await armed('idle:30s');
    vi.advanceTimersByTime(20 * SECOND);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(20 * SECOND);
    document.dispatchEvent(new PointerEvent('pointermove'));
    vi.advanceTimersByTime(29 * SECOND);
    expect(host.fires).toEqual([]);
    vi.advanceTimersByTime(SECOND);
    expect(host.fires).toEqual(['idle']);
  });

  test('any of several fires, the first wins, once', async () => {
    const host = await armed('exit time:30s idle:10s');
    vi.advanceTimersByTime(10 * SECOND);
    leave();
    vi.advanceTimersByTime(30 * SECOND);
    expect(host.fires).toEqual(['idle']);
  });

  test('re-configured while armed, it listens to the new triggers only', async () => {
    const host = await armed('time:5s');
    host.triggers.configure('time:20s', 0);
    vi.advanceTimersByTime(10 * SECOND);
    expect(host.fires).toEqual([]);
    vi.advanceTimersByTime(10 * SECOND);
    expect(host.fires).toEqual(['time']);
  });
});
