/**
 * Mailchimp, through the audience's embedded sign-up form: the form's action
 * (`https://<dc>.list-manage.com/subscribe/post?u=<account>&id=<audience>`) answered the way
 * Mailchimp's own embed script (mc-validate.js) reads it: the same URL with `/subscribe/post-json`,
 * a `c` callback and the `EMAIL` field, answered as JSONP `c({ result, msg })`. Mailchimp documents
 * no other browser-side entry: its Marketing API (v3.0) needs a private API key and allows no
 * CORS, and a no-cors POST to `/subscribe/post` sends but cannot read the answer (invalid address,
 * confirmation needed), which would leave the shopper told a guess. Followed as the embedded form
 * code reads at the time of writing (2026); Mailchimp versions it no further.
 *
 * Hence what a merchant must allow: the page loads a script from `*.list-manage.com` (under a
 * strict Content-Security-Policy add it to `script-src`; a blocked script is reported once and the
 * lead refused, not retried forever). A lazy chunk: only a page whose form sends to Mailchimp
 * downloads it.
 *
 * Consent: the embedded form has no consent field of its own; an audience with GDPR fields names
 * them `gdpr[<id>]`, which the merchant copies into the form URL (`…&gdpr[123]=Y`): they are sent
 * as they are, and only ever after the shopper consented. Answers: `success` (with "confirm" in
 * `msg` when the audience sends a confirmation e-mail: double opt-in); `error` with "already
 * subscribed" (the shopper is on the list: taken), "too many" (rate limit: retried), anything else
 * (an invalid address) final. The form takes no idempotency key: the outbox keeps one entry per
 * address and campaign, and Mailchimp itself never lists an address twice.
 */
import { warnOnce } from '../parse/warn.js';
import type { DeliveryAnswer, DestinationAttributes, LeadAdapter, LeadDestination } from './delivery.js';

/** `form-url`: the embedded form's action (or its post-json twin), checked as the page loads; null (after one warning) otherwise. */
export function check(element: Element, { formUrl }: DestinationAttributes): LeadDestination | null {
  const url = formUrl?.trim() ?? '';
  if (/^https:\/\/([\w-]+\.)*list-manage\.com\/subscribe\/post(-json)?\?(?=.*\bu=\w)(?=.*\bid=\w)/.test(url))
    return { provider: 'mailchimp', formUrl: url };
  warnOnce(
    element,
    'form-url',
    formUrl,
    'your Mailchimp embedded form’s action (https://….list-manage.com/subscribe/post?u=…&id=…)',
  );
  return null;
}

export function mailchimpAnswer(reply: unknown): DeliveryAnswer {
  const { result, msg } = (reply ?? {}) as { result?: unknown; msg?: unknown };
  const message = typeof msg == 'string' ? msg.replace(/<[^>]*>/g, '') : '';
  if (result === 'success') return { status: /confirm/i.test(message) ? 'pending-confirmation' : 'delivered' };
  if (/already subscribed/i.test(message)) return { status: 'delivered' };
  if (/too many/i.test(message)) return { status: 'retry', retryAfter: null };
  return { status: 'rejected', httpStatus: 400, reason: message || 'no answer Mailchimp documents' };
}

export const deliver: LeadAdapter = ({ id, lead, destination }, signal) =>
  new Promise((resolve) => {
    const url = new URL(destination?.formUrl ?? '');
    url.pathname = url.pathname.replace(/\/post(-json)?$/, '/post-json');
    const callback = `vitrineMailchimp_${id.replace(/\W/g, '')}`;
    url.searchParams.set('c', callback);
    url.searchParams.set('EMAIL', lead.email);
    // The embedded form's anti-bot field, left empty as a person leaves it.
    url.searchParams.set(`b_${url.searchParams.get('u')}_${url.searchParams.get('id')}`, '');
    const script = document.createElement('script');
    const globals = globalThis as unknown as Record<string, unknown>;
    const blocked = (event: SecurityPolicyViolationEvent) => {
      if (event.blockedURI.startsWith(url.origin))
        settle({
          status: 'rejected',
          httpStatus: 0,
          reason: `the page's Content-Security-Policy blocks ${url.origin}`,
        });
    };
    function settle(answer: DeliveryAnswer): void {
      document.removeEventListener('securitypolicyviolation', blocked);
      signal?.removeEventListener('abort', aborted);
      // A late answer after a timeout finds a no-op rather than an undefined function.
      globals[callback] = () => {};
      script.remove();
      resolve(answer);
    }
    // No script (offline, blocked) or no answer in the outbox's time: as offline, kept and retried.
    const aborted = () => settle({ status: 'retry', retryAfter: null });
    globals[callback] = (reply: unknown) => settle(mailchimpAnswer(reply));
    script.onerror = aborted;
    signal?.addEventListener('abort', aborted);
    document.addEventListener('securitypolicyviolation', blocked);
    script.src = url.href;
    document.head.append(script);
  });
