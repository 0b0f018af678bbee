/**
 * Klaviyo, through its Client API (the endpoints made for browsers, keyed by the PUBLIC API key,
 * the 6-character Site ID): "Create Client Subscription", `POST
 * https://a.klaviyo.com/client/subscriptions?company_id=<public key>`, JSON:API body, followed as
 * of API revision 2026-10-15 (the `revision` header; Klaviyo keeps older revisions working for
 * two years, so a later revision is a choice, not a fix). A lazy chunk: only a page whose form
 * sends to Klaviyo downloads it.
 *
 * Consent: the shopper ticked the box (or `consent="implied"` showed the wording), so the profile is
 * subscribed to e-mail marketing (`subscriptions.email.marketing.consent = "SUBSCRIBED"`), and the
 * consent record's method detail (`custom_source`) names the widget and campaign. `consented_at` is
 * not sent: Klaviyo refuses it outside historical imports and stamps the time itself. The wording,
 * page and instant go on the profile as properties, the proof a merchant keeps.
 *
 * Answers: 202 (no body) is taken; a list with double opt-in answers the same 202 and sends its
 * confirmation e-mail, hence `double-opt-in` on the widget. 400 carries JSON:API `errors` (their
 * `detail` is kept as the reason); 429 carries `Retry-After`. Klaviyo's client endpoints take no
 * idempotency key: the outbox keeps one entry per address and campaign instead, and subscribing a
 * subscribed profile again changes nothing.
 */
import { warnOnce } from '../parse/warn.js';
import { answerOf, type DestinationAttributes, type LeadAdapter, type LeadDestination } from './delivery.js';

export const KLAVIYO_REVISION = '2026-10-15';

/** `public-key` (6 characters) and `list`, checked as the page loads; null (after one warning) when one is wrong. */
export function check(
  element: Element,
  { publicKey, list, doubleOptIn }: DestinationAttributes,
): LeadDestination | null {
  if (!/^[A-Za-z0-9]{6}$/.test(publicKey?.trim() ?? ''))
    warnOnce(element, 'public-key', publicKey, 'your Klaviyo public API key (Site ID, 6 characters)');
  else if (!/^[A-Za-z0-9]{4,16}$/.test(list?.trim() ?? ''))
    warnOnce(element, 'list', list, 'the id of a Klaviyo list (Lists & segments → the list → Settings)');
  else return { provider: 'klaviyo', publicKey: publicKey!.trim(), list: list!.trim(), doubleOptIn };
  return null;
}

export const deliver: LeadAdapter = async ({ lead, destination }, signal) => {
  const response = await fetch(
    `https://a.klaviyo.com/client/subscriptions?company_id=${encodeURIComponent(destination?.publicKey ?? '')}`,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/vnd.api+json',
        Accept: 'application/vnd.api+json',
        revision: KLAVIYO_REVISION,
      },
      body: JSON.stringify({
        data: {
          type: 'subscription',
          attributes: {
            custom_source: `Vitrine ${lead.widget} (${lead.campaign})`,
            profile: {
              data: {
                type: 'profile',
                attributes: {
                  email: lead.email,
                  subscriptions: { email: { marketing: { consent: 'SUBSCRIBED' } } },
                  properties: {
                    vitrine_consent_text: lead.consentText,
                    vitrine_consent_url: lead.url,
                    vitrine_consent_at: lead.at,
                  },
                },
              },
            },
          },
          relationships: { list: { data: { type: 'list', id: destination?.list } } },
        },
      }),
      signal,
    },
  );
  let reason: string | undefined;
  if (!response.ok && response.status < 500) {
    // JSON:API errors: `{ errors: [{ status, code, title, detail, source }] }`.
    const body = (await response.json().catch(() => null)) as { errors?: Array<{ detail?: unknown }> } | null;
    const detail = body?.errors?.[0]?.detail;
    if (typeof detail == 'string') reason = detail;
  }
  const answer = answerOf(response, reason);
  return answer.status === 'delivered' && destination?.doubleOptIn ? { status: 'pending-confirmation' } : answer;
};
