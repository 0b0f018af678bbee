/**
 * Shopify's Customer Privacy API, where the page has it. Without it, nothing is gated:
 * the SPEC only asks us to wait for consent where the shop collects it.
 */

interface CustomerPrivacy {
  preferencesProcessingAllowed?: () => boolean;
  analyticsProcessingAllowed?: () => boolean;
}

interface ShopifyGlobal {
  designMode?: boolean;
  customerPrivacy?: CustomerPrivacy;
  routes?: { root?: string };
  currency?: { active?: string; rate?: string | number };
  locale?: string;
  analytics?: { publish?: (name: string, payload: unknown) => unknown };
}

/** `window.Shopify`, typed loosely: a theme may define any part of it, or none. */
export function shopify(): ShopifyGlobal | undefined {
  const value = (globalThis as { Shopify?: unknown }).Shopify;
  return value && typeof value === 'object' ? value : undefined;
}

function ask(check: (() => boolean) | undefined): boolean {
  if (typeof check !== 'function') return true;
  try {
    return check() === true;
  } catch {
    return false;
  }
}

/** May we write to localStorage/sessionStorage (Shopify's `preferences` purpose)? */
export function storageAllowed(): boolean {
  const privacy = shopify()?.customerPrivacy;
  return privacy ? ask(privacy.preferencesProcessingAllowed?.bind(privacy)) : true;
}

/** May we send analytics (Shopify's `analytics` purpose)? */
export function analyticsAllowed(): boolean {
  const privacy = shopify()?.customerPrivacy;
  return privacy ? ask(privacy.analyticsProcessingAllowed?.bind(privacy)) : true;
}

/** Calls `listener` when the visitor answers the consent banner; returns the unsubscribe function. */
export function onConsentChange(listener: () => void): () => void {
  document.addEventListener('visitorConsentCollected', listener);
  return () => document.removeEventListener('visitorConsentCollected', listener);
}

/** The theme editor of Shopify (`Shopify.designMode`): widgets behave as in `preview`. */
export function inShopifyDesignMode(): boolean {
  return shopify()?.designMode === true;
}
