/**
 * Overlays take turns. Every pop-up of Vitrine (the exit pop-up, the wheel in pop-up mode)
 * opens through this controller over a native `<dialog>` and `showModal()`:
 * - at most one is open on the page, whichever copy of Vitrine owns it (page state on a
 *   global symbol, the `overlay` topic says which is open);
 * - after one has closed, no other opens in the same page view unless its merchant allowed
 *   it (`after-overlay="allow"`): one interruption per page is the respectful default;
 * - focus moves into the dialog and returns where it was; the page behind does not scroll
 *   (and does not shift: the scrollbar's gutter is kept); Escape and a click on the backdrop
 *   close it; `vitrine-open` (cancelable) and `vitrine-close` are fired, `view`/`close` tracked.
 */
import type { ReactiveController } from 'lit';
import { getBus } from '../bus.js';
import type { VitrineElement } from '../element.js';

export type CloseReason = 'dismiss' | 'escape' | 'backdrop' | 'convert' | 'removed';

export interface OverlayCloseDetail {
  campaign: string;
  reason: CloseReason;
}

interface OverlayPageState {
  /** Campaign of the open overlay, or null. */
  open: string | null;
  /** How many overlays have closed in this page view. */
  closed: number;
}

const PAGE_KEY = Symbol.for('vitrine.overlays');

/** The page's overlay state, shared by every copy of Vitrine. */
export function overlayPageState(): OverlayPageState {
  const holder = globalThis as unknown as Record<symbol, OverlayPageState | undefined>;
  let state = holder[PAGE_KEY];
  if (!state || typeof state !== 'object') {
    state = { open: null, closed: 0 };
    Object.defineProperty(globalThis, PAGE_KEY, { value: state, configurable: true });
  }
  return state;
}

/** The element that has focus, looking inside shadow roots (a theme's web components). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

export class OverlayController implements ReactiveController {
  #host: VitrineElement;
  #dialog: () => HTMLDialogElement | null | undefined;
  #returnFocusTo: HTMLElement | null = null;
  #savedScroll: { overflow: string; gutter: string } | null = null;
  #open = false;

  /** @param dialog finds the host's `<dialog>` in its shadow root (after render). */
  constructor(host: VitrineElement, dialog: () => HTMLDialogElement | null | undefined) {
    this.#host = host;
    this.#dialog = dialog;
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.#open;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.#open) this.close('removed');
  }

  /**
   * Why this overlay may not open now — `'another overlay is open'`, `'an overlay was already shown on this page'` —
   * or null when it may. `allowAfter` is the merchant's `after-overlay="allow"`.
   */
  blockedBy(allowAfter: boolean): string | null {
    if (this.#open) return null;
    const page = overlayPageState();
    if (page.open !== null) return `another overlay is open (${page.open})`;
    if (page.closed > 0 && !allowAfter)
      return 'an overlay was already shown on this page (after-overlay="allow" permits more)';
    return null;
  }

  /**
   * Opens the dialog when it is this overlay's turn and no `vitrine-open` listener cancels.
   * Renders the host first so the dialog exists. Returns whether it opened.
   */
  async open(allowAfter = false): Promise<boolean> {
    if (this.#open || this.blockedBy(allowAfter)) return false;
    const page = overlayPageState();
    // Claim the turn before awaiting the render, so two overlays firing together never both open.
    page.open = this.#host.campaignId;
    if (!this.#host.emit('vitrine-open', { campaign: this.#host.campaignId }, { cancelable: true })) {
      page.open = null;
      return false;
    }
    this.#open = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog();
    if (!dialog || !this.#open) {
      this.#release();
      return false;
    }
    this.#returnFocusTo = deepActiveElement();
    this.#lockScroll();
    dialog.addEventListener('cancel', this.#onCancel);
    dialog.addEventListener('click', this.#onClick);
    try {
      if (!dialog.open) dialog.showModal();
    } catch {
      dialog.setAttribute('open', '');
    }
    getBus().publish('overlay', { campaign: this.#host.campaignId });
    this.#host.track('view');
    return true;
  }

  /** Closes the dialog, gives focus back and the turn away. */
  close(reason: CloseReason = 'dismiss'): void {
    if (!this.#open) return;
    const dialog = this.#dialog();
    if (dialog) {
      dialog.removeEventListener('cancel', this.#onCancel);
      dialog.removeEventListener('click', this.#onClick);
      if (dialog.open) dialog.close();
    }
    this.#unlockScroll();
    this.#release();
    overlayPageState().closed++;
    getBus().publish('overlay', { campaign: null });
    const returnTo = this.#returnFocusTo;
    this.#returnFocusTo = null;
    if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    if (reason !== 'convert' && reason !== 'removed') this.#host.track('close');
    this.#host.emit<OverlayCloseDetail>('vitrine-close', { campaign: this.#host.campaignId, reason });
    this.#host.requestUpdate();
  }

  #release(): void {
    this.#open = false;
    const page = overlayPageState();
    if (page.open === this.#host.campaignId) page.open = null;
  }

  #onCancel = (event: Event) => {
    // Escape: close through our bookkeeping rather than letting the dialog close itself.
    event.preventDefault();
    this.close('escape');
  };

  #onClick = (event: MouseEvent) => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target !== dialog) return;
    // A click on the dialog element itself outside its box is a click on the backdrop.
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.close('backdrop');
  };

  #lockScroll(): void {
    const root = document.documentElement;
    const hasScrollbar = window.innerWidth > root.clientWidth;
    this.#savedScroll = { overflow: root.style.overflow, gutter: root.style.scrollbarGutter };
    // Through the CSSOM, which a strict CSP allows; keep the gutter so the page does not shift sideways.
    if (hasScrollbar) root.style.scrollbarGutter = 'stable';
    root.style.overflow = 'hidden';
  }

  #unlockScroll(): void {
    if (!this.#savedScroll) return;
    const root = document.documentElement;
    root.style.overflow = this.#savedScroll.overflow;
    root.style.scrollbarGutter = this.#savedScroll.gutter;
    this.#savedScroll = null;
  }
}
