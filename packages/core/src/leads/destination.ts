/**
 * Where the lead form sends: the `action` attribute and the provider attributes beside it, read
 * and checked once (a bad value warns once when the page loads, not at the first sign-up).
 *
 * Only public values belong on a page. A value shaped like a private API key (Klaviyo `pk_…`,
 * Brevo `xkeysib-…`, a Mailchimp `…-us21` key, a Shopify admin token) is refused with one warning
 * that says so, and nothing is sent: the key is already public by being in the page, and must be
 * revoked, but Vitrine never uses it.
 */
import { warnOnce } from '../parse/warn.js';
import { httpUrlAttribute } from '../parse/url.js';
import { LEAD_PROVIDERS, type LeadDestination, type LeadProvider } from './delivery.js';

export interface DestinationAttributes {
  action: string | null;
  publicKey: string | null;
  list: string | null;
  formUrl: string | null;
  doubleOptIn: boolean;
}

/** Providers with no browser-side sign-up endpoint in their documentation: the webhook way instead. */
const NO_BROWSER_ENDPOINT = ['brevo', 'omnisend'];

const PRIVATE_KEY = /pk_[a-z0-9]{20,}|xkeysib-|xsmtpsib-|\b[0-9a-f]{32}-us\d{1,2}\b|shp(at|ca|pa|ss)_/i;
const KLAVIYO_ID = /^[A-Za-z0-9]{6}$/;
/** `https://<dc>.list-manage.com/subscribe/post?u=…&id=…` (the embedded form's action; post-json too). */
const MAILCHIMP_FORM = /^https:\/\/([\w-]+\.)*list-manage\.com\/subscribe\/post(-json)?\?(?=.*\bu=\w)(?=.*\bid=\w)/;

/** `action` and the provider attributes → what the outbox needs, or null (with a warning) when nothing can be sent. */
export function leadDestination(
  element: Element,
  attributes: DestinationAttributes,
): { action: string; destination?: LeadDestination } | null {
  const text = attributes.action?.trim();
  const provider = text?.toLowerCase() ?? '';
  for (const [attribute, value] of [
    ['public-key', attributes.publicKey],
    ['list', attributes.list],
    ['form-url', attributes.formUrl],
    ['action', attributes.action],
  ] as const) {
    if (value && PRIVATE_KEY.test(value)) {
      warnOnce(
        element,
        attribute,
        value,
        'a PUBLIC value: this looks like a PRIVATE API key, which must never be in a page (revoke it in your e-mail tool); nothing is sent',
      );
      return null;
    }
  }
  if (NO_BROWSER_ENDPOINT.includes(provider)) {
    warnOnce(
      element,
      'action',
      text,
      `an http(s) URL: ${text} documents no browser-side sign-up endpoint (only its private-key API), so send leads to your own webhook URL (see the README)`,
    );
    return null;
  }
  if (!(LEAD_PROVIDERS as readonly string[]).includes(provider)) {
    const action = httpUrlAttribute(element, 'action', attributes.action, true);
    return action ? { action } : null;
  }
  const destination: LeadDestination = { provider: provider as LeadProvider };
  if (provider === 'klaviyo') {
    const publicKey = attributes.publicKey?.trim() ?? '';
    const list = attributes.list?.trim() ?? '';
    if (!KLAVIYO_ID.test(publicKey)) {
      warnOnce(element, 'public-key', attributes.publicKey, 'your Klaviyo public API key (Site ID, 6 characters)');
      return null;
    }
    if (!/^[A-Za-z0-9]{4,16}$/.test(list)) {
      warnOnce(element, 'list', attributes.list, 'the id of a Klaviyo list (Lists & segments → the list → Settings)');
      return null;
    }
    Object.assign(destination, { publicKey, list });
    if (attributes.doubleOptIn) destination.doubleOptIn = true;
  } else {
    const formUrl = attributes.formUrl?.trim() ?? '';
    if (!MAILCHIMP_FORM.test(formUrl)) {
      warnOnce(
        element,
        'form-url',
        attributes.formUrl,
        'the action of your Mailchimp embedded form (https://….list-manage.com/subscribe/post?u=…&id=…)',
      );
      return null;
    }
    destination.formUrl = formUrl;
  }
  return { action: provider, destination };
}
