/**
 * `start` / `end`: the widget shows only inside its window and appears or disappears on time
 * while the page stays open — one timeout to the next boundary, re-checked when a hidden tab
 * shows again (timers are throttled in the background, and a device clock may have jumped).
 */
import type { ReactiveController } from 'lit';
import type { ScheduleHost } from '../host.js';
import { pageNow } from '../now.js';

export type SchedulePhase = 'before' | 'active' | 'after';

/** Browsers clamp longer timeouts to run at once. */
const MAX_TIMEOUT = 2_147_483_647;

export class ScheduleController implements ReactiveController {
  #host: ScheduleHost;
  #timer?: ReturnType<typeof setTimeout>;
  #phase: SchedulePhase = 'active';
  #window: { startAt: number | null; endAt: number | null } = { startAt: null, endAt: null };
  #inputs = '';

  constructor(host: ScheduleHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Where now stands against the window; always `active` in preview. */
  get phase(): SchedulePhase {
    return this.#host.previewing ? 'active' : this.#phase;
  }

  get active(): boolean {
    return this.phase === 'active';
  }

  /** The parsed window (null where absent or invalid). */
  get window(): { startAt: number | null; endAt: number | null } {
    return this.#window;
  }

  /** Where `now` stands against the parsed window, in preview too. */
  phaseAt(now: number): SchedulePhase {
    const { startAt, endAt } = this.#window;
    return startAt !== null && now < startAt ? 'before' : endAt !== null && now >= endAt ? 'after' : 'active';
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#recheck);
    this.#inputs = '';
    this.#evaluate();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#recheck);
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Runs before each render: re-reads the window when `start`, `end` or `timezone` changed. */
  hostUpdate(): void {
    const inputs = `${this.#host.start}|${this.#host.end}|${this.#host.timezone}`;
    if (inputs !== this.#inputs) this.#evaluate();
  }

  #recheck = () => {
    if (!document.hidden) this.#evaluate();
  };

  #evaluate(): void {
    const host = this.#host;
    this.#inputs = `${host.start}|${host.end}|${host.timezone}`;
    const startAt = host.startAt;
    let endAt = host.endAt;
    if (startAt !== null && endAt !== null && endAt <= startAt) {
      host.warn('end', host.end, `a date-time after start="${host.start}"`);
      endAt = null;
    }
    this.#window = { startAt, endAt };
    const now = pageNow();
    const phase = this.phaseAt(now);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const next = phase === 'before' ? startAt : phase === 'active' ? endAt : null;
    if (next !== null) {
      this.#timer = setTimeout(() => this.#evaluate(), Math.min(Math.max(next - now, 0) + 1, MAX_TIMEOUT));
    }
    if (phase !== this.#phase) {
      this.#phase = phase;
      host.requestUpdate();
    }
  }
}
