/**
 * texts-chunks.ts in the script-tag builds (dist/ and dist/shopify/), which put this module in its
 * place (vite.config.ts): a language chunk's address computed beside the shared chunk that imports
 * it (`./texts-de-<hash>.js`, `./vitrine-texts-de-<hash>.js` on Shopify; the ten share one hash),
 * rather than ten import()s to name ten files. vite.config.ts defines the two parts around the
 * language and emits the ten chunks under those names, since no import() names them.
 */
import type { Language } from './languages.js';
import type { PackChunk } from './texts-loader.js';

declare const __VITRINE_TEXTS_BEFORE__: string;
declare const __VITRINE_TEXTS_AFTER__: string;

/** The import() of `language`'s chunk; none for en and fr, whose texts are in the widgets' code. */
export function textsChunk(language: Language): PackChunk | undefined {
  // A name, not a template in import(): Vite would read a template as a pattern of files to find.
  const address = `${__VITRINE_TEXTS_BEFORE__}${language}${__VITRINE_TEXTS_AFTER__}`;
  return language === 'en' || language === 'fr' ? undefined : () => import(address);
}
