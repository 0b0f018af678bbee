/**
 * `window.vitrine`: the bus for code without a bundler. A queue pushed before the script
 * loaded (`(window.vitrine = window.vitrine || []).push(['publish', 'cart', {…}])`) is run in
 * order, and `push` keeps working afterwards, so the snippet is safe whatever loads first.
 */
import { addTexts, getBus, pageValue, type Bus, type PageKey, type Topic, type Topics } from '@vitrine/core/bus';
import type { Attribution, AttributionRow, ConversionInput } from '@vitrine/core/attribution';
import type { PlanRow, PreviewOptions, PreviewState } from '@vitrine/core/time-travel';

type TimeTravelChunk = typeof import('@vitrine/core/time-travel');
import type { DebugRow } from './debug-row.js';

export type { DebugRow } from './debug-row.js';

type Widget = Element & { campaignId?: string; debugState?: () => DebugRow };

/** A page-wide set kept on a global symbol by core (every copy of Vitrine adds to the same one). */
const shared = <T>(key: PageKey): T[] => [...(pageValue<Iterable<T>>(key) ?? [])];

/**
 * Every widget (from every copy of Vitrine) and every experiment of the page, in document order,
 * each as it describes itself (`debugState()`: core's element.ts, core's experiment.ts), so the
 * loader carries none of that code.
 */
function debugRows(): DebugRow[] {
  return [...shared<Widget>('vitrine.widgets'), ...document.querySelectorAll<Widget>('vitrine-experiment')]
    .sort((a, b) => (a.compareDocumentPosition(b) & 2 /* b precedes a */ ? 1 : -1))
    .map(
      (element) =>
        // Widgets catch their own errors in debugState(). Without it: a copy of Vitrine too old to
        // say, or an experiment whose code has not arrived yet.
        element.debugState?.() ?? {
          tag: element.localName,
          campaign: element.getAttribute('campaign') ?? element.getAttribute('name') ?? element.localName,
          shown: 'unknown',
          reason: '',
        },
    );
}

/**
 * Forgets what this browser stores for `campaign`, or for every campaign: each copy of core on the
 * page clears its storage and its in-memory copies (storage.ts, and the experiments' buckets in
 * experiment/decide.ts), then that campaign's widgets are re-created, so they show as on a fresh
 * visit, at once. Leads waiting to be delivered are kept.
 */
function reset(campaign?: string): string[] {
  const removed = shared<(campaign?: string) => string[]>('vitrine.resetters').flatMap((forget) => forget(campaign));
  // The one-overlay-per-page-view rule counts closed overlays: a test of the pop-up starts again.
  const overlays = pageValue<{ open: unknown; closed: number }>('vitrine.overlays');
  if (overlays && overlays.open == null) overlays.closed = 0;
  // A fresh element reads storage again and has no memory of this page view (a closed bar, a shown pop-up).
  for (const widget of shared<Widget>('vitrine.widgets'))
    if (!campaign || widget.campaignId === campaign) widget.replaceWith(widget.cloneNode(true));
  return removed;
}

/** Core's attribution chunk (conversion, attribution): fetched at the first call, or with the first tracked message. */
const attributionChunk = () => import('@vitrine/core/attribution');

/** What this visitor saw and did, per campaign and variant. */
const attribution = (): Promise<AttributionRow[]> => attributionChunk().then((chunk) => chunk.attribution());

/** Attributes an order and sends it (README, "Did it work?"); null when no Vitrine touch led to it. */
const conversion = (order?: ConversionInput): Promise<Attribution | null> =>
  attributionChunk().then((chunk) => chunk.conversion(order));

/**
 * A call into core's time-travel chunk (`preview`, `plan`, `previewFromUrl`): fetched only with
 * `?vitrine-now` or at the first call. One function for the three keeps the loader's addition small.
 */
const timeTravel =
  <Name extends 'preview' | 'plan' | 'previewFromUrl'>(name: Name) =>
  (options?: PreviewOptions): Promise<ReturnType<TimeTravelChunk[Name]>> =>
    import('@vitrine/core/time-travel').then((chunk) => chunk[name](options) as ReturnType<TimeTravelChunk[Name]>);

/** `?vitrine-now=…`: the loader's chunks wait for it, so no widget runs a moment at the real time. */
export const previewFromUrl = timeTravel('previewFromUrl');

/** Opens the `?vitrine-debug` panel (its own chunk, fetched only now). */
export const openPanel = (): Promise<unknown> =>
  import('./debug-panel.js')
    .then((panel) => panel.openDebugPanel(debugRows, reset, attribution))
    .catch((error: unknown) => console.error('[vitrine] debug panel:', error));

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
   * console.table. `{ panel: true }` also opens the debug panel.
   */
  debug(this: void, options?: { panel?: boolean }): DebugRow[];
  /**
   * Forgets what this browser stores for one campaign (dismissals, evergreen deadlines, spins and
   * results, conversions, goals reached, its experiment's bucket) or, without an argument, for all
   * (and the visitor's first visit); that campaign's widgets on the page start again at once.
   * Returns the storage keys removed.
   */
  reset(this: void, campaign?: string): string[];
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

function run(bus: Bus, command: unknown): void {
  if (!Array.isArray(command)) return;
  const [method, topic, argument] = command as [string, Topic, never];
  try {
    if (method === 'publish') bus.publish(topic, argument);
    else if (method === 'conversion') void conversion(topic as ConversionInput);
    else if (method === 'texts') addTexts(topic as unknown as object);
    else if (method === 'subscribe' && typeof argument === 'function') bus.subscribe(topic, argument);
    else
      console.warn(
        `[vitrine] ignored window.vitrine command ${String(method)}: expected publish, subscribe, conversion or texts`,
      );
  } catch (error) {
    console.error('[vitrine] a queued command failed:', error);
  }
}

/** Installs `window.vitrine` unless another copy already did; runs the queue found there. */
export function installApi(): VitrineApi {
  const holder = globalThis as unknown as { vitrine?: unknown };
  const existing = holder.vitrine;
  if (existing && !Array.isArray(existing) && typeof (existing as VitrineApi).publish === 'function') {
    return existing as VitrineApi;
  }
  const bus = getBus();
  // The bus's methods are closures (no `this`), so they can be handed out as they are.
  const api: VitrineApi = {
    publish: bus.publish,
    subscribe: bus.subscribe,
    last: bus.last,
    push(...commands) {
      for (const command of commands) run(bus, command);
    },
    debug(options) {
      const rows = debugRows();
      console.table(rows);
      if (options?.panel) void openPanel();
      return rows;
    },
    reset,
    conversion,
    attribution,
    texts: addTexts,
    preview: timeTravel('preview'),
    plan: timeTravel('plan'),
  };
  holder.vitrine = api;
  if (Array.isArray(existing)) for (const command of existing) run(bus, command);
  return api;
}
