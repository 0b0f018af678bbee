/**
 * `window.vitrine` as the loader installs it at once: the bus for code without a bundler
 * (`publish`, `subscribe`, `last`), the queue pushed before the script loaded
 * (`(window.vitrine = window.vitrine || []).push(['publish', 'cart', {…}])`), run in order, with
 * `push` working afterwards, and the merchant's texts. The other methods (debug, reset, conversion,
 * attribution, preview, plan) are calls into the API chunk (api.ts), which the loader fetches at
 * the first call: the loader stays small, and a page where nobody asks never downloads it.
 */
import { addTexts, getBus, type Topic, type Topics } from '@vitrine/core/bus';
import type { Attribution, AttributionRow, ConversionInput } from '@vitrine/core/attribution';
import type { PlanRow, PreviewOptions, PreviewState } from '@vitrine/core/time-travel';
import type { DebugRow } from './debug-row.js';

export type { DebugRow } from './debug-row.js';

/** The API chunk's methods (api.ts), as the loader's stub calls them. */
export type ApiChunk = Pick<typeof import('./api.js'), LazyMethod>;
type LazyMethod = (typeof LAZY_METHODS)[number];
const LAZY_METHODS = ['debug', 'reset', 'conversion', 'attribution', 'preview', 'plan'] as const;

/** What a queued command may call (`['publish', topic, payload]` …), in the order the warning names them. */
const QUEUED = ['publish', 'subscribe', 'conversion', 'texts'];

/** A queued call: `['publish', topic, payload]`, `['subscribe', topic, handler]`, `['conversion', order]` or `['texts', texts]`. */
type Command = [method: 'publish' | 'subscribe' | 'conversion' | 'texts', ...args: unknown[]];

export interface VitrineApi {
  publish<T extends Topic>(this: void, topic: T, payload: Topics[T]): void;
  subscribe<T extends Topic>(this: void, topic: T, handler: (payload: Topics[T]) => void): () => void;
  last<T extends Topic>(this: void, topic: T): Topics[T] | undefined;
  /** Runs queued commands now: `['publish', topic, payload]`, `['subscribe', topic, handler]`. */
  push(...commands: Command[]): void;
  /**
   * Every widget and experiment of the page, in document order: campaign, shown or not and why
   * (`code`: schedule, dismissed, targeting, overlay, consent, bad-input …); printed with
   * console.table. `{ panel: true }` also opens the debug panel. The first call, which fetches
   * the API chunk, returns a promise of the list; later ones the list itself.
   */
  debug(this: void, options?: { panel?: boolean }): DebugRow[] | Promise<DebugRow[]>;
  /**
   * Forgets what this browser stores for one campaign (dismissals, evergreen deadlines, spins and
   * results, conversions, goals reached, its experiment's bucket) or, without an argument, for all
   * (and the visitor's first visit); that campaign's widgets on the page start again at once.
   * Returns the storage keys removed (a promise of them, as `debug`, before the API chunk is here).
   */
  reset(this: void, campaign?: string): string[] | Promise<string[]>;
  /**
   * An order on a thank-you page (`{ value, currency, coupon, id, window }`): attributed to the
   * widget that led to it (its code, else the last interaction within `window`, default `7d`) and
   * sent through the bridges as GA4's `purchase`; resolves to the attribution, or null (nothing sent).
   */
  conversion(this: void, order?: ConversionInput): Promise<Attribution | null>;
  /** What this visitor saw and did, per campaign and variant, most recent first. */
  attribution(this: void): Promise<AttributionRow[]>;
  /**
   * The merchant's own wording for built-in texts, in every language (`{ wheel: { none: '…' } }`) or
   * in one (`{ de: { wheel: { none: '…' } } }`); widgets on the page show it at once. Keys and
   * placeholders are checked (one `[vitrine]` warning each). README, "Changing a text".
   */
  texts(this: void, texts: object): void;
  /**
   * Shows the page as at another instant, storing and sending nothing (`{ now: '2026-11-27T08:00' }`,
   * with `Z`, an offset or `[Europe/Paris]`); `{ now: null }` reloads the live page; without options,
   * resolves to the preview running, or null.
   */
  preview(this: void, options?: PreviewOptions): Promise<PreviewState | null>;
  /** Every widget with its next window, its recurrence and the plan's conflicts (overlapping overlays …). */
  plan(this: void): Promise<PlanRow[]>;
}

/**
 * Installs `window.vitrine` unless another copy already did; runs the queue found there. `load`
 * fetches the API chunk; `loaded` is that chunk once it is here, so its methods answer at once.
 */
export function installApi(load: () => Promise<ApiChunk>, loaded: () => ApiChunk | undefined): VitrineApi {
  const holder = globalThis as unknown as { vitrine?: unknown };
  const existing = holder.vitrine;
  if (existing && !Array.isArray(existing) && typeof (existing as VitrineApi).publish === 'function') {
    return existing as VitrineApi;
  }
  const bus = getBus();
  // The bus's methods are closures (no `this`), so they can be handed out as they are.
  const api: Record<string, unknown> = {
    publish: bus.publish,
    subscribe: bus.subscribe,
    last: bus.last,
    texts: addTexts,
  };
  for (const name of LAZY_METHODS)
    api[name] = (...args: unknown[]) => {
      const call = (chunk: ApiChunk) => (chunk[name] as (...values: unknown[]) => unknown)(...args);
      const chunk = loaded();
      return chunk ? call(chunk) : load().then(call);
    };
  const run = (command: unknown) => {
    if (!Array.isArray(command)) return;
    const [method, ...args] = command as [string, ...unknown[]];
    try {
      // A subscriber that is no function would fail at every message: refused at once instead.
      if (QUEUED.includes(method) && (method !== 'subscribe' || typeof args[1] === 'function'))
        (api[method] as (...values: unknown[]) => unknown)(...args);
      else console.warn(`[vitrine] ignored window.vitrine command ${String(method)}: expected ${QUEUED.join(', ')}`);
    } catch (error) {
      console.error('[vitrine] a queued command failed:', error);
    }
  };
  api.push = (...commands: unknown[]) => commands.forEach(run);
  holder.vitrine = api;
  if (Array.isArray(existing)) existing.forEach(run);
  return api as unknown as VitrineApi;
}
