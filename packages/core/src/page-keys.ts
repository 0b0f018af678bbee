/**
 * The keys of the page-wide singletons, in one place: each is `Symbol.for(key)` on `globalThis`,
 * shared by every copy of Vitrine on the page (the script-tag build beside an npm-bundled one,
 * two versions), so a key is spelled here once and never changed. Read and made through
 * `pageSingleton()` / `pageValue()` (bus.ts).
 */
export type PageKey =
  /** The event bus (bus.ts). */
  | 'vitrine.bus'
  /** The one clock every countdown and sticky bar ticks with (controllers/clock.ts). */
  | 'vitrine.clock'
  /** The cart store (cart/store.ts). */
  | 'vitrine.cart'
  /** Every connected widget, for `window.vitrine.debug()` and `reset()` (debug-state.ts). */
  | 'vitrine.widgets'
  /** Which overlay is open, and how many closed in this page view (popup/turns.ts). */
  | 'vitrine.overlays'
  /** Whether the analytics bridges are installed (track.ts, or record-later.ts's subscriber that fetches them). */
  | 'vitrine.bridges'
  /** What each copy forgets on `window.vitrine.reset()` (storage.ts, experiment/decide.ts). */
  | 'vitrine.resetters'
  /** Widgets waiting for an experiment's decision (experiment/page.ts). */
  | 'vitrine.experiment.held'
  /** The shared debug sentences, once `window.vitrine.debug()`'s chunk has installed them (debug-reasons.ts). */
  | 'vitrine.debug.reasons'
  /** The tags the script-tag loaders have claimed, and their room sheet (vitrine's loader.ts). */
  | 'vitrine.loader'
  /** Whether the cart is watched for attribution (attribution/record.ts). */
  | 'vitrine.attribution.cart'
  /** Whether a recorder keeps the visit's touches (record-later.ts, or attribution/record.ts's own). */
  | 'vitrine.attribution.recorder'
  /** The merchant's own texts added with `vitrine.texts()` / `addTexts()` (bus.ts; read by i18n/overrides.ts). */
  | 'vitrine.texts'
  /** The page's now, moved by a time-travel preview, and whether one is on (now.ts, time-travel/). */
  | 'vitrine.now';
