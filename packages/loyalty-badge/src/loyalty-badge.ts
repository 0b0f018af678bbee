import { html, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  AMOUNT_EXPECTED,
  CURRENCY_EXPECTED,
  CartController,
  VitrineElement,
  type DebugReason,
  formatNumber,
  getBus,
  parseAmount,
  parseCurrency,
  parseNumberPairs,
  shopifyPresentment,
  type Catalog,
  type CustomerState,
  convert,
  keywordAttribute,
  positiveAmount,
} from '@vitrine/core';
import { loyaltyBadgeStyles } from './loyalty-badge.styles.js';

export const LOYALTY_ROUNDINGS = ['floor', 'round'] as const;
export type LoyaltyRounding = (typeof LOYALTY_ROUNDINGS)[number];

/** One tier of the programme: its name and the points from which a customer holds it. */
export interface LoyaltyTier {
  name: string;
  points: number;
}

/** Detail of `vitrine-open` and `vitrine-close`. */
export interface LoyaltyToggleDetail {
  campaign: string;
}

export const POINTS_EXPECTED = 'a non-negative number of points such as 1380';
export const RATE_EXPECTED = 'a positive number of points per currency unit such as 1 or 0.5';
export const TIERS_EXPECTED = 'a list of tier:points such as Bronze:0, Silver:500, Gold:1500';

/** Hover intent: the pointer rests this long on the badge before the details open… */
const HOVER_OPEN_MS = 150;
/** …and may leave it (or the popover) this long without closing them. */
const HOVER_CLOSE_MS = 300;
/** A click this soon after focus opened the details belongs to the same gesture. */
const FOCUS_CLICK_MS = 500;

type TextKey =
  'earn' | 'pointsOne' | 'pointsOther' | 'toNext' | 'top' | 'rate' | 'floor' | 'round' | 'balance' | 'tierFrom';

/** The badge's own texts; other languages: core's i18n/texts/. */
export const loyaltyBadgeTexts: Catalog<TextKey> = {
  scope: 'loyalty-badge',
  en: {
    earn: 'Earn {points}',
    pointsOne: '{count} point',
    pointsOther: '{count} points',
    toNext: '{points} to {tier}',
    top: 'Top tier',
    rate: 'You earn {points} per {amount} spent.',
    floor: 'Rounded down to whole points.',
    round: 'Rounded to the nearest point.',
    balance: 'You have {points}.',
    tierFrom: 'from {points}',
  },
  // Missing keys fall back to English: "point", "points" are the same words in French.
  fr: {
    earn: 'Gagnez {points}',
    toNext: 'Encore {points} pour {tier}',
    top: 'Niveau maximal',
    rate: 'Vous gagnez {points} pour {amount} dépensé.',
    floor: 'Arrondi au point inférieur.',
    round: 'Arrondi au point le plus proche.',
    balance: 'Vous avez {points}.',
    tierFrom: 'dès {points}',
  },
};

const STAR_ICON = svg`<svg part="icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.8l-5.2 2.8 1-5.8L1.5 7.7l5.9-.9z"/></svg>`;
const CHEVRON_ICON = svg`<svg part="indicator" viewBox="0 0 12 12" aria-hidden="true"><path d="M2.2 4.2 6 8l3.8-3.8-1-1L6 6 3.2 3.2z"/></svg>`;

type PopoverModule = typeof import('./popover.js');
let popoverModule: Promise<PopoverModule> | undefined;
/**
 * floating-ui and the code that drives it arrive on first interest (hover, focus, click), in
 * their own chunk: most visitors never open the details, so the badge's own chunk stays small.
 */
function loadPopover(): Promise<PopoverModule> {
  // A failed import is not worth retrying: the browser remembers the failure for that URL.
  return (popoverModule ??= import('./popover.js'));
}

/** Why the details are open: a hover closes when the pointer leaves, the others stay until dismissed. */
type OpenReason = 'click' | 'hover' | 'focus' | 'attribute';

interface CustomerStanding {
  mode: 'customer';
  points: number;
  tier: string | null;
  next: LoyaltyTier | null;
  remaining: number;
  top: boolean;
  currency: string;
}

/** What the badge shows: points to earn (product, cart), or a customer's standing. */
type Standing = { mode: 'earn'; points: number; currency: string } | CustomerStanding;

/** Points earned for `amount` at `rate`, rounded as the programme says, without float drift (19.99 × 100 is 1998.999…). */
export function pointsFor(amount: number, rate: number, rounding: LoyaltyRounding): number {
  const exact = Number((amount * rate).toFixed(6));
  return rounding === 'round' ? Math.round(exact) : Math.floor(exact);
}

/**
 * The customer's tier, the next one and the points left to it. `explicitTier` (from Liquid or
 * the `customer` topic: a programme may rank by spend, not by balance) wins over the points.
 */
export function standingOf(
  points: number,
  tiers: readonly LoyaltyTier[],
  explicitTier: string | null,
): { tier: string | null; next: LoyaltyTier | null; remaining: number; top: boolean } {
  let index = -1;
  if (explicitTier) {
    index = tiers.findIndex((tier) => tier.name.toLowerCase() === explicitTier.toLowerCase());
    // A tier the list does not know: shown as it is, with no guess at what comes next.
    if (index === -1) return { tier: explicitTier, next: null, remaining: 0, top: false };
  } else {
    tiers.forEach((tier, position) => {
      if (tier.points <= points) index = position;
    });
  }
  const next = tiers[index + 1] ?? null;
  return {
    tier: index >= 0 ? tiers[index].name : null,
    next,
    remaining: next ? Math.max(0, Math.ceil(next.points - points)) : 0,
    top: tiers.length > 0 && index === tiers.length - 1,
  };
}

/**
 * A loyalty badge for any programme, with any vendor or none: every value is an attribute a
 * theme can render from Liquid (`customer.metafields`, a loyalty app's data) or a bus topic.
 *
 * **Product mode** — `price` times `rate` points per unit of `currency`: "Earn 49 points". With
 * `cart`, the cart total instead, from core's cart source (`cart-source`: the `total` attribute,
 * the bus `cart` topic or Shopify's AJAX cart), followed as the cart changes; a cart presented in
 * another currency than `currency` is converted back with Shopify's rate. Points are rounded down
 * by default (`rounding="floor"`, as most programmes credit whole points only), or to the nearest
 * point with `rounding="round"`. With nothing to earn (no price yet, an empty cart, 0 points) the
 * badge renders nothing.
 *
 * **Customer mode** (no `price`, no `cart`) — `points` (else the `customer` topic's `points`)
 * and `tiers`: the tier, the balance and the points left to the next tier ("120 points to
 * Gold"), or "Top tier". `tier` (else the topic's `tier`) names the tier when the programme
 * ranks by something else than the balance. With no points known (a guest) it renders nothing.
 *
 * The badge is a button that discloses the details popover (`aria-expanded`, `aria-controls`):
 * it opens on click, on hover (after a short delay; the pointer may cross to the popover) and
 * on keyboard focus, and closes on Escape (focus back on the badge), on a click outside, when
 * focus leaves it, and when the pointer leaves after a hover. The popover is placed by
 * floating-ui (flip, shift, arrow) below the badge from its start edge (its left edge, its right
 * edge right to left), kept fully on screen down to a 320 px phone, and follows the badge only
 * while open.
 *
 * @summary Loyalty points to earn on a product or cart, or the customer's tier and points, with a details popover.
 *
 * @slot details - Content of the details popover. When empty: the earning rate and rounding (product mode) or the balance (customer mode), and the tiers with the customer's own marked.
 *
 * @csspart base - The badge: a button that opens and closes the details (`aria-expanded`, `aria-controls`).
 * @csspart icon - The star at the start of the badge.
 * @csspart label - Product mode: "Earn 49 points".
 * @csspart tier - Customer mode: the tier name, as a pill.
 * @csspart points - Customer mode: the balance ("1,380 points").
 * @csspart remaining - Customer mode: "120 points to Gold", or "Top tier" (after a dot drawn by its `::before`).
 * @csspart indicator - The chevron that turns when the details are open.
 * @csspart popover - The details popover (in the top layer while open).
 * @csspart arrow - The popover's arrow, pointing at the badge.
 * @csspart details - The content box of the popover (the `details` slot and its default content).
 * @csspart rate - Default details: the earning rate and the rounding rule.
 * @csspart balance - Default details, customer mode: "You have 1,380 points."
 * @csspart tier-list - Default details: the list of tiers.
 * @csspart tier-item - Default details: one tier.
 * @csspart tier-item-current - Default details: the customer's tier, marked with a check (also has the part `tier-item`; `aria-current`).
 * @csspart tier-name - Default details: a tier's name.
 * @csspart tier-threshold - Default details: the points from which a tier is held.
 *
 * @cssproperty --vitrine-loyalty-badge-height - Height of the badge, also what the loader's `:not(:defined)` rule reserves (default `2rem`).
 * @cssproperty --vitrine-loyalty-badge-font-size - Text size in the badge (default `0.875rem`).
 * @cssproperty --vitrine-loyalty-badge-background - Badge background (default a 6 % tint of the text colour, fine on light and dark pages); on hover and while open the badge's border takes the full text colour.
 * @cssproperty --vitrine-loyalty-badge-radius - Badge corner radius (default `999px`, a pill).
 * @cssproperty --vitrine-loyalty-badge-icon-color - Star colour (default the accent colour, else `#d97706`).
 * @cssproperty --vitrine-loyalty-badge-tier-background - Tier pill background (default the accent colour, else `#111827`).
 * @cssproperty --vitrine-loyalty-badge-tier-color - Tier pill text (default the on-accent colour, else `#ffffff`).
 * @cssproperty --vitrine-loyalty-badge-popover-width - Widest the popover gets (default `18rem`; never wider than the screen less 16 px).
 * @cssproperty --vitrine-loyalty-badge-popover-background - Popover background (default the surface colour, else `#ffffff`).
 * @cssproperty --vitrine-loyalty-badge-popover-color - Popover text (default the text colour, else `#111827`).
 * @cssproperty --vitrine-font - Font family (default: the page's own font, inherited).
 * @cssproperty --vitrine-color-text - Badge text (default `currentColor`) and popover text (default `#111827`).
 * @cssproperty --vitrine-color-surface - Popover background (default `#ffffff`).
 * @cssproperty --vitrine-color-accent - Star (else `#d97706`), tier pill (else `#111827`) and focus ring (else the text colour).
 * @cssproperty --vitrine-color-on-accent - Tier pill text (default `#ffffff`).
 * @cssproperty --vitrine-radius - Popover corner radius (default `0.5rem`).
 * @cssproperty --vitrine-shadow - Popover shadow.
 *
 * @fires vitrine-open - When the details open (click, hover, focus or the `open` property); detail `{ campaign }`. Bubbles and is composed.
 * @fires vitrine-close - When the details close; detail `{ campaign }`. Bubbles and is composed.
 */
export class VitrineLoyaltyBadge extends VitrineElement {
  static override styles = loyaltyBadgeStyles;

  /** Product mode: the price in major units with a dot (`49.90`), e.g. `{{ product.price | divided_by: 100.0 }}` in Liquid. */
  @property({ attribute: 'price' }) price: string | null = null;

  /** Points per currency unit (default `1`; `0.1` is one point per 10 units). */
  @property({ attribute: 'rate' }) rate: string | null = null;

  /** Product mode on the cart total instead of `price`; the cart comes from `cart-source`. */
  @property({ attribute: 'cart', type: Boolean }) cart = false;

  /**
   * With `cart`: where the cart comes from — `attribute` (the `total` attribute), `bus` (the `cart` topic) or
   * `shopify` (Shopify's AJAX cart, one request shared by every widget, refreshed when the theme changes the cart).
   * Default: `attribute` when `total` is set, else `shopify` on a Shopify page, else `bus`.
   */
  @property({ attribute: 'cart-source' }) cartSource: string | null = null;

  /** With `cart` and `cart-source="attribute"`: the cart total in major units (`{{ cart.total_price | divided_by: 100.0 }}`). */
  @property({ attribute: 'total' }) total: string | null = null;

  /** Customer mode: the customer's points (e.g. `{{ customer.metafields.loyalty.points }}`); else the `customer` topic's. */
  @property({ attribute: 'points' }) points: string | null = null;

  /** The tiers and the points each starts at: `Bronze:0, Silver:500, Gold:1500` (any order). */
  @property({ attribute: 'tiers' }) tiers: string | null = null;

  /** Customer mode: the customer's tier when the programme says so (else the `customer` topic's, else found from the points). */
  @property({ attribute: 'tier' }) tier: string | null = null;

  /** `floor` (default: whole points earned only, as most programmes credit) or `round` (to the nearest point). */
  @property({ attribute: 'rounding' }) rounding: LoyaltyRounding = 'floor';

  /** ISO 4217 currency of `price` and `rate` (default the cart's in cart mode, else `EUR`). */
  @property({ attribute: 'currency' }) currency: string | null = null;

  /** Whether the details popover is open. Reflected, so a page may style against it; set it to open or close them. */
  @property({ attribute: 'open', type: Boolean, reflect: true }) open = false;

  /** Only in cart mode: on a Shopify page the cart source fetches the cart, which a product badge never needs. */
  #cartSource?: CartController;
  #customer?: CustomerState;
  #unsubscribeCustomer?: () => void;
  /** The valid values in use: a bad attribute keeps its text, the badge its fallback (set on the first update). */
  #price: number | null = null;
  #rate = 1;
  #points: number | null = null;
  #tiers: LoyaltyTier[] = [];
  #rounding: LoyaltyRounding = 'floor';
  #currency: string | null = null;
  #standing: Standing | null = null;

  #reason?: OpenReason;
  /** The popover on show, once `updated` has shown it; its floating-ui follower while that runs. */
  #shown?: HTMLElement;
  #stopFollowing?: () => void;
  #hoverTimer?: ReturnType<typeof setTimeout>;
  #openedAt = 0;
  #viewed = false;

  constructor() {
    super();
    this.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      // Retargeted: focus moving inside the shadow root reads as the host itself.
      if (this.#reason !== 'hover' && next && next !== this && !this.contains(next)) this.#close();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribeCustomer ??= getBus().subscribe('customer', (customer) => {
      this.#customer = customer ?? undefined;
      this.requestUpdate();
    });
    // Back in the page while open: `updated` shows and follows the popover again.
    if (this.open) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeCustomer?.();
    this.#unsubscribeCustomer = undefined;
    this.#hide();
  }

  protected override hiddenReason(): DebugReason | null {
    const hidden = super.hiddenReason();
    if (hidden || this.#standing) return hidden;
    if (this.cart)
      return this.#cartSource?.cart
        ? { code: 'waiting', reason: 'nothing to earn on this cart (0 points)' }
        : { code: 'waiting', reason: 'waiting for the cart' };
    if (this.price != null)
      return this.#price === null
        ? this.badInput(['price'], 'no price')
        : { code: 'waiting', reason: 'nothing to earn on this price (0 points)' };
    return this.points?.trim()
      ? this.badInput(['points'], 'no points')
      : { code: 'waiting', reason: 'no points known: a guest, or the customer topic has not said yet' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('price')) this.#price = convert(this, 'price', this.price, parseAmount, AMOUNT_EXPECTED);
    if (changed.has('rate')) this.#rate = convert(this, 'rate', this.rate, positiveAmount, RATE_EXPECTED) ?? 1;
    if (changed.has('points')) this.#points = convert(this, 'points', this.points, parseAmount, POINTS_EXPECTED);
    if (changed.has('tiers')) {
      const pairs = this.tiers?.trim() ? parseNumberPairs(this.tiers) : [];
      const valid = pairs && !pairs.some(([, points]) => points < 0);
      if (!valid) this.warn('tiers', this.tiers, TIERS_EXPECTED);
      this.#tiers = valid ? pairs.map(([name, points]) => ({ name, points })).sort((a, b) => a.points - b.points) : [];
    }
    if (changed.has('rounding'))
      this.#rounding = keywordAttribute(this, 'rounding', this.rounding, LOYALTY_ROUNDINGS, 'floor');
    if (changed.has('currency')) {
      const text = this.currency?.trim();
      this.#currency = text ? parseCurrency(text) : null;
      if (text && !this.#currency) this.warn('currency', this.currency, CURRENCY_EXPECTED);
    }
    if (changed.has('cart')) {
      // Core's cart source (`cart-source`, `total`, the bus, Shopify), only while in cart mode.
      if (this.cart) {
        this.#cartSource ??= new CartController(this, {
          source: () => this.cartSource,
          total: () => this.total,
          currency: () => this.currency,
        });
      } else if (this.#cartSource) {
        this.#cartSource.hostDisconnected();
        this.removeController(this.#cartSource);
        this.#cartSource = undefined;
      }
    }

    this.#standing = this.eligible ? this.#readStanding() : null;
    // Nothing left to show closes what the shopper opened (set here, before render, so no second update
    // follows). An `open` set by the page stays: the details show once there is something to show.
    if (!this.#standing && this.#reason && this.#reason !== 'attribute') this.open = false;
    if (this.open) this.#reason ??= 'attribute';
  }

  #readStanding(): Standing | null {
    if (this.cart || this.price != null) {
      let amount = this.cart ? null : this.#price;
      let currency = this.#currency ?? 'EUR';
      const cart = this.#cartSource?.cart;
      if (cart) {
        amount = cart.total;
        // `rate` is written in `currency`: a cart presented in another one is converted back with Shopify's rate.
        const presentment = shopifyPresentment();
        if (this.#currency && this.#currency !== cart.currency && presentment?.currency === cart.currency) {
          amount /= presentment.rate;
        } else currency = cart.currency;
      }
      const points = amount === null ? 0 : pointsFor(amount, this.#rate, this.#rounding);
      return points > 0 ? { mode: 'earn', points, currency } : null;
    }
    const fromTopic = this.#customer?.points;
    const points = this.#points ?? (typeof fromTopic === 'number' && fromTopic >= 0 ? fromTopic : null);
    if (points === null) return null;
    const tier = this.tier?.trim() || this.#customer?.tier?.trim() || null;
    return { mode: 'customer', points, currency: this.#currency ?? 'EUR', ...standingOf(points, this.#tiers, tier) };
  }

  /** "1 point" / "1,380 points", "1 point" / "0,5 point" / "1 500 points" in French. */
  #pointsText(count: number): string {
    return this.localizePlural(loyaltyBadgeTexts, 'points', count, { count: formatNumber(count, this.language) });
  }

  // ——— the popover ———

  get #trigger(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('[part="base"]');
  }

  #openFor(reason: OpenReason): void {
    clearTimeout(this.#hoverTimer);
    if (this.open) return;
    this.#reason = reason;
    this.#openedAt = performance.now();
    this.open = true;
    if (reason === 'click') this.track('click');
  }

  #close(): void {
    clearTimeout(this.#hoverTimer);
    this.open = false;
  }

  #onClick = () => {
    // A click on details opened by hover keeps them open (the pointer may then wander off). So does a click
    // right after a focus that opened them: a screen reader (or a script) focuses, then clicks, in one go.
    const justFocused = this.#reason === 'focus' && performance.now() - this.#openedAt < FOCUS_CLICK_MS;
    if (this.open && (this.#reason === 'hover' || justFocused)) this.#reason = 'click';
    else if (this.open) this.#close();
    else this.#openFor('click');
  };

  #onFocus = (event: FocusEvent) => {
    void loadPopover().catch(() => {});
    // Keyboard focus only: a mouse press focuses the button too, and its click toggles.
    if ((event.currentTarget as Element).matches(':focus-visible')) this.#openFor('focus');
  };

  /** Over the badge: opens after a short rest. Over the popover (across the bridge): it stays open. */
  #onPointerEnter = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    void loadPopover().catch(() => {});
    clearTimeout(this.#hoverTimer);
    if (!this.open) this.#hoverTimer = setTimeout(() => this.#openFor('hover'), HOVER_OPEN_MS);
  };

  #onPointerLeave = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    // Left before the open delay: nothing opens. Left details opened by hover: they close unless the pointer comes back.
    clearTimeout(this.#hoverTimer);
    if (this.#reason === 'hover') {
      this.#hoverTimer = setTimeout(() => this.#reason === 'hover' && this.#close(), HOVER_CLOSE_MS);
    }
  };

  #onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // The root's active element is retargeted: the host for the badge itself, the link for slotted details.
    const active = (this.getRootNode() as Document | ShadowRoot).activeElement;
    // Focus back on the badge first: while still open, that focus does not count as opening them again.
    if (active && this.contains(active)) this.#trigger?.focus();
    this.#close();
  };

  #onDocumentPointerDown = (event: PointerEvent) => {
    if (!event.composedPath().includes(this)) this.#close();
  };

  /** Shows the popover, listens for Escape and outside clicks, and has floating-ui follow the badge. */
  #show(popover: HTMLElement): void {
    this.#shown = popover;
    popover.toggleAttribute('data-open', true);
    popover.dataset.side = 'bottom';
    // The top layer escapes any overflow or stacking context of the theme (where the API exists).
    popover.showPopover?.();
    document.addEventListener('keydown', this.#onDocumentKeydown);
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
    loadPopover().then(
      ({ followTrigger }) => {
        const trigger = this.#trigger;
        // Only while open: it listens to scroll and resize and observes both elements.
        if (this.#shown === popover && trigger) this.#stopFollowing = followTrigger(trigger, popover);
      },
      // No floating-ui (its chunk failed to load): shown where the stylesheet puts it rather than not at all.
      () => popover.toggleAttribute('data-positioned', true),
    );
  }

  #hide(): void {
    const popover = this.#shown;
    clearTimeout(this.#hoverTimer);
    this.#stopFollowing?.();
    document.removeEventListener('keydown', this.#onDocumentKeydown);
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
    this.#stopFollowing = this.#shown = this.#reason = undefined;
    // Without the Popover API (Safari < 17, Firefox < 125) `:popover-open` is no selector at all: matches() would throw.
    if (popover && 'hidePopover' in popover && popover.matches(':popover-open')) popover.hidePopover();
    popover?.removeAttribute('data-open');
    popover?.removeAttribute('data-positioned');
  }

  protected override updated(): void {
    const popover = this.renderRoot.querySelector<HTMLElement>('[part="popover"]');
    const wasShown = this.#shown;
    if (wasShown && (!this.open || wasShown !== popover)) this.#hide();
    if (this.open && popover && this.isConnected && !this.#shown) this.#show(popover);
    if (!wasShown !== !this.#shown) {
      this.emit<LoyaltyToggleDetail>(this.#shown ? 'vitrine-open' : 'vitrine-close', { campaign: this.campaignId });
    }
    if (this.#standing && !this.#viewed && !this.previewing) {
      this.#viewed = true;
      this.track('view');
    }
  }

  // ——— rendering ———

  protected override render() {
    const standing = this.#standing;
    if (!standing) return nothing;
    const points = this.#pointsText(standing.points);
    const customer = standing.mode === 'customer';
    const remaining = customer ? this.#remainingText(standing) : null;
    return html`<button
        part="base"
        type="button"
        aria-label=${
          // Customer mode reads as one phrase, "Silver, 1,380 points, 120 points to Gold": the visible words, in order.
          customer ? [standing.tier, points, remaining].filter(Boolean).join(', ') : nothing
        }
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="details"
        @click=${this.#onClick}
        @focus=${this.#onFocus}
        @pointerenter=${this.#onPointerEnter}
        @pointerleave=${this.#onPointerLeave}
      >
        ${STAR_ICON}${
          customer
            ? // Spaces between the pieces: the visible words must read as the name does (WCAG 2.5.3).
              html`${standing.tier ? html`<span part="tier">${standing.tier}</span> ` : nothing}<span part="points"
                  >${points}</span
                >${remaining ? html` <span part="remaining">${remaining}</span>` : nothing}`
            : html`<span part="label">${this.localize(loyaltyBadgeTexts, 'earn', { points })}</span>`
        }${CHEVRON_ICON}
      </button>
      <div
        id="details"
        part="popover"
        popover="manual"
        @pointerenter=${this.#onPointerEnter}
        @pointerleave=${this.#onPointerLeave}
      >
        <div part="arrow"></div>
        <div part="details"><slot name="details">${this.#defaultDetails(standing, points)}</slot></div>
      </div>`;
  }

  /** "120 points to Gold", "Top tier", or null when the tier list says nothing of what comes next. */
  #remainingText(standing: CustomerStanding): string | null {
    if (standing.top) return this.localize(loyaltyBadgeTexts, 'top');
    if (!standing.next || standing.remaining <= 0) return null;
    return this.localize(loyaltyBadgeTexts, 'toNext', {
      points: this.#pointsText(standing.remaining),
      tier: standing.next.name,
    });
  }

  #rateText(currency: string): string {
    // 0.1 point per €1 reads better as 1 point per €10.
    const per = Number((1 / this.#rate).toFixed(2));
    const nice = this.#rate < 1 && per * this.#rate === 1;
    const amount = nice ? per : 1;
    return this.localize(loyaltyBadgeTexts, 'rate', {
      points: this.#pointsText(nice ? 1 : this.#rate),
      // A whole amount without decimals, as a shopper writes it: "€1", "10 €".
      amount: new Intl.NumberFormat(this.language === 'fr' ? 'fr-FR' : 'en', {
        style: 'currency',
        currency,
        minimumFractionDigits: Number.isInteger(amount) ? 0 : undefined,
      }).format(amount),
    });
  }

  #defaultDetails(standing: Standing, points: string) {
    const current = standing.mode === 'customer' ? standing.tier?.toLowerCase() : undefined;
    // In customer mode the rate is shown only when the merchant gave it (a default of 1 could be wrong).
    const showRate = standing.mode === 'earn' || !!this.rate?.trim();
    return html`${
      standing.mode === 'customer'
        ? html`<p part="balance">${this.localize(loyaltyBadgeTexts, 'balance', { points })}</p>`
        : nothing
    }
    ${
      showRate
        ? html`<p part="rate">
            ${this.#rateText(standing.currency)} ${this.localize(loyaltyBadgeTexts, this.#rounding)}
          </p>`
        : nothing
    }
    ${
      this.#tiers.length
        ? html`<ul part="tier-list">
            ${this.#tiers.map((tier) => {
              const mine = tier.name.toLowerCase() === current;
              return html`<li
                part=${mine ? 'tier-item tier-item-current' : 'tier-item'}
                aria-current=${mine ? 'true' : nothing}
              >
                <span part="tier-name">${tier.name}</span>
                <span part="tier-threshold"
                  >${this.localize(loyaltyBadgeTexts, 'tierFrom', { points: this.#pointsText(tier.points) })}</span
                >
              </li>`;
            })}
          </ul>`
        : nothing
    }`;
  }
}
