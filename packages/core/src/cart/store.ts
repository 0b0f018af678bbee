/**
 * The page's Shopify cart: ONE `GET {Shopify.routes.root}cart.js` serves every widget of the
 * page, whatever copy of Vitrine they come from (the store lives on a global symbol, like the
 * bus). It starts with the first widget that asks, refreshes on the page's cart signals
 * (signals.ts), merges signals that come together into one request, backs off on `429` (with
 * `Retry-After`) or a network failure while keeping the last known cart, marked `stale`, and
 * publishes each new cart on the bus `cart` topic for every other widget and the page's code.
 */
import { getBus, pageSingleton, type CartState } from '../bus.js';
import { shopify } from '../consent.js';
import { parseCurrency } from '../parse/money.js';
import { shopifyCentsToMajor, shopifyPresentment } from './money.js';
import { cartRoots, watchCartSignals } from './signals.js';

/** What a widget knows of the Shopify cart. */
export interface CartSnapshot {
  /** The last cart Shopify answered, in major units; undefined until the first answer. */
  cart: CartState | undefined;
  /**
   * True when the last refresh failed (429, network down, an answer that is no cart): `cart` is
   * the last known one, which may be out of date. Never shown as fresh; cleared by the next answer.
   */
  stale: boolean;
  /** True while a request is on its way or waiting for a burst of signals to end. */
  pending: boolean;
  /** Epoch ms of the answer `cart` comes from, or null. */
  updatedAt: number | null;
}

export type CartListener = (snapshot: CartSnapshot) => void;

/** The page-wide store (`getCartStore()`); its shape is shared by every copy of Vitrine. */
export interface CartStore {
  /** Bumped only if the shape of this object ever changes, so copies can tell. */
  readonly version: 1;
  /** What is known now. */
  snapshot(this: void): CartSnapshot;
  /**
   * Calls `listener` with every new snapshot (at once with the current one when a cart is known);
   * the first subscriber starts the watch and the first request. Returns the unsubscribe function.
   */
  subscribe(this: void, listener: CartListener): () => void;
  /** Tell the store the cart changed (for a theme that sends none of the signals it hears). */
  refresh(this: void): void;
}

/** Signals closer together than this make one request. */
export const CART_DEBOUNCE_MS = 200;
/** A cart call that never settles stops holding the refresh after this long. */
const HOLD_LIMIT_MS = 10_000;
/** A tab shown again refreshes only a cart older than this. */
const RESUME_MIN_AGE_MS = 2_000;
/** Backoff after a failure without `Retry-After`: 2 s, 4 s, 8 s … at most a minute. */
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 60_000;
/** A `Retry-After` beyond this is capped (a signal may come before). */
const RETRY_AFTER_MAX_MS = 600_000;
/** Automatic retries after failures in a row; then the next signal tries again. */
const MAX_RETRIES = 5;

/** `Retry-After` in ms (seconds or an HTTP date), or null. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, RETRY_AFTER_MAX_MS);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.min(Math.max(at - now, 0), RETRY_AFTER_MAX_MS);
}

/**
 * A `/cart.js` answer as a `CartState`, or null when it is none. `currency` falls back to
 * `Shopify.currency.active` (themes older than multi-currency have no `currency` field).
 */
export function cartFromShopify(json: unknown): CartState | null {
  if (!json || typeof json !== 'object') return null;
  const answer = json as {
    total_price?: unknown;
    currency?: unknown;
    item_count?: unknown;
    discount_codes?: unknown;
  };
  const currency =
    parseCurrency(typeof answer.currency === 'string' ? answer.currency : null) ?? shopifyPresentment()?.currency;
  if (!currency) return null;
  const total = shopifyCentsToMajor(answer.total_price, currency);
  const itemCount = Number(answer.item_count ?? 0);
  if (total === null || !Number.isInteger(itemCount) || itemCount < 0) return null;
  const cart: CartState = { total, currency, itemCount };
  // `discount_codes: [{ code, applicable }]` (the AJAX cart since 2025): the codes that apply now,
  // for the funnel's "code applied" step (attribution/record.ts).
  if (Array.isArray(answer.discount_codes)) {
    cart.discountCodes = (answer.discount_codes as Array<{ code?: unknown; applicable?: unknown } | null>)
      .filter((entry) => entry?.applicable !== false && typeof entry?.code === 'string' && entry.code.trim() !== '')
      .map((entry) => (entry!.code as string).trim().toUpperCase());
  }
  return cart;
}

const sameCart = (a: CartState | undefined, b: CartState) =>
  !!a &&
  a.total === b.total &&
  a.currency === b.currency &&
  a.itemCount === b.itemCount &&
  String(a.discountCodes) === String(b.discountCodes);

function createCartStore(): CartStore {
  // The fetch of the page when we start, before we wrap it: our own GET never goes through a
  // wrapper a theme adds later (which might react to any /cart request, and loop).
  let request: typeof fetch | undefined;
  const listeners = new Set<CartListener>();
  let state: CartSnapshot = { cart: undefined, stale: false, pending: false, updatedAt: null };
  let watching = false;
  /** Cart calls and standard-event promises not yet settled. */
  let holds = 0;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let backoffTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  /** A signal came while a request was on its way, or while nobody listened: ask again. */
  let dirty = false;
  let failures = 0;
  let lastAttempt = 0;
  let warnedBadAnswer = false;

  const set = (next: Partial<CartSnapshot>) => {
    state = { ...state, ...next };
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        console.error('[vitrine] a cart listener failed:', error);
      }
    }
  };

  const cartUrl = () => `${cartRoots()[0]}cart.js`;

  /** Requests now, unless something says to wait: a call in flight, a burst, a backoff. */
  const due = () => {
    if (!listeners.size) {
      dirty = true;
      return;
    }
    if (inFlight) {
      dirty = true;
      return;
    }
    if (holds > 0 || debounceTimer !== undefined || backoffTimer !== undefined) return;
    void load();
  };

  const schedule = (delay: number) => {
    if (!state.pending && listeners.size) set({ pending: true });
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => {
      debounceTimer = undefined;
      due();
    }, delay);
  };

  const fail = (retryAfter: number | null) => {
    failures += 1;
    const delay = retryAfter ?? Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS);
    set({ stale: true, pending: false });
    clearTimeout(backoffTimer);
    backoffTimer = setTimeout(() => {
      backoffTimer = undefined;
      if (dirty || failures <= MAX_RETRIES) {
        dirty = false;
        due();
      }
    }, delay);
  };

  /** One GET /cart.js; what it brings (or its failure) is applied once it is fully read. */
  const read = async (): Promise<{ cart: CartState | null; status: number; retryAfter: number | null } | null> => {
    let response: Response;
    try {
      response = await (request ?? fetch)(cartUrl(), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch {
      return null;
    }
    const status = response.status;
    if (status === 429 || status >= 500) {
      return { cart: null, status, retryAfter: retryAfterMs(response.headers.get('Retry-After')) };
    }
    try {
      return { cart: response.ok ? cartFromShopify(await response.json()) : null, status, retryAfter: null };
    } catch {
      return { cart: null, status, retryAfter: null };
    }
  };

  const load = async () => {
    inFlight = true;
    dirty = false;
    lastAttempt = Date.now();
    if (!state.pending) set({ pending: true });
    const answer = await read();
    inFlight = false;
    if (!answer || answer.status === 429 || answer.status >= 500) {
      fail(answer?.retryAfter ?? null);
      return;
    }
    const { cart } = answer;
    if (!cart) {
      if (!warnedBadAnswer) {
        warnedBadAnswer = true;
        console.warn(
          `[vitrine] ignored the answer of ${cartUrl()} (HTTP ${answer.status}): expected Shopify's cart JSON with total_price in cents, currency and item_count`,
        );
      }
      // Not a passing failure: no backoff and no automatic retry; the next signal asks again.
      set({ stale: true, pending: dirty });
      if (dirty) schedule(CART_DEBOUNCE_MS);
      return;
    }
    failures = 0;
    const changed = !sameCart(state.cart, cart);
    set({ cart: changed ? cart : state.cart, stale: false, pending: dirty, updatedAt: Date.now() });
    if (changed) getBus().publish('cart', cart);
    // A code in the cart may be one a widget showed: the attribution chunk tells (and is fetched only then).
    if (changed && cart.discountCodes?.length)
      void import('../attribution/record.js')
        .then((chunk) => chunk.watchCart())
        .catch((error: unknown) => console.error('[vitrine] attribution:', error));
    if (dirty) schedule(CART_DEBOUNCE_MS);
  };

  const signals = {
    hold() {
      holds += 1;
      if (!state.pending && listeners.size) set({ pending: true });
      clearTimeout(holdTimer);
      holdTimer = setTimeout(() => {
        // A call that never settled: stop waiting for it.
        holds = 0;
        due();
      }, HOLD_LIMIT_MS);
    },
    release() {
      holds = Math.max(0, holds - 1);
      if (!holds) clearTimeout(holdTimer);
    },
    changed() {
      if (inFlight) dirty = true;
      if (!listeners.size) {
        dirty = true;
        return;
      }
      // During a backoff, the request waits for its end (then goes at once, as one).
      if (backoffTimer !== undefined) {
        dirty = true;
        return;
      }
      schedule(CART_DEBOUNCE_MS);
    },
    resumed() {
      if (state.stale || Date.now() - lastAttempt >= RESUME_MIN_AGE_MS) {
        // Coming back is a good moment to try again after failures.
        if (backoffTimer !== undefined && state.stale) {
          clearTimeout(backoffTimer);
          backoffTimer = undefined;
        }
        signals.changed();
      }
    },
  };

  const start = () => {
    if (watching) return;
    watching = true;
    request = globalThis.fetch?.bind(globalThis);
    try {
      watchCartSignals(signals);
    } catch (error) {
      console.error('[vitrine] could not watch the cart:', error);
    }
  };

  const store: CartStore = {
    version: 1,
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      start();
      if (state.cart) {
        try {
          listener(state);
        } catch (error) {
          console.error('[vitrine] a cart listener failed:', error);
        }
      }
      // The first widget (or the first after a change nobody heard) asks; widgets that connect
      // in the same task share that request, later ones the answer.
      if (listeners.size === 1 && (state.updatedAt === null || dirty) && !inFlight) {
        dirty = false;
        schedule(0);
      }
      return () => {
        listeners.delete(listener);
      };
    },
    refresh: () => signals.changed(),
  };
  return store;
}

/** The page's cart store, created by whichever copy of Vitrine asks first. */
export function getCartStore(): CartStore {
  return pageSingleton<CartStore>(
    'vitrine.cart',
    (store) => store?.version === 1 && typeof store.subscribe === 'function',
    createCartStore,
  );
}

/** Whether the page runs on Shopify (`window.Shopify` exists): the default cart source. */
export function onShopify(): boolean {
  return shopify() !== undefined;
}
