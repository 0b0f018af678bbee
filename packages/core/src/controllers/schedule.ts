/**
 * `start` / `end`, and a recurrence inside them (`every`, `days`, `from`, `until`): the widget shows
 * only during an occurrence and appears or disappears on time while the page stays open — one
 * timeout to the next boundary, re-checked when a hidden tab shows again (timers are throttled in
 * the background, and a device clock may have jumped).
 *
 * This part sits in every page's shared code, so it is small: the recurrence math
 * (schedule/recurrence.ts) is a chunk of its own, loaded only by a widget that has a recurrence.
 * Until it has arrived such a widget shows nothing (as before its first occurrence): it never flashes.
 */
import type { ReactiveController } from 'lit';
import type { ScheduleHost } from '../host.js';
import { pageNow } from '../now.js';
import { blank } from '../parse/attribute.js';
import type { Schedule, ScheduleWindow } from '../schedule/recurrence.js';

type RecurrenceModule = typeof import('../schedule/recurrence.js');

let recurrenceModule: RecurrenceModule | undefined;
let loading: Promise<RecurrenceModule> | undefined;

/**
 * Loads the recurrence chunk (once per page) and resolves to it: `parseRecurrence`, `windowAt`,
 * `occurrences`, `describeRecurrence`, pure functions of an instant. A widget with a recurrence asks
 * for it when it connects; code that plans or previews awaits it before asking a schedule.
 */
export function loadRecurrence(): Promise<RecurrenceModule> {
  return (loading ??= import('../schedule/recurrence.js').then(
    (module) => (recurrenceModule = module),
    (error: unknown) => {
      // Offline or blocked: asked again at the next check (a tab shown again).
      loading = undefined;
      throw error;
    },
  ));
}

export type SchedulePhase = 'before' | 'active' | 'after';

/** Browsers clamp longer timeouts to run at once. */
const MAX_TIMEOUT = 2_147_483_647;

export class ScheduleController implements ReactiveController {
  #host: ScheduleHost;
  #timer?: ReturnType<typeof setTimeout>;
  #phase: SchedulePhase = 'active';
  #schedule: Schedule = { startAt: null, endAt: null, recurrence: null };
  /** A recurrence is set and its chunk is on its way. */
  #waiting = false;
  #connected = false;
  #inputs = '';

  constructor(host: ScheduleHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Where now stands against the schedule; always `active` in preview. */
  get phase(): SchedulePhase {
    return this.#host.previewing ? 'active' : this.#phase;
  }

  get active(): boolean {
    return this.phase === 'active';
  }

  /** The parsed `start`/`end` (null where absent or invalid): the campaign's bounds. */
  get window(): { startAt: number | null; endAt: number | null } {
    return { startAt: this.#schedule.startAt, endAt: this.#schedule.endAt };
  }

  /** The recurrence in words, e.g. `every fri, sat, sun 18:00–23:59 (Europe/Paris)`; null without one. */
  get recurrence(): string | null {
    const rule = this.#schedule.recurrence;
    return rule && recurrenceModule!.describeRecurrence(rule);
  }

  /**
   * The window containing `now` (an occurrence clipped to `start`/`end`, or without a recurrence the
   * `start`/`end` window itself, `startAt` -Infinity when there is no `start`), else the next one,
   * else null. Ignores preview: a plan or a time-travel preview asks about any instant. Null too
   * while the recurrence chunk loads (see `loadRecurrence`).
   */
  windowAt(now: number): ScheduleWindow | null {
    const schedule = this.#schedule;
    if (schedule.recurrence) return recurrenceModule!.windowAt(schedule, now);
    const { startAt, endAt } = schedule;
    return this.#waiting || (endAt !== null && now >= endAt) ? null : { startAt: startAt ?? -Infinity, endAt };
  }

  /** The windows that overlap [`from`, `to`), in order, at most `limit`. */
  occurrences(from: number, to: number, limit = 100): ScheduleWindow[] {
    const schedule = this.#schedule;
    if (schedule.recurrence) return recurrenceModule!.occurrences(schedule, from, to, limit);
    const window = this.windowAt(from);
    return window && window.startAt < to && limit > 0 ? [window] : [];
  }

  /** Where `now` stands against the schedule, in preview too (`before`: also between two occurrences). */
  phaseAt(now: number): SchedulePhase {
    const window = this.windowAt(now);
    return !window ? (this.#waiting ? 'before' : 'after') : now < window.startAt ? 'before' : 'active';
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#recheck);
    this.#inputs = '';
    this.#evaluate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#recheck);
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Runs before each render: re-reads the schedule when one of its attributes changed. */
  hostUpdate(): void {
    if (this.#read() !== this.#inputs) this.#evaluate();
  }

  #read(): string {
    const host = this.#host;
    return [host.start, host.end, host.timezone, host.every, host.days, host.from, host.until].join('|');
  }

  #recheck = () => {
    if (!document.hidden) this.#evaluate();
  };

  #evaluate(): void {
    const host = this.#host;
    this.#inputs = this.#read();
    const startAt = host.startAt;
    let endAt = host.endAt;
    if (startAt !== null && endAt !== null && endAt <= startAt) {
      host.warn('end', host.end, `a date-time after start="${host.start}"`);
      endAt = null;
    }
    const recurring = [host.every, host.days, host.from, host.until].some((value) => !blank(value));
    this.#waiting = recurring && !recurrenceModule;
    if (this.#waiting)
      void loadRecurrence().then(
        () => {
          if (!this.#connected) return;
          this.#evaluate();
          // Even when the phase stays (between two occurrences): the occurrences are known now (a countdown's end).
          host.requestUpdate();
        },
        () => {},
      );
    const recurrence =
      recurring && recurrenceModule ? recurrenceModule.parseRecurrence(host, host.warn.bind(host)) : null;
    this.#schedule = { startAt, endAt, recurrence };
    const now = pageNow();
    const window = this.windowAt(now);
    const phase = this.phaseAt(now);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const next = !window ? null : phase === 'before' ? window.startAt : window.endAt;
    if (next !== null) {
      this.#timer = setTimeout(() => this.#evaluate(), Math.min(Math.max(next - now, 0) + 1, MAX_TIMEOUT));
    }
    if (phase !== this.#phase) {
      this.#phase = phase;
      host.requestUpdate();
    }
  }
}
