/**
 * Shared helpers of the hardening suite (test/hardening/*.test.ts). Everything runs against the
 * BUILT script-tag bundle (`packages/vitrine/dist/vitrine.js`, built by `npm test` first), loaded
 * the way a merchant loads it (see ../loader/page.ts), in a page of its own per test file.
 */
import { expect } from 'vitest';
import manifest from '../../custom-elements.json';
import { WIDGET_TAGS, type Widget } from '../support/widgets.js';

export { BUNDLE_URL, loadBundle, pageBus, settle, vitrineGlobal } from '../loader/page.js';
export { CHILD_TAGS, VALID, WIDGET_TAGS, widget, type Widget } from '../support/widgets.js';

interface ManifestAttribute {
  name: string;
  type?: { text: string };
  description?: string;
}
interface ManifestDeclaration {
  tagName?: string;
  attributes?: ManifestAttribute[];
  slots?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
}

/** Every custom element of custom-elements.json with its documented attributes and slots. */
export function documentedElements(): Array<{
  tag: string;
  attributes: ManifestAttribute[];
  slots: string[];
}> {
  const modules = (manifest as { modules: Array<{ declarations?: ManifestDeclaration[] }> }).modules;
  return modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration): declaration is ManifestDeclaration & { tagName: string } => !!declaration.tagName)
    .map((declaration) => ({
      tag: declaration.tagName,
      attributes: declaration.attributes ?? [],
      slots: (declaration.slots ?? []).map((slot) => slot.name),
    }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

export interface PageWatch {
  /** Exceptions that reached window.onerror or unhandledrejection. */
  errors: unknown[];
  /** `[vitrine]` console warnings, as printed. */
  warnings: string[];
  /** `[vitrine]` console errors (a widget's render that threw and was caught). */
  consoleErrors: string[];
  stop(): void;
}

/**
 * Records what the page would see from now on: uncaught errors and rejections, and Vitrine's
 * console warnings and errors (kept off the console, so a test run stays readable).
 */
export function watchPage(): PageWatch {
  const watch: PageWatch = { errors: [], warnings: [], consoleErrors: [], stop };
  const onError = (event: ErrorEvent) => watch.errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => watch.errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const { warn, error } = console;
  const text = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' ');
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).startsWith('[vitrine]')) watch.warnings.push(text(args));
    else warn.apply(console, args);
  };
  console.error = (...args: unknown[]) => {
    if (String(args[0]).startsWith('[vitrine]')) watch.consoleErrors.push(text(args));
    else error.apply(console, args);
  };
  function stop() {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = warn;
    console.error = error;
  }
  return watch;
}

/** Waits until `element` is defined and has rendered. */
export async function defined(element: Element, timeout = 5_000): Promise<void> {
  await expect.poll(() => element.matches(':defined'), { timeout }).toBe(true);
  await (element as Widget).updateComplete;
}

/** Waits for every tag of `tags` to be defined (their chunks loaded). */
export async function tagsDefined(tags: readonly string[], timeout = 10_000): Promise<void> {
  await Promise.all(
    tags.map((tag) =>
      Promise.race([
        customElements.whenDefined(tag),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${tag} never defined`)), timeout)),
      ]),
    ),
  );
}

/** Two animation frames: what a render, its observers and its layout have settled after. */
export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * What the shopper can read or hear in a widget: its shadow root's text (without styles) and its
 * accessible attributes (aria-*, title, alt, value, placeholder), slotted content excluded.
 */
export function shownText(element: Element): string {
  const root = element.shadowRoot;
  if (!root) return '';
  const parts: string[] = [];
  // Node types and names rather than instanceof: the element may come from another frame.
  const walk = (node: Node) => {
    if (node.nodeName === 'STYLE') return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      for (const attribute of element.attributes) {
        if (/^(aria-|title$|alt$|value$|placeholder$)/.test(attribute.name)) parts.push(attribute.value);
      }
      if (element.localName === 'input') parts.push((element as HTMLInputElement).value);
      for (const child of element.childNodes) walk(child);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  for (const child of root.childNodes) walk(child);
  return parts.join(' ');
}

/** Words that betray a value a widget failed to compute, shown to a shopper. */
export const NONSENSE = /\b(NaN|undefined|null|Infinity|\[object \w+\]|Invalid Date)\b/;

/** The hardening server (test/hardening/server.ts) for one scope. */
export function endpoints(scope: string) {
  const base = `/__hardening/${scope}/`;
  return {
    base,
    url: (path: string) => base + path,
    script: (
      answers: Array<{
        status?: number;
        body?: string;
        delay?: number;
        hold?: boolean;
        headers?: Record<string, string>;
      }>,
    ) => realFetch(base + 'script', { method: 'POST', body: JSON.stringify(answers) }),
    log: async () =>
      (await (await realFetch(base + 'log')).json()) as Array<{
        method: string;
        path: string;
        key: string | null;
        body: string;
        /** The status answered, once answered. */
        status?: number;
      }>,
    release: () => realFetch(base + 'release', { method: 'POST' }),
    reset: () => realFetch(base + 'reset', { method: 'POST' }),
  };
}

/** The page's fetch before any test or widget wraps it. */
const nativeFetch = window.fetch.bind(window);
function realFetch(input: string, init?: RequestInit) {
  return nativeFetch(input, { cache: 'no-store', ...init });
}

/** What test/hardening/pages/probe.js recorded in a page. */
export interface PageReport {
  errors: string[];
  violations: string[];
  warnings: string[];
  consoleErrors: string[];
}

export interface OpenedPage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis & { __report: PageReport };
  document: Document;
  report(): PageReport;
  close(): void;
}

/** Opens `url` (a page of test/hardening/pages through the hardening server) in a same-origin iframe. */
export async function openPage(url: string, width = 1024, height = 768, freshVisitor = true): Promise<OpenedPage> {
  // A fresh visitor: the pages share this origin's storage with the earlier pages.
  if (freshVisitor) {
    localStorage.clear();
    sessionStorage.clear();
  }
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  frame.src = url;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as OpenedPage['window'];
  return {
    frame,
    window: win,
    document: frame.contentDocument!,
    report: () => win.__report,
    close: () => frame.remove(),
  };
}

/** Waits until the page's copy of Vitrine has defined `tags` and rendered every widget of those tags. */
export async function pageWidgetsReady(page: OpenedPage, tags: readonly string[] = WIDGET_TAGS): Promise<Widget[]> {
  // A plain loop rather than expect.poll, which beforeAll may not use.
  for (const started = Date.now(); !tags.every((tag) => page.window.customElements.get(tag));) {
    if (Date.now() - started > 20_000) throw new Error(`not all of ${tags.join(', ')} were defined in the page`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const widgets = tags.flatMap((tag) => [...page.document.querySelectorAll<Widget>(tag)]);
  await Promise.all(widgets.map((element) => element.updateComplete));
  return widgets;
}

/** Live resources Vitrine holds, counted through instrumented globals (see instrumentGlobals). */
export interface LiveCounts {
  timeouts: number;
  intervals: number;
  listeners: number;
  observed: number;
}

/**
 * Wraps the page's timers, window/document listeners and observers BEFORE the bundle loads, and
 * counts what is live among the calls made from Vitrine's code (a stack frame under /packages/):
 * timers set and not yet fired or cleared, listeners added and not removed, targets observed and
 * not unobserved or disconnected.
 */
export function instrumentGlobals(): { counts(): LiveCounts; restore(): void } {
  const fromVitrine = () => /\/packages\//.test(new Error().stack?.split('\n').slice(3).join('\n') ?? '');
  const timeouts = new Set<unknown>();
  const intervals = new Set<unknown>();
  const listeners = new Map<string, number>();
  const observed = new Map<object, Set<Element>>();
  const listenerIds = new WeakMap<object, number>();
  let nextId = 0;
  const restores: Array<() => void> = [];
  const replace = <T extends object, K extends keyof T>(target: T, key: K, make: (original: T[K]) => T[K]) => {
    const original = target[key];
    target[key] = make(original);
    restores.push(() => (target[key] = original));
  };

  replace(
    window,
    'setTimeout',
    (original) =>
      ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
        if (!fromVitrine() || typeof handler !== 'function') return original(handler, delay, ...rest);
        const id = original(
          (...args: unknown[]) => {
            timeouts.delete(id);
            (handler as (...a: unknown[]) => void)(...args);
          },
          delay,
          ...rest,
        );
        timeouts.add(id);
        return id;
      }) as typeof setTimeout,
  );
  replace(
    window,
    'setInterval',
    (original) =>
      ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
        const id = original(handler, delay, ...rest);
        if (fromVitrine()) intervals.add(id);
        return id;
      }) as typeof setInterval,
  );
  replace(
    window,
    'clearTimeout',
    (original) =>
      ((id?: number) => {
        timeouts.delete(id);
        intervals.delete(id);
        original(id);
      }) as typeof clearTimeout,
  );
  replace(
    window,
    'clearInterval',
    (original) =>
      ((id?: number) => {
        timeouts.delete(id);
        intervals.delete(id);
        original(id);
      }) as typeof clearInterval,
  );

  const key = (target: object, type: string, listener: unknown, options: unknown) => {
    if (!listener || (typeof listener !== 'function' && typeof listener !== 'object')) return null;
    let id = listenerIds.get(listener);
    if (id === undefined) listenerIds.set(listener, (id = nextId++));
    const capture = typeof options === 'boolean' ? options : !!(options as { capture?: boolean } | undefined)?.capture;
    return `${target === window ? 'window' : 'document'}|${type}|${id}|${capture}`;
  };
  for (const target of [window, document] as EventTarget[]) {
    // The originals, called back with their own `this` below.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { addEventListener: add, removeEventListener: remove } = target;
    target.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      const id = key(target, type, listener, options);
      const once = typeof options === 'object' && !!(options as { once?: boolean } | null)?.once;
      const signal = typeof options === 'object' ? (options as { signal?: AbortSignal } | null)?.signal : undefined;
      if (id && fromVitrine() && !once && !signal?.aborted && !listeners.has(id)) {
        listeners.set(id, 1);
        signal?.addEventListener('abort', () => listeners.delete(id));
      }
      return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
    };
    target.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      const id = key(target, type, listener, options);
      if (id) listeners.delete(id);
      return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
    };
    restores.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
  }

  for (const name of ['IntersectionObserver', 'MutationObserver', 'ResizeObserver'] as const) {
    const proto = window[name].prototype as {
      observe(this: object, target: Element, options?: unknown): void;
      unobserve?(this: object, target: Element): void;
      disconnect(this: object): void;
    };
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the originals, called back with their own `this`
    const { observe, unobserve, disconnect } = proto;
    proto.observe = function (target: Element, options?: unknown) {
      if (fromVitrine()) {
        let targets = observed.get(this);
        if (!targets) observed.set(this, (targets = new Set()));
        targets.add(target);
      }
      return observe.call(this, target, options);
    };
    if (unobserve)
      proto.unobserve = function (target: Element) {
        observed.get(this)?.delete(target);
        return unobserve.call(this, target);
      };
    proto.disconnect = function () {
      observed.delete(this);
      return disconnect.call(this);
    };
    restores.push(() => Object.assign(proto, { observe, unobserve, disconnect }));
  }

  return {
    counts: () => ({
      timeouts: timeouts.size,
      intervals: intervals.size,
      listeners: listeners.size,
      observed: [...observed.values()].reduce((sum, targets) => sum + targets.size, 0),
    }),
    restore: () => {
      for (const restore of restores.reverse()) restore();
    },
  };
}
