/**
 * The harness every test file shares (the per-component `harness.ts` of Material Web, Shoelace's
 * shared hooks): call `useTestPage()` once at the top of a file. Before each test it spies on
 * `console.warn` and listens for errors that reach the page; after it, it removes the fixtures,
 * runs the test's cleanups, forgets what Vitrine stored (storage, memory, the overlays' page
 * state), restores timers and mocks, and fails the test when the page saw an error or a warning
 * that is not one of Vitrine's own, deliberate `[vitrine]` ones (a Lit dev-mode warning would be).
 * A page of the built bundle imports nothing from source: it takes `usePageErrors()` of
 * test/loader/page.ts instead.
 */
import { fixtureCleanup } from '@open-wc/testing-helpers';
import { forgetMemory, overlayPageState } from '@vitrine/core';
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

/** The instant the tests' fake clocks start at: Black Friday 2026, 10:00 in Paris. */
export const NOW = Date.parse('2026-11-27T09:00:00.000Z');

/** The browser's own requestAnimationFrame, taken before any test fakes the timers (frames included). */
const requestFrame = window.requestAnimationFrame.bind(window);

/**
 * `count` real rendering frames (default two: IntersectionObserver and content-visibility: auto answer
 * after a frame's layout, and what they change shows on the next one), fake timers or not.
 */
export async function frames(count = 2): Promise<void> {
  for (let frame = 0; frame < count; frame++) await new Promise((done) => requestFrame(done));
}

export interface TestPage {
  /** The `console.warn` spy of the running test. */
  readonly warn: MockInstance<typeof console.warn>;
  /** Errors that reached the page in the running test (`error`, `unhandledrejection`). */
  readonly pageErrors: unknown[];
  /** What the running test leaves to undo after it (listeners, subscriptions, elements). */
  readonly cleanups: Array<() => void>;
  /** The `[vitrine] …` warnings printed in the running test, in order. */
  readonly vitrineWarnings: () => string[];
  /** Spies on `console.warn` again (after a test restored every mock itself). */
  readonly spyOnWarnings: () => void;
}

export interface TestPageOptions {
  /** Fake timers from `now` before each test (default: real timers, a test fakes its own). */
  now?: number;
  /**
   * What the fake clock of `now` fakes (default: every timer, Date and performance). A file whose
   * fixtures wait for animation frames fakes the timers and Date only, and keeps the frames real.
   */
  toFake?: NonNullable<Parameters<typeof vi.useFakeTimers>[0]>['toFake'];
  /** A fresh bus per test, so that a sticky topic (`coupon`, `cart`) of one test never reaches the next. */
  freshBus?: boolean;
  /** The file's own undoing after each test, run once the mocks are restored (a new page, its globals gone). */
  reset?: () => void;
}

/** Vitrine's own keys in both storages and its in-memory fallbacks, and the overlays' page state. */
export function forgetVitrine(): void {
  for (const store of [localStorage, sessionStorage])
    for (const key of Object.keys(store)) if (key.startsWith('vitrine:')) store.removeItem(key);
  forgetMemory();
  const overlays = overlayPageState();
  overlays.open = null;
  overlays.owner = null;
  overlays.closed = 0;
}

export function useTestPage(options: TestPageOptions = {}): TestPage {
  let warn: MockInstance<typeof console.warn>;
  let pageErrors: unknown[] = [];
  let cleanups: Array<() => void> = [];
  const recordError = (event: ErrorEvent | PromiseRejectionEvent) =>
    pageErrors.push('error' in event ? event.error : event.reason);
  const messages = () => warn.mock.calls.map((call) => String(call[0]));

  const spyOnWarnings = () => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  };

  beforeEach(() => {
    if (options.now !== undefined)
      vi.useFakeTimers(options.toFake ? { now: options.now, toFake: options.toFake } : { now: options.now });
    spyOnWarnings();
    pageErrors = [];
    cleanups = [];
    window.addEventListener('error', recordError);
    window.addEventListener('unhandledrejection', recordError);
  });

  afterEach(async () => {
    // A widget's `view` reaches the analytics bridges and the record in a later task (record-later.ts):
    // let this test's go out now, with its own globals, rather than into the next test's dataLayer.
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
    fixtureCleanup();
    for (const cleanup of cleanups) cleanup();
    window.removeEventListener('error', recordError);
    window.removeEventListener('unhandledrejection', recordError);
    vi.useRealTimers();
    const others = messages().filter((message) => !message.startsWith('[vitrine]'));
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    options.reset?.();
    forgetVitrine();
    if (options.freshBus) Reflect.deleteProperty(globalThis, Symbol.for('vitrine.bus'));
    expect(others).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  return {
    get warn() {
      return warn;
    },
    get pageErrors() {
      return pageErrors;
    },
    get cleanups() {
      return cleanups;
    },
    vitrineWarnings: () => messages().filter((message) => message.startsWith('[vitrine]')),
    spyOnWarnings,
  };
}
