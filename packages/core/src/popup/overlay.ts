/**
 * An overlay's open and close, in order. Every pop-up of Vitrine (the exit pop-up, the wheel in
 * pop-up mode) opens through this controller over a native `<dialog>`: it takes the page's turn
 * (turns.ts: one overlay at a time, one per page view unless allowed), shows the dialog modally
 * (modal.ts: focus, scroll lock, Escape and backdrop), fires `vitrine-open` (cancelable) and
 * `vitrine-close`, and tracks `view` / `close`.
 */
import type { ReactiveController } from 'lit';
import { getBus } from '../bus.js';
import type { WidgetHost } from '../host.js';
import { deepActiveElement, listenForClose, lockScroll, showModal } from './modal.js';
import {
  overlayPageState,
  SHOPPER_CLOSE_REASONS,
  turnBlockedBy,
  type CloseReason,
  type OverlayCloseDetail,
} from './turns.js';

export interface OverlayOptions {
  /** Called after the overlay closed, whatever closed it (the host records a dismissal, syncs `open`). */
  onClose?(reason: CloseReason): void;
}

export class OverlayController implements ReactiveController {
  #host: WidgetHost;
  #dialog: () => HTMLDialogElement | null | undefined;
  #options: OverlayOptions;
  #open = false;
  /** Asked to open once in this page view: its dialog is rendered from then on. */
  #wanted = false;
  #returnFocusTo: HTMLElement | null = null;
  /** Undo the scroll lock, stop listening to the dialog (the render may replace it). */
  #unlock?: () => void;
  #unlisten?: () => void;
  /** Stops waiting for the overlay that is open now to close (see `openWhenFree`). */
  #stopWaiting?: () => void;

  /** @param dialog finds the host's `<dialog>` in its shadow root (after render). */
  constructor(host: WidgetHost, dialog: () => HTMLDialogElement | null | undefined, options: OverlayOptions = {}) {
    this.#host = host;
    this.#dialog = dialog;
    this.#options = options;
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /**
   * Whether the host renders its dialog: from the moment it is about to open (the render `open()`
   * awaits) and then for the rest of the page view, so that what the shopper typed stays. Until
   * then a closed overlay renders nothing: its dialog, form and texts cost nothing at load.
   */
  get wanted(): boolean {
    return this.#wanted;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#stopWaiting?.();
    if (this.#open) this.close('removed');
  }

  /**
   * Why this overlay may not open now — `'another overlay is open'`, `'an overlay was already shown on this page'` —
   * or null when it may. `allowAfter` is the merchant's `after-overlay="allow"`.
   */
  blockedBy(allowAfter: boolean): string | null {
    return this.#open ? null : turnBlockedBy(allowAfter);
  }

  /**
   * Opens the dialog when it is this overlay's turn, the host is eligible (schedule, targeting) and no
   * `vitrine-open` listener cancels.
   * Renders the host first so the dialog exists. Returns whether it opened.
   */
  async open(allowAfter = false, detail: Record<string, unknown> = {}): Promise<boolean> {
    // Never outside its start/end window nor for a visitor its targeting rules leave out, even from code.
    if (this.#open || !this.#host.eligible || this.blockedBy(allowAfter)) return false;
    const page = overlayPageState();
    // Claim the turn before awaiting the render, so two overlays firing together never both open.
    page.open = this.#host.campaignId;
    page.owner = this;
    if (!this.#host.emit('vitrine-open', { ...detail, campaign: this.#host.campaignId }, { cancelable: true })) {
      this.#release();
      return false;
    }
    this.#open = this.#wanted = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog();
    if (!dialog || !this.#open) {
      const held = overlayPageState().owner === this;
      this.#release();
      // Overlays waiting for the turn (`openWhenFree`) hear that it is free again.
      if (held) getBus().publish('overlay', { campaign: null });
      return false;
    }
    this.#returnFocusTo = deepActiveElement();
    this.#unlock = lockScroll();
    this.#unlisten?.();
    this.#unlisten = listenForClose(dialog, (reason) => this.close(reason));
    showModal(dialog);
    getBus().publish('overlay', { campaign: this.#host.campaignId });
    this.#host.track('view');
    return true;
  }

  /**
   * Opens now; or, when another overlay is open and `allowAfter` (the merchant's
   * `after-overlay="allow"`), as soon as it has closed. Without `allowAfter` an overlay that
   * finds another open gives up: after that one closes, one interruption has been made.
   */
  async openWhenFree(allowAfter = false, detail: Record<string, unknown> = {}): Promise<boolean> {
    while (allowAfter && !this.#open && overlayPageState().open !== null) {
      if (!(await this.#nextClose())) return false;
    }
    return this.open(allowAfter, detail);
  }

  /** Resolves true once the open overlay has closed (false when this host left the page first). */
  #nextClose(): Promise<boolean> {
    this.#stopWaiting?.();
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (closed: boolean) => {
        if (settled) return;
        settled = true;
        unsubscribe();
        this.#stopWaiting = undefined;
        resolve(closed);
      };
      this.#stopWaiting = () => settle(false);
      // The topic is sticky: its replay (given during `subscribe`) is the past, not a close.
      let replaying = true;
      const unsubscribe = getBus().subscribe('overlay', (message) => {
        if (!replaying && message?.campaign == null && overlayPageState().open === null) settle(true);
      });
      replaying = false;
    });
  }

  /** Closes the dialog, gives focus back and the turn away. */
  close(reason: CloseReason = 'dismiss'): void {
    if (!this.#open) return;
    const dialog = this.#dialog();
    this.#unlisten?.();
    this.#unlisten = undefined;
    if (dialog?.open) dialog.close();
    this.#unlock?.();
    this.#unlock = undefined;
    this.#release();
    overlayPageState().closed++;
    getBus().publish('overlay', { campaign: null });
    const returnTo = this.#returnFocusTo;
    this.#returnFocusTo = null;
    if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    if (SHOPPER_CLOSE_REASONS.includes(reason)) this.#host.track('close');
    this.#host.emit<OverlayCloseDetail>('vitrine-close', { campaign: this.#host.campaignId, reason });
    this.#host.requestUpdate();
    this.#options.onClose?.(reason);
  }

  #release(): void {
    this.#open = false;
    const page = overlayPageState();
    if (page.owner === this || (page.owner == null && page.open === this.#host.campaignId)) {
      page.open = null;
      page.owner = null;
    }
  }
}
