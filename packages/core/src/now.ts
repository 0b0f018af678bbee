/**
 * The page's "now": the device clock, or the instant a time-travel preview moved it to
 * (`?vitrine-now=…`, `window.vitrine.preview({ now })`, the debug panel, Storybook's Calendar).
 * While a preview runs, `timeTravelling()` is true and nothing is recorded or sent: it is the one
 * flag every writer checks (storage, the lead outbox, analytics, attribution, experiment buckets),
 * so a merchant may look at Black Friday in July without starting an evergreen, spending a spin or
 * counting a view. Tiny on purpose: the preview itself (parsing, badge, plan) is a chunk of its
 * own (time-travel/), fetched only when asked for; it sets the shared record read here.
 */
import { pageValue } from './bus.js';

/** The page-wide record (`vitrine.now`), shared by every copy of Vitrine on the page. */
export interface PageTime {
  /** A preview is on: nothing is stored, queued or sent. */
  travelling: boolean;
  /** Added to the device clock: the previewed instant minus the real one when the preview started. */
  offsetMs: number;
}

const pageTime = (): PageTime | undefined => pageValue<PageTime>('vitrine.now');

/** Epoch ms of the page's now: `Date.now()`, moved by a time-travel preview. */
export function pageNow(): number {
  return Date.now() + (Number(pageTime()?.offsetMs) || 0);
}

/** Whether a time-travel preview is on: then nothing may be stored, queued or sent. */
export function timeTravelling(): boolean {
  return pageTime()?.travelling === true;
}
