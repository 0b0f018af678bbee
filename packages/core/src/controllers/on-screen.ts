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

  constructor(host: ReactiveControllerHost & Element, onChange?: Listener) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  get onScreen(): boolean {
    return this.#onScreen;
  }

  hostConnected(): void {
    const shared = sharedObserver();
    if (!shared) return;
    listeners.set(this.#host, (onScreen) => {
      if (onScreen === this.#onScreen) return;
      this.#onScreen = onScreen;
      this.#onChange?.(onScreen);
    });
    shared.observe(this.#host);
  }

  hostDisconnected(): void {
    observer?.unobserve(this.#host);
    listeners.delete(this.#host);
    this.#onScreen = true;
  }
}
