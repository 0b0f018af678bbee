import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AMOUNT_EXPECTED,
  CURRENCY_EXPECTED,
  CartController,
  ReducedMotionController,
  VitrineElement,
  type DebugReason,
  campaignKey,
  currencyDigits,
  formatMoney,
  fromShopCurrency,
  noteOnce,
  parseAmount,
  parseCurrency,
  roundMoney,
  warnOnce,
  type Catalog,
  convert,
  parseAmountsByCurrency,
  AMOUNTS_EXPECTED,
  blank,
} from '@vitrine/core';
import { shippingProgressStyles } from './shipping-progress.styles.js';

/** The progress's own texts; other languages: core's i18n/texts/. */
export const shippingProgressTexts: Catalog<'message' | 'reached' | 'goal' | 'name' | 'valueText' | 'reachedText'> = {
  scope: 'shipping-progress',
  en: {
    message: 'You are {remaining} away from {goal}',
    reached: 'You have unlocked {goal}!',
    goal: 'free shipping',
    name: 'Progress towards {goal}',
    valueText: '{total} of {amount}: {remaining} to go for {goal}',
    reachedText: '{total}: {goal} unlocked',
  },
  fr: {
    message: 'Plus que {remaining} pour {goal}',
    reached: 'Bravo, vous bénéficiez de {goal} !',
    goal: 'la livraison gratuite',
    name: 'Progression vers {goal}',
    valueText: '{total} sur {amount} : encore {remaining} pour {goal}',
    reachedText: '{total} : {goal} débloquée',
  },
};

/** One goal in the cart's currency. */
export interface ShippingGoal {
  /** Stable across currencies and page loads: `threshold`, or the `<vitrine-goal>`'s label and amount as written. */
  key: string;
  /** In major units of the cart's currency. */
  amount: number;
  label: string;
}

/** A goal as written: an amount in the shop's currency and/or amounts per currency. */
interface GoalSource {
  key: string;
  label: string;
  amount: number | null;
  amounts: Map<string, number> | null;
}

/** Detail of `vitrine-goal-reached`. */
export interface GoalReachedDetail {
  campaign: string;
  goal: { label: string; amount: number };
  total: number;
  currency: string;
}

/**
 * A goal of a `<vitrine-shipping-progress>`: a gift, a discount, anything the cart unlocks
 * at `amount`. It shows nothing itself; the progress shows the next goal not reached.
 *
 * @summary A goal of the free-shipping progress: `amount` (or `amounts` per currency) and `label`.
 *
 * @attr amount - The amount in major units of the progress's `currency` (`100`); converted with `Shopify.currency.rate` for a cart in another currency.
 * @attr amounts - Amounts per currency (`"EUR:100, USD:110"`); win over converting `amount`.
 * @attr label - What the shopper unlocks, as text in a sentence (`a free gift`); fills `{goal}`. Default: the built-in "free shipping" ("la livraison gratuite").
 */
export class VitrineGoal extends HTMLElement {
  /** The amount in major units, in the progress's `currency` (the shop's), converted with `Shopify.currency.rate` elsewhere. */
  get amount(): string | null {
    return this.getAttribute('amount');
  }
  set amount(value: string | null) {
    this.#set('amount', value);
  }

  /** Per-currency amounts, `"EUR:100, USD:110"` (win over conversion). */
  get amounts(): string | null {
    return this.getAttribute('amounts');
  }
  set amounts(value: string | null) {
    this.#set('amounts', value);
  }

  /** What the shopper unlocks, as text in a sentence ("a free gift"); shown in `{goal}`. Default: the built-in "free shipping". */
  get label(): string | null {
    return this.getAttribute('label');
  }
  set label(value: string | null) {
    this.#set('label', value);
  }

  #set(name: string, value: string | null): void {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }
}

/**
 * Free-shipping progress: how far the cart is from free shipping (and from more goals), in
 * the cart's currency, following the cart as the shopper shops.
 *
 * The goals are `threshold` (or `thresholds` per currency), labelled "free shipping", and any
 * `<vitrine-goal amount label>` children; the bar and the message show the next goal not
 * reached. Amounts are in major units of `currency` (the shop's currency); for a cart in
 * another currency the amount of `thresholds` (or a goal's `amounts`) for that currency is
 * used, else the amount is converted with `Shopify.currency.rate`.
 *
 * The height is reserved before the code arrives (the loader's `:not(:defined)` rule): one
 * line of message (`--vitrine-shipping-progress-lines`) and the bar. While the Shopify cart is
 * loading the message stays invisible in its room. Messages are text, never HTML; rich content
 * goes in the `icon` and `reached` slots.
 *
 * @summary Progress bar towards free shipping and further goals, in the cart's currency.
 *
 * @slot icon - Shown before the message (a small truck or gift icon, at most one line high).
 * @slot reached - Shown instead of the message once every goal is reached (rich content; else `reached-message`).
 *
 * @csspart base - The wrapper of the message and the bar.
 * @csspart message - The sentence ("You are €12.50 away from free shipping").
 * @csspart track - The bar's track, with `role="progressbar"`.
 * @csspart bar - The filled part of the track (scaled with `transform`).
 * @csspart announcement - The visually hidden live region that announces a goal reached.
 *
 * @cssproperty --vitrine-shipping-progress-height - Height of the bar (default `0.5rem`).
 * @cssproperty --vitrine-shipping-progress-lines - Lines of message to reserve (default `1`; set `2` for long messages on phones).
 * @cssproperty --vitrine-shipping-progress-bar - Colour of the filled bar (default `--vitrine-color-accent`, else the text colour).
 * @cssproperty --vitrine-shipping-progress-reached - Colour of the bar once every goal is reached (default the bar colour).
 * @cssproperty --vitrine-shipping-progress-track - Colour of the track (default the text colour at 15 %).
 * @cssproperty --vitrine-shipping-progress-duration - Length of the bar's animation (default `0.6s`; none under reduced motion).
 * @cssproperty --vitrine-font - Font family.
 * @cssproperty --vitrine-color-text - Text colour (default inherited).
 * @cssproperty --vitrine-color-accent - Default bar colour.
 * @cssproperty --vitrine-radius - Corner radius of the track (default fully rounded).
 *
 * @fires vitrine-goal-reached - When the cart crosses a goal upward; detail `{ campaign, goal: { label, amount }, total, currency }`. Once per crossing and campaign: not again when the page reloads with the same cart (remembered per campaign), again when the cart drops below and rises again. Bubbles and is composed.
 */
export class VitrineShippingProgress extends VitrineElement {
  static override styles = shippingProgressStyles;

  /** Free shipping from this amount, in major units of `currency` (`60`, `59.90`). */
  @property({ attribute: 'threshold' }) threshold: string | null = null;

  /** ISO 4217 code of `threshold`, of goal amounts and of `total` (the shop's currency; default `EUR`). */
  @property({ attribute: 'currency' }) currency: string | null = null;

  /** Free-shipping thresholds per currency, `"EUR:60, USD:70, GBP:50"`; wins over converting `threshold`. */
  @property({ attribute: 'thresholds' }) thresholds: string | null = null;

  /** Where the cart comes from: `attribute` (`total`), `bus` (the `cart` topic) or `shopify` (`/cart.js`). Default: `attribute` when `total` is set, else `shopify` on Shopify, else `bus`. */
  @property({ attribute: 'cart-source' }) cartSource: string | null = null;

  /** The cart total in major units of `currency`, e.g. rendered by Liquid (`{{ cart.total_price | divided_by: 100.0 }}`). */
  @property({ attribute: 'total' }) total: string | null = null;

  /** Text before the goal is reached; `{remaining}` (amount left), `{goal}` (its label), `{amount}` (the goal's amount) and `{total}` are filled in. Default in fr/en. */
  @property({ attribute: 'message' }) message: string | null = null;

  /** Text once every goal is reached; same placeholders (`{remaining}` is zero). Default in fr/en. */
  @property({ attribute: 'reached-message' }) reachedMessage: string | null = null;

  /** Reflected once every goal is reached, so a page can style against it. Read-only: set by the widget. */
  @property({ attribute: 'reached', type: Boolean, reflect: true }) reached = false;

  /** What the live region says (set when a goal is reached while the shopper is here). */
  @state() private announcement = '';

  #motion = new ReducedMotionController(this);
  #cart: CartController = new CartController(this, {
    source: () => this.cartSource,
    total: () => this.total,
    currency: () => this.#currency,
  });
  #goalsObserver = new MutationObserver(() => this.requestUpdate());
  #currency = 'EUR';
  #view: {
    goals: ShippingGoal[];
    total: number;
    currency: string;
    next: ShippingGoal | undefined;
    last: ShippingGoal;
  } | null = null;
  /** The total seen last in this page view, to tell a crossing seen live from one found on arrival. */
  #lastTotal: number | null = null;
  #viewed = false;
  #hasGoals = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#goalsObserver.observe(this, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['amount', 'amounts', 'label'],
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#goalsObserver.disconnect();
  }

  /**
   * Reads the goals as written (threshold, thresholds, children), warning once for each bad
   * value, whether or not a cart is known yet.
   */
  #readGoals(): GoalSource[] {
    const sources: GoalSource[] = [];
    const threshold = convert(this, 'threshold', this.threshold, parseAmount, AMOUNT_EXPECTED);
    const thresholds = convert(this, 'thresholds', this.thresholds, parseAmountsByCurrency, AMOUNTS_EXPECTED);
    if (threshold !== null || thresholds) {
      sources.push({
        key: 'threshold',
        label: this.localize(shippingProgressTexts, 'goal'),
        amount: threshold,
        amounts: thresholds,
      });
    }
    for (const goal of this.querySelectorAll('vitrine-goal')) {
      const written = goal.getAttribute('amount');
      const amount = written == null ? null : parseAmount(written);
      if (written != null && amount === null) warnOnce(goal, 'amount', written, AMOUNT_EXPECTED);
      const amounts = convert(goal, 'amounts', goal.getAttribute('amounts'), parseAmountsByCurrency, AMOUNTS_EXPECTED);
      if (amount === null && !amounts) continue;
      const label = goal.getAttribute('label')?.trim() || this.localize(shippingProgressTexts, 'goal');
      sources.push({ key: `goal:${label}:${written ?? goal.getAttribute('amounts')}`, label, amount, amounts });
    }
    return sources;
  }

  /** The goals in the cart's `currency`, lowest first; those that cannot be had in it are left out, with one warning. */
  #goalsIn(sources: GoalSource[], currency: string): ShippingGoal[] {
    const goals: ShippingGoal[] = [];
    for (const { key, label, amount, amounts } of sources) {
      const converted =
        amount === null ? null : currency === this.#currency ? amount : fromShopCurrency(amount, currency);
      const value = amounts?.get(currency) ?? converted;
      if (value !== null) {
        goals.push({ key, label, amount: value });
        continue;
      }
      const written =
        amount === null ? [...amounts!].map((pair) => pair.join(':')).join(', ') : `${amount} ${this.#currency}`;
      noteOnce(
        this,
        `cannot show the goal of ${written} for a cart in ${currency}: add ${currency} to thresholds (or amounts), or let Shopify.currency.rate convert it`,
      );
    }
    return goals.sort((a, b) => a.amount - b.amount);
  }

  /** `currency` when valid, else `EUR` with one warning. */
  #readCurrency(): string {
    if (this.currency == null) return 'EUR';
    const valid = parseCurrency(this.currency);
    if (!valid) this.warn('currency', this.currency, CURRENCY_EXPECTED);
    return valid ?? 'EUR';
  }

  protected override hiddenReason(): DebugReason | null {
    const hidden = super.hiddenReason();
    if (hidden) return hidden;
    if (!this.#hasGoals)
      return this.badInput(
        ['threshold', 'thresholds'],
        'no goal (expected threshold, thresholds or <vitrine-goal amount>)',
      );
    if (this.#view) return null;
    const cart = this.#cart.cart;
    return cart
      ? this.badInput(['thresholds'], `no goal in the cart's currency, ${cart.currency} (add it to thresholds)`)
      : { code: 'waiting', reason: `waiting for the cart (cart-source="${this.#cart.source}")` };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('currency')) this.#currency = this.#readCurrency();
    const sources = this.#readGoals();
    this.#hasGoals = sources.length > 0;
    if (!this.#hasGoals) {
      noteOnce(this, 'has no goal: expected threshold, thresholds or <vitrine-goal amount> children');
    }
    const cart = this.#cart.cart;
    const goals = cart && this.eligible ? this.#goalsIn(sources, cart.currency) : [];
    if (!cart || !goals.length) {
      // Still loading the cart (or none of its currency): keep the room, show nothing in it yet.
      this.#view = null;
      return;
    }
    const total = roundMoney(cart.total, currencyDigits(cart.currency));
    const next = goals.find((goal) => total < goal.amount);
    this.#view = { goals, total, currency: cart.currency, next, last: goals[goals.length - 1] };
    this.reached = !next;
    if (!this.#cart.stale) this.#checkCrossings(goals, total, cart.currency);
  }

  /** Fires `vitrine-goal-reached` for each goal crossed upward since it was last below (remembered per campaign). */
  #checkCrossings(goals: ShippingGoal[], total: number, currency: string): void {
    const key = campaignKey(this.campaignId, 'goals-reached');
    const stored = this.store.get<string[]>(key);
    const reached = new Set(Array.isArray(stored) ? stored : []);
    const live = this.#lastTotal !== null && this.#lastTotal !== total;
    this.#lastTotal = total;
    let changed = false;
    let announce: ShippingGoal | undefined;
    for (const goal of goals) {
      if (total >= goal.amount && !reached.has(goal.key)) {
        reached.add(goal.key);
        changed = true;
        if (live) announce = goal;
        const detail: GoalReachedDetail = {
          campaign: this.campaignId,
          goal: { label: goal.label, amount: goal.amount },
          total,
          currency,
        };
        this.emit('vitrine-goal-reached', detail);
      } else if (total < goal.amount && reached.delete(goal.key)) {
        changed = true;
      }
    }
    if (changed) this.store.set(key, [...reached]);
    if (announce) this.announcement = this.#text(this.reachedMessage, 'reached', announce, total, currency, 0);
    else if (live && changed) this.announcement = '';
  }

  /** A merchant's text or the built-in one, with the placeholders filled in, as text. */
  #text(
    custom: string | null,
    key: 'message' | 'reached',
    goal: ShippingGoal,
    total: number,
    currency: string,
    remaining: number,
  ): string {
    const values = {
      remaining: formatMoney(remaining, currency, this.language),
      goal: goal.label,
      amount: formatMoney(goal.amount, currency, this.language),
      total: formatMoney(total, currency, this.language),
    };
    if (blank(custom)) return this.localize(shippingProgressTexts, key, values);
    return custom.replace(/\{(remaining|goal|amount|total)\}/g, (_, name: keyof typeof values) => values[name]);
  }

  protected override render() {
    if (!this.eligible || !this.#hasGoals) return nothing;
    const view = this.#view;
    const goal = view ? (view.next ?? view.last) : undefined;
    const remaining =
      view && goal ? Math.max(0, roundMoney(goal.amount - view.total, currencyDigits(view.currency))) : 0;
    const message =
      view && goal
        ? this.#text(
            view.next ? this.message : this.reachedMessage,
            view.next ? 'message' : 'reached',
            goal,
            view.total,
            view.currency,
            remaining,
          )
        : '';
    const values =
      view && goal
        ? {
            total: formatMoney(view.total, view.currency, this.language),
            amount: formatMoney(goal.amount, view.currency, this.language),
            remaining: formatMoney(remaining, view.currency, this.language),
            goal: goal.label,
          }
        : { total: '', amount: '', remaining: '', goal: this.localize(shippingProgressTexts, 'goal') };
    const classes = [
      view ? '' : 'waiting',
      this.#cart.stale ? 'stale' : '',
      view && !view.next ? 'reached' : '',
      this.#motion.reduced ? 'still' : '',
    ].join(' ');
    return html`
      <div part="base" class=${classes} aria-busy=${view && !this.#cart.pending ? 'false' : 'true'}>
        <p part="message">
          <slot name="icon"></slot>
          ${view && !view.next ? html`<slot name="reached"><span>${message}</span></slot>` : html`<span>${message}</span>`}
        </p>
        <div
          part="track"
          role="progressbar"
          aria-label=${this.localize(shippingProgressTexts, 'name', values)}
          aria-valuemin="0"
          aria-valuemax=${goal ? String(goal.amount) : '0'}
          aria-valuenow=${view && goal ? String(Math.min(view.total, goal.amount)) : '0'}
          aria-valuetext=${view ? this.localize(shippingProgressTexts, view.next ? 'valueText' : 'reachedText', values) : nothing}
        >
          <div part="bar"></div>
        </div>
        <div part="announcement" class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  protected override updated(): void {
    const view = this.#view;
    const goal = view ? (view.next ?? view.last) : undefined;
    const fill = view && goal ? (goal.amount > 0 ? Math.min(1, view.total / goal.amount) : 1) : 0;
    // Through the CSSOM, as a custom property: a strict CSP allows it, and transform runs on the compositor.
    this.renderRoot.querySelector<HTMLElement>('[part="bar"]')?.style.setProperty('--_fill', String(fill));
    if (view && !this.#viewed) {
      this.#viewed = true;
      this.track('view');
    }
  }
}
