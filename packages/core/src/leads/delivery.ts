/**
 * What the outbox and every lead destination share: the stored entry, the outcome a widget is
 * told, and one attempt's answer. Its own module, so the provider adapters (each a lazy chunk)
 * and the outbox that loads them never import each other.
 */
import type { LeadMessage, LeadOutcome } from '../bus.js';

/** The e-mail tools a lead can go to straight from the browser, through their public endpoints. */
export const LEAD_PROVIDERS = ['klaviyo', 'mailchimp'] as const;
export type LeadProvider = (typeof LEAD_PROVIDERS)[number];

/** A provider and what its public endpoint needs (all public values: never a private API key). */
export interface LeadDestination {
  provider: LeadProvider;
  /** Klaviyo: the public API key (Site ID, `company_id`). */
  publicKey?: string;
  /** Klaviyo: the list id. */
  list?: string;
  /** Mailchimp: the action URL of the audience's embedded form (`https://….list-manage.com/subscribe/post?u=…&id=…`). */
  formUrl?: string;
  /** The list asks for a confirmation e-mail, and the provider's answer does not say so itself (Klaviyo). */
  doubleOptIn?: boolean;
}

/** The attributes a destination is read from (the pop-ups' `action`, `public-key`, `list`, `form-url`, `double-opt-in`). */
export interface DestinationAttributes {
  action: string | null;
  publicKey: string | null;
  list: string | null;
  formUrl: string | null;
  doubleOptIn: boolean;
}

export interface OutboxEntry {
  /** Idempotency key: one per submission, kept across retries and reloads. */
  id: string;
  lead: LeadMessage;
  /** `shopify`, a provider's name, or an absolute/relative URL. */
  action: string;
  /** With a provider's name as `action`: where in that provider (kept, so a later page delivers it alone). */
  destination?: LeadDestination;
  attempts: number;
  /** Epoch ms before which no retry is made in this page view. */
  retryAt: number;
}

export type DeliveryOutcome =
  /** The endpoint answered 2xx (the provider counts the shopper). */
  | { status: 'delivered' }
  /** The provider took it and sent a confirmation e-mail (double opt-in): the shopper must click its link. */
  | { status: 'pending-confirmation' }
  /** Kept in the outbox; will be retried (offline, 5xx, 429, timeout). */
  | { status: 'queued'; retryAt: number }
  /** Refused for good (4xx): `httpStatus` says why, `reason` in the provider's words when it gave any. */
  | { status: 'rejected'; httpStatus: number; reason?: string }
  /** Shopify answered with something other than its success (a /challenge captcha): not recorded. */
  | { status: 'unconfirmed'; url: string };

/** One attempt's answer, before the outbox settles the entry (a `retry` becomes `queued` with its backoff). */
export type DeliveryAnswer =
  Exclude<DeliveryOutcome, { status: 'queued' }> | { status: 'retry'; retryAfter: string | null };

/** What a provider adapter (a lazy chunk) exports. */
export type LeadAdapter = (entry: OutboxEntry, signal?: AbortSignal) => Promise<DeliveryAnswer>;

/** The common reading of an HTTP answer: 2xx delivered; 408, 429 and 5xx retried; any other 4xx final. */
export function answerOf(response: Response, reason?: string): DeliveryAnswer {
  const code = response.status;
  if (response.ok) return { status: 'delivered' };
  if (code >= 400 && code < 500 && code !== 408 && code !== 429)
    return reason ? { status: 'rejected', httpStatus: code, reason } : { status: 'rejected', httpStatus: code };
  return { status: 'retry', retryAfter: response.headers.get('Retry-After') };
}

/** The outcome as the `lead` topic and `vitrine-lead` tell it (Shopify's unconfirmed post is none: not published). */
export function leadOutcome(outcome: Exclude<DeliveryOutcome, { status: 'unconfirmed' }>): LeadOutcome {
  return outcome.status === 'rejected' ? 'refused' : outcome.status;
}
