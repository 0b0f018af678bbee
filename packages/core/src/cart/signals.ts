/**
 * How the page tells us that the Shopify cart changed, best first (SPEC section 4):
 *
 * 1. Shopify's standard storefront events (`shopify:cart:lines-update`,
 *    `shopify:cart:discount-update`): they fire when the change STARTS and carry a `promise`
 *    that settles when it is done, so we hold the refresh until then.
 * 2. The Dawn family's pub/sub: `subscribe(PUB_SUB_EVENTS.cartUpdate, …)` (`'cart-update'`).
 * 3. Common DOM events: `cart:updated`, `cart:change`, `cart:refresh`, and Horizon's `cart:update`.
 * 4. What every theme does: fetch and XMLHttpRequest calls to `/cart/add`, `/cart/change`,
 *    `/cart/update`, `/cart/clear` (with or without `.js`/`.json`, under `Shopify.routes.root`
 *    or `/`). Both are wrapped once per page and transparently: the same arguments and `this`
 *    go to the function that was there before, and the caller gets the same response or the
 *    same error (through a promise that settles with it, so an unhandled rejection stays
 *    unhandled). A theme that wraps `fetch` after us calls our wrapper in turn.
 * 5. The page coming back: `pageshow` from the back/forward cache, a hidden tab shown again,
 *    the network coming back.
 *
 * A call in flight "holds" the refresh (its answer is what we want to read), so a burst of
 * three adds, one after the other, ends in one request.
 */
import { shopify } from '../consent.js';

export interface CartSignals {
  /** A change is under way (a cart call or a standard event's promise); `release` when it settles. */
  hold(): void;
  release(): void;
  /** The cart may have changed: refresh it soon (signals close together make one request). */
  changed(): void;
  /** The page came back into view (bfcache, hidden tab): refresh if the cart is not brand new. */
  resumed(): void;
}

const MUTATION = /^cart\/(?:add|change|update|clear)(?:\.js|\.json)?\/?$/;

/** `Shopify.routes.root` (a locale's `/fr/`) with its slashes, and `/`, which themes also post to. */
export function cartRoots(): string[] {
  const root = shopify()?.routes?.root;
  const normalized = typeof root === 'string' && root.trim() ? `/${root.trim().replace(/^\/+|\/+$/g, '')}/` : '/';
  return normalized === '//' || normalized === '/' ? ['/'] : [normalized, '/'];
}

/** Whether `url` is a call that changes the Shopify cart (same origin, under a cart root). */
export function isCartMutation(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, location.href);
  } catch {
    return false;
  }
  if (parsed.origin !== location.origin) return false;
  return cartRoots().some(
    (root) => parsed.pathname.startsWith(root) && MUTATION.test(parsed.pathname.slice(root.length)),
  );
}

/** The URL of fetch's first argument: a string, a URL or a Request. */
function urlOf(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input && typeof input === 'object' && 'url' in input && typeof input.url === 'string') return input.url;
  return String(input);
}

function wrapFetch(signals: CartSignals): void {
  const previous = globalThis.fetch;
  if (typeof previous !== 'function') return;
  function fetch(this: unknown, ...args: Parameters<typeof globalThis.fetch>): Promise<Response> {
    let cartCall = false;
    try {
      cartCall = isCartMutation(urlOf(args[0]));
    } catch {
      /* never let our check break the theme's call */
    }
    // Same `this` and arguments: a native fetch called on something else throws as it always did.
    const result: Promise<Response> = Reflect.apply(previous, this, args);
    if (!cartCall) return result;
    // A stand-in fetch of the page may return something that is no promise: pass it on as is.
    if (typeof (result as unknown as { then?: unknown } | null)?.then !== 'function') {
      signals.changed();
      return result;
    }
    signals.hold();
    // The caller's promise settles with the same Response or the same error, once we have noted it.
    return Promise.resolve(result).then(
      (response) => {
        signals.release();
        signals.changed();
        return response;
      },
      (error: unknown) => {
        signals.release();
        signals.changed();
        throw error;
      },
    );
  }
  globalThis.fetch = fetch;
}

function wrapXhr(signals: CartSignals): void {
  const proto = globalThis.XMLHttpRequest?.prototype;
  if (!proto) return;
  // Called back with Reflect.apply and the request as `this`, as the browser would.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const previousOpen = proto.open;
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const previousSend = proto.send;
  const cartCalls = new WeakMap<XMLHttpRequest, boolean>();
  proto.open = function open(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      cartCalls.set(this, isCartMutation(urlOf(args[1])));
    } catch {
      /* the theme's call goes on */
    }
    Reflect.apply(previousOpen, this, args);
  };
  proto.send = function send(this: XMLHttpRequest, ...args: unknown[]): void {
    if (!cartCalls.get(this)) {
      Reflect.apply(previousSend, this, args);
      return;
    }
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      this.removeEventListener('loadend', done);
      signals.release();
      signals.changed();
    };
    // Listen before sending: a synchronous request ends inside send().
    signals.hold();
    this.addEventListener('loadend', done);
    try {
      Reflect.apply(previousSend, this, args);
    } catch (error) {
      // Not sent (not opened, already sent): nothing changed, and nothing will end.
      if (!settled) {
        settled = true;
        this.removeEventListener('loadend', done);
        signals.release();
      }
      throw error;
    }
  };
}

/** Standard storefront events whose `promise` settles once the cart has changed. */
const STANDARD_EVENTS = ['shopify:cart:lines-update', 'shopify:cart:discount-update'];
/** Events themes dispatch after the cart changed (Horizon's `cart:update` among them). */
const DOM_EVENTS = ['cart:updated', 'cart:change', 'cart:refresh', 'cart:update'];

declare const PUB_SUB_EVENTS: { cartUpdate?: string } | undefined;

/**
 * Dawn's `subscribe(eventName, callback)` (a global function) with `PUB_SUB_EVENTS` (a global
 * `const` of a classic script: reachable by name, not as a property of window). Both must be
 * there, so an unrelated `window.subscribe` is never called. Tried again when the document has
 * loaded, since the theme's deferred scripts may run after ours.
 */
function subscribePubSub(signals: CartSignals): boolean {
  try {
    const events =
      typeof PUB_SUB_EVENTS === 'object' && PUB_SUB_EVENTS
        ? PUB_SUB_EVENTS
        : (globalThis as { PUB_SUB_EVENTS?: { cartUpdate?: string } }).PUB_SUB_EVENTS;
    const subscribe = (globalThis as { subscribe?: unknown }).subscribe;
    if (!events || typeof subscribe !== 'function') return false;
    (subscribe as (name: string, callback: () => void) => unknown)(events.cartUpdate ?? 'cart-update', () =>
      signals.changed(),
    );
    return true;
  } catch {
    return false;
  }
}

/** Installs every watcher. Called once per page, by the page's cart store. */
export function watchCartSignals(signals: CartSignals): void {
  wrapFetch(signals);
  wrapXhr(signals);

  // Capture on window: also hears events dispatched on document or on an element without bubbling.
  const listen = (type: string, listener: (event: Event) => void) =>
    globalThis.addEventListener?.(type, listener, { capture: true });

  for (const type of STANDARD_EVENTS) {
    listen(type, (event) => {
      const promise = (event as Event & { promise?: PromiseLike<unknown> }).promise;
      if (!promise || typeof promise.then !== 'function') {
        signals.changed();
        return;
      }
      signals.hold();
      const settle = () => {
        signals.release();
        signals.changed();
      };
      promise.then(settle, settle);
    });
  }
  for (const type of DOM_EVENTS) listen(type, () => signals.changed());

  if (!subscribePubSub(signals)) {
    const retry = () => {
      if (subscribePubSub(signals)) {
        document.removeEventListener('DOMContentLoaded', retry);
        globalThis.removeEventListener('load', retry);
      }
    };
    document.addEventListener('DOMContentLoaded', retry);
    globalThis.addEventListener('load', retry);
  }

  listen('pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) signals.changed();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') signals.resumed();
  });
  listen('online', () => signals.resumed());
}
