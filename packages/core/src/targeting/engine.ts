/**
 * The targeting rules at work for one widget (controllers/targeting.ts loads this module, in its
 * own chunk, only for a widget that has a rule): reads the host's attributes (each bad value warned
 * once and counted as absent), listens to the inputs the rules name — the window's width, the bus
 * `cart` and `customer` topics — and says which rule fails, precisely, for the debug list.
 *
 * Only the inputs the rules name are listened to, and the Shopify cart (its own chunk) is loaded
 * only for a cart rule on a Shopify page where no cart is known yet.
 */
import { getBus, type CartState, type CustomerState } from '../bus.js';
import { shopify } from '../consent.js';
import { pageNow } from '../now.js';
import { blank, convert, keywordAttribute } from '../parse/attribute.js';
import type { TargetingHost } from '../host.js';
import { FIRST_SEEN_KEY, UTM_SOURCE_KEY } from '../storage.js';
import {
  CART_AMOUNT_EXPECTED,
  CUSTOMER_EXPECTED,
  DEVICES,
  MOBILE_QUERY,
  PAGES_EXPECTED,
  RETURNING_AFTER_MS,
  VISITORS,
  candidatePaths,
  matchesCustomer,
  matchingPattern,
  parseCartAmount,
  parseCustomerRules,
  parsePathPatterns,
  parseSources,
  type CustomerFacts,
  type CustomerRule,
  type Device,
  type PathPattern,
  type Visitor,
} from './rules.js';

interface Rules {
  pages: PathPattern[] | null;
  excludePages: PathPattern[] | null;
  device: Device | null;
  visitor: Visitor | null;
  cartMin: number | null;
  cartMax: number | null;
  customer: CustomerRule[] | null;
  utmSource: string[] | null;
}

/** `{ total, currency }` when it is a cart, else undefined (the cart source warns about bad messages). */
function cartFrom(message: unknown): CartState | undefined {
  const cart = message as Partial<CartState> | null | undefined;
  return typeof cart?.total === 'number' && Number.isFinite(cart.total) && typeof cart.currency === 'string'
    ? (cart as CartState)
    : undefined;
}

/** What the page tells of the customer: the `customer` topic, else Shopify's own page data (signed in or not). */
function customerFacts(message: CustomerState | undefined): CustomerFacts {
  if (message && typeof message === 'object') {
    const tags = Array.isArray(message.tags) ? message.tags.map((tag) => String(tag).trim().toLowerCase()) : [];
    return { member: message.id != null && String(message.id) !== '', tags };
  }
  const analytics = (globalThis as { ShopifyAnalytics?: { meta?: { page?: { customerId?: unknown } } } })
    .ShopifyAnalytics;
  return { member: !!analytics?.meta?.page?.customerId, tags: [] };
}

/** A targeting keyword (`device`, `visitor`): unset when blank; a bad one warns once and counts as absent. */
const keyword = <T extends string>(host: Element, attribute: string, value: string | null, allowed: readonly T[]) =>
  blank(value) ? null : keywordAttribute(host, attribute, value, allowed, null);

const money = (cart: CartState) => `${cart.total.toFixed(2)} ${cart.currency}`;

export class TargetingEngine {
  #host: TargetingHost;
  #inputs: string | null = null;
  #rules: Rules = {
    pages: null,
    excludePages: null,
    device: null,
    visitor: null,
    cartMin: null,
    cartMax: null,
    customer: null,
    utmSource: null,
  };
  #connected = false;
  /** Decided once per connection: a visitor does not turn "returning" under the shopper's eyes. */
  #visitor: { kind: Visitor; firstSeen: number } | null = null;
  #utmSource: string | null = null;
  #cart: CartState | undefined;
  #customer: CustomerState | undefined;
  #mobile: MediaQueryList | null = null;
  #cleanups: Array<() => void> = [];
  /** The last failing rule the host rendered with (to re-render only when it changes). */
  #failing: string | null = null;

  constructor(host: TargetingHost) {
    this.#host = host;
  }

  /**
   * The first rule that does not match, said precisely (`pages="/products/*" does not match /cart`),
   * or null; also in preview, where it does not hide the widget.
   */
  get failing(): string | null {
    this.#sync();
    return (this.#failing = this.#evaluate());
  }

  connect(): void {
    this.#connected = true;
    this.#readVisit();
    this.#inputs = null;
    this.#sync();
  }

  disconnect(): void {
    this.#connected = false;
    this.#unlisten();
  }

  /** The inputs as they were when the widget connected: first seen, landing source. */
  #readVisit(): void {
    const host = this.#host;
    const now = pageNow();
    const stored = Number(host.store.get(FIRST_SEEN_KEY));
    const firstSeen = Number.isFinite(stored) && stored > 0 && stored <= now ? stored : now;
    if (firstSeen !== stored) host.store.set(FIRST_SEEN_KEY, firstSeen);
    this.#visitor = { kind: now - firstSeen > RETURNING_AFTER_MS ? 'returning' : 'new', firstSeen };
    let landing: string | null = null;
    try {
      landing = new URLSearchParams(location.search).get('utm_source');
    } catch {
      /* no location to read */
    }
    const kept = host.sessionStore.get<string>(UTM_SOURCE_KEY);
    // The landing page's source is the session's: a later link inside the shop does not change it.
    if (typeof kept === 'string') this.#utmSource = kept;
    else {
      this.#utmSource = landing?.trim().toLowerCase() || null;
      if (this.#utmSource) host.sessionStore.set(UTM_SOURCE_KEY, this.#utmSource);
    }
  }

  /** Re-reads the rules when an attribute changed (each bad value warned once), and listens to what they need. */
  #sync(): void {
    const host = this.#host;
    const values = [
      host.pages,
      host.excludePages,
      host.device,
      host.visitor,
      host.cartMin,
      host.cartMax,
      host.customer,
      host.utmSource,
    ];
    // An absent attribute must not read as the text "null" (utm-source="null", then removed, kept the rule).
    const inputs = values.map((value) => (value == null ? '\u0001' : `=${value}`)).join('\u0000');
    if (inputs === this.#inputs) return;
    this.#inputs = inputs;
    const rules = (this.#rules = {
      pages: this.#patterns('pages', host.pages),
      excludePages: this.#patterns('exclude-pages', host.excludePages),
      device: keyword(host, 'device', host.device, DEVICES),
      visitor: keyword(host, 'visitor', host.visitor, VISITORS),
      cartMin: convert(host, 'cart-min', host.cartMin, parseCartAmount, CART_AMOUNT_EXPECTED),
      cartMax: convert(host, 'cart-max', host.cartMax, parseCartAmount, CART_AMOUNT_EXPECTED),
      customer: blank(host.customer)
        ? null
        : parseCustomerRules(host.customer, (token) => host.warn('customer', token, CUSTOMER_EXPECTED)),
      utmSource: blank(host.utmSource) ? null : parseSources(host.utmSource),
    });
    if (rules.cartMin !== null && rules.cartMax !== null && rules.cartMax < rules.cartMin) {
      // As `end` before `start`: the later bound is the one ignored.
      host.warn('cart-max', host.cartMax, `an amount not below cart-min="${host.cartMin}"`);
      rules.cartMax = null;
    }
    if (this.#connected) this.#listen();
  }

  #patterns(attribute: string, value: string | null): PathPattern[] | null {
    if (blank(value)) return null;
    return parsePathPatterns(value, (token) => this.#host.warn(attribute, token, PAGES_EXPECTED));
  }

  #listen(): void {
    this.#unlisten();
    const rules = this.#rules;
    const bus = getBus();
    if (rules.device) {
      const query = (this.#mobile = matchMedia(MOBILE_QUERY));
      query.addEventListener('change', this.#changed);
      this.#cleanups.push(() => query.removeEventListener('change', this.#changed));
    }
    if (rules.cartMin !== null || rules.cartMax !== null) {
      this.#cart = cartFrom(bus.last('cart'));
      this.#cleanups.push(
        bus.subscribe('cart', (message) => {
          const cart = cartFrom(message);
          if (cart) {
            this.#cart = cart;
            this.#changed();
          }
        }),
      );
      // On Shopify nobody may publish the cart: ask core's cart source, in its own chunk, only now.
      if (!this.#cart && shopify()) {
        let stop: (() => void) | undefined;
        let stopped = false;
        void import('../cart/store.js').then(({ getCartStore }) => {
          if (!stopped) stop = getCartStore().subscribe(() => {});
        });
        this.#cleanups.push(() => {
          stopped = true;
          stop?.();
        });
      }
    }
    if (rules.customer) {
      this.#customer = bus.last('customer');
      this.#cleanups.push(
        bus.subscribe('customer', (message) => {
          this.#customer = message;
          this.#changed();
        }),
      );
    }
  }

  #unlisten(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  /** An input changed: re-render only if the verdict did. */
  #changed = () => {
    if (this.#evaluate() !== this.#failing) this.#host.requestUpdate();
  };

  #evaluate(): string | null {
    const rules = this.#rules;
    if (rules.pages || rules.excludePages) {
      const pathname = location.pathname;
      const paths = candidatePaths(pathname, shopify()?.routes?.root);
      if (rules.pages && !matchingPattern(rules.pages, paths))
        return `pages="${this.#host.pages!.trim()}" does not match ${pathname}`;
      const excluded = rules.excludePages && matchingPattern(rules.excludePages, paths);
      if (excluded) return `exclude-pages="${this.#host.excludePages!.trim()}" matches ${pathname}`;
    }
    if (rules.device) {
      const mobile = (this.#mobile ??= matchMedia(MOBILE_QUERY)).matches;
      const device: Device = mobile ? 'mobile' : 'desktop';
      if (device !== rules.device)
        return `device="${rules.device}" and this is a ${device} (${matchMedia('(pointer: coarse)').matches ? 'touch' : 'fine pointer'}, ${innerWidth} px wide)`;
    }
    if (rules.visitor && this.#visitor && this.#visitor.kind !== rules.visitor) {
      const minutes = Math.floor((pageNow() - this.#visitor.firstSeen) / 60_000);
      return `visitor="${rules.visitor}" and this visitor is ${this.#visitor.kind} (first seen ${minutes} min ago)`;
    }
    if (rules.cartMin !== null || rules.cartMax !== null) {
      const bound =
        rules.cartMin !== null
          ? `cart-min="${this.#host.cartMin!.trim()}"`
          : `cart-max="${this.#host.cartMax!.trim()}"`;
      const cart = this.#cart;
      if (!cart) return `${bound} and the cart is not known yet`;
      if (rules.cartMin !== null && cart.total < rules.cartMin)
        return `cart-min="${this.#host.cartMin!.trim()}" and the cart is ${money(cart)}`;
      if (rules.cartMax !== null && cart.total > rules.cartMax)
        return `cart-max="${this.#host.cartMax!.trim()}" and the cart is ${money(cart)}`;
    }
    if (rules.customer) {
      const facts = customerFacts(this.#customer);
      if (!matchesCustomer(rules.customer, facts)) {
        const who = facts.member
          ? `a member${facts.tags.length ? ` tagged ${facts.tags.join(', ')}` : ' without tags'}`
          : 'a guest';
        return `customer="${this.#host.customer!.trim()}" and the visitor is ${who}`;
      }
    }
    if (rules.utmSource && !rules.utmSource.includes(this.#utmSource ?? '')) {
      return `utm-source="${this.#host.utmSource!.trim()}" and this session ${this.#utmSource ? `came from ${this.#utmSource}` : 'has no utm_source'}`;
    }
    return null;
  }
}
