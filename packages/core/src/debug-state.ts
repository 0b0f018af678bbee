/**
 * "Why isn't it showing?" — what each widget says of itself to `window.vitrine.debug()` and the
 * `?vitrine-debug` panel (SPEC section 2, "Debugging"), and the page-wide list of widgets they read.
 */
import { pageSingleton } from './bus.js';
import { localTimeZone, wallClockAt } from './parse/datetime.js';

/** Why a widget does not show (or, for `preview` and `consent`, a note on a widget that does). */
export type DebugCode =
  | 'schedule'
  | 'dismissed'
  | 'targeting'
  | 'overlay'
  | 'consent'
  | 'bad-input'
  | 'converted'
  | 'no-spins'
  | 'waiting'
  | 'preview';

export interface DebugReason {
  code: DebugCode;
  /** One precise sentence, e.g. `targeting: cart-min="60" and the cart is 42.50 EUR`. */
  reason: string;
}

export interface WidgetDebugState {
  /** The tag name, e.g. `vitrine-sticky-bar`. */
  tag: string;
  /** `campaign`, else the tag name. */
  campaign: string;
  variant?: string;
  /** Whether the shopper sees it now (a pop-up: whether it is open). */
  shown: boolean;
  /** '' when shown; else why not, in one sentence. */
  reason: string;
  /** The cause of `reason` when hidden; when shown, what `note` is about (`preview`, `consent`). */
  code?: DebugCode;
  /**
   * Only on a widget that shows: what the merchant should still know — in preview, the rule that
   * would hide it for a shopper; without storage consent, that what it remembers lasts this page only.
   */
  note?: string;
}

/** Every connected widget of the page, from every copy of Vitrine (on a global symbol, like the bus). */
export function connectedWidgets<T extends Element = Element>(): Set<T> {
  return pageSingleton<Set<T>>(
    'vitrine.widgets',
    (widgets) => widgets instanceof Set,
    () => new Set(),
  );
}

/** `2026-11-27 00:00` in `timeZone` (the visitor's when undefined): how the debug list writes an instant. */
export function debugDateTime(epoch: number, timeZone?: string): string {
  // The parse's own wall clock: no formatter of its own for a sentence only the debug list shows.
  const zone = timeZone ?? localTimeZone();
  const two = (value: number) => String(value).padStart(2, '0');
  try {
    const { year, month, day, hour, minute } = wallClockAt(epoch, zone);
    return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)} (${zone})`;
  } catch {
    return new Date(epoch).toISOString();
  }
}
