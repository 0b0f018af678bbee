/**
 * Whether an element is on (or near) the screen, from ONE IntersectionObserver shared by every
 * widget of the page. A collection page may carry a countdown on each of 48 product cards: the
 * ones the shopper cannot see need not touch the DOM every second; they catch up the moment
 * they scroll into view (a margin of half a screen makes that before they are visible).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Listener = (onScreen: boolean) => void;

const listeners = new WeakMap<Element, Listener>();
let observer: IntersectionObserver | null | undefined;

/** The browser tells when a `content-visibility: auto` box stops being skipped (not every engine does). */
const SKIP_EVENT = 'contentvisibilityautostatechange';

function sharedObserver(): IntersectionObserver | null {
  if (observer === undefined) {
    try {
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
        },
        { rootMargin: '50% 0px' },
      );
    } catch {
      observer = null; // no IntersectionObserver: every widget counts as on screen
    }
  }
  return observer;
}

export class OnScreenController implements ReactiveController {
  #host: ReactiveControllerHost & Element;
  #onChange?: Listener;
  /** On screen until the observer says otherwise, so the first render is never skipped. */
  #onScreen = true;
  #handsOff: boolean;
  /**
   * Who watches the host: the shared observer (0); the browser, through the host's skipped boxes (1);
   * the observer again after the browser woke the host, not yet seen on screen (2): seen off screen
   * then (the two margins may differ), the observer keeps it, so they never hand it back and forth.
   */
  #watcher = 0;

  /**
   * `handsOffWhenFar`: the host gives its boxes `content-visibility: auto` while it is off screen.
   * The browser then watches them itself (it must, to know when to lay them out again), so the
   * shared observer lets go of the host until the browser says a box is no longer skipped: on a
   * page of 500 timers, one watch each per frame instead of two.
   */
  constructor(host: ReactiveControllerHost & Element, onChange?: Listener, { handsOffWhenFar = false } = {}) {
    this.#host = host;
    this.#onChange = onChange;
    this.#handsOff = handsOffWhenFar && 'ContentVisibilityAutoStateChangeEvent' in globalThis;
    host.addController(this);
  }

  get onScreen(): boolean {
    return this.#onScreen;
  }

  hostConnected(): void {
    const shared = sharedObserver();
    if (!shared) return;
    listeners.set(this.#host, (onScreen) => {
      if (onScreen) this.#watcher = 0;
      else if (this.#handsOff && !this.#watcher) {
        shared.unobserve(this.#host);
        this.#watcher = 1;
      }
      this.#set(onScreen);
    });
    // The same listener is added once, however often the host connects.
    this.#host.shadowRoot?.addEventListener(SKIP_EVENT, this.#onSkipChange, true);
    shared.observe(this.#host);
  }

  hostDisconnected(): void {
    observer?.unobserve(this.#host);
    listeners.delete(this.#host);
    this.#onScreen = true;
    this.#watcher = 0;
  }

  #set(onScreen: boolean): void {
    if (onScreen === this.#onScreen) return;
    this.#onScreen = onScreen;
    this.#onChange?.(onScreen);
  }

  /** A skipped box of the host comes near the screen (or gets focus): back on screen, and watched again. */
  #onSkipChange = (event: Event): void => {
    if (this.#watcher != 1 || (event as Event & { skipped: boolean }).skipped) return;
    this.#watcher = 2;
    this.#set(true);
    observer!.observe(this.#host);
  };
}
