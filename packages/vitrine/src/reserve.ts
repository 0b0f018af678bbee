/**
 * The reserve rules' chunk of the script-tag build: the loader imports it with the first widget tag
 * it loads, beside that widget's chunk, so a page without widgets never downloads the rules, and a
 * page with one gets them before its widget is defined (this chunk imports nothing new; a widget's
 * chunk waits for the shared chunk). The rules pasted in the page's `<head>` (dist/vitrine.css) apply
 * from the first paint; these are the fallback for a page that has not pasted them.
 *
 * Adopted once per page, also with two copies of the loader (of one build or two): the sheet goes on
 * the loaders' record, which an older copy that adopts at once also reads and writes.
 */
import type { PageKey } from '@vitrine/core/bus';
import { UNDEFINED_CSS } from './reserve-css.js';

// Read as core's pageValue() does, without importing it: this chunk then waits for no other file.
const record = (globalThis as unknown as Record<symbol, { sheet?: CSSStyleSheet } | undefined>)[
  Symbol.for('vitrine.loader' satisfies PageKey)
];
if (record && !record.sheet) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UNDEFINED_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    record.sheet = sheet;
  } catch {
    /* an old browser: widgets still work, the page may move once */
  }
}
