/**
 * Every text beyond a widget's own English and French: the ten other languages' chunks (texts/de.ts …),
 * their plural forms, and the merchant's overrides. A chunk of its own, which i18n/index.ts fetches
 * only for a widget in another language or on a page with overrides: an English or French page
 * without overrides never downloads it, nor the names of the ten language chunks it holds.
 */
import { pageValue } from '../bus.js';
import type { Catalog, Language, LanguagePack } from './languages.js';

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
 * Undefined when every text `language` needs is here, else a promise that settles once they are:
 * the language's chunk, and the merchant's overrides when the page has any (`first`: before the
 * widget's first render). A chunk that fails (offline) leaves English, which is better than nothing.
 */
export function ready(language: Language, first: boolean): Promise<unknown> | undefined {
  const pack = PACKS[language];
  const waits = [
    pack &&
      (packs[language] ??= pack().then(
        (chunk) => (packs[language] = chunk.default),
        () => (packs[language] = {}),
      )),
    // A block is looked for before a widget's first render only (a countdown renders every second).
    !overrideText &&
      ((first && document.querySelector('script[data-vitrine-texts]')) || pageValue('vitrine.texts')) &&
      (overridesLoading ??= import('./overrides.js').then(
        (chunk) => (overrideText = chunk.overrideText),
        () => (overrideText = () => undefined),
      )),
  ].filter((wait) => wait instanceof Promise);
  return waits.length ? Promise.all(waits) : undefined;
}

/** The merchant's text of `key`, else the language chunk's; undefined when neither has one. */
export function text(catalog: Catalog<string>, language: Language, key: string): string | undefined {
  return (
    overrideText?.(catalog, language, key) ?? (packs[language] as LanguagePack | undefined)?.[catalog.scope]?.[key]
  );
}

const rules = new Map<Language, Intl.PluralRules>();
/**
 * The ending of the plural key for `count` in `language` (Intl.PluralRules: `One`, `Two`, `Few`,
 * `Many`, `Zero`, `Other`): `daysFew` in Polish for 3, `pointsTwo` in Arabic for 2. Here rather than
 * in the shared chunk, which knows only English's and French's two forms.
 */
export function form(language: Language, count: number): string {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  const category = rule.select(count);
  return `${category[0].toUpperCase()}${category.slice(1)}`;
}
