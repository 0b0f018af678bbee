/**
 * Overlays take turns (SPEC section 2, "Respectful"): at most one is open on the page, whichever
 * copy of Vitrine owns it, and after one has closed no other opens in the same page view unless
 * its merchant allowed it (`after-overlay="allow"`). The page's state sits on a global symbol;
 * the bus `overlay` topic says which is open.
 */
import { pageSingleton } from '../bus.js';

/**
 * Why an overlay closed: the shopper's close button (`dismiss`), Escape, a click on the backdrop
 * — the shopper's own choices — or a conversion, the merchant's code (`api`), the element
 * removed from the page, its `end` reached.
 */
export type CloseReason = 'dismiss' | 'escape' | 'backdrop' | 'convert' | 'api' | 'removed' | 'ended';

/** The reasons that are the shopper's own choice to close: tracked as `close`, remembered as a dismissal. */
export const SHOPPER_CLOSE_REASONS: readonly CloseReason[] = ['dismiss', 'escape', 'backdrop'];

export interface OverlayCloseDetail {
  campaign: string;
  reason: CloseReason;
}

export interface OverlayPageState {
  /** Campaign of the open overlay, or null. */
  open: string | null;
  /**
   * The controller that holds the turn. Two overlays may share a campaign (two untitled pop-ups
   * both default to their tag name), so the turn is given back by identity, not by name.
   */
  owner?: object | null;
  /** How many overlays have closed in this page view. */
  closed: number;
}

/** The page's overlay state, shared by every copy of Vitrine (api.ts resets `closed` on `reset()`). */
export function overlayPageState(): OverlayPageState {
  return pageSingleton<OverlayPageState>(
    'vitrine.overlays',
    (state) => !!state && typeof state === 'object',
    () => ({ open: null, owner: null, closed: 0 }),
  );
}

/**
 * Why an overlay may not open now — `'another overlay is open'`, `'an overlay was already shown on
 * this page'` — or null when it may. `allowAfter` is the merchant's `after-overlay="allow"`.
 */
export function turnBlockedBy(allowAfter: boolean): string | null {
  const page = overlayPageState();
  if (page.open !== null) return `another overlay is open (${page.open})`;
  if (page.closed > 0 && !allowAfter)
    return 'an overlay was already shown on this page (after-overlay="allow" permits more)';
  return null;
}
