/**
 * Helpers for the loader tests (test/loader/*.test.ts). They test the BUILT script-tag bundle
 * (`npm test` builds it first), loaded the way a merchant loads it: a `<script type="module">`
 * element. The Vite server of the tests serves the repository root, so the bundle is at
 * `/packages/vitrine/dist/vitrine.js`.
 *
 * Modules are cached per URL and per page, and each test file runs in its own page (iframe):
 * a scenario that needs a fresh page (nothing loaded yet) gets its own file.
 */
import { afterEach, expect } from 'vitest';
import type { Bus, Topic, Topics } from '@vitrine/core/bus';

export const BUNDLE_URL = '/packages/vitrine/dist/vitrine.js';
const DIST = '/packages/vitrine/dist/';

/** window.vitrine as the tests see it: the API once loaded, or a queue before. */
export interface VitrineGlobal {
  publish<T extends Topic>(topic: T, payload: Topics[T]): void;
  subscribe<T extends Topic>(topic: T, handler: (payload: Topics[T]) => void): () => void;
  last<T extends Topic>(topic: T): Topics[T] | undefined;
  push(...commands: unknown[][]): unknown;
  debug(): unknown;
}

export const vitrineGlobal = () => (globalThis as unknown as { vitrine?: VitrineGlobal }).vitrine;
export const pageBus = () => (globalThis as unknown as Record<symbol, Bus | undefined>)[Symbol.for('vitrine.bus')];

// The page loads ~100 modules of its own before a test runs; the default buffer (250) may drop ours.
performance.setResourceTimingBufferSize(10_000);

/**
 * Appends `<script type="module" src=…>` like a merchant's page and resolves once it has run; `url`:
 * the loader's, e.g. `/__hardening/dist/vitrine.js` (test/hardening/server.ts) to hold a file.
 */
export function loadBundle(query = '', url = BUNDLE_URL): Promise<void> {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = url + query;
  const loaded = new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`could not load ${script.src}`)), { once: true });
  });
  document.head.append(script);
  return loaded;
}

/**
 * The files of the bundle this page has fetched, with the content hash dropped and in fetch
 * order: `vitrine.js`, `chunks/bus`, `chunks/shared`, `chunks/countdown`. Source maps are
 * not fetched by the page itself. `dist`: the folder the bundle was loaded from.
 */
export function bundleRequests(dist = DIST): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(dist))
    .map((path) => path.slice(dist.length).replace(/-[\w-]{6,8}\.js$/, ''));
}

/** Waits for the network to be quiet: long enough for a chunk the loader wrongly asked for to arrive. */
export async function settle(ms = 300): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Waits until `element` is defined and rendered, then returns the digits it shows. */
export async function renderedDigits(element: Element): Promise<string[]> {
  await expect.poll(() => element.matches(':defined'), { timeout: 5_000 }).toBe(true);
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  const digits = () =>
    [...(element.shadowRoot?.querySelectorAll('[part~="value"]') ?? [])].map((value) => value.textContent ?? '');
  await expect.poll(() => digits().length).toBeGreaterThan(0);
  return digits();
}

/** Records `error` and `unhandledrejection` on window from now on. */
export function recordPageErrors(): unknown[] {
  const errors: unknown[] = [];
  window.addEventListener('error', (event) => errors.push(event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => errors.push(event.reason));
  return errors;
}

/**
 * The page-error check every loader file shares: errors that reach the page are recorded from the
 * file's start (its beforeAll included) and each test fails if any came. Not test/support/fixture.ts:
 * that one imports core from source, and these pages load nothing but the bundle (an npm copy
 * only where a test imports it). Returns the list, for a test that looks at it itself.
 */
export function usePageErrors(): unknown[] {
  const errors = recordPageErrors();
  afterEach(() => expect(errors).toEqual([]));
  return errors;
}

/** A countdown far in the future, as a merchant writes it. */
export function countdownElement(attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement('vitrine-countdown');
  for (const [name, value] of Object.entries({ deadline: '2099-01-01T00:00:00Z', ...attributes })) {
    element.setAttribute(name, value);
  }
  return element;
}
