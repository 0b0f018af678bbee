/** Money as merchants write it: major units with a dot (`60`, `59.90`) and an ISO 4217 currency. */

const AMOUNT = /^\d{1,12}(?:\.\d{1,4})?$/;

/** A non-negative amount in major units, or null. Commas and signs are refused rather than guessed. */
export function parseAmount(value: string | number | null | undefined): number | null {
  if (value == null) return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  const text = value.trim();
  return AMOUNT.test(text) ? Number(text) : null;
}

/** An amount above zero (a rate), or null. */
export const positiveAmount = (value: string): number | null => parseAmount(value) || null;

export const AMOUNT_EXPECTED = 'a non-negative amount in major units with a dot, such as 60 or 59.90';

/**
 * The minor-unit digits of each code asked, or null where Intl does not know it: kept, because
 * building a NumberFormat costs far more than a lookup, and the cart, the progress bar and the badge
 * ask at every cart message and render (issue 18: at load, every widget's first render built them anew).
 */
const currencyFacts = new Map<string, number | null>();

function digitsOf(code: string): number | null {
  let digits = currencyFacts.get(code);
  if (digits === undefined) {
    try {
      // Intl formats any three letters (XYZ too): only the codes it lists are currencies.
      digits = Intl.supportedValuesOf('currency').includes(code)
        ? (new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ??
          2)
        : null;
    } catch {
      digits = null;
    }
    currencyFacts.set(code, digits);
  }
  return digits;
}

/** An upper-cased ISO 4217 code that Intl knows, or null. */
export function parseCurrency(value: string | null | undefined): string | null {
  if (value == null) return null;
  const code = value.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) && digitsOf(code) !== null ? code : null;
}

export const CURRENCY_EXPECTED = 'an ISO 4217 currency code such as EUR or USD';

/** Decimal places of a currency (2 for EUR, 0 for JPY, 3 for KWD), from Intl. */
export function currencyDigits(currency: string): number {
  return digitsOf(currency.toUpperCase()) ?? 2;
}

/**
 * Shopify's integer cents (`total_price: 5990`) to major units without float drift:
 * integer division by a power of ten on the integer, never `* 0.01`.
 */
export function centsToMajor(cents: number, digits = 2): number {
  if (!Number.isFinite(cents)) return 0;
  // Round first: a rest rounded on its own could reach the scale (5999.6 → 59 and "100" → 59.1).
  const minor = Math.round(cents);
  const scale = 10 ** digits;
  const whole = Math.trunc(minor / scale);
  const rest = minor - whole * scale;
  return Number(`${whole}.${String(Math.abs(rest)).padStart(digits, '0')}`) * (minor < 0 && whole === 0 ? -1 : 1);
}

/** Rounds to the currency's minor unit, for display and comparisons. */
export function roundMoney(amount: number, digits = 2): number {
  // Shift the point in the decimal text, not by multiplying (1.005 * 100 is 100.49999…). Float
  // noise such as 0.3 - (0.1 + 0.2) prints with its own exponent (-5.55e-17), so add to that one.
  const shift = (value: number, places: number) => {
    const [mantissa, exponent = '0'] = String(value).split('e');
    return Number(`${mantissa}e${Number(exponent) + places}`);
  };
  return shift(Math.round(shift(amount, digits)), -digits);
}
