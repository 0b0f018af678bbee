/**
 * When a pop-up asks to open: `trigger="exit time:20s scroll:50% idle:30s"` (any fires, once
 * per page view), never before `min-time`.
 *
 * Exit intent, desktop (a fine pointer): the pointer leaves the page through the top edge
 * while moving up — not through a side, not into a `<select>`'s own drop-down (which the
 * browser reports as leaving the page), not before `min-time`.
 * Exit intent, touch: a fast scroll back up after the visitor has read down the page, the
 * gesture that brings back the browser's address bar. Back-navigation is not intercepted:
 * detecting it would mean adding a fake history entry or cancelling a navigation, i.e.
 * trapping the visitor, which we never do.
 */
import type { ReactiveController } from 'lit';
import type { WidgetHost } from '../host.js';
import { parseDuration } from '../parse/duration.js';

export type TriggerKind = 'exit' | 'time' | 'scroll' | 'idle';

export interface Trigger {
  kind: TriggerKind;
  /** ms for time and idle, a fraction (0–1) for scroll. */
  value: number;
}

export const TRIGGER_EXPECTED = 'space-separated triggers: exit, time:<duration>, scroll:<0-100>%, idle:<duration>';

/** How close to the top edge (px) the pointer must be when it leaves the page. */
const EXIT_EDGE = 12;
/** A scroll up faster than this (px/ms) over at least this distance (px), after reading this far down (px). */
const TOUCH_UP_SPEED = 1.2;
const TOUCH_UP_DISTANCE = 120;
const TOUCH_MIN_DEPTH = 400;

/** Parses `trigger`; invalid tokens are reported through `onInvalid` and skipped; empty → `exit`. */
export function parseTriggers(value: string | null | undefined, onInvalid: (token: string) => void): Trigger[] {
  const triggers: Trigger[] = [];
  for (const token of (value ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    const [kind, argument = ''] = token.split(':');
    if (kind === 'exit' && !argument) triggers.push({ kind, value: 0 });
    else if ((kind === 'time' || kind === 'idle') && parseDuration(argument) !== null)
      triggers.push({ kind, value: parseDuration(argument)! });
    else if (kind === 'scroll' && /^\d{1,3}%?$/.test(argument) && Number(argument.replace('%', '')) <= 100)
      triggers.push({ kind, value: Number(argument.replace('%', '')) / 100 });
    else onInvalid(token);
  }
  return triggers.length ? triggers : [{ kind: 'exit', value: 0 }];
}

export class TriggerController implements ReactiveController {
  #host: WidgetHost;
  #onFire: (trigger: TriggerKind) => void;
  #triggers: Trigger[] = [];
  #minTimeMs = 0;
  #armedAt = 0;
  #fired = false;
  #armed = false;
  #timers: Array<ReturnType<typeof setTimeout>> = [];
  #idleTimer?: ReturnType<typeof setTimeout>;
  #cleanups: Array<() => void> = [];
  #lastPointer: { y: number } | null = null;
  #lastScroll: { y: number; t: number; max: number } | null = null;
  /** A state trigger (time, scroll, idle) that came before min-time: it fires when min-time is reached. */
  #deferred: TriggerKind | null = null;

  constructor(host: WidgetHost, onFire: (trigger: TriggerKind) => void) {
    this.#host = host;
    this.#onFire = onFire;
    host.addController(this);
  }

  /** (Re)configures from the attributes; call from `willUpdate`. Re-arms when connected. */
  configure(trigger: string | null | undefined, minTimeMs: number): void {
    this.#triggers = parseTriggers(trigger, (token) => this.#host.warn('trigger', token, TRIGGER_EXPECTED));
    this.#minTimeMs = minTimeMs;
    this.#deferred = null;
    if (this.#armed) {
      this.disarm();
      this.arm();
    }
  }

  /** Whether a trigger has fired in this page view. */
  get fired(): boolean {
    return this.#fired;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.disarm();
  }

  /** Starts listening (when the overlay may open at all: in its window, not dismissed, not converted). */
  arm(): void {
    if (this.#armed || this.#fired) return;
    this.#armed = true;
    this.#armedAt ||= Date.now();
    const sinceArmed = Date.now() - this.#armedAt;
    this.#timers.push(setTimeout(() => this.#ready(), Math.max(0, this.#minTimeMs - sinceArmed)));
    for (const trigger of this.#triggers) {
      if (trigger.kind === 'time')
        this.#timers.push(setTimeout(() => this.#fire('time'), Math.max(0, trigger.value - sinceArmed)));
      if (trigger.kind === 'idle') this.#watchIdle(trigger.value);
      if (trigger.kind === 'scroll') {
        this.#listen(window, 'scroll', () => this.#checkDepth(trigger.value));
        // A page restored where it was read (reload, back/forward) may be past the depth already;
        // checked once arming is over (firing disarms).
        this.#timers.push(setTimeout(() => this.#checkDepth(trigger.value)));
      }
      if (trigger.kind === 'exit') {
        this.#listen(document, 'mousemove', this.#onPointerMove);
        this.#listen(document, 'mouseout', this.#onMouseOut);
        this.#listen(window, 'scroll', this.#onTouchScroll);
      }
    }
  }

  disarm(): void {
    this.#armed = false;
    for (const timer of this.#timers) clearTimeout(timer);
    clearTimeout(this.#idleTimer);
    this.#timers = [];
    for (const cleanup of this.#cleanups) cleanup();
    this.#cleanups = [];
  }

  #listen(target: EventTarget, type: string, listener: (event: Event) => void): void {
    target.addEventListener(type, listener, { passive: true });
    this.#cleanups.push(() => target.removeEventListener(type, listener));
  }

  get #minTimeReached(): boolean {
    return Date.now() - this.#armedAt >= this.#minTimeMs;
  }

  #ready(): void {
    if (this.#deferred) this.#fire(this.#deferred);
  }

  #fire(kind: TriggerKind): void {
    if (this.#fired || !this.#armed) return;
    if (!this.#minTimeReached) {
      // Exit intent is a moment: gone if too early. A reached time, depth or idleness still holds later.
      if (kind !== 'exit') this.#deferred ??= kind;
      return;
    }
    this.#fired = true;
    this.disarm();
    this.#onFire(kind);
  }

  #watchIdle(idleMs: number): void {
    const restart = () => {
      clearTimeout(this.#idleTimer);
      this.#idleTimer = setTimeout(() => this.#fire('idle'), idleMs);
    };
    for (const type of ['pointermove', 'pointerdown', 'keydown', 'scroll', 'touchstart', 'wheel']) {
      this.#listen(type === 'scroll' ? window : document, type, restart);
    }
    restart();
  }

  #checkDepth(fraction: number): void {
    const root = document.documentElement;
    const scrollable = root.scrollHeight - window.innerHeight;
    if (scrollable > 0 && window.scrollY / scrollable >= fraction) this.#fire('scroll');
  }

  #onPointerMove = (event: Event) => {
    this.#lastPointer = { y: (event as MouseEvent).clientY };
  };

  #onMouseOut = (event: Event) => {
    const mouse = event as MouseEvent;
    if (mouse.relatedTarget !== null) return;
    // Leaving into a <select>'s drop-down is reported as leaving the page. The path, not the
    // target: a select inside a theme's web component is retargeted to its host at the document.
    const path = mouse.composedPath();
    if (path.some((node) => node instanceof Element && node.matches('select, option, datalist, input[list]'))) return;
    if (mouse.clientY > EXIT_EDGE) return;
    if (mouse.clientX < 0 || mouse.clientX > window.innerWidth) return;
    // Upward velocity: the last move before leaving went up (a pointer sliding along the edge does not).
    if (this.#lastPointer && mouse.clientY >= this.#lastPointer.y) return;
    this.#fire('exit');
  };

  #onTouchScroll = () => {
    if (!matchMedia('(pointer: coarse)').matches) return;
    const now = performance.now();
    const y = window.scrollY;
    const last = this.#lastScroll;
    const max = Math.max(last?.max ?? 0, y);
    if (last && last.y - y >= TOUCH_UP_DISTANCE && max >= TOUCH_MIN_DEPTH) {
      const speed = (last.y - y) / Math.max(1, now - last.t);
      if (speed >= TOUCH_UP_SPEED) {
        this.#fire('exit');
        return;
      }
    }
    // Measure the upward run from where it began: reset the reference when the direction changes or it is slow.
    if (!last || y > last.y || now - last.t > 300) this.#lastScroll = { y, t: now, max };
    else this.#lastScroll = { ...last, max };
  };
}
