/**
 * The email form of every Vitrine widget that collects leads (exit pop-up, wheel): a real
 * email check with a clear inline error, an unticked consent checkbox carrying the
 * merchant's `consent-text` (submission refused without it unless `consent="implied"`), and
 * the truth about what happened: signed up, saved and retried later, refused, or (Shopify's
 * captcha) not yet, with a way to finish on Shopify's own page.
 *
 * The lead handed on (bus `lead`, DOM `vitrine-lead`, the outbox) carries the consent
 * wording, the page URL, the widget and the time: the proof of consent a merchant keeps.
 */
import { css, html, nothing, type ReactiveController } from 'lit';
import { getBus, type LeadMessage } from '../bus.js';
import type { WidgetHost } from '../host.js';
import { translateFrom, type Catalog } from '../i18n/index.js';
import { flushOutboxOnce, onLeadSettled, submitLead, submitNatively, type DeliveryOutcome } from './outbox.js';

export const LEAD_FORM_STATES = [
  'idle',
  'invalid-email',
  'consent-missing',
  'submitting',
  'saved',
  'success',
  'rejected',
  'confirm',
] as const;
export type LeadFormState = (typeof LEAD_FORM_STATES)[number];

type Key =
  | 'emailLabel'
  | 'emailPlaceholder'
  | 'emailInvalid'
  | 'consentDefault'
  | 'consentMissing'
  | 'consentImplied'
  | 'submit'
  | 'submitting'
  | 'success'
  | 'saved'
  | 'rejected'
  | 'confirm'
  | 'confirmAction';

const messages: Catalog<Key> = {
  en: {
    emailLabel: 'Email address',
    emailPlaceholder: 'you@example.com',
    emailInvalid: 'Enter a valid email address, like name@example.com.',
    consentDefault: 'I agree to receive emails with offers and news. I can unsubscribe at any time.',
    consentMissing: 'Tick the box to agree before you sign up.',
    consentImplied: 'By signing up you agree to receive our emails. You can unsubscribe at any time.',
    submit: 'Sign up',
    submitting: 'Sending…',
    success: 'Thank you, you are signed up!',
    saved: 'Saved! We will confirm your sign-up as soon as the connection is back.',
    rejected: 'We could not sign up this address. Check it and try again.',
    confirm: 'One more step: the shop needs to check that you are not a robot. You are not signed up yet.',
    confirmAction: 'Continue',
  },
  fr: {
    emailLabel: 'Adresse e-mail',
    emailPlaceholder: 'vous@exemple.fr',
    emailInvalid: 'Saisissez une adresse e-mail valide, comme nom@exemple.fr.',
    consentDefault: 'J’accepte de recevoir des e-mails d’offres et d’actualités. Je peux me désinscrire à tout moment.',
    consentMissing: 'Cochez la case pour donner votre accord avant de vous inscrire.',
    consentImplied: 'En vous inscrivant, vous acceptez de recevoir nos e-mails. Désinscription possible à tout moment.',
    submit: 'Je m’inscris',
    submitting: 'Envoi…',
    success: 'Merci, vous êtes inscrit !',
    saved: 'C’est noté ! Nous confirmerons votre inscription dès le retour de la connexion.',
    rejected: 'Nous n’avons pas pu inscrire cette adresse. Vérifiez-la et réessayez.',
    confirm:
      'Encore une étape : la boutique doit vérifier que vous n’êtes pas un robot. Vous n’êtes pas encore inscrit.',
    confirmAction: 'Continuer',
  },
};

/**
 * A deliverable-looking address: one @, a local part without spaces, a domain with a dot and
 * a TLD of two letters or more, at most 254 characters. Stricter than `type=email`, which
 * accepts `a@b`.
 */
export function isValidEmail(value: string): boolean {
  const email = value.trim();
  if (email.length > 254) return false;
  // The TLD: letters, or an internationalised one in its ASCII form (`xn--p1ai`).
  return /^[^\s@"(),:;<>[\]\\]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i.test(
    email,
  );
}

export const HTTP_URL_EXPECTED = 'an http(s) URL (https://… or /path)';

/**
 * The check behind every URL attribute of the lead pipeline (`action`, the wheel's `endpoint`
 * and `rules-href`): the trimmed value when it is an http(s) URL, absolute or relative to the
 * page (or `shopify` when `shopifyToo`), else null — absent silently, anything else (a
 * `javascript:` or `data:` URL, a typo) with the one warning.
 */
export function httpUrlAttribute(
  host: WidgetHost,
  attribute: string,
  value: string | null | undefined,
  shopifyToo = false,
): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (shopifyToo && text.toLowerCase() === 'shopify') return 'shopify';
  try {
    if (/^https?:$/.test(new URL(text, location.href).protocol)) return text;
  } catch {
    /* not a URL: warned below */
  }
  host.warn(attribute, value, shopifyToo ? `${HTTP_URL_EXPECTED} or "shopify"` : HTTP_URL_EXPECTED);
  return null;
}

export interface LeadCaptureOptions {
  /** `action` attribute: a URL, `shopify`, or null (bus and DOM event only). */
  action(): string | null;
  /** The consent wording shown, and recorded with the lead. */
  consentText(): string | null;
  /** `consent="implied"`: no checkbox; submitting is the consent (with the wording shown). */
  consentImplied(): boolean;
  /** Called once the lead is accepted (delivered or safely queued). */
  onAccepted(lead: LeadMessage, outcome: DeliveryOutcome): void;
}

/**
 * No single red reads well on both a white and a dark surface, so the default error colour is a
 * red mixed with the text colour: deep red on white, light red on a dark card (both ≥ 4.5:1).
 */
export const leadFormStyles = css`
  :host {
    --vitrine-lead-error: var(
      --vitrine-color-error,
      color-mix(in srgb, #dc2626 60%, var(--vitrine-color-text, #111827))
    );
  }
  [part~='form'] {
    display: grid;
    gap: 0.75em;
    text-align: start;
  }
  [part~='email-label'] {
    font-weight: 600;
    font-size: 0.9em;
  }
  [part~='email-input'] {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid color-mix(in srgb, currentColor 45%, transparent);
    border-radius: var(--vitrine-radius, 0.5rem);
    background: var(--vitrine-color-surface, #ffffff);
    color: var(--vitrine-color-text, #111827);
    font: inherit;
  }
  [part~='email-input']::placeholder {
    color: color-mix(in srgb, currentColor 60%, transparent);
  }
  [part~='email-input'][aria-invalid='true'] {
    border-color: var(--vitrine-lead-error);
  }
  [part~='error'] {
    margin: 0;
    color: var(--vitrine-lead-error);
    font-size: 0.875em;
  }
  [part~='consent'] {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    font-size: 0.85em;
    line-height: 1.4;
  }
  [part~='consent'] input {
    inline-size: 1.1em;
    block-size: 1.1em;
    margin: 0.15em 0 0;
    flex: none;
    accent-color: var(--vitrine-color-accent, #111827);
  }
  /* The form's button; a widget's other main button (the wheel's spin) takes its look with class="accent-button". */
  [part~='submit'],
  .accent-button {
    min-block-size: 2.75em;
    padding: 0.6em 1em;
    border: 0;
    border-radius: var(--vitrine-radius, 0.5rem);
    background: var(--vitrine-color-accent, #111827);
    color: var(--vitrine-color-on-accent, #ffffff);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  [part~='submit'][aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  [part~='email-input']:focus-visible,
  [part~='submit']:focus-visible,
  .accent-button:focus-visible,
  [part~='consent'] input:focus-visible {
    outline: 2px solid var(--vitrine-color-accent, #2563eb);
    outline-offset: 2px;
  }
  [part~='status'] {
    margin: 0;
    font-size: 0.9em;
  }
  /* Focused by script so it is read out; it is no control, so no ring. */
  [part~='status']:focus {
    outline: none;
  }
`;

let formIds = 0;

export class LeadCaptureController implements ReactiveController {
  #host: WidgetHost & { readonly renderRoot: ParentNode };
  #options: LeadCaptureOptions;
  #state: LeadFormState = 'idle';
  #pendingId: string | null = null;
  /** The lead Shopify did not confirm, for the shopper to post on Shopify's page ('confirm'). */
  #unconfirmed: LeadMessage | null = null;
  /** The lead waiting in the outbox (`#pendingId`), in case Shopify does not confirm it either. */
  #pendingLead: LeadMessage | null = null;
  #unsubscribe?: () => void;
  /** Unique ids so several forms on a page never share a label target. */
  #id = `vitrine-lead-${++formIds}`;

  constructor(host: WidgetHost & { readonly renderRoot: ParentNode }, options: LeadCaptureOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get state(): LeadFormState {
    return this.#state;
  }

  /** Sets the state (stories show every state this way). */
  set state(value: LeadFormState) {
    this.#state = value;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    // Leads left by an earlier page view (offline, a closed tab) are sent now, with their original id.
    if (!this.#host.previewing) flushOutboxOnce();
    this.#unsubscribe = onLeadSettled((id, outcome) => {
      if (id !== this.#pendingId) return;
      this.#pendingId = null;
      if (outcome.status === 'unconfirmed') this.#unconfirmed = this.#pendingLead;
      this.state =
        outcome.status === 'delivered' ? 'success' : outcome.status === 'unconfirmed' ? 'confirm' : 'rejected';
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }

  #text(key: Key): string {
    return translateFrom(messages, this.#host.language, key);
  }

  /** Validates, records and hands on the lead. */
  async submit(email: string, consentTicked: boolean): Promise<void> {
    if (this.#state === 'submitting') return;
    if (!isValidEmail(email)) {
      this.state = 'invalid-email';
      void this.#focus('email');
      return;
    }
    const implied = this.#options.consentImplied();
    if (!implied && !consentTicked) {
      this.state = 'consent-missing';
      void this.#focus('consent');
      return;
    }
    const lead: LeadMessage = {
      email: email.trim(),
      consent: true,
      consentText: this.#consentWording(),
      campaign: this.#host.campaignId,
      widget: this.#host.widgetName,
      url: location.href,
      at: new Date().toISOString(),
    };
    if (this.#host.previewing) {
      // Preview never sends data (no outbox, no bus, no DOM event): show what the shopper would see, code included.
      this.state = 'success';
      void this.#focusStatus();
      this.#options.onAccepted(lead, { status: 'delivered' });
      return;
    }
    this.state = 'submitting';
    const action = this.#options.action();
    let outcome: DeliveryOutcome & { id?: string };
    if (action) outcome = await submitLead(lead, action);
    else {
      // No endpoint: the merchant's own code takes the lead from the bus or the DOM event.
      outcome = { status: 'delivered' };
      getBus().publish('lead', lead);
    }
    if (outcome.status === 'rejected') {
      this.state = 'rejected';
      return;
    }
    if (outcome.status === 'unconfirmed') {
      // Not signed up: no thanks, no code, no conversion; the shopper finishes on Shopify's page.
      this.#unconfirmed = lead;
      this.state = 'confirm';
      void this.#focusStatus();
      return;
    }
    if (outcome.status === 'queued') {
      this.#pendingId = outcome.id ?? null;
      this.#pendingLead = lead;
    }
    this.state = outcome.status === 'delivered' ? 'success' : 'saved';
    void this.#focusStatus();
    this.#host.emit('vitrine-lead', lead);
    this.#host.track('convert');
    this.#options.onAccepted(lead, outcome);
  }

  /** Takes the shopper to the field to fix, where the error is read out. */
  async #focus(field: 'email' | 'consent'): Promise<void> {
    await this.#host.updateComplete;
    const selector = field === 'email' ? `#${this.#id}-email` : 'input[name="consent"]';
    this.#host.renderRoot.querySelector<HTMLInputElement>(selector)?.focus();
  }

  /**
   * The form, and the submit button that had focus, give way to the outcome: focus follows to the
   * message (else it would fall to the page, and a screen reader would lose its place).
   */
  async #focusStatus(): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('[part~="status"]')?.focus({ preventScroll: true });
  }

  #consentWording(): string {
    const custom = this.#options.consentText()?.trim();
    if (custom) return custom;
    return this.#text(this.#options.consentImplied() ? 'consentImplied' : 'consentDefault');
  }

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const email = data.get('email');
    void this.submit(typeof email === 'string' ? email : '', data.get('consent') === 'on');
  };

  /** The form, or the outcome once accepted. `submitLabel` is the button's text (else "Sign up"). */
  render(submitLabel?: string | null) {
    const state = this.#state;
    if (state === 'success' || state === 'saved') {
      return html`<p part="status" role="status" tabindex="-1">${this.#text(state)}</p>`;
    }
    if (state === 'confirm') {
      const lead = this.#unconfirmed;
      return html`<p part="status" role="status" tabindex="-1">${this.#text('confirm')}</p>
        ${
          lead
            ? html`<button part="submit" type="button" @click=${() => submitNatively(lead)}>
                ${this.#text('confirmAction')}
              </button>`
            : nothing
        }`;
    }
    const id = this.#id;
    const error =
      state === 'invalid-email'
        ? this.#text('emailInvalid')
        : state === 'consent-missing'
          ? this.#text('consentMissing')
          : state === 'rejected'
            ? this.#text('rejected')
            : '';
    const implied = this.#options.consentImplied();
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      <label part="email-label" for="${id}-email">${this.#text('emailLabel')}</label>
      <input
        part="email-input"
        id="${id}-email"
        name="email"
        type="email"
        inputmode="email"
        autocomplete="email"
        required
        placeholder=${this.#text('emailPlaceholder')}
        aria-invalid=${state === 'invalid-email' || state === 'rejected' ? 'true' : 'false'}
        aria-describedby="${id}-error"
      />
      ${
        implied
          ? html`<p part="consent">${this.#consentWording()}</p>`
          : html`<label part="consent"
              ><input
                type="checkbox"
                name="consent"
                aria-invalid=${state === 'consent-missing' ? 'true' : 'false'}
                aria-describedby="${id}-error"
              /><span>${this.#consentWording()}</span></label
            >`
      }
      <p part="error" id="${id}-error" role="alert">${error || nothing}</p>
      <button part="submit" type="submit" aria-disabled=${state === 'submitting' ? 'true' : 'false'}>
        ${state === 'submitting' ? this.#text('submitting') : submitLabel || this.#text('submit')}
      </button>
    </form>`;
  }
}
