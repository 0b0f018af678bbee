// Its own module, so that the lazy debug panel and window.vitrine (api.ts, which loads the panel)
// share the type without importing each other.

/**
 * One row of `window.vitrine.debug()`: a widget's own `debugState()` (see core's debug-state.ts),
 * or an experiment's decision (`buckets`, `forced`).
 */
export interface DebugRow {
  tag: string;
  campaign: string;
  variant?: string;
  /** Whether the shopper sees it now; `'unknown'` for a widget of a copy of Vitrine too old to say. */
  shown: boolean | 'unknown';
  /** '' when shown, else why not. */
  reason: string;
  code?: string;
  note?: string;
  /** Experiments: each variant's share, `A 50%, B 50%`. */
  buckets?: string;
  /** Experiments: chosen by `?vitrine-variant=`. */
  forced?: boolean;
}
