/**
 * What every Vitrine pop-up widget is besides its content (SPEC: the exit pop-up's attributes,
 * which the wheel in pop-up mode shares): the pop-up attributes run by PopupController, the
 * lead attributes run by LeadCaptureController, and `show()` / `hide()`. One place, so the exit
 * pop-up and the wheel read and check them the same way and carry the code once.
 */
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { LeadMessage } from '../bus.js';
import { CouponLater } from '../coupon-later.js';
import { VitrineElement } from '../element.js';
import { LeadCaptureController, loadOutbox } from '../leads/capture.js';
import type { DeliveryOutcome, LeadDestination } from '../leads/delivery.js';
import { leadDestination } from '../leads/destination.js';
import { keywordAttribute } from '../parse/attribute.js';
import { httpUrlAttribute } from '../parse/url.js';
import { noteOnce } from '../parse/warn.js';
import { PopupController } from './popup-controller.js';

/** `consent`: `explicit` (an unticked checkbox to tick) or `implied` (submitting is the consent, the wording shown). */
export const CONSENT_MODES = ['explicit', 'implied'] as const;

/** `reveal`: when the provider waits for the shopper's confirmation (double opt-in), the code shows `now` (default) or only once `confirmed` (never in the page then: the provider's welcome e-mail carries it). */
export const REVEAL_MODES = ['now', 'confirmed'] as const;

export abstract class PopupElement extends VitrineElement {
  /** Pop-up: when it opens, space-separated, any fires: `exit` (default: leaving through the top; on touch, a fast scroll up), `time:20s`, `scroll:50%`, `idle:30s`. */
  @property() trigger: string | null = null;

  /** Pop-up: never before the visitor has been this long on the page (default `5s`; `0` for no minimum). */
  @property({ attribute: 'min-time' }) minTime: string | null = null;

  /** Pop-up: once the shopper closes it, it stays closed this long (`7d` default, a duration, or `session`). */
  @property({ attribute: 'dismiss-for' }) dismissFor: string | null = null;

  /** Pop-up: `skip` (default) if another overlay was shown in this page view; `allow`: it opens once the other has closed. */
  @property({ attribute: 'after-overlay' }) afterOverlay: string | null = null;

  /** Pop-up: whether it is open (reflected). Set it, or call `show()` / `hide()`, to open or close it from code, ignoring triggers, `min-time`, `after-overlay`, a past dismissal and a past sign-up; never over another open overlay, nor outside `start`/`end`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Takes the email: a field, a consent checkbox and a button. */
  @property({ type: Boolean }) capture = false;

  /** The consent wording shown by the checkbox and recorded with the lead (a default wording otherwise). */
  @property({ attribute: 'consent-text' }) consentText: string | null = null;

  /** `explicit` (default): an unticked checkbox must be ticked; `implied`: signing up is the consent, the wording is shown. */
  @property() consent: string | null = null;

  /** Where the lead goes: an http(s) URL (POST JSON of the lead, `Idempotency-Key` header and `id` field), `shopify` (the customer newsletter form), `klaviyo` (with `public-key` and `list`) or `mailchimp` (with `form-url`). Brevo and Omnisend document no browser-side endpoint: use your webhook's URL. Without it the lead is on the bus and in `vitrine-lead` only. */
  @property() action: string | null = null;

  /** With `action="klaviyo"`: your Klaviyo PUBLIC API key (Site ID, 6 characters; Settings → API keys). A private key (`pk_…`) is refused with a warning and nothing is sent. */
  @property({ attribute: 'public-key' }) publicKey: string | null = null;

  /** With `action="klaviyo"`: the id of the list the shopper joins (Lists & segments → the list → Settings). */
  @property() list: string | null = null;

  /** With `action="mailchimp"`: the action URL of your audience's embedded form (`https://….list-manage.com/subscribe/post?u=…&id=…`, from Audience → Signup forms → Embedded forms). */
  @property({ attribute: 'form-url' }) formUrl: string | null = null;

  /** The list sends a confirmation e-mail first (Klaviyo double opt-in; Mailchimp says so itself): the shopper is told to check their inbox. */
  @property({ attribute: 'double-opt-in', type: Boolean }) doubleOptIn = false;

  /** With a double opt-in list (the provider waits for the shopper's confirmation): `now` (default) shows the code at once; `confirmed` never shows it in the page (your provider's welcome e-mail, sent on confirmation, carries it). */
  @property() reveal: string | null = null;

  /** The merchant's server gives each lead its own single-use code: POST JSON `{ campaign, email, id }` (the wheel adds the prize's `label` and `code`), answer `{ code }`. When it fails, the static code is shown, if any. Not called in `preview`. */
  @property({ attribute: 'code-endpoint' }) codeEndpoint: string | null = null;

  protected readonly popup: PopupController = new PopupController(this, {
    dialog: () => this.shadowRoot?.querySelector('dialog'),
    mayOpen: () => this.mayOpenByItself(),
    active: () => this.isPopup(),
    // The email field when the form shows one, with a mouse (on a phone the keyboard would hide the
    // content); else focus stays on the close button.
    onOpened: () =>
      void (
        matchMedia('(pointer: fine)').matches &&
        this.shadowRoot?.querySelector<HTMLElement>('[part~="email-input"]')?.focus()
      ),
  });

  protected readonly leadForm: LeadCaptureController = new LeadCaptureController(this, {
    action: () => this.#action,
    destination: () => this.#destination,
    consentText: () => this.consentText,
    consentImplied: () => this.#implied,
    onAccepted: (lead, outcome) => this.leadAccepted(lead, outcome),
  });

  /** The code a pop-up reveals, with its copy button: fetched as the code is about to show (see coupon-later.ts). */
  protected readonly coupon: CouponLater = new CouponLater(this);

  /** The valid values in use: a bad attribute keeps its text, the widget its default. */
  #action: string | null = null;
  #destination: Promise<LeadDestination | null> | undefined;
  #implied = false;
  /** The valid `code-endpoint`, or null. */
  protected codeEndpointUrl: string | null = null;
  /** `reveal="now"` (the default): the code shows while the provider waits for the shopper's confirmation. */
  protected revealWhenPending = true;

  /** Once the lead is accepted (delivered or safely queued). */
  protected abstract leadAccepted(lead: LeadMessage, outcome: DeliveryOutcome & { id?: string }): void;

  /** The widget's own conditions to open by itself (its triggers listen only meanwhile). */
  protected abstract mayOpenByItself(): boolean;

  /**
   * This lead's single-use code from `code-endpoint` (its module fetched then), or null when there
   * is none, in `preview`, or when the server failed (told once in the console): the caller falls
   * back to its static code.
   */
  protected async uniqueCode(request: Record<string, unknown>): Promise<string | null> {
    const url = this.codeEndpointUrl;
    if (!url || this.previewing) return null;
    try {
      const { fetchUniqueCode } = await import('../leads/unique-code.js');
      return await fetchUniqueCode(url, { campaign: this.campaignId, ...request });
    } catch (error) {
      noteOnce(this, `could not get a code from code-endpoint="${this.codeEndpoint}" (${String(error)})`);
      return null;
    }
  }

  /** Whether it is a pop-up now (the wheel is one only with `mode="popup"`). */
  protected isPopup(): boolean {
    return true;
  }

  /** Opens now, as the `open` property does. Resolves to whether it opened (not over another overlay, nor when a `vitrine-open` listener cancels). */
  show(): Promise<boolean> {
    return this.popup.show();
  }

  /** Closes it (`vitrine-close` with reason `api`; not remembered as the shopper's dismissal). */
  hide(): void {
    this.popup.hide();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('consent'))
      this.#implied =
        this.consent != null &&
        keywordAttribute(this, 'consent', this.consent, CONSENT_MODES, 'explicit') === 'implied';
    // Checked now, so that a bad value is reported when the page loads rather than at the first sign-up.
    if (
      changed.has('action') ||
      changed.has('publicKey') ||
      changed.has('list') ||
      changed.has('formUrl') ||
      changed.has('doubleOptIn')
    ) {
      ({ action: this.#action, destination: this.#destination } = leadDestination(this, this));
    }
    // A form that may take a lead fetches the outbox now, while the page is surely online, not at the sign-up.
    if (changed.has('capture') && this.capture && !this.previewing) void loadOutbox().catch(() => {});
    if (changed.has('reveal'))
      this.revealWhenPending =
        this.reveal == null || keywordAttribute(this, 'reveal', this.reveal, REVEAL_MODES, 'now') === 'now';
    if (changed.has('codeEndpoint')) this.codeEndpointUrl = httpUrlAttribute(this, 'code-endpoint', this.codeEndpoint);
    if (!this.timeWindow.active && this.popup.overlay.isOpen) this.popup.overlay.close('ended');
  }
}
