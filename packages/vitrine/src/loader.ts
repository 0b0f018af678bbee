/**
 * The script-tag build's entry (`dist/vitrine.js`): tiny on purpose. It adopts the sheet
 * that reserves in-flow widgets' room, installs `window.vitrine`, and imports a widget's
 * chunk only when one of its tags is in the document — now, or later (a MutationObserver,
 * which also sees tags inside markup cloned from a `<template>`). Once every known widget is
 * loaded it stops watching.
 */
import { installApi } from './api.js';
import { UNDEFINED_CSS, WIDGET_CHUNKS } from './widgets.js';

const waiting = new Map(Object.entries(WIDGET_CHUNKS));

function load(tag: string): void {
  const importChunk = waiting.get(tag);
  if (!importChunk) return;
  waiting.delete(tag);
  importChunk().catch((error: unknown) => console.error(`[vitrine] could not load <${tag}>:`, error));
}

function scan(root: ParentNode): void {
  if (!waiting.size) return;
  for (const element of root.querySelectorAll([...waiting.keys()].join(','))) load(element.localName);
}

function reserveRoom(): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UNDEFINED_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    /* an old browser: widgets still work, the page may move once */
  }
}

reserveRoom();
installApi();
scan(document);
if (waiting.size) {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        load((node as Element).localName);
        if ((node as Element).firstElementChild) scan(node as Element);
      }
    }
    if (!waiting.size) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}
