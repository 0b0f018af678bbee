/**
 * The merchant's own wording for any built-in text, without code (README, "Changing a text"):
 *
 *   <script type="application/json" data-vitrine-texts>
 *     { "wheel": { "none": "Come back tomorrow" }, "de": { "wheel": { "none": "Morgen wieder" } } }
 *   </script>
 *
 * or `vitrine.texts({ … })` (the same object) from the page's code. A widget's key (`wheel`) holds
 * texts for every language; a language's key (`de`) holds texts for that language only, and wins.
 * An override must keep the placeholders of the text it replaces (`{remaining}`): one without is
 * ignored with one warning, and the built-in text stays.
 *
 * A chunk of its own, fetched only on a page that has overrides, with the code that reads every text
 * beyond a widget's own English and French (texts-loader.ts, re-exported: in the script-tag builds a
 * copy of it travels here, so that a French page with overrides fetches one chunk).
 */
import { pageValue } from '../bus.js';
import { LANGUAGES, type Catalog, type Language, type TextScope } from './languages.js';
import { placeholdersOf } from './placeholders.js';

export { ready, text, form } from './texts-loader.js';

const SCOPES: readonly TextScope[] = [
  'countdown',
  'sticky-bar',
  'exit-popup',
  'wheel',
  'shipping-progress',
  'loyalty-badge',
  'lead-form',
  'coupon',
  'popup',
];
/** The texts of a widget's key, for every language. */
const EVERY = '*';
const PLURAL_FORM = /(Zero|One|Two|Few|Many)$/;

const warned = new Set<string>();
function warn(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[vitrine] texts: ${message}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The page's scripts, a live list: the blocks are read again only when their number changes. */
const scripts = document.getElementsByTagName('script');
let scriptCount = -1;
let blocks: unknown[] = [];
function readBlocks(): unknown[] {
  return [...document.querySelectorAll('script[data-vitrine-texts]')].flatMap((script) => {
    try {
      return [JSON.parse(script.textContent ?? '') as unknown];
    } catch {
      warn('ignored a <script data-vitrine-texts> block: expected JSON');
      return [];
    }
  });
}

/** `de wheel none` → the merchant's text, and the sources it was merged from (merged again when they change). */
let merged = new Map<string, string>();
let mergedFrom: unknown[] = [];
/** Scopes whose keys were checked against their catalog since the last merge. */
const checked = new Set<string>();

function addScopes(map: Map<string, string>, language: string, scopes: Record<string, unknown>, prefix: string): void {
  for (const [scope, texts] of Object.entries(scopes)) {
    if (!(SCOPES as readonly string[]).includes(scope) || !isObject(texts)) {
      warn(
        `ignored "${prefix}${scope}": expected a language (${LANGUAGES.join(', ')}) or a widget's texts (${SCOPES.join(', ')}) as an object`,
      );
      continue;
    }
    for (const [key, text] of Object.entries(texts)) {
      if (typeof text === 'string') map.set(`${language} ${scope} ${key}`, text);
      else warn(`ignored ${prefix}${scope}.${key}: expected a text`);
    }
  }
}

function merge(sources: unknown[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const source of sources) {
    if (!isObject(source)) {
      warn(`ignored ${JSON.stringify(source)}: expected an object of texts`);
      continue;
    }
    const every: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(source)) {
      // `de`, and also `de-AT` or `pt-BR` as a shop's language may be written.
      const language = name.toLowerCase().split(/[-_]/)[0];
      if ((LANGUAGES as readonly string[]).includes(language) && isObject(value))
        addScopes(map, language, value, `${name}.`);
      else every[name] = value;
    }
    addScopes(map, EVERY, every, '');
  }
  return map;
}

/** Warns once for each overridden key the catalog does not have (a typo would otherwise change nothing, silently). */
function checkKeys(catalog: Catalog<string>): void {
  if (checked.has(catalog.scope)) return;
  checked.add(catalog.scope);
  const known = Object.keys(catalog.en);
  for (const entry of merged.keys()) {
    const [language, scope, key] = entry.split(' ');
    if (scope !== catalog.scope || known.includes(key) || known.includes(key.replace(PLURAL_FORM, 'Other'))) continue;
    warn(`ignored ${language === EVERY ? '' : `${language}.`}${scope}.${key}: expected one of ${known.join(', ')}`);
  }
}

/** The merchant's text for `key` of `catalog` in `language`, or undefined (none, or one that lost a placeholder). */
export function overrideText(catalog: Catalog<string>, language: Language, key: string): string | undefined {
  if (scripts.length !== scriptCount) {
    scriptCount = scripts.length;
    blocks = readBlocks();
  }
  const sources = [...blocks, ...(pageValue<unknown[]>('vitrine.texts') ?? [])];
  if (sources.length !== mergedFrom.length || sources.some((source, index) => source !== mergedFrom[index])) {
    merged = merge(sources);
    mergedFrom = sources;
    checked.clear();
  }
  checkKeys(catalog);
  for (const where of [language, EVERY]) {
    const text = merged.get(`${where} ${catalog.scope} ${key}`);
    if (text === undefined) continue;
    const english = catalog.en[key] ?? catalog.en[key.replace(PLURAL_FORM, 'Other')] ?? '';
    const kept = placeholdersOf(text);
    const missing = placeholdersOf(english).filter((name) => !kept.includes(name));
    if (!missing.length) return text;
    warn(
      `ignored ${where === EVERY ? '' : `${where}.`}${catalog.scope}.${key}="${text}": expected the placeholder${missing.length > 1 ? 's' : ''} ${missing.map((name) => `{${name}}`).join(', ')}`,
    );
  }
  return undefined;
}
