import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  AFTER_OVERLAY,
  CONSENT_MODES,
  LEAD_FORM_STATES,
  PopupElement,
  type DebugReason,
  type DeliveryOutcome,
  type LeadMessage,
  campaignKey,
  getBus,
  leadFormStyles,
  overlayStyles,
  type Catalog,
  type LeadFormState,
  type TriggerKind,
} from '@vitrine/core';
import { exitPopupStyles } from './exit-popup.styles.js';

/** The values of `consent`: the core's, which every Vitrine pop-up shares. */
export const EXIT_POPUP_CONSENT: readonly ['explicit', 'implied'] = CONSENT_MODES;
export type ExitPopupConsent = (typeof EXIT_POPUP_CONSENT)[number];

/** The values of `after-overlay`: the core's, which every Vitrine pop-up shares. */
export const EXIT_POPUP_AFTER_OVERLAY: readonly ['skip', 'allow'] = AFTER_OVERLAY;
export type ExitPopupAfterOverlay = (typeof EXIT_POPUP_AFTER_OVERLAY)[number];

/** `detail` of `vitrine-open`: which trigger asked (`api` for `show()` and the `open` property). */
export interface ExitPopupOpenDetail {
  campaign: string;
  trigger: TriggerKind | 'api';
}

/** The pop-up's own texts (its name when no heading is given); other languages: core's i18n/texts/. */
export const exitPopupTexts: Catalog<'name' | 'codeFailed'> = {
  scope: 'exit-popup',
  en: {
    name: 'Special offer',
    codeFailed: 'Your code could not be created just now. Contact us and we will send it to you.',
  },
  fr: {
    name: 'Offre spéciale',
    codeFailed: 'Votre code n’a pas pu être créé pour l’instant. Contactez-nous et nous vous l’enverrons.',
  },
};

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
 * @csspart status - The outcome once the lead is taken: signed up, check your inbox (double opt-in), or saved and confirmed later.
 * @csspart code-status - With `code-endpoint`, when no code could be had: says so.
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
 * @fires vitrine-lead - When the shopper's email is submitted, with what became of it, and again when a queued one settles. Never in `preview`. Detail: the bus `lead` payload `{ id, outcome, email, consent, consentText, campaign, widget, url, at }`, `outcome` one of `delivered`, `pending-confirmation` (double opt-in), `queued` (saved, retried), `refused`. Bubbles and is composed.
 */
export class VitrineExitPopup extends PopupElement {
  static override styles = [leadFormStyles, overlayStyles, exitPopupStyles];

  /** The title, as text (the `heading` slot wins). */
  @property({ attribute: 'heading' }) heading: string | null = null;

  /** The message, as text (the default slot wins). */
  @property({ attribute: 'text' }) text: string | null = null;

  /** The sign-up button's text (default "Sign up"). */
  @property({ attribute: 'submit-label' }) submitLabel: string | null = null;

  /** A coupon code: shown with a copy button once the email is taken (at once without `capture`), and published on the bus `coupon` topic. With `code-endpoint`, the code shown when the server fails. */
  @property({ attribute: 'code' }) code: string | null = null;

  /** The email form's state: `idle`, `invalid-email`, `consent-missing`, `submitting`, `saved`, `success`, `pending` (check your inbox), `rejected`, `confirm` (Shopify's captcha). Set it in a design preview to show one state. */
  @property({ attribute: false })
  get formState(): LeadFormState {
    return this.leadForm.state;
  }

  set formState(value: LeadFormState) {
    if ((LEAD_FORM_STATES as readonly string[]).includes(value)) this.leadForm.state = value;
  }

  #publishedCode: string | null = null;
  #slotted = { heading: false, text: false };
  /** `code-endpoint`: this lead's own code, once answered; `failed` when the server did not give one. */
  #uniqueCode: string | null = null;
  #uniqueCodeFailed = false;

  protected override leadAccepted(lead: LeadMessage, outcome: DeliveryOutcome & { id?: string }): void {
    this.store.set(this.#convertedKey, true);
    if (this.codeEndpointUrl && !this.previewing)
      void this.uniqueCode({ email: lead.email, id: outcome.id }).then((code) => {
        this.#uniqueCode = code;
        this.#uniqueCodeFailed = !code;
        this.requestUpdate();
      });
  }

  get #convertedKey(): string {
    return campaignKey(this.campaignId, 'converted');
  }

  /**
   * The code to show: once the lead is taken (while its confirmation is pending only with
   * `reveal="now"`), or at once when there is no form; with `code-endpoint`, the lead's own code
   * once answered, else (the server failed) the static one.
   */
  get #revealedCode(): string | null {
    const code = this.code?.trim() || null;
    if (!this.capture) return code;
    const state = this.leadForm.state;
    if (!(state === 'success' || state === 'saved' || (state === 'pending' && this.revealWhenPending))) return null;
    if (!this.codeEndpointUrl || this.previewing) return code;
    return this.#uniqueCode ?? (this.#uniqueCodeFailed ? code : null);
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

  protected override hiddenReason(): DebugReason | null {
    // Open is shown, whatever has changed since (its window is checked as it closes at `end`).
    if (this.popup.overlay.isOpen) return null;
    const hidden = super.hiddenReason();
    if (hidden) return hidden;
    if (this.store.get(this.#convertedKey) === true)
      return { code: 'converted', reason: 'the visitor already signed up: it does not open by itself again' };
    return this.popup.debugReason();
  }

  /** Opens by itself only in its window, for the visitors it targets, and before a sign-up. */
  protected override mayOpenByItself(): boolean {
    return this.eligible && this.store.get(this.#convertedKey) !== true;
  }

  protected override updated(): void {
    // A sign-up on its way reveals a code: its block is fetched while the lead is sent, to be here with the thanks.
    if (this.leadForm.state === 'submitting' && (this.code || this.codeEndpointUrl)) void this.coupon.fetch();
    const code = this.#revealedCode;
    if (code && this.popup.overlay.isOpen && code !== this.#publishedCode && !this.previewing) {
      this.#publishedCode = code;
      getBus().publish('coupon', { code, campaign: this.campaignId });
      this.track('reveal', { code });
    }
  }

  protected override render() {
    // Targeting keeps it from opening (then no dialog exists to open, even from code), never closes it under the shopper's eyes.
    if (!this.timeWindow.active || (!this.targeting.matches && !this.popup.overlay.isOpen)) return nothing;
    // Closed and never asked to open: no dialog yet (opening renders it before showing it, in the same frame).
    if (!this.popup.overlay.wanted) return nothing;
    const hasHeading = this.#slotted.heading || !!this.heading;
    const hasText = this.#slotted.text || !!this.text;
    const code = this.#revealedCode;
    return this.popup.render(
      html`<h2 part="heading" id="heading" ?hidden=${!hasHeading}>
          <slot name="heading" @slotchange=${this.#onSlotChange}></slot
          >${this.#slotted.heading ? nothing : this.heading}
        </h2>
        <div part="text" ?hidden=${!hasText}>
          <slot @slotchange=${this.#onSlotChange}></slot
          >${this.#slotted.text || !this.text ? nothing : html`<p>${this.text}</p>`}
        </div>
        ${this.capture ? this.leadForm.render(this.submitLabel) : nothing}
        ${
          code
            ? this.coupon.render(code)
            : this.#uniqueCodeFailed
              ? html`<p part="code-status" role="status">${this.localize(exitPopupTexts, 'codeFailed')}</p>`
              : nothing
        }`,
      this.localize(exitPopupTexts, 'name'),
      hasHeading ? 'heading' : null,
    );
  }
}
