/**
 * The language of an element, each module's own texts, and Intl formatting in that language.
 *
 * There is no central table of English and French: every widget ships them in a small catalog
 * next to its code, so a page downloads no text it never shows. The ten other languages come in
 * one small chunk per language (texts/de.ts …), holding every widget's texts in that language.
 * What only those languages and the merchant's own wording need (waiting for them, plural forms
 * beyond English's and French's, reading the overrides) is texts-loader.ts, which travels inside
 * each language's chunk and the overrides' chunk: a widget in another language fetches one file,
 * and an English or French page downloads none of it, only the ten chunks' names. A
 * widget waits for those chunks before its first render (VitrineElement's scheduleUpdate) rather
 * than showing English and then swapping, which would flash and move.
 */
import { pageValue } from '../bus.js';
import { LANGUAGES, type Catalog, type Language } from './languages.js';
import { textsChunk } from './texts-chunks.js';
import type { OverridesChunk, TextsLoader } from './texts-loader.js';

export { LANGUAGES } from './languages.js';
export type { Catalog, Language, LanguagePack, TextScope } from './languages.js';

/** `pt-BR` → `pt`, `fr-CA` → `fr`; anything that does not ship → `en` (quietly: a shop in any language is normal). */
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

/** `rtl` for Arabic and Hebrew, else `ltr`: the direction a widget in `language` reads in. */
export const textDirection = (language: Language): 'ltr' | 'rtl' =>
  language === 'ar' || language === 'he' ? 'rtl' : 'ltr';

/**
 * The Intl locale of a language. Arabic with Latin digits: the countdown's digits are Latin, and
 * so are prices on most Arabic-language shops. The others' bare code is their main country's
 * conventions (`fr`: France's; `pt`: Brazil's, the larger Shopify market).
 */
const localeOf = (language: Language): string => (language === 'ar' ? 'ar-u-nu-latn' : language);

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
      () => new Intl.NumberFormat(localeOf(language), { style: 'currency', currency }),
    ).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** A plain number in the widget's language (`1 500` in fr, `1,500` in en). */
export function formatNumber(value: number, language: Language): string {
  return formatter(language, () => new Intl.NumberFormat(localeOf(language))).format(value);
}

/** A date and time a person reads: `Friday, November 27 at 11:59 PM` / `vendredi 27 novembre à 23:59`. */
export function formatDateTime(epochMs: number, language: Language, timeZone?: string): string {
  try {
    return formatter(
      `${language} date ${timeZone ?? ''}`,
      () =>
        new Intl.DateTimeFormat(localeOf(language), {
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

/** The reader of every other text (texts-loader.ts), from the first language or overrides chunk that arrived. */
let loader: TextsLoader | undefined;
/** The overrides' chunk, which carries a reader too. */
const overridesChunk: OverridesChunk = () => import('./overrides.js');

/**
 * Undefined when every text `language` needs is here (always for en and fr without overrides),
 * else a promise that settles once they are (`first`: before the widget's first render). A widget
 * in another language fetches one chunk, its language's, which brings the reader with it; a page
 * with the merchant's texts fetches the overrides' chunk, which brings it too. An English or French
 * page carries no more than this test and the chunks' names.
 */
export function textsReady(language: Language, first: boolean): Promise<unknown> | undefined {
  const pack = textsChunk(language);
  // A block is looked for before a widget's first render only (a countdown renders every second).
  const overrides =
    (first && document.querySelector('script[data-vitrine-texts]')) || pageValue('vitrine.texts')
      ? overridesChunk
      : undefined;
  if (loader) return loader.ready(language, pack, overrides);
  // A chunk that fails (offline) leaves English, which is better than nothing: the widget still renders.
  return (pack ?? overrides)?.().then(
    (chunk) => (loader ??= chunk).ready(language, pack, overrides),
    () => undefined,
  );
}

/** The text of `key` in `language`: the merchant's, else the built-in one, else English; undefined when none has it. */
function textOf<Key extends string>(catalog: Catalog<Key>, language: Language, key: string): string | undefined {
  return (
    loader?.text(catalog, language, key) ??
    (catalog as unknown as Partial<Record<Language, Record<string, string>>>)[language]?.[key] ??
    catalog.en[key as Key]
  );
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** The text of `key` from a module's own catalog in `language`, with `{name}` placeholders filled from `values`. */
export function translateFrom<Key extends string>(
  catalog: Catalog<Key>,
  language: Language,
  key: Key,
  values: Record<string, string | number> = {},
): string {
  return fill(textOf(catalog, language, key)!, values);
}

/** `days` for a catalog with `daysOne` and `daysOther` (and, in some languages, `daysFew`, `daysMany` …). */
export type PluralBase<Key extends string> = Key extends `${infer Base}Other` ? Base : never;

/**
 * The plural form of `base` for `count` in `language`: `daysOne` or `daysOther` in English and French
 * (their one form: 1 in English, below 2 in French, as Intl.PluralRules says for the counts widgets
 * show); in the other languages, or once a reader (texts-loader.ts) is here, the form Intl.PluralRules names
 * (`daysFew` in Polish for 3, `pointsTwo` in Arabic for 2), falling back to `…Other`.
 */
export function translatePlural<Key extends string>(
  catalog: Catalog<Key>,
  language: Language,
  base: PluralBase<Key>,
  count: number,
  values: Record<string, string | number> = {},
): string {
  const form = loader
    ? loader.form(language, count)
    : count === 1 || (language === 'fr' && count < 2)
      ? 'One'
      : 'Other';
  return fill(textOf(catalog, language, base + form) ?? textOf(catalog, language, `${base}Other`)!, values);
}
