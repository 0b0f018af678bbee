/**
 * Which chunk holds a language's texts (texts/de.ts …), for the shared chunk (index.ts) to fetch
 * beside texts-loader.ts: the ten import()s a bundler follows, in the npm packages and the tests
 * from source. The script-tag builds put texts-address.ts in its place (vite.config.ts), which
 * computes the address instead: about 50 B less on every page there.
 */
import type { Language } from './languages.js';
import type { PackChunk } from './texts-loader.js';

const PACKS: Partial<Record<Language, PackChunk>> = {
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

/** The import() of `language`'s chunk; none for en and fr, whose texts are in the widgets' code. */
export const textsChunk = (language: Language): PackChunk | undefined => PACKS[language];
