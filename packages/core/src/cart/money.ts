/**
 * Shopify's money, as its AJAX cart writes it, and its presentment currency.
 *
 * Shopify's AJAX API (`/cart.js`, `/products/…js`) writes every amount as an integer of
 * hundredths of the currency, WHATEVER the currency: zero-decimal currencies included.
 * A ¥1,500 cart answers `"total_price": 150000, "currency": "JPY"` (as `{{ 1500 | money }}`
 * works in Liquid and Shopify's own `Shopify.formatMoney` always divides by 100, then rounds to
 * `amount_no_decimals` for JPY or KRW). It is NOT the ISO 4217 minor unit, so dividing by
 * `10 ** currencyDigits('JPY')` (= 1) would show ¥150,000. We therefore always divide by 100
 * (on the integer, without float drift), then round to the currency's own digits (0 for JPY),
 * which only matters for a stray fraction.
 */
import { shopify } from '../consent.js';
import { centsToMajor, currencyDigits, parseCurrency, roundMoney } from '../parse/money.js';

/**
 * An amount of Shopify's AJAX API (hundredths of the currency, also for JPY) in major units:
 * `shopifyCentsToMajor(5990, 'EUR')` → 59.9, `shopifyCentsToMajor(150000, 'JPY')` → 1500.
 * Returns null for what is not a non-negative finite number (a string of digits is accepted).
 */
export function shopifyCentsToMajor(cents: unknown, currency: string): number | null {
  const value = typeof cents === 'string' && /^\d+$/.test(cents.trim()) ? Number(cents) : cents;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  return roundMoney(centsToMajor(value, 2), currencyDigits(currency));
}

/** Shopify multi-currency: the shopper's (presentment) currency and its rate from the shop's currency. */
export interface Presentment {
  /** ISO 4217 code the shopper sees (`Shopify.currency.active`). */
  currency: string;
  /** Shop currency × rate = presentment currency (`Shopify.currency.rate`, `1` for the shop's own). */
  rate: number;
}

/** `Shopify.currency.active` and `.rate` when both are valid, else undefined. */
export function shopifyPresentment(): Presentment | undefined {
  const active = shopify()?.currency;
  const currency = parseCurrency(active?.active);
  const rate = Number(active?.rate);
  if (!currency || !Number.isFinite(rate) || rate <= 0) return undefined;
  return { currency, rate };
}

/**
 * An amount written in the shop's currency, in `currency` (the cart's): converted with
 * `Shopify.currency.rate` when the page is presented in that currency, rounded to its digits
 * (`60 EUR` at 1.0842 → `65.05 USD`; `60 EUR` at 163.2 → `9792 JPY`). Null when no rate for that
 * currency is known. Shopify's checkout may also round converted prices (to .95 and the like):
 * a threshold is a promise, so we only round to the currency's minor unit.
 */
export function fromShopCurrency(amount: number, currency: string): number | null {
  const presentment = shopifyPresentment();
  if (!presentment || presentment.currency !== currency) return null;
  return roundMoney(amount * presentment.rate, currencyDigits(currency));
}
