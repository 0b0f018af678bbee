/**
 * The languages Vitrine speaks, alone in a module: the shared chunk (index.ts), texts-loader.ts and
 * the merchant's overrides (overrides.ts; both chunks of their own) need the list or its types, and
 * none of them may import another that imports it back.
 */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'ar', 'he'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Whose texts a catalog holds: its name in the language chunks (texts/de.ts …) and in the
 * merchant's overrides (`{ "wheel": { "none": "…" } }`). Core's shared parts have their own.
 */
export type TextScope =
  | 'countdown'
  | 'sticky-bar'
  | 'exit-popup'
  | 'wheel'
  | 'shipping-progress'
  | 'loyalty-badge'
  | 'lead-form'
  | 'coupon'
  | 'popup';

/** One language's texts for every scope: what a language chunk (texts/de.ts …) exports. */
export type LanguagePack = Partial<Record<TextScope, Record<string, string>>>;

/** A module's own texts: complete in English, French where translated (missing keys fall back to English). */
export interface Catalog<Key extends string> {
  scope: TextScope;
  en: Record<Key, string>;
  fr: Partial<Record<Key, string>>;
}
