/**
 * URL attributes (the lead form's `action`, the wheel's `endpoint` and `rules-href`). Its own
 * module, as only the pop-ups read one: the script-tag build keeps it in their chunk.
 */
import { warnOnce } from './warn.js';

export const HTTP_URL_EXPECTED = 'an http(s) URL (https://… or /path)';

/**
 * The check behind every URL attribute of the lead pipeline (`action`, the wheel's `endpoint`
 * and `rules-href`): the trimmed value when it is an http(s) URL, absolute or relative to the
 * page (or `shopify` when `shopifyToo`), else null — absent silently, anything else (a
 * `javascript:` or `data:` URL, a typo) with the one warning.
 */
export function httpUrlAttribute(
  element: Element,
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
  warnOnce(
    element,
    attribute,
    value,
    shopifyToo ? `${HTTP_URL_EXPECTED}, "shopify", "klaviyo" or "mailchimp"` : HTTP_URL_EXPECTED,
  );
  return null;
}
