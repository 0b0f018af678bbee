/**
 * The language of an element, each module's own texts, and Intl formatting in that language.
 *
 * There is no central table of English and French: every widget ships them in a small catalog
 * next to its code, so a page downloads no text it never shows. The ten other languages come in
 * one small chunk per language (texts/de.ts …), holding every widget's texts in that language:
 * a German page fetches texts/de.js once, whatever its widgets, and an English or French page
 * never fetches one. A widget waits for that chunk before its first render (VitrineElement's
 * scheduleUpdate) rather than showing English and then swapping, which would flash and move.
 *
 * The merchant's own wording (a `<script type="application/json" data-vitrine-texts>` block, or
 * `vitrine.texts({…})`) is read by overrides.ts, a chunk fetched only on a page that has some.
 */
import { pageValue } from '../bus.js';
import { LANGUAGES, type Catalog, type Language, type LanguagePack } from './languages.js';

export { LANGUAGES, placeholdersOf } from './languages.js';
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
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  key: string,
  build: () => T,
): T {
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

/** The chunk of each language that is not in the widgets' own code. */
const PACKS: Partial<Record<Language, () => Promise<{ default: LanguagePack }>>> = {
  de: () => import('./texts/de.js'),
  es: () => import('./texts/es.js'),
  it: () => import('./texts/it.js'),
  nl: () => import('./texts/nl.js'),
  pt: () => import('./texts/pt.js'),
  pl: () => import('./texts/pl.js'),
  sv: () => import('./texts/sv.js'),
  da: () => import('./texts/da.js'),
  ar: () => import('./texts/ar.js'),
  he: () => import('./texts/he.js'),
};
/** Each language's texts once here, or the promise of them while its chunk is on its way. */
const packs: Partial<Record<Language, LanguagePack | Promise<unknown>>> = {};

type OverrideText = (catalog: Catalog<string>, language: Language, key: string) => string | undefined;
/** The merchant's wording, once overrides.ts has arrived. */
let overrideText: OverrideText | undefined;
let overridesLoading: Promise<unknown> | undefined;

/**
 * Undefined when every text `language` needs is here (always for en and fr without overrides),
 * else a promise that settles once they are: the language's chunk, and the merchant's overrides
 * when the page has any (`first`: before the widget's first render). A chunk that fails (offline) leaves English, which is better than nothing.
 */
export function textsReady(language: Language, first: boolean): Promise<unknown> | undefined {
  const pack = PACKS[language];
  const waits = [
    pack &&
      (packs[language] ??= pack().then(
        (chunk) => (packs[language] = chunk.default),
        () => (packs[language] = {}),
      )),
    // A block is looked for before a widget's first render only (a countdown renders every second).
    !overrideText &&
      ((first && document.querySelector('script[data-vitrine-texts]')) ||
        pageValue<unknown[]>('vitrine.texts')?.length) &&
      (overridesLoading ??= import('./overrides.js').then(
        (chunk) => (overrideText = chunk.overrideText),
        () => (overrideText = () => undefined),
      )),
  ].filter((wait) => wait instanceof Promise);
  return waits.length ? Promise.all(waits) : undefined;
}

/** The text of `key` in `language`: the merchant's, else the built-in one, else English; undefined when none has it. */
function textOf<Key extends string>(catalog: Catalog<Key>, language: Language, key: string): string | undefined {
  return (
    overrideText?.(catalog, language, key) ??
    (language === 'en' || language === 'fr'
      ? catalog[language][key as Key]
      : (packs[language] as LanguagePack | undefined)?.[catalog.scope]?.[key]) ??
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
 * The plural form of `base` for `count` in `language` (Intl.PluralRules: one, two, few, many, zero,
 * other): `daysFew` in Polish for 3, `pointsTwo` in Arabic for 2, falling back to `…Other`.
 */
export function translatePlural<Key extends string>(
  catalog: Catalog<Key>,
  language: Language,
  base: PluralBase<Key>,
  count: number,
  values: Record<string, string | number> = {},
): string {
  const category = formatter(`${language} plural`, () => new Intl.PluralRules(localeOf(language))).select(count);
  const text =
    textOf(catalog, language, `${base}${category[0].toUpperCase()}${category.slice(1)}`) ??
    textOf(catalog, language, `${base}Other`)!;
  return fill(text, values);
}
