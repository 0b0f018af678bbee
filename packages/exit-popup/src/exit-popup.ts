import { html, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  CouponController,
  DismissalController,
  LEAD_FORM_STATES,
  LeadCaptureController,
  OverlayController,
  SHOPPER_CLOSE_REASONS,
  ScheduleController,
  TriggerController,
  VitrineElement,
  campaignKey,
  couponStyles,
  getBus,
  leadFormStyles,
  type Catalog,
  type CloseReason,
  type LeadFormState,
  type TriggerKind,
} from '@vitrine/core';
import { exitPopupStyles } from './exit-popup.styles.js';

export const EXIT_POPUP_CONSENT = ['explicit', 'implied'] as const;
export type ExitPopupConsent = (typeof EXIT_POPUP_CONSENT)[number];

export const EXIT_POPUP_AFTER_OVERLAY = ['skip', 'allow'] as const;
export type ExitPopupAfterOverlay = (typeof EXIT_POPUP_AFTER_OVERLAY)[number];

/** `detail` of `vitrine-open`: which trigger asked (`api` for `show()` and the `open` property). */
export interface ExitPopupOpenDetail {
  campaign: string;
  trigger: TriggerKind | 'api';
}

const DEFAULT_MIN_TIME_MS = 5_000;
/** `min-time="0"` (or `0s`) means no minimum: a duration must be positive, so it is read apart. */
const ZERO = /^0+(?:\.0+)?(?:ms|s|m|h|d|w)?$/i;
const ACTION_EXPECTED = 'an http(s) URL (https://… or /path) or "shopify"';

const messages: Catalog<'close' | 'name'> = {
  en: { close: 'Close', name: 'Special offer' },
  fr: { close: 'Fermer', name: 'Offre spéciale' },
};

const CLOSE_ICON = svg`<svg viewBox="0 0 20 20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M5 5l10 10M15 5L5 15"/></svg>`;

/** `value` when it is one of `allowed`, else `fallback` (absent: silently; anything else: with the one warning). */
function oneOf<T extends string>(
  host: VitrineElement,
  attribute: string,
  value: string | null,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value == null) return fallback;
  const normalized = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(normalized)) return normalized as T;
  host.warn(attribute, value, `one of ${allowed.join(', ')}`);
  return fallback;
}

/**
 * A pop-up that asks once, at the right moment: when the visitor is about to leave (or after a
 * time, a scroll depth, a pause), never before `min-time`, never again for `dismiss-for` after a
 * close, never again after a sign-up, and never over another overlay. It can collect an email
 * with a consent that is recorded, and reveal a code.
 *
 * A native `<dialog>` opened with `showModal()`: focus moves in (to the email field when the pointer
 * is a mouse, else the close button) and is trapped there, then returns where it was; Escape and a
 * click on the backdrop close it; the page behind does not scroll.
 *
 * @summary Exit-intent pop-up with email capture that never loses a lead, and a coupon code.
 *
 * @slot heading - The title (wins over the `heading` attribute). Names the dialog.
 * @slot - The message (wins over the `text` attribute): rich content, links, an image.
 *
 * @csspart dialog - The `<dialog>`: the card itself (its `::backdrop` takes `--vitrine-exit-popup-backdrop`).
 * @csspart close-button - The close button (top corner, labelled "Close").
 * @csspart heading - The title (`<h2>`) that names the dialog.
 * @csspart text - The wrapper of the message.
 * @csspart form - The email form (with `capture`).
 * @csspart email-label - The email field's visible label.
 * @csspart email-input - The email field.
 * @csspart consent - The consent checkbox with its wording (or, with `consent="implied"`, the wording alone).
 * @csspart error - The inline error under the fields (invalid email, consent missing, address refused).
 * @csspart submit - The sign-up button.
 * @csspart status - The outcome once the lead is taken: signed up, or saved and confirmed later.
 * @csspart coupon - The code and its copy button.
 * @csspart coupon-code - The code, in a read-only field.
 * @csspart copy-button - The button that copies the code.
 * @csspart copy-status - Says whether the code was copied (or selected, where copying is refused).
 *
 * @cssproperty --vitrine-exit-popup-width - Largest width of the card (default `28rem`; never wider than 92% of the screen).
 * @cssproperty --vitrine-exit-popup-background - Background of the card (default `--vitrine-color-surface`, else `#ffffff`).
 * @cssproperty --vitrine-exit-popup-backdrop - Colour over the page behind (default `rgb(17 24 39 / 0.6)`).
 * @cssproperty --vitrine-exit-popup-padding - Padding of the card (default `2.25rem 1.5rem 1.5rem`).
 * @cssproperty --vitrine-exit-popup-heading-size - Font size of the title (default `1.5rem`).
 * @cssproperty --vitrine-font - Font family (default `system-ui` and the platform's sans-serif).
 * @cssproperty --vitrine-color-text - Text colour (default `#111827`).
 * @cssproperty --vitrine-color-surface - Card and field background (default `#ffffff`).
 * @cssproperty --vitrine-color-accent - Sign-up and copy buttons, the checkbox, focus rings (default `#111827`; focus rings `#2563eb`).
 * @cssproperty --vitrine-color-on-accent - Text on the buttons (default `#ffffff`).
 * @cssproperty --vitrine-color-error - Error text and the invalid field's border (default: a red mixed with the text colour, readable on light and dark cards).
 * @cssproperty --vitrine-radius - Corner radius of fields and buttons (default `0.5rem`; the card's is twice it).
 * @cssproperty --vitrine-shadow - Shadow of the card (default `0 1.5rem 3rem -0.75rem rgb(0 0 0 / 0.4)`).
 *
 * @fires vitrine-open - Before the pop-up opens; cancelable (`preventDefault()` keeps it closed). Detail `{ campaign, trigger }`, `trigger` one of `exit`, `time`, `scroll`, `idle`, `api` (`show()` or `open`). Bubbles and is composed.
 * @fires vitrine-close - Once it has closed. Detail `{ campaign, reason }`, `reason` one of `dismiss` (close button), `escape`, `backdrop`, `api` (`hide()` or `open` unset), `removed` (taken out of the page), `ended` (its `end` was reached). Bubbles and is composed.
 * @fires vitrine-lead - When the shopper's email is taken (delivered, or saved in the outbox to be sent again). Not when the address is refused, nor in `preview`. Detail: the bus `lead` payload `{ email, consent, consentText, campaign, widget, url, at }`. Bubbles and is composed.
 */
export class VitrineExitPopup extends VitrineElement {
  static override styles = [leadFormStyles, couponStyles, exitPopupStyles];

  /** When it opens, space-separated, any fires: `exit` (leaving through the top; on touch, a fast scroll up), `time:20s`, `scroll:50%`, `idle:30s`. Default `exit`. */
  @property({ attribute: 'trigger' }) trigger: string | null = null;

  /** Never before the visitor has been this long on the page (default `5s`; `0` for no minimum). */
  @property({ attribute: 'min-time' }) minTime: string | null = null;

  /** After the shopper closes it, it stays closed this long (`7d` default, a duration, or `session`). */
  @property({ attribute: 'dismiss-for' }) dismissFor: string | null = null;

  /** The title, as text (the `heading` slot wins). */
  @property({ attribute: 'heading' }) heading: string | null = null;

  /** The message, as text (the default slot wins). */
  @property({ attribute: 'text' }) text: string | null = null;

  /** Shows the email form: a field, a consent checkbox, a sign-up button. */
  @property({ attribute: 'capture', type: Boolean }) capture = false;

  /** The consent wording shown by the checkbox and recorded with the lead (a default wording otherwise). */
  @property({ attribute: 'consent-text' }) consentText: string | null = null;

  /** `explicit` (default): an unticked checkbox must be ticked; `implied`: signing up is the consent, the wording is shown. */
  @property({ attribute: 'consent' }) consent: string | null = null;

  /** Where the lead goes: an http(s) URL (POST JSON of the lead, `Idempotency-Key` header and `id` field) or `shopify` (the customer newsletter form). Without it the lead is on the bus and in `vitrine-lead` only. */
  @property({ attribute: 'action' }) action: string | null = null;

  /** The sign-up button's text (default "Sign up"). */
  @property({ attribute: 'submit-label' }) submitLabel: string | null = null;

  /** A coupon code: shown with a copy button once the email is taken (at once without `capture`), and published on the bus `coupon` topic. */
  @property({ attribute: 'code' }) code: string | null = null;

  /** `skip` (default): if another overlay was shown in this page view, this one is not; `allow`: it opens once the other has closed. */
  @property({ attribute: 'after-overlay' }) afterOverlay: string | null = null;

  /** Whether the pop-up is open. Reflected. Set it (or call `show()` / `hide()`) to open or close it from code, ignoring triggers, `min-time`, `after-overlay`, a past dismissal and a past sign-up; never over another open overlay, nor outside `start`/`end`. */
  @property({ attribute: 'open', type: Boolean, reflect: true }) open = false;

  /** The email form's state: `idle`, `invalid-email`, `consent-missing`, `submitting`, `saved`, `success`, `rejected`. Set it in a design preview to show one state. */
  @property({ attribute: false })
  get formState(): LeadFormState {
    return this.#capture.state;
  }

  set formState(value: LeadFormState) {
    if ((LEAD_FORM_STATES as readonly string[]).includes(value)) this.#capture.state = value;
  }

  #schedule: ScheduleController = new ScheduleController(this);
  #dismissal: DismissalController = new DismissalController(this);
  #overlay: OverlayController = new OverlayController(this, () => this.shadowRoot?.querySelector('dialog'), {
    onClose: (reason) => this.#onClosed(reason),
  });
  #triggers: TriggerController = new TriggerController(this, (trigger) => void this.#openFrom(trigger));
  #capture: LeadCaptureController = new LeadCaptureController(this, {
    action: () => this.#action,
    consentText: () => this.consentText,
    consentImplied: () => this.#consent === 'implied',
    onAccepted: () => this.store.set(this.#convertedKey, true),
  });
  #coupon: CouponController = new CouponController(this);
  /** The valid values in use: a bad attribute keeps its text, the widget its default. */
  #consent: ExitPopupConsent = 'explicit';
  #afterOverlay: ExitPopupAfterOverlay = 'skip';
  #action: string | null = null;
  /** Opened once in this page view: triggers are done. */
  #shown = false;
  #publishedCode: string | null = null;
  #slotted = { heading: false, text: false };

  /** Opens the pop-up now, as the `open` property does. Resolves to whether it opened (not over another overlay, nor when a `vitrine-open` listener cancels). */
  async show(): Promise<boolean> {
    // After the current update: the dialog exists, and opening never schedules an update inside one.
    await this.updateComplete;
    if (this.#overlay.isOpen) return true;
    return this.#settle(await this.#overlay.open(true, { trigger: 'api' }));
  }

  /** Closes the pop-up (`vitrine-close` with reason `api`; not remembered as the shopper's dismissal). */
  hide(): void {
    this.#overlay.close('api');
  }

  get #convertedKey(): string {
    return campaignKey(this.campaignId, 'converted');
  }

  async #openFrom(trigger: TriggerKind): Promise<void> {
    this.#settle(await this.#overlay.openWhenFree(this.#afterOverlay === 'allow', { trigger }));
  }

  #settle(opened: boolean): boolean {
    this.open = this.#overlay.isOpen;
    if (!opened) return false;
    this.#shown = true;
    // The email field when there is one (with a mouse: on a phone the keyboard would hide the offer), else the close button.
    if (this.capture && matchMedia('(pointer: fine)').matches)
      this.shadowRoot?.querySelector<HTMLElement>('[part~="email-input"]')?.focus();
    return true;
  }

  #onClosed(reason: CloseReason): void {
    if (SHOPPER_CLOSE_REASONS.includes(reason)) this.#dismissal.dismiss(this.dismissFor);
    this.open = false;
  }

  /** The code to show: once the lead is taken, or at once when there is no form. */
  get #revealedCode(): string | null {
    const code = this.code?.trim();
    if (!code) return null;
    const state = this.#capture.state;
    return !this.capture || state === 'success' || state === 'saved' ? code : null;
  }

  #readMinTime(): number {
    if (this.minTime != null && ZERO.test(this.minTime.trim())) return 0;
    return this.durationAttribute('min-time', this.minTime, DEFAULT_MIN_TIME_MS) ?? DEFAULT_MIN_TIME_MS;
  }

  #readAction(): string | null {
    const value = this.action?.trim();
    if (!value) return null;
    if (value.toLowerCase() === 'shopify') return 'shopify';
    try {
      if (/^https?:$/.test(new URL(value, location.href).protocol)) return value;
    } catch {
      /* not a URL: warned below */
    }
    this.warn('action', this.action, ACTION_EXPECTED);
    return null;
  }

  /** Whether the light DOM fills the slots (whitespace between tags does not); true when that changed. */
  #readSlotted(): boolean {
    const heading = !!this.querySelector(':scope > [slot="heading"]');
    const text = [...this.childNodes].some((node) =>
      node instanceof Element ? !node.hasAttribute('slot') : node instanceof Text && node.data.trim() !== '',
    );
    const changed = heading !== this.#slotted.heading || text !== this.#slotted.text;
    this.#slotted = { heading, text };
    return changed;
  }

  #onSlotChange = () => {
    if (this.#readSlotted()) this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // slotchange comes only once the slots are rendered; read the light DOM for the first render.
    this.#readSlotted();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('trigger') || changed.has('minTime')) this.#triggers.configure(this.trigger, this.#readMinTime());
    // Checked now, so a bad value is reported when the page loads rather than on the first close.
    if (changed.has('dismissFor')) this.#dismissal.lengthOf(this.dismissFor);
    if (changed.has('consent')) this.#consent = oneOf(this, 'consent', this.consent, EXIT_POPUP_CONSENT, 'explicit');
    if (changed.has('afterOverlay'))
      this.#afterOverlay = oneOf(this, 'after-overlay', this.afterOverlay, EXIT_POPUP_AFTER_OVERLAY, 'skip');
    if (changed.has('action')) this.#action = this.#readAction();
    if (!this.#schedule.active && this.#overlay.isOpen) this.#overlay.close('ended');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open !== this.#overlay.isOpen) {
      if (this.open) void this.show();
      else void this.updateComplete.then(() => this.hide());
    }
    const code = this.#revealedCode;
    if (code && this.#overlay.isOpen && code !== this.#publishedCode && !this.previewing) {
      this.#publishedCode = code;
      getBus().publish('coupon', { code, campaign: this.campaignId });
    }
    // Listening only while it may open by itself: in its window, not shown yet, not dismissed, not converted.
    const mayOpen =
      this.isConnected &&
      this.#schedule.active &&
      !this.#shown &&
      !this.#overlay.isOpen &&
      !this.#dismissal.dismissed &&
      this.store.get(this.#convertedKey) !== true;
    if (mayOpen) this.#triggers.arm();
    else this.#triggers.disarm();
  }

  protected override render() {
    if (!this.#schedule.active) return nothing;
    const text = (key: 'close' | 'name') => this.localize(messages, key);
    const hasHeading = this.#slotted.heading || !!this.heading;
    const hasText = this.#slotted.text || !!this.text;
    const code = this.#revealedCode;
    return html`<dialog
      part="dialog"
      aria-labelledby=${hasHeading ? 'heading' : nothing}
      aria-label=${hasHeading ? nothing : text('name')}
    >
      <button part="close-button" type="button" aria-label=${text('close')} @click=${() => this.#overlay.close()}>
        ${CLOSE_ICON}
      </button>
      <h2 part="heading" id="heading" ?hidden=${!hasHeading}>
        <slot name="heading" @slotchange=${this.#onSlotChange}></slot>${this.#slotted.heading ? nothing : this.heading}
      </h2>
      <div part="text" ?hidden=${!hasText}>
        <slot @slotchange=${this.#onSlotChange}></slot
        >${this.#slotted.text || !this.text ? nothing : html`<p>${this.text}</p>`}
      </div>
      ${this.capture ? this.#capture.render(this.submitLabel) : nothing} ${code ? this.#coupon.render(code) : nothing}
    </dialog>`;
  }
}
