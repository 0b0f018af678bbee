/**
 * One clock for the whole page, like github/relative-time-element's single scheduler: one
 * timeout, aligned to the next whole second, serves every countdown of every copy of Vitrine.
 * It stops while the tab is hidden (nothing to see, battery to save) and ticks at once when
 * the tab shows again, so every subscriber catches up in the same frame.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageSingleton } from '../bus.js';
import { pageNow } from '../now.js';

export type TickListener = (nowMs: number) => void;

export interface PageClock {
  subscribe(listener: TickListener): () => void;
  /** Subscribers right now (for tests and the debug panel). */
  readonly size: number;
}

function createClock(): PageClock {
  const listeners = new Set<TickListener>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const schedule = () => {
    stop();
    if (!listeners.size || document.hidden) return;
    // +1 ms so the tick lands just after the second turns, never just before it.
    timer = setTimeout(tick, 1001 - (pageNow() % 1000));
  };

  const tick = () => {
    timer = undefined;
    const now = pageNow();
    for (const listener of [...listeners]) {
      try {
        listener(now);
      } catch (error) {
        console.error('[vitrine] a clock subscriber threw:', error);
      }
    }
    schedule();
  };

  const onVisibility = () => (document.hidden ? stop() : tick());

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) document.addEventListener('visibilitychange', onVisibility);
      if (timer === undefined) schedule();
      return () => {
        if (!listeners.delete(listener)) return;
        if (!listeners.size) {
          stop();
          document.removeEventListener('visibilitychange', onVisibility);
        }
      };
    },
    get size() {
      return listeners.size;
    },
  };
}

/** The page's clock, shared by every copy of Vitrine. */
export function pageClock(): PageClock {
  return pageSingleton<PageClock>('vitrine.clock', (clock) => typeof clock?.subscribe === 'function', createClock);
}

/**
 * Ticks its host once a second while connected and `running`: calls `onTick` (default: a
 * re-render). A countdown that has ended sets `running = false` and costs nothing more.
 */
export class ClockController implements ReactiveController {
  #host: ReactiveControllerHost;
  #onTick: TickListener;
  #unsubscribe?: () => void;
  #running = true;
  #connected = false;

  constructor(host: ReactiveControllerHost, onTick?: TickListener) {
    this.#host = host;
    this.#onTick = onTick ?? (() => this.#host.requestUpdate());
    host.addController(this);
  }

  get running(): boolean {
    return this.#running;
  }

  set running(value: boolean) {
    this.#running = value;
    this.#sync();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#sync();
  }

  #sync(): void {
    const wanted = this.#connected && this.#running;
    if (wanted && !this.#unsubscribe) this.#unsubscribe = pageClock().subscribe(this.#onTick);
    if (!wanted && this.#unsubscribe) {
      this.#unsubscribe();
      this.#unsubscribe = undefined;
    }
  }
}
