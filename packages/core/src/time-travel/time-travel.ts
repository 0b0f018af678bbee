/**
 * Time-travel preview (`@vitrine/core/time-travel`, a chunk of its own, fetched only when asked
 * for): `?vitrine-now=2026-11-27T08:00`, `window.vitrine.preview({ now })`, the debug panel's
 * date field and Storybook's Calendar make every widget of the page behave as at that instant —
 * schedules, countdowns (the page clock), evergreen and daily cut-offs, dismissals that would
 * have run out, the visitor's age for `visitor="returning"` — while nothing is stored, queued or
 * sent (now.ts's `timeTravelling()`, which every writer checks). A badge says so on the page.
 *
 * How it relates to the `preview` attribute: that one is the designer's "show me this widget
 * whatever the schedule" (always active, no targeting); time travel keeps every rule and moves
 * the clock, so a merchant sees exactly what a shopper would see then. Both send nothing.
 */
import { pageSingleton, pageValue } from '../bus.js';
import { connectedWidgets } from '../debug-state.js';
import type { PageTime } from '../now.js';
import { showBadge, removeBadge } from './badge.js';
import { createCalendar } from './calendar.js';
import { plan } from './plan.js';
import { INSTANT_EXPECTED, parseInstant, type Instant } from './instant.js';

export { plan, liveWindows } from './plan.js';
export type { PlanRow, PlanConflict, ConflictKind, LiveWindow, ScheduleLike } from './plan.js';
export { parseInstant, INSTANT_EXPECTED } from './instant.js';
export type { Instant } from './instant.js';
export { badgeDate } from './badge.js';

const PARAMETER = 'vitrine-now';

export interface PreviewOptions {
  /**
   * The instant: `2026-11-27T08:00` (the visitor's zone), with `Z`, an offset or `[Europe/Paris]`;
   * a `Date` or epoch ms. `null` goes back to the live page (a reload without `?vitrine-now`, so
   * nothing the preview kept in memory lingers).
   */
  now?: string | number | Date | null;
}

/** The preview running, as `window.vitrine.preview()` answers it. */
export interface PreviewState {
  /** ISO 8601 (UTC) of the previewed instant. */
  now: string;
  /** The zone the badge reads it in. */
  zone: string;
}

let current: Instant | null = null;

const pageTime = (): PageTime =>
  pageSingleton<PageTime>(
    'vitrine.now',
    (time) => typeof time === 'object' && time !== null,
    () => ({ travelling: false, offsetMs: 0 }),
  );

const stateOf = (instant: Instant | null): PreviewState | null =>
  instant && { now: new Date(instant.at).toISOString(), zone: instant.zone };

/** This page's URL without `?vitrine-now`: where "Exit" and `preview({ now: null })` go. */
export function liveUrl(href = location.href): string {
  const url = new URL(href);
  url.searchParams.delete(PARAMETER);
  return url.href;
}

/**
 * Re-creates every widget, as `window.vitrine.reset()` does: a fresh element reads its schedule,
 * evergreen deadline, dismissal and targeting again, at the new instant.
 */
function restartWidgets(): void {
  const overlays = pageValue<{ open: unknown; closed: number }>('vitrine.overlays');
  if (overlays && overlays.open == null) overlays.closed = 0;
  for (const widget of [...connectedWidgets()]) if (widget.isConnected) widget.replaceWith(widget.cloneNode(true));
}

function travelTo(instant: Instant): void {
  const time = pageTime();
  // Set before anything else: from here on nothing is stored or sent, whatever runs next.
  time.travelling = true;
  time.offsetMs = instant.at - Date.now();
  current = instant;
  const fromUrl = new URLSearchParams(location.search).has(PARAMETER);
  showBadge(instant.at, instant.zone, fromUrl ? liveUrl() : null);
  restartWidgets();
}

/**
 * Starts, moves or ends the preview (see `PreviewOptions`); without options, tells the one
 * running. A value that is not an instant keeps what runs, with one `[vitrine]` warning.
 */
export function preview(options?: PreviewOptions): PreviewState | null {
  if (!options || !('now' in options)) return stateOf(current);
  if (options.now == null) {
    if (pageValue<PageTime>('vitrine.now')?.travelling) location.replace(liveUrl());
    return null;
  }
  const instant = parseInstant(options.now);
  if (!instant) {
    console.warn(`[vitrine] ignored preview({ now: ${JSON.stringify(options.now)} }): expected ${INSTANT_EXPECTED}`);
    return stateOf(current);
  }
  travelTo(instant);
  return stateOf(instant);
}

/**
 * `?vitrine-now=…` (the loader calls it before it loads any widget). A value that is not an
 * instant still previews, at the real now: the merchant asked for a page that records nothing.
 */
export function previewFromUrl(): PreviewState | null {
  const value = new URLSearchParams(location.search).get(PARAMETER);
  if (value === null) return null;
  let instant = parseInstant(value);
  if (!instant) {
    console.warn(`[vitrine] ignored ?${PARAMETER}="${value}": expected ${INSTANT_EXPECTED}; previewing now`);
    instant = parseInstant(Date.now())!;
  }
  travelTo(instant);
  return stateOf(instant);
}

/** The debug panel's Calendar (calendar.ts) over this chunk's plan and preview. */
export const calendar = (french: boolean) => createCalendar({ plan: () => plan(), preview }, french);

/**
 * Ends a preview in place, without a reload (Storybook's Calendar, tests): what the preview kept
 * in memory stays for this page view, which is why `preview({ now: null })` reloads instead.
 */
export function stopTimeTravel(): void {
  const time = pageValue<PageTime>('vitrine.now');
  if (!time?.travelling) return;
  time.travelling = false;
  time.offsetMs = 0;
  current = null;
  removeBadge();
  restartWidgets();
}
