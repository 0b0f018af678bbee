/** `prefers-reduced-motion: reduce`, kept current: re-renders the host when the visitor changes it. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export function prefersReducedMotion(): boolean {
  try {
    return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  } catch {
    return false;
  }
}

export class ReducedMotionController implements ReactiveController {
  #host: ReactiveControllerHost;
  #query?: MediaQueryList;
  #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get reduced(): boolean {
    return this.#query?.matches ?? prefersReducedMotion();
  }

  hostConnected(): void {
    try {
      this.#query = globalThis.matchMedia('(prefers-reduced-motion: reduce)');
      this.#query.addEventListener('change', this.#onChange);
    } catch {
      this.#query = undefined;
    }
  }

  hostDisconnected(): void {
    this.#query?.removeEventListener('change', this.#onChange);
  }
}
