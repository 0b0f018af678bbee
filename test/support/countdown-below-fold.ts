/**
 * What the off-screen countdown tests start from: a countdown three screens below the fold, on
 * fake timers (never slept), rendered. Shared by test/countdown-offscreen.test.ts and
 * test/browser-features.test.ts (the same countdown without IntersectionObserver).
 */
import { vi } from 'vitest';
import { fixture, html } from '@open-wc/testing-helpers';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@vitrine/countdown/define';

type Countdown = HTMLElementTagNameMap['vitrine-countdown'];

import { frames, NOW } from './fixture.js';

export { frames, NOW };

/** The seconds a countdown shows. */
export const seconds = (el: Countdown) =>
  el.shadowRoot!.querySelector('[part~="segment-seconds"] [part="value"]')?.textContent ?? null;

/**
 * Fakes the clock at NOW and renders a countdown (`format="ms"`) to NOW + `msLeft`, below the fold;
 * with a `layout`, in that layout and inside a line of text.
 */
export async function countdownBelowFold(msLeft: number, layout?: 'boxes' | 'inline'): Promise<Countdown> {
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const countdown = html`<vitrine-countdown
    deadline=${new Date(NOW + msLeft).toISOString()}
    format="ms"
    layout=${ifDefined(layout)}
  ></vitrine-countdown>`;
  const page = await fixture<HTMLElement>(html`
    <div>
      <div style="height: 400vh"></div>
      ${layout ? html`<p>Ends in ${countdown} today.</p>` : countdown}
    </div>
  `);
  const el = page.querySelector<Countdown>('vitrine-countdown')!;
  await el.updateComplete;
  return el;
}
