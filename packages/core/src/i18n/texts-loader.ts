/**
 * Every text beyond a widget's own English and French: the ten other languages' texts (texts/de.ts …,
 * whose chunk i18n/index.ts fetches beside this one), their plural forms, and the merchant's overrides.
 * A chunk of its own, which i18n/index.ts fetches only for a widget in another language or on a page
 * with overrides: an English or French page without overrides never downloads it.
 */
import { pageValue } from '../bus.js';
import type { Catalog, Language, LanguagePack } from './languages.js';

/** What fetches one language's chunk (texts/de.ts …): the shared chunk's import() of it. */
export type PackChunk = () => Promise<{ default: LanguagePack }>;

/** Each language's texts once here, or the promise of them while its chunk is on its way. */
const packs: Partial<Record<Language, LanguagePack | Promise<unknown>>> = {};

type OverrideText = (catalog: Catalog<string>, language: Language, key: string) => string | undefined;
/** The merchant's wording, once overrides.ts has arrived. */
let overrideText: OverrideText | undefined;
let overridesLoading: Promise<unknown> | undefined;

/**
 * Undefined when every text `language` needs is here, else a promise that settles once they are:
 * the language's chunk (`pack`, none for en and fr), and the merchant's overrides when the page has
 * any (`first`: before the widget's first render). The shared chunk has usually started that
 * import() already, beside this chunk's: the browser then answers this one from the same fetch. A
 * chunk that fails (offline) leaves English, which is better than nothing.
 */
export function ready(language: Language, first: boolean, pack?: PackChunk): Promise<unknown> | undefined {
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
