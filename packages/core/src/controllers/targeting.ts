/**
 * Who sees a widget (SPEC section 2, "Targeting"): `pages`, `exclude-pages`, `device`, `visitor`,
 * `cart-min`, `cart-max`, `customer`, `utm-source`, read from the host's attributes.
 *
 * The verdict comes before the first render: a widget that does not match never flashes and sends
 * no `view`; it is re-read when an input changes (the window crosses the phone width, the cart
 * crosses `cart-min`, the customer signs in) and the host re-renders then. A bad rule warns once and
 * counts as absent. In preview the rules are ignored (`matches` is true), but `failing` still says
 * which rule would hide the widget, for the debug list.
 *
 * This part sits in every page's shared code, so it is small: the rules themselves
 * (targeting/engine.ts and rules.ts) are a chunk of their own, loaded only by a widget that has a
 * rule. Until it has arrived such a widget shows nothing, as if a rule failed: it never flashes.
 */
import type { ReactiveController } from 'lit';
import type { TargetingAttributes, TargetingHost } from '../host.js';
import { FIRST_SEEN_KEY } from '../storage.js';
import type { TargetingEngine } from '../targeting/engine.js';

const PROPERTIES = [
  'pages',
  'excludePages',
  'device',
  'visitor',
  'cartMin',
  'cartMax',
  'customer',
  'utmSource',
] as const satisfies ReadonlyArray<keyof TargetingAttributes>;

let engines: typeof import('../targeting/engine.js') | undefined;
let loading: Promise<unknown> | undefined;

/** Loads the rules' chunk (once per page); resolves when a widget can be judged synchronously. */
export function loadTargeting(): Promise<unknown> {
  return (loading ??= import('../targeting/engine.js').then((module) => (engines = module)));
}

export class TargetingController implements ReactiveController {
  #host: TargetingHost;
  #engine?: TargetingEngine;
  #connected = false;
  /**
   * The rules (property names) waiting for their chunk, once its import is asked for; the debug list
   * (debug-reasons.ts) says them, so that the sentence stays out of the shared chunk.
   */
  waiting?: readonly string[];

  constructor(host: TargetingHost) {
    this.#host = host;
    host.addController(this);
  }

  /** True when every rule matches (or no rule is set), and always in preview. */
  get matches(): boolean {
    return this.#host.previewing || this.failing === null;
  }

  /**
   * The first rule that does not match, said precisely (`pages="/products/*" does not match /cart`),
   * or null; also in preview, where it does not hide the widget.
   */
  get failing(): string | null {
    const host = this.#host;
    if (!this.#engine) {
      const rules = PROPERTIES.filter((name) => host[name] != null && String(host[name]).trim() !== '');
      if (!rules.length) return null;
      if (!engines) {
        // Once per widget: this getter runs at every render while the chunk is on its way.
        if (this.waiting) return 'its rules are loading';
        void loadTargeting().then(
          () => host.requestUpdate(),
          // The chunk did not come (offline, blocked): the rules are ignored, as a bad rule is.
          () => {
            engines = {
              TargetingEngine: class {
                failing = null;
                connect() {}
                disconnect() {}
              },
            } as never;
            host.requestUpdate();
          },
        );
        this.waiting = rules;
        return 'its rules are loading';
      }
      this.waiting = undefined;
      this.#engine = new engines.TargetingEngine(host);
      if (this.#connected) this.#engine.connect();
    }
    return this.#engine.failing;
  }

  hostConnected(): void {
    this.#connected = true;
    // Every widget notes the visitor's first visit (once per browser), so that a `visitor` rule met
    // later knows someone who browsed pages without one. Memory only in preview or without consent.
    const store = this.#host.store;
    if (!(Number(store.get(FIRST_SEEN_KEY)) > 0)) store.set(FIRST_SEEN_KEY, Date.now());
    this.#engine?.connect();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#engine?.disconnect();
  }
}
