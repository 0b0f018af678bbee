/**
 * The email form of every Vitrine widget that collects leads (exit pop-up, wheel): a real
 * email check with a clear inline error, an unticked consent checkbox carrying the
 * merchant's `consent-text` (submission refused without it unless `consent="implied"`), and
 * the truth about what happened: signed up, check your inbox (the provider's double opt-in),
 * saved and retried later, refused, or (Shopify's captcha) not yet, with a way to finish on
 * Shopify's own page.
 *
 * The lead handed on (bus `lead`, DOM `vitrine-lead`, the outbox) carries the consent
 * wording, the page URL, the widget and the time: the proof of consent a merchant keeps; on the
 * bus and in the event also its `outcome` (told again when a queued one settles).
 */
import { html, nothing, type ReactiveController } from 'lit';
import { getBus, type LeadMessage } from '../bus.js';
import type { WidgetHost } from '../host.js';
import { translateFrom, type Catalog } from '../i18n/index.js';
import { timeTravelling } from '../now.js';
import { noteOnce } from '../parse/warn.js';
import { leadOutcome, type DeliveryOutcome, type LeadDestination } from './delivery.js';
import { isValidEmail } from './email.js';
import { keepLead, onLeadSettled, readOutbox } from './settled.js';

type Outbox = typeof import('./outbox.js');

/** The outbox's chunk, once asked for; `outbox` once it is here (the confirm button uses it at once). */
let outboxChunk: Promise<Outbox> | undefined;
let outbox: Outbox | undefined;

/**
 * Fetches the outbox (its own chunk): by a form that may take a lead (`capture`), or on a page where
 * an earlier one left a lead to send. A pop-up without `capture` on a page with nothing waiting
 * never downloads it. A failed fetch is asked again next time.
 */
export function loadOutbox(): Promise<Outbox> {
  return (outboxChunk ??= import('./outbox.js').then(
    (chunk) => (outbox = chunk),
    (error: unknown) => {
      outboxChunk = undefined;
      throw error;
    },
  ));
}

export const LEAD_FORM_STATES = [
  'idle',
  'invalid-email',
  'consent-missing',
  'submitting',
  'saved',
  'success',
  'pending',
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
  | 'pending'
  | 'rejected'
  | 'confirm'
  | 'confirmAction';

/** The lead form's texts (exit pop-up, wheel); other languages: i18n/texts/. */
export const leadFormTexts: Catalog<Key> = {
  scope: 'lead-form',
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
    pending: 'Almost done: check your inbox and click the link in our e-mail to confirm your sign-up.',
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
    pending: 'Presque fini : ouvrez votre boîte de réception et cliquez sur le lien de notre e-mail pour confirmer.',
    rejected: 'Nous n’avons pas pu inscrire cette adresse. Vérifiez-la et réessayez.',
    confirm:
      'Encore une étape : la boutique doit vérifier que vous n’êtes pas un robot. Vous n’êtes pas encore inscrit.',
    confirmAction: 'Continuer',
  },
};

export interface LeadCaptureOptions {
  /** `action` attribute: a URL, `shopify`, a provider's name, or null (bus and DOM event only). */
  action(): string | null;
  /** With a provider's name as `action`: its account, list or form (the widget's provider attributes), once its chunk has checked them; null when they are wrong (nothing is sent then). */
  destination?(): Promise<LeadDestination | null> | undefined;
  /** The consent wording shown, and recorded with the lead. */
  consentText(): string | null;
  /** `consent="implied"`: no checkbox; submitting is the consent (with the wording shown). */
  consentImplied(): boolean;
  /** Called once the lead is accepted (delivered, waiting for the shopper's confirmation, or safely queued). */
  onAccepted(lead: LeadMessage, outcome: DeliveryOutcome & { id?: string }): void;
}

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
    // Offline as the page loads: they wait in storage for the next page.
    if (!this.#host.previewing && !timeTravelling() && readOutbox().length)
      void loadOutbox().then(
        (chunk) => chunk.flushOutboxOnce(),
        () => {},
      );
    this.#unsubscribe = onLeadSettled((id, outcome) => {
      if (id !== this.#pendingId) return;
      this.#pendingId = null;
      const lead = this.#pendingLead;
      if (outcome.status === 'unconfirmed') this.#unconfirmed = lead;
      else if (lead && outcome.status !== 'queued')
        this.#host.emit('vitrine-lead', { ...lead, id, outcome: leadOutcome(outcome) });
      this.state =
        outcome.status === 'delivered'
          ? 'success'
          : outcome.status === 'pending-confirmation'
            ? 'pending'
            : outcome.status === 'unconfirmed'
              ? 'confirm'
              : 'rejected';
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }

  #text(key: Key): string {
    return translateFrom(leadFormTexts, this.#host.language, key);
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
    if (this.#host.previewing || timeTravelling()) {
      // Preview (and a time-travel preview) never sends data (no outbox, no bus, no DOM event): show what the shopper would see, code included.
      this.state = 'success';
      void this.#focusStatus();
      this.#options.onAccepted(lead, { status: 'delivered' });
      return;
    }
    this.state = 'submitting';
    const pending = this.#options.destination?.();
    const destination = pending && ((await pending) ?? undefined);
    // A provider whose attributes were refused (warned as the page loaded): the lead goes nowhere but the page.
    const action = pending && !destination ? null : this.#options.action();
    let outcome: DeliveryOutcome & { id?: string };
    if (action) outcome = await this.#send(lead, action, destination);
    else {
      // No endpoint: the merchant's own code takes the lead from the bus or the DOM event.
      outcome = { status: 'delivered' };
      getBus().publish('lead', { ...lead, outcome: 'delivered' });
    }
    if (outcome.status === 'rejected') {
      this.state = 'rejected';
      // The provider's own words are for the merchant (the shopper is told what to do in theirs).
      if (outcome.reason)
        noteOnce(this.#host, `${action} refused the sign-up (${outcome.httpStatus}): ${outcome.reason}`);
      this.#host.emit('vitrine-lead', { ...lead, id: outcome.id, outcome: 'refused' });
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
    this.state =
      outcome.status === 'delivered' ? 'success' : outcome.status === 'pending-confirmation' ? 'pending' : 'saved';
    void this.#focusStatus();
    this.#host.emit('vitrine-lead', { ...lead, id: outcome.id, outcome: leadOutcome(outcome) });
    this.#host.track('convert');
    this.#options.onAccepted(lead, outcome);
  }

  /**
   * Hands the lead to the outbox. Where its chunk cannot be fetched (offline since the page loaded),
   * the lead is kept in storage as the outbox would keep it, for the next page to deliver: saved.
   */
  async #send(
    lead: LeadMessage,
    action: string,
    destination: LeadDestination | undefined,
  ): Promise<DeliveryOutcome & { id?: string }> {
    let chunk: Outbox;
    try {
      chunk = await loadOutbox();
    } catch {
      const id = keepLead(destination ? { lead, action, destination } : { lead, action });
      getBus().publish('lead', { ...lead, id, outcome: 'queued' });
      return { status: 'queued', retryAt: 0, id };
    }
    return chunk.submitLead(lead, action, destination);
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
    if (state === 'success' || state === 'saved' || state === 'pending') {
      return html`<p part="status" role="status" tabindex="-1">${this.#text(state)}</p>`;
    }
    if (state === 'confirm') {
      const lead = this.#unconfirmed;
      return html`<p part="status" role="status" tabindex="-1">${this.#text('confirm')}</p>
        ${
          lead
            ? html`<button part="submit" type="button" @click=${() => outbox?.submitNatively(lead)}>
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
