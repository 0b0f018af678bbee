/**
 * fr and en: the language of an element, each module's own texts, and Intl formatting in
 * that language. There is no central table of texts: every widget ships only the texts it
 * shows, in a small catalog next to its code, so a page downloads no text it never shows.
 */

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `fr-CA` → `fr`; anything that does not ship → `en`. */
export function normalizeLanguage(value: string | null | undefined): Language {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/** The `lang` of the element, else of its nearest ancestor with one, crossing shadow roots; else `en`. */
export function languageOf(element: Element): Language {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return normalizeLanguage(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}

const LOCALES: Record<Language, string> = { en: 'en', fr: 'fr-FR' };

/**
 * Intl formatters, built once per language and options: building one costs far more than using it,
 * and a page of countdowns would build one per timer per second.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) formatters.set(key, (found = build()));
  return found;
}

/** Money with Intl in the widget's language: `formatMoney(59.9, 'EUR', 'fr')` → `59,90 €`. */
export function formatMoney(amount: number, currency: string, language: Language): string {
  try {
    return formatter(
      `${language} ${currency}`,
      () => new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency }),
    ).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** A plain number in the widget's language (`1 500` in fr, `1,500` in en). */
export function formatNumber(value: number, language: Language): string {
  return formatter(language, () => new Intl.NumberFormat(LOCALES[language])).format(value);
}

/** A date and time a person reads: `Friday, November 27 at 11:59 PM` / `vendredi 27 novembre à 23:59`. */
export function formatDateTime(epochMs: number, language: Language, timeZone?: string): string {
  try {
    return formatter(
      `${language} date ${timeZone ?? ''}`,
      () =>
        new Intl.DateTimeFormat(LOCALES[language], {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          hour: 'numeric',
          minute: '2-digit',
          timeZone,
          timeZoneName: timeZone ? 'short' : undefined,
        }),
    ).format(epochMs);
  } catch {
    return new Date(epochMs).toISOString();
  }
}

/** A module's own texts: complete in English, French where translated (missing keys fall back to English). */
export interface Catalog<Key extends string> {
  en: Record<Key, string>;
  fr: Partial<Record<Key, string>>;
}

/** The text of `key` from a module's own catalog in `language`, with `{name}` placeholders filled from `values`. */
export function translateFrom<Key extends string>(
  catalog: Catalog<Key>,
  language: Language,
  key: Key,
  values: Record<string, string | number> = {},
): string {
  const template = catalog[language][key] ?? catalog.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
