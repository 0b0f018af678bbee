/**
 * The API chunk: what `window.vitrine` does beyond the bus (window.ts installs that part at once).
 * The loader fetches it at the first call of one of these methods, or with `?vitrine-debug` /
 * `?vitrine-now`: a shopper's page, where nobody calls them, never downloads it.
 */
import { pageValue, type PageKey } from '@vitrine/core/bus';
import type { Attribution, AttributionRow, ConversionInput } from '@vitrine/core/attribution';
import type { PreviewOptions } from '@vitrine/core/time-travel';

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
export function reset(campaign?: string): string[] {
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
export const attribution = (): Promise<AttributionRow[]> => attributionChunk().then((chunk) => chunk.attribution());

/** Attributes an order and sends it (README, "Did it work?"); null when no Vitrine touch led to it. */
export const conversion = (order?: ConversionInput): Promise<Attribution | null> =>
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

export const preview = timeTravel('preview');

export const plan = timeTravel('plan');

/** Opens the `?vitrine-debug` panel (its own chunk, fetched only now). */
export const openPanel = (): Promise<unknown> =>
  import('./debug-panel.js')
    .then((panel) => panel.openDebugPanel(debugRows, reset, attribution))
    .catch((error: unknown) => console.error('[vitrine] debug panel:', error));

/** Every widget and experiment of the page, printed with console.table; `{ panel: true }` also opens the panel. */
export function debug(options?: { panel?: boolean }): DebugRow[] {
  const rows = debugRows();
  console.table(rows);
  if (options?.panel) void openPanel();
  return rows;
}

/**
 * The sentences every widget shares in debug(), which the chunk every page loads leaves out (core's
 * debug-reasons.ts): fetched with this chunk once the page has a widget of this build, whose shared
 * chunk they import. A page without one never needs them (an npm copy's widgets carry their own).
 */
export const loadDebugReasons = (): Promise<void> =>
  import('@vitrine/core/debug').then((reasons) => reasons.installDebugReasons());
