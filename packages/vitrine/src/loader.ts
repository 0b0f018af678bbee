/**
 * The script-tag build's entry (`dist/vitrine.js`): tiny on purpose. It adopts the sheet
 * that reserves in-flow widgets' room, installs `window.vitrine` (the bus at once, the rest of the
 * API in a chunk of its own: window.ts), and imports a widget's chunk only when one of its tags is
 * in the document — now, or later (a MutationObserver, which also sees tags inside markup cloned
 * from a `<template>`). Once every known widget is loaded it stops watching.
 *
 * The script may run more than once on a page (pasted twice, two URLs, two versions) and
 * beside an npm-bundled copy. The copies agree through one record on `globalThis`: the room
 * sheet is adopted once, and a tag is imported by one copy only, or by none when another
 * copy has already defined it.
 */
import { pageSingleton, pageValue } from '@vitrine/core/bus';
import { installApi } from './window.js';
import { UNDEFINED_CSS, WIDGET_CHUNKS } from './widgets.js';

interface LoaderRecord {
  /** Tags some copy of the loader is importing or has imported. */
  claimed: Set<string>;
  /** The room sheet, once adopted by the first copy. */
  sheet?: CSSStyleSheet;
}

const record = pageSingleton<LoaderRecord>(
  'vitrine.loader',
  (record) => record != null,
  () => ({ claimed: new Set() }),
);

/** Tags this copy may still have to import. */
const waiting = new Map(Object.entries(WIDGET_CHUNKS));

const EXPERIMENT = 'vitrine-experiment';
/**
 * What chunks wait for: the `?vitrine-now` preview's clock (every chunk, so nothing runs a moment at
 * the real time nor records anything), then an experiment's decision once one has been seen.
 */
let gate: Promise<unknown> | undefined;

/** The API chunk (api.ts), once here: `window.vitrine.debug()` and `reset()` then answer at once. */
let apiChunk: typeof import('./api.js') | undefined;
/**
 * Fetched at the first call, never for a shopper who calls nothing: with the debug sentences when
 * the page has widgets of this build (they import its shared chunk, which such a page already has).
 */
const loadApi = () =>
  import('./api.js').then(async (chunk) => {
    if (record.claimed.size) await chunk.loadDebugReasons();
    return (apiChunk = chunk);
  });

function load(tag: string): void {
  const importChunk = waiting.get(tag);
  if (!importChunk) return;
  waiting.delete(tag);
  // Defined by an npm-bundled copy, or being loaded by another copy of this script: nothing to fetch.
  if (customElements.get(tag) || record.claimed.has(tag)) return;
  record.claimed.add(tag);
  // Widget chunks wait for an experiment's (when the page has one): its variants must be decided
  // before they connect, or a variant defined first would show its light DOM until then.
  const loading = gate ? gate.then(importChunk, importChunk) : importChunk();
  if (tag === EXPERIMENT) gate = loading;
  // A widget after the API chunk: its debug rows need the sentences too.
  if (apiChunk) loading.then(apiChunk.loadDebugReasons).catch(() => {});
  loading.catch((error: unknown) => {
    // Let a later copy (or a later appearance, through another copy) try again.
    record.claimed.delete(tag);
    console.error(`[vitrine] could not load <${tag}>:`, error);
  });
}

function scan(root: ParentNode): void {
  if (waiting.has(EXPERIMENT) && root.querySelector(EXPERIMENT)) load(EXPERIMENT);
  // Nothing left to wait for (an empty selector would throw).
  if (!waiting.size) return;
  for (const element of root.querySelectorAll([...waiting.keys()].join(','))) load(element.localName);
}

function reserveRoom(): void {
  if (record.sheet) return;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UNDEFINED_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    record.sheet = sheet;
  } catch {
    /* an old browser: widgets still work, the page may move once */
  }
}

reserveRoom();
// Answered at once only when the chunk is here with the sentences this page's widgets need.
installApi(loadApi, () => (record.claimed.size && !pageValue('vitrine.debug.reasons') ? undefined : apiChunk));
// The debug panel and the time-travel preview cost nothing unless asked for: their chunks are
// fetched only with ?vitrine-debug and ?vitrine-now.
if (/[?&]vitrine-now=/.test(location.search)) gate = loadApi().then((chunk) => chunk.previewFromUrl());
scan(document);
// After the scan: the widgets' sentences come with the panel.
if (/[?&]vitrine-debug(?:[=&]|$)/.test(location.search)) loadApi().then((chunk) => chunk.openPanel(), console.error);
if (waiting.size) {
  const observer = new MutationObserver((records) => {
    for (const mutation of records) {
      for (const node of mutation.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        load((node as Element).localName);
        // A subtree added at once (innerHTML, a cloned <template>) reports only its root.
        if ((node as Element).firstElementChild) scan(node as Element);
      }
    }
    if (!waiting.size) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}
