import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ClockController,
  CouponLater,
  DismissalController,
  ReducedMotionController,
  VitrineElement,
  type DebugReason,
  getBus,
  pageNow,
  translateFrom,
  type Catalog,
  type CouponMessage,
  durationAttribute,
  keywordAttribute,
} from '@vitrine/core';
import { stickyBarStyles } from './sticky-bar.styles.js';

export const STICKY_BAR_POSITIONS = ['top', 'bottom'] as const;
export type StickyBarPosition = (typeof STICKY_BAR_POSITIONS)[number];

/** Detail of `vitrine-close`: the campaign, and until when the bar stays closed (epoch ms, or `'session'`). */
export interface StickyBarCloseDetail {
  campaign: string;
  until: number | 'session';
}

const DEFAULT_ROTATE_MS = 5000;
/** The page clock ticks once a second: a message shows at least that long. */
const MIN_ROTATE_MS = 1000;

/** The bar's own texts; other languages: core's i18n/texts/. */
export const stickyBarTexts: Catalog<'label' | 'close' | 'pause' | 'previous' | 'next'> = {
  scope: 'sticky-bar',
  en: {
    label: 'Announcements',
    close: 'Close the announcement bar',
    pause: 'Pause the messages',
    previous: 'Previous message',
    next: 'Next message',
  },
  fr: {
    label: 'Annonces',
    close: 'Fermer le bandeau d’annonces',
    pause: 'Mettre les messages en pause',
    previous: 'Message précédent',
    next: 'Message suivant',
  },
};

const icon = (path: string) => svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path d=${path} /></svg>`;
const PREVIOUS_ICON = icon('M10.5 2.5 5 8l5.5 5.5 1.4-1.4L7.8 8l4.1-4.1z');
const NEXT_ICON = icon('M5.5 2.5 11 8l-5.5 5.5-1.4-1.4L8.2 8 4.1 3.9z');
const PAUSE_ICON = icon('M4 2.5h3v11H4zm5 0h3v11H9z');
const PLAY_ICON = icon('M4.5 2.5v11L13 8z');
const CLOSE_ICON = icon('M3.4 2 8 6.6 12.6 2 14 3.4 9.4 8l4.6 4.6-1.4 1.4L8 9.4 3.4 14 2 12.6 6.6 8 2 3.4z');

/** Children that are not content. */
const NOT_MESSAGES = new Set(['template', 'script', 'style']);

/**
 * An announcement bar fixed to the top or bottom of the window: free shipping, a sale that
 * ends tonight (with a `<vitrine-countdown>` inside), a code the shopper has won.
 *
 * It is an overlay by default: it covers the edge of the page and moves nothing. With `push`
 * it takes its own room in the page, where the tag is (put a top bar first in `<body>`, a
 * bottom bar last): the room is exactly `--vitrine-sticky-bar-height` (plus the phone's
 * safe-area inset) and is reserved before the code arrives by the loader's `:not(:defined)`
 * rule, so nothing moves after first paint. In push mode the bar never grows: set the height
 * to fit your longest message (in `rem` or `px`), with a media query for small screens.
 *
 * Each child element is one message. With two or more, they rotate every `rotate`, with a
 * short fade (opacity and transform only); rotation pauses while the pointer is over the bar
 * or focus is in it, and a pause button stops it for good (WCAG 2.2.2). Previous and next
 * buttons reach every message (on them, ArrowLeft and ArrowRight step the way the chevrons point).
 * Under `prefers-reduced-motion: reduce` nothing rotates or animates: the first message shows, the
 * others are a click away.
 *
 * Right to left (`dir="rtl"` on the bar, an ancestor or `<html>`), "previous" sits on the right
 * and "next" on the left, both chevrons turned to match, and ArrowLeft shows the next message;
 * a message's fade rises from below, the same in both directions.
 *
 * A bar that hides (dismissed, outside `start`/`end`, `hide-on-end`) gives its `push` room
 * back; to avoid that one move, render the tag only inside its window.
 *
 * @summary A sticky announcement bar: rotating messages, countdown, coupon, dismissible; overlay or push.
 *
 * @slot - The messages: each child element is one message (links may be messages of their own; `template`, `script` and `style` are not messages), or text alone as one message. Only the current one is shown.
 *
 * @csspart base - The bar itself (`position: fixed`), a region labelled "Announcements".
 * @csspart spacer - With `push`: the in-flow block that reserves the bar's room in the page.
 * @csspart content - The row inside the bar, within the safe area.
 * @csspart messages - The current message with the previous and next buttons.
 * @csspart message - The box of the current message (the slot).
 * @csspart previous-button - Shows the previous message (two messages or more).
 * @csspart next-button - Shows the next message (two messages or more).
 * @csspart pause-button - Toggle (`aria-pressed`) that stops and restarts the rotation (two messages or more, no reduced motion).
 * @csspart close-button - With `dismissible`: closes the bar for `dismiss-for`.
 * @csspart coupon-label - With `show-coupon`: the coupon's label (hidden on narrow screens).
 * @csspart coupon - With `show-coupon`: the code and its copy button.
 * @csspart coupon-code - The read-only field that holds the code.
 * @csspart copy-button - Copies the code (Clipboard API; where refused, the code is selected instead).
 * @csspart copy-status - Says whether the code was copied or selected (a polite status).
 *
 * @cssproperty --vitrine-sticky-bar-height - Height of the bar without the safe-area inset, also the room `push` reserves (default `2.75rem`; use `rem` or `px`). Without `push` the bar may grow past it.
 * @cssproperty --vitrine-sticky-bar-background - Background (default `--vitrine-color-accent`, else `#111827`).
 * @cssproperty --vitrine-sticky-bar-color - Text and icon colour (default `--vitrine-color-on-accent`, else `#ffffff`).
 * @cssproperty --vitrine-sticky-bar-font-size - Text size (default `0.875rem`).
 * @cssproperty --vitrine-sticky-bar-z-index - Stacking order (default `2147483000`, above nearly everything).
 * @cssproperty --vitrine-sticky-bar-shadow - Edge line and shadow (default a faint light line and a soft shadow, visible on light and dark pages).
 * @cssproperty --vitrine-font - Font family (default `system-ui` and the platform's sans-serif).
 * @cssproperty --vitrine-color-accent - Default background (else `#111827`).
 * @cssproperty --vitrine-color-on-accent - Default text colour (else `#ffffff`).
 * @cssproperty --vitrine-radius - Corner radius of the coupon field and copy button (default `0.5rem`).
 *
 * @fires vitrine-close - When the shopper closes the bar, before it is remembered; detail `{ campaign, until }` (`until` in epoch ms, or `'session'`). Cancelable: `preventDefault()` keeps the bar open and stores nothing. Bubbles and is composed.
 */
export class VitrineStickyBar extends VitrineElement {
  static override styles = stickyBarStyles;

  /**
   * Manual slot assignment: the current message is the only one in the slot; the others stay in the page, unrendered.
   * @internal
   */
  static override shadowRootOptions: ShadowRootInit = { ...VitrineElement.shadowRootOptions, slotAssignment: 'manual' };

  /** `top` (default) or `bottom` edge of the window. */
  @property({ attribute: 'position' }) position: StickyBarPosition = 'top';

  /** Reserve the bar's room in the page (where the tag is) instead of covering the page's edge. */
  @property({ attribute: 'push', type: Boolean }) push = false;

  /** How long each message shows when there are several (`5s` default; at least `1s`). */
  @property({ attribute: 'rotate' }) rotate: string | null = null;

  /** Show a close button; once closed, the bar stays closed for `dismiss-for`. */
  @property({ attribute: 'dismissible', type: Boolean }) dismissible = false;

  /** How long a closed bar stays closed: a duration (`7d` default, `12h`) or `session` (until the tab closes). */
  @property({ attribute: 'dismiss-for' }) dismissFor: string | null = null;

  /** Hide the bar when a `<vitrine-countdown>` inside it ends (or is found already ended). */
  @property({ attribute: 'hide-on-end', type: Boolean }) hideOnEnd = false;

  /** Show the code of the bus `coupon` topic (the last one won or given, also before the bar appeared) with a copy button. */
  @property({ attribute: 'show-coupon', type: Boolean }) showCoupon = false;

  @state() private coupon: CouponMessage | null = null;
  @state() private index = 0;
  @state() private userPaused = false;
  @state() private hovered = false;
  @state() private focused = false;
  @state() private ended = false;

  #dismissal = new DismissalController(this);
  #motion = new ReducedMotionController(this);
  /** The code block, fetched with the first code the bar shows (most bars never show one). */
  #coupons = new CouponLater(this);
  /** Runs only while messages rotate (set before every render). */
  #clock = Object.assign(new ClockController(this, (now) => this.#tick(now)), { running: false });
  #childObserver = new MutationObserver(() => this.requestUpdate());
  #unsubscribeCoupon?: () => void;
  /** The valid values in use: a bad attribute keeps its text, the widget its default. */
  #position: StickyBarPosition = 'top';
  #rotateMs = DEFAULT_ROTATE_MS;
  #messages: Array<Element | Text> = [];
  #visible = false;
  #rotating = false;
  #viewed = false;
  /** How long the current message has shown, unpaused, and when that was last counted. */
  #shownMs = 0;
  #lastTick = 0;
  #shownIndex = -1;

  constructor() {
    super();
    this.addEventListener('mouseenter', () => (this.hovered = true));
    this.addEventListener('mouseleave', () => (this.hovered = false));
    // Read once focus has settled (a focused button removed by a render sends focusout mid-update).
    const syncFocus = () => queueMicrotask(() => (this.focused = this.#hasFocus));
    this.addEventListener('focusin', syncFocus);
    this.addEventListener('focusout', syncFocus);
    this.addEventListener('click', (event) => {
      // Clicks inside the shadow root are retargeted to the host, so only the merchant's links match.
      const link = (event.target as Element).closest?.('a[href]');
      if (link && this.contains(link)) this.track('click');
    });
    this.addEventListener('vitrine-countdown-end', () => {
      if (this.hideOnEnd) this.ended = true;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Focus may be inside already (a link the shopper reached before the bar's code arrived); from
    // now on focusin and focusout tell.
    this.focused = this.#hasFocus;
    this.#childObserver.observe(this, { childList: true, subtree: true });
    if (this.showCoupon) this.#subscribeCoupon();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#childObserver.disconnect();
    this.#unsubscribeCoupon?.();
    this.#unsubscribeCoupon = undefined;
  }

  /** Focus is on the bar's controls or in a message (the root's active element is retargeted to the host or a child). */
  get #hasFocus(): boolean {
    const active = (this.getRootNode() as Document | ShadowRoot).activeElement;
    return !!active && this.contains(active);
  }

  /**
   * Read each second while the messages rotate: from the state the events keep, without asking the
   * document where focus is unless they say it is here (where a focused element removed from the
   * page may have left without a focusout).
   */
  get #paused(): boolean {
    return this.userPaused || this.hovered || (this.focused && this.#hasFocus);
  }

  #subscribeCoupon(): void {
    this.#unsubscribeCoupon ??= getBus().subscribe('coupon', (message) => {
      this.coupon = typeof message?.code === 'string' && message.code.trim() ? message : null;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('position')) {
      this.#position = keywordAttribute(this, 'position', this.position, STICKY_BAR_POSITIONS, 'top');
    }
    if (changed.has('rotate')) {
      this.#rotateMs = Math.max(MIN_ROTATE_MS, durationAttribute(this, 'rotate', this.rotate, DEFAULT_ROTATE_MS));
    }
    // Checked now, so a bad value warns when the page loads rather than when the shopper closes the bar.
    if (changed.has('dismissFor')) this.#dismissal.lengthOf(this.dismissFor);
    if (changed.has('showCoupon')) {
      if (this.showCoupon && this.isConnected) this.#subscribeCoupon();
      if (!this.showCoupon) {
        this.#unsubscribeCoupon?.();
        this.#unsubscribeCoupon = undefined;
        this.coupon = null;
      }
    }
    // A countdown that ended before this bar was defined or connected has already sent its event.
    if (this.hideOnEnd && !this.ended && this.querySelector('vitrine-countdown[expired]')) {
      this.ended = true;
    }

    const elements = [...this.children].filter((child) => !NOT_MESSAGES.has(child.localName));
    this.#messages = elements.length
      ? elements
      : [...this.childNodes].filter(
          (node): node is Text => node.nodeType === Node.TEXT_NODE && !!node.textContent?.trim(),
        );
    if (this.index >= this.#messages.length) this.index = 0;

    this.#visible =
      this.eligible &&
      !(this.hideOnEnd && this.ended) &&
      !(this.dismissible && this.#dismissal.dismissed) &&
      (this.#messages.length > 0 || (this.showCoupon && !!this.coupon));
    const rotating = this.#visible && this.#messages.length > 1 && !this.#motion.reduced;
    if (rotating && !this.#rotating) {
      this.#shownMs = 0;
      this.#lastTick = Date.now();
    }
    this.#rotating = rotating;
    this.#clock.running = rotating;
  }

  protected override hiddenReason(): DebugReason | null {
    const hidden = super.hiddenReason();
    if (hidden) return hidden;
    if (this.dismissible && this.#dismissal.dismissed) return this.#dismissal.debugReason();
    if (this.hideOnEnd && this.ended)
      return { code: 'schedule', reason: 'the countdown inside it ended (hide-on-end)' };
    if (!this.#visible)
      return this.showCoupon
        ? { code: 'waiting', reason: 'no message, and no coupon on the bus yet (show-coupon)' }
        : { code: 'bad-input', reason: 'bad input: no message (expected child elements or text)' };
    return null;
  }

  #tick(now: number): void {
    // A tick after a hidden tab comes late: count at most one second, so the message is still read.
    if (!this.#paused) this.#shownMs += Math.min(now - this.#lastTick, 1000);
    this.#lastTick = now;
    if (this.#shownMs >= this.#rotateMs) this.#step(1);
  }

  #step(by: number): void {
    const count = this.#messages.length;
    if (count < 2) return;
    this.index = (this.index + by + count) % count;
    this.#shownMs = 0;
  }

  /**
   * On the previous and next buttons, ArrowLeft and ArrowRight step the way they point, as the
   * APG's horizontal widgets do (and follow the writing direction as its right-to-left section
   * says): right to left, "next" is on the left, so ArrowLeft shows the next message.
   */
  #onArrowKey = (event: KeyboardEvent): void => {
    const towardsRight = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (!towardsRight || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    this.#step(getComputedStyle(this).direction == 'rtl' ? -towardsRight : towardsRight);
  };

  #close(): void {
    const until = this.#dismissal.lengthOf(this.dismissFor);
    const detail: StickyBarCloseDetail = {
      campaign: this.campaignId,
      until: until === 'session' ? 'session' : pageNow() + until,
    };
    if (!this.emit('vitrine-close', detail, { cancelable: true })) return;
    this.#dismissal.dismiss(this.dismissFor);
    this.track('close');
  }

  protected override render() {
    if (!this.#visible) return nothing;
    const text = (key: keyof typeof stickyBarTexts.en) => translateFrom(stickyBarTexts, this.language, key);
    const several = this.#messages.length > 1;
    const coupon = this.showCoupon ? this.coupon : null;
    const edge = this.#position;
    // Rotating content is not announced (it would talk over the page); paused or stepped by hand, it is.
    const live = this.#rotating && !(this.userPaused || this.hovered || this.focused) ? 'off' : 'polite';
    // Where :dir() is unknown (Chrome < 120), the chevrons learn the direction here (see the styles).
    const mirrored = !CSS.supports('selector(:dir(rtl))') && getComputedStyle(this).direction === 'rtl';
    const iconButton = (part: string, label: string, content: unknown, onClick: () => void, chevron = false) =>
      html`<button
        part=${part}
        class="icon ${chevron ? 'chevron' : ''} ${chevron && mirrored ? 'mirrored' : ''}"
        type="button"
        aria-label=${label}
        @click=${onClick}
        @keydown=${chevron ? this.#onArrowKey : nothing}
      >
        ${content}
      </button>`;
    return html`
      ${this.push ? html`<div part="spacer" class=${edge}></div>` : nothing}
      <section part="base" class="${edge} ${this.push ? 'push' : ''}" aria-label=${text('label')}>
        <div part="content">
          ${
            this.#messages.length
              ? html`<div part="messages">
                  ${several ? iconButton('previous-button', text('previous'), PREVIOUS_ICON, () => this.#step(-1), true) : nothing}
                  <div part="message" aria-live=${live}><slot></slot></div>
                  ${several ? iconButton('next-button', text('next'), NEXT_ICON, () => this.#step(1), true) : nothing}
                </div>`
              : nothing
          }
          ${
            coupon
              ? html`${coupon.label ? html`<span part="coupon-label">${coupon.label}</span>` : nothing}${this.#coupons.render(
                  coupon.code,
                )}`
              : nothing
          }
          ${
            this.#rotating || this.dismissible
              ? html`<div class="controls">
                  ${
                    this.#rotating
                      ? html`<button
                          part="pause-button"
                          class="icon"
                          type="button"
                          aria-label=${text('pause')}
                          aria-pressed=${this.userPaused ? 'true' : 'false'}
                          @click=${() => (this.userPaused = !this.userPaused)}
                        >
                          ${this.userPaused ? PLAY_ICON : PAUSE_ICON}
                        </button>`
                      : nothing
                  }
                  ${this.dismissible ? iconButton('close-button', text('close'), CLOSE_ICON, () => this.#close()) : nothing}
                </div>`
              : nothing
          }
        </div>
      </section>
    `;
  }

  protected override updated(): void {
    const current = this.#messages[this.index];
    this.renderRoot.querySelector('slot')?.assign(...(current && this.#visible ? [current] : []));
    if (!this.#visible) return;
    if (this.#shownIndex !== -1 && this.#shownIndex !== this.index && !this.#motion.reduced) {
      // Compositor-only: opacity and transform.
      this.renderRoot.querySelector('[part="message"]')?.animate(
        [
          { opacity: 0, transform: 'translateY(0.4em)' },
          { opacity: 1, transform: 'none' },
        ],
        {
          duration: 300,
          easing: 'ease-out',
        },
      );
    }
    this.#shownIndex = this.index;
    if (!this.#viewed && !this.previewing) {
      this.#viewed = true;
      this.track('view');
    }
  }
}
