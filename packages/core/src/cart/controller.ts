/**
 * `cart-source` for a widget (SPEC section 4): where its cart comes from, resolved from the
 * widget's attributes, kept current, and the host re-rendered when it changes.
 *
 * ```ts
 * class MyWidget extends VitrineElement {
 *   @property({ attribute: 'cart-source' }) cartSource: string | null = null;
 *   @property() total: string | null = null;
 *   #cart = new CartController(this, { source: () => this.cartSource, total: () => this.total });
 *   render() { const cart = this.#cart.cart; … cart?.total, cart?.currency, this.#cart.stale … }
 * }
 * ```
 */
import type { ReactiveController } from 'lit';
import { getBus, type CartState } from '../bus.js';
import type { WidgetHost } from '../host.js';
import { AMOUNT_EXPECTED, parseAmount, parseCurrency } from '../parse/money.js';
import { blank, convert, keywordAttribute } from '../parse/attribute.js';
import { noteOnce } from '../parse/warn.js';
import { getCartStore, onShopify, type CartSnapshot } from './store.js';

export const CART_SOURCES = ['attribute', 'bus', 'shopify'] as const;
export type CartSource = (typeof CART_SOURCES)[number];

export interface CartControllerOptions {
  /** The widget's `cart-source` attribute as written (null when absent). */
  source: () => string | null | undefined;
  /** The widget's `total` attribute as written, in major units (`attribute` mode; also picks it by default). */
  total?: () => string | number | null | undefined;
  /** The currency of `total` in `attribute` mode, already validated by the widget (default `EUR`). */
  currency?: () => string | null | undefined;
  /** The item count in `attribute` mode, if the widget has one (default 0). */
  itemCount?: () => number | null | undefined;
}

const TOTAL_ATTRIBUTE = 'total';

export class CartController implements ReactiveController {
  #host: WidgetHost;
  #options: CartControllerOptions;
  #connected = false;
  #inputs: string | null = null;
  #source: CartSource = 'bus';
  #attributeCart: CartState | undefined;
  #busCart: CartState | undefined;
  #snapshot: CartSnapshot | undefined;
  #unsubscribe?: () => void;

  constructor(host: WidgetHost, options: CartControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The source in use: `cart-source` when valid, else `attribute` when `total` is set, else `shopify` on Shopify, else `bus`. */
  get source(): CartSource {
    this.#sync();
    return this.#source;
  }

  /** The cart in major units, or undefined while unknown (no `total`, nothing on the bus yet, Shopify not answered). */
  get cart(): CartState | undefined {
    this.#sync();
    if (this.#source === 'attribute') return this.#attributeCart;
    if (this.#source === 'bus') return this.#busCart;
    return this.#snapshot?.cart;
  }

  /** True when the cart is the last known one but Shopify could not confirm it (429, offline): show it, never as fresh. */
  get stale(): boolean {
    this.#sync();
    return this.#source === 'shopify' && !!this.#snapshot?.stale;
  }

  /** True while the Shopify cart is being (re)loaded. */
  get pending(): boolean {
    this.#sync();
    return this.#source === 'shopify' && !!this.#snapshot?.pending;
  }

  /** Asks for a fresh cart (`shopify`; the other sources are always current). */
  refresh(): void {
    if (this.source === 'shopify') getCartStore().refresh();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#inputs = null;
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  hostUpdate(): void {
    this.#sync();
  }

  /** Re-reads the attributes; subscribes to the source they name when it changed. */
  #sync(): void {
    const host = this.#host;
    const rawSource = this.#options.source();
    const rawTotal = this.#options.total?.();
    const currency = parseCurrency(this.#options.currency?.() ?? null) ?? 'EUR';
    const itemCount = this.#options.itemCount?.() ?? 0;
    const inputs = `${String(rawSource)}|${String(rawTotal)}|${currency}|${itemCount}`;
    if (inputs === this.#inputs && (this.#unsubscribe || !this.#connected)) return;
    this.#inputs = inputs;

    const total = convert(host, TOTAL_ATTRIBUTE, rawTotal, parseAmount, AMOUNT_EXPECTED);
    this.#attributeCart = total === null ? undefined : { total, currency, itemCount: Math.max(0, itemCount) };

    const fallback: CartSource = total !== null ? 'attribute' : onShopify() ? 'shopify' : 'bus';
    const source = blank(rawSource)
      ? fallback
      : keywordAttribute(host, 'cart-source', rawSource, CART_SOURCES, fallback);
    const resubscribe = source !== this.#source || !this.#unsubscribe;
    this.#source = source;
    if (!this.#connected || !resubscribe) return;

    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (source === 'bus') {
      this.#unsubscribe = getBus().subscribe('cart', (message) => {
        const cart = this.#fromBus(message);
        if (cart) {
          this.#busCart = cart;
          host.requestUpdate();
        }
      });
    } else if (source === 'shopify') {
      this.#unsubscribe = getCartStore().subscribe((snapshot) => {
        this.#snapshot = snapshot;
        host.requestUpdate();
      });
    } else {
      this.#unsubscribe = () => {};
    }
  }

  /** A `cart` message from the merchant's code, checked: a bad one is ignored with one warning. */
  #fromBus(message: unknown): CartState | undefined {
    const candidate = message as Partial<CartState> | null | undefined;
    const total = typeof candidate?.total === 'number' ? parseAmount(candidate.total) : null;
    const currency = parseCurrency(typeof candidate?.currency === 'string' ? candidate.currency : null);
    const itemCount = candidate?.itemCount ?? 0;
    if (total === null || !currency || typeof itemCount !== 'number' || !(itemCount >= 0)) {
      let shown: string;
      try {
        shown = JSON.stringify(message);
      } catch {
        shown = String(message);
      }
      noteOnce(
        this.#host,
        `ignored the cart message ${shown}: expected { total, currency, itemCount } with total a non-negative number in major units and currency an ISO 4217 code`,
      );
      return undefined;
    }
    return { total, currency, itemCount };
  }
}
