/**
 * `window.vitrine.plan()`: every widget of the page with its schedule (the window live now or the
 * next one, its recurrence) and what is wrong with the plan: two overlays live at the same time
 * (one waits for the other), a countdown that ends after the bar it sits in, an end before its
 * start, a start already past. Read from each widget's schedule controller, so a copy of Vitrine
 * that knows recurring schedules (`occurrences()`) answers with every occurrence, and one that
 * does not with its `start`/`end` window.
 */
import { connectedWidgets, debugDateTime } from '../debug-state.js';
import { pageNow } from '../now.js';
import { parseInstant } from './instant.js';

const DAY = 86_400_000;
/** How far ahead a plan looks for the next window and for overlaps. */
const HORIZON = 366 * DAY;
/** At most this many occurrences per widget (a recurring "every day" over a year is 366). */
const MAX_OCCURRENCES = 400;

/** One live window: `null` start = live since ever, `null` end = live for good. */
export interface LiveWindow {
  startAt: number | null;
  endAt: number | null;
}

/** What the plan reads on a widget's schedule controller (the recurring part where it exists). */
export interface ScheduleLike {
  readonly window?: LiveWindow;
  occurrences?(from: number, to: number, limit?: number): LiveWindow[];
  /** The occurrence live at `now`, or null. */
  windowAt?(now: number): LiveWindow | null;
  readonly recurrence?: string | null;
}

/** What the plan reads on a widget (core's VitrineElement, from any copy of Vitrine). */
interface PlannedWidget extends Element {
  readonly campaignId?: string;
  readonly startAt?: number | null;
  readonly endAt?: number | null;
  readonly timeZone?: string;
  readonly timeWindow?: ScheduleLike;
  /** A countdown's deadline. */
  readonly deadlineAt?: number | null;
  readonly mode?: string | null;
  readonly preview?: boolean;
}

export type ConflictKind = 'overlay-overlap' | 'countdown-after-bar' | 'end-before-start' | 'start-past';

export interface PlanConflict {
  kind: ConflictKind;
  /** A sentence for the merchant. */
  message: string;
  /** When it happens (the overlap of two overlays), where it has a time. */
  startAt?: number | null;
  endAt?: number | null;
}

export interface PlanRow {
  tag: string;
  campaign: string;
  /** Live at the plan's instant (the previewed one during a preview). */
  live: boolean;
  /** The window live now, else the next one (epoch ms; null: open-ended), or both undefined when it never shows again. */
  nextStartAt?: number | null;
  nextEndAt?: number | null;
  /** The same, written for people: `2026-11-27 00:00 (Europe/Paris)`, `—` open, `never` when no window is left. */
  nextStart: string;
  nextEnd: string;
  /** The recurrence rule in words, null when the widget has a single window. */
  recurrence: string | null;
  /** Live windows from the plan's instant over the coming year. */
  windows: LiveWindow[];
  conflicts: PlanConflict[];
}

/**
 * The live windows of `schedule` that overlap [from, to): its occurrences where the schedule
 * knows recurrence, else its one `start`/`end` window.
 */
export function liveWindows(schedule: ScheduleLike | undefined, from: number, to: number): LiveWindow[] {
  if (typeof schedule?.occurrences === 'function') {
    const found = schedule
      .occurrences(from, to, MAX_OCCURRENCES)
      .map(openEnded)
      .filter((window) => overlaps(window, { startAt: from, endAt: to }));
    // The occurrence already live at `from` (begun before it), where the list starts later.
    const live = schedule.windowAt?.(from);
    const current = live ? openEnded(live) : null;
    return current && !found.some((window) => window.startAt === current.startAt) ? [current, ...found] : found;
  }
  const window: LiveWindow = { startAt: schedule?.window?.startAt ?? null, endAt: schedule?.window?.endAt ?? null };
  return overlaps(window, { startAt: from, endAt: to }) ? [window] : [];
}

/** The schedule speaks of a window open since forever as starting at -Infinity; the plan says null. */
const openEnded = (window: LiveWindow): LiveWindow => ({
  startAt: Number.isFinite(window.startAt) ? window.startAt : null,
  endAt: window.endAt !== null && Number.isFinite(window.endAt) ? window.endAt : null,
});

const startOf = (window: LiveWindow) => window.startAt ?? -Infinity;
const endOf = (window: LiveWindow) => window.endAt ?? Infinity;

function overlaps(a: LiveWindow, b: LiveWindow): boolean {
  return startOf(a) < endOf(b) && startOf(b) < endOf(a);
}

/** The first time two lists of windows are live together, or null. */
function firstOverlap(a: LiveWindow[], b: LiveWindow[]): LiveWindow | null {
  let found: LiveWindow | null = null;
  for (const left of a)
    for (const right of b) {
      if (!overlaps(left, right)) continue;
      const startAt = Math.max(startOf(left), startOf(right));
      const endAt = Math.min(endOf(left), endOf(right));
      if (!found || startAt < startOf(found))
        found = { startAt: Number.isFinite(startAt) ? startAt : null, endAt: Number.isFinite(endAt) ? endAt : null };
    }
  return found;
}

const isOverlay = (widget: PlannedWidget) =>
  widget.localName === 'vitrine-exit-popup' ||
  (widget.localName === 'vitrine-wheel' && widget.getAttribute('mode')?.trim().toLowerCase() === 'popup');

const nameOf = (widget: PlannedWidget) => `<${widget.localName}> "${widget.campaignId ?? widget.localName}"`;

/**
 * The plan of the page from `now` (an instant as `preview()` takes it; by default the page's now,
 * which is the previewed instant during a preview).
 */
export function plan(options: { now?: string | number | Date | null } = {}): PlanRow[] {
  const now = parseInstant(options.now)?.at ?? pageNow();
  const widgets = [...connectedWidgets<PlannedWidget>()]
    .filter((widget) => widget.isConnected)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1));
  const when = (at: number | null | undefined, zone: string | undefined, open: string) =>
    at === undefined ? 'never' : at === null ? open : debugDateTime(at, zone);
  const rows = new Map<PlannedWidget, PlanRow>();
  for (const widget of widgets) {
    const schedule = widget.timeWindow;
    const windows = liveWindows(schedule, now, now + HORIZON);
    const next = windows.find((window) => endOf(window) > now);
    const zone = widget.timeZone;
    const conflicts: PlanConflict[] = [];
    const { startAt = null, endAt = null } = widget;
    if (startAt !== null && endAt !== null && endAt <= startAt)
      conflicts.push({
        kind: 'end-before-start',
        message: `end ${debugDateTime(endAt, zone)} is not after start ${debugDateTime(startAt, zone)}: the end is ignored`,
      });
    if (startAt !== null && startAt < now)
      conflicts.push({
        kind: 'start-past',
        message:
          endAt !== null && endAt <= now && endAt > startAt
            ? `start ${debugDateTime(startAt, zone)} and end ${debugDateTime(endAt, zone)} are past: it no longer shows`
            : `start ${debugDateTime(startAt, zone)} is already past`,
      });
    rows.set(widget, {
      tag: widget.localName,
      campaign: widget.campaignId ?? widget.localName,
      live: !!next && startOf(next) <= now,
      nextStartAt: next?.startAt,
      nextEndAt: next?.endAt,
      nextStart: when(next?.startAt, zone, '—'),
      nextEnd: when(next?.endAt, zone, '—'),
      recurrence: schedule?.recurrence ?? null,
      windows,
      conflicts,
    });
  }

  // Two overlays live together: the overlay topic makes the second wait (SPEC 3), so it may never show.
  const overlays = widgets.filter(isOverlay);
  overlays.forEach((first, index) => {
    for (const second of overlays.slice(index + 1)) {
      const overlap = firstOverlap(rows.get(first)!.windows, rows.get(second)!.windows);
      if (!overlap) continue;
      const from = overlap.startAt === null || overlap.startAt < now ? 'now' : debugDateTime(overlap.startAt);
      const to = overlap.endAt === null ? '' : ` to ${debugDateTime(overlap.endAt)}`;
      for (const [widget, other] of [
        [first, second],
        [second, first],
      ])
        rows.get(widget)!.conflicts.push({
          kind: 'overlay-overlap',
          message: `overlaps ${nameOf(other)} from ${from}${to}: two overlays on one page take turns, one waits`,
          ...overlap,
        });
    }
  });

  // A countdown in a bar (or beside it, in the same parent) that counts past the bar's end: its zero is never seen.
  for (const countdown of widgets.filter((widget) => widget.localName === 'vitrine-countdown')) {
    const bar =
      countdown.closest<PlannedWidget>('vitrine-sticky-bar') ??
      [...(countdown.parentElement?.children ?? [])].find(
        (sibling): sibling is PlannedWidget => sibling.localName === 'vitrine-sticky-bar',
      );
    const barRow = bar && rows.get(bar);
    if (!bar || !barRow) continue;
    const barEnd = barRow.windows.find((window) => endOf(window) > now)?.endAt ?? bar.endAt ?? null;
    const countdownEnd =
      countdown.hasAttribute('deadline') && typeof countdown.deadlineAt === 'number'
        ? countdown.deadlineAt
        : (rows.get(countdown)!.nextEndAt ?? null);
    if (barEnd === null || countdownEnd === null || countdownEnd <= barEnd) continue;
    rows.get(countdown)!.conflicts.push({
      kind: 'countdown-after-bar',
      message: `counts to ${debugDateTime(countdownEnd, countdown.timeZone)} but its bar ${nameOf(bar)} ends ${debugDateTime(barEnd, bar.timeZone)}: shoppers never see it reach zero`,
      startAt: barEnd,
      endAt: countdownEnd,
    });
  }
  return [...rows.values()];
}
