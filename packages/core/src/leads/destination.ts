/**
 * Where the lead form sends: the `action` attribute and the provider attributes beside it, read
 * and checked once (a bad value warns once when the page loads, not at the first sign-up). What
 * only one provider needs is checked by that provider's own lazy chunk (`check` in klaviyo.ts and
 * mailchimp.ts), fetched as soon as `action` names it: a page without it downloads none of it.
 *
 * Only public values belong on a page. A value shaped like a private API key (Klaviyo `pk_…`,
 * Brevo `xkeysib-…`, a Mailchimp `…-us21` key, a Shopify admin token) is refused with one warning
 * that says so, and nothing is sent: being in the page has made it public already, so it must be
 * revoked, and Vitrine never uses it.
 */
import { warnOnce } from '../parse/warn.js';
import { httpUrlAttribute } from '../parse/url.js';
import type { DestinationAttributes, LeadDestination, LeadProvider } from './delivery.js';

const PRIVATE_KEY = /pk_[a-z0-9]{20}|xkeysib-|xsmtpsib-|\b[0-9a-f]{32}-us\d|shp(at|ca|pa|ss)_/i;

/** Each provider's chunk, with the check of its attributes. */
const CHECKS: Record<
  LeadProvider,
  () => Promise<(element: Element, attributes: DestinationAttributes) => LeadDestination | null>
> = {
  klaviyo: () => import('./klaviyo.js').then((module) => module.check),
  mailchimp: () => import('./mailchimp.js').then((module) => module.check),
};

/**
 * `action` and the provider attributes → the action to send to (null: nothing is sent, after a
 * warning), and for a provider the promise of its checked destination (null when its attributes
 * are wrong, warned by its chunk).
 */
export function leadDestination(
  element: Element,
  attributes: DestinationAttributes,
): { action: string | null; destination?: Promise<LeadDestination | null> } {
  const { action, publicKey, list, formUrl, doubleOptIn } = attributes;
  const provider = action?.trim().toLowerCase() ?? '';
  for (const [attribute, value] of Object.entries({ 'public-key': publicKey, list, 'form-url': formUrl, action }))
    if (value && PRIVATE_KEY.test(value)) {
      warnOnce(
        element,
        attribute,
        value,
        'a PUBLIC key: this is a PRIVATE API key, never to be in a page (revoke it); nothing is sent',
      );
      return { action: null };
    }
  if (provider === 'brevo' || provider === 'omnisend') {
    warnOnce(
      element,
      'action',
      action,
      `your webhook's URL: ${provider} has no browser-side sign-up endpoint (see the README)`,
    );
    return { action: null };
  }
  const check = CHECKS[provider as LeadProvider];
  if (check)
    return {
      action: provider,
      // Its chunk did not load (offline as the page loaded): kept unchecked, so the outbox still holds the lead.
      destination: check().then(
        (read) => read(element, attributes),
        (): LeadDestination => ({
          provider: provider as LeadProvider,
          publicKey: publicKey ?? undefined,
          list: list ?? undefined,
          formUrl: formUrl ?? undefined,
          doubleOptIn,
        }),
      ),
    };
  return { action: httpUrlAttribute(element, 'action', action, true) };
}
