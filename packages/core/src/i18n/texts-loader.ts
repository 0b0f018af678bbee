/**
 * Every text beyond a widget's own English and French: the ten other languages' texts (texts/de.ts …),
 * their plural forms, and the merchant's overrides. Imports nothing, so that it can travel inside
 * the chunk a page fetches anyway: in the script-tag builds every language's chunk and the overrides'
 * chunk carry a copy of it (vite.config.ts), and a German page fetches one file, `texts-de`, not
 * two. i18n/index.ts keeps the first copy that arrives and asks only it: its state is the page's.
 */
import type { Catalog, Language, LanguagePack } from './languages.js';

/** What fetches one language's chunk (texts/de.ts …): its texts, with a copy of this module. */
export type PackChunk = () => Promise<{ default: LanguagePack } & TextsLoader>;
/** The merchant's text of a key (overrides.ts), or undefined. */
type OverrideText = (catalog: Catalog<string>, language: Language, key: string) => string | undefined;
/** What fetches the overrides' chunk (overrides.ts), with a copy of this module. */
export type OverridesChunk = () => Promise<{ overrideText: OverrideText } & TextsLoader>;
export interface TextsLoader {
  ready: typeof ready;
  text: typeof text;
  form: typeof form;
}

/** Each language's texts once here, or the promise of them while its chunk is on its way. */
const packs: Partial<Record<Language, LanguagePack | Promise<unknown>>> = {};

/** The merchant's wording, once overrides.ts has arrived. */
let overrideText: OverrideText | undefined;
let overridesLoading: Promise<unknown> | undefined;

/**
 * Undefined when every text `language` needs is here, else a promise that settles once they are:
 * the language's chunk (`pack`, none for en and fr), and the merchant's overrides (`overrides`, given
 * when the page has any). Either chunk may be the one this copy came in: the browser answers its
 * import() from what it has. A chunk that fails (offline) leaves English, which is better than nothing.
 */
export function ready(language: Language, pack?: PackChunk, overrides?: OverridesChunk): Promise<unknown> | undefined {
  const waits = [
    pack &&
      (packs[language] ??= pack().then(
        (chunk) => (packs[language] = chunk.default),
        () => (packs[language] = {}),
      )),
    !overrideText &&
      overrides &&
      (overridesLoading ??= overrides().then(
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
