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
import { css, html, nothing, svg, type PropertyValues, type ReactiveController } from 'lit';
import { getBus, pageSingleton } from '../bus.js';
import type { DebugReason } from '../debug-state.js';
import type { WidgetHost } from '../host.js';
import { translateFrom } from '../i18n/index.js';
import { keywordAttribute } from '../parse/attribute.js';
import { durationOrZeroAttribute } from '../parse/zero-duration.js';
import { DismissalController } from './dismissal.js';
import { parseTriggers, TriggerController, type TriggerKind } from './triggers.js';

/**
 * Why an overlay closed: the shopper's close button (`dismiss`), Escape, a click on the backdrop
 * — the shopper's own choices — or a conversion, the merchant's code (`api`), the element
 * removed from the page, its `end` reached.
 */
export type CloseReason = 'dismiss' | 'escape' | 'backdrop' | 'convert' | 'api' | 'removed' | 'ended';

/** The reasons that are the shopper's own choice to close: tracked as `close`, remembered as a dismissal. */
export const SHOPPER_CLOSE_REASONS: readonly CloseReason[] = ['dismiss', 'escape', 'backdrop'];

export interface OverlayCloseDetail {
  campaign: string;
  reason: CloseReason;
}

interface OverlayPageState {
  /** Campaign of the open overlay, or null. */
  open: string | null;
  /**
   * The controller that holds the turn. Two overlays may share a campaign (two untitled pop-ups
   * both default to their tag name), so the turn is given back by identity, not by name.
   */
  owner?: object | null;
  /** How many overlays have closed in this page view. */
  closed: number;
}

/** The page's overlay state, shared by every copy of Vitrine. */
export function overlayPageState(): OverlayPageState {
  return pageSingleton<OverlayPageState>(
    'vitrine.overlays',
    (state) => !!state && typeof state === 'object',
    () => ({ open: null, owner: null, closed: 0 }),
  );
}

/** The element that has focus, looking inside shadow roots (a theme's web components). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

export interface OverlayOptions {
  /** Called after the overlay closed, whatever closed it (the host records a dismissal, syncs `open`). */
  onClose?(reason: CloseReason): void;
}

export class OverlayController implements ReactiveController {
  #host: WidgetHost;
  #dialog: () => HTMLDialogElement | null | undefined;
  #options: OverlayOptions;
  #returnFocusTo: HTMLElement | null = null;
  #savedScroll: { overflow: string; gutter: string } | null = null;
  #open = false;
  /** The dialog the listeners are on (the render may replace it). */
  #listening: HTMLDialogElement | null = null;
  /** A press that began inside the dialog's box: the click that ends it (outside, after a drag) is no backdrop click. */
  #pressInside = false;
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
    if (this.#open) return null;
    const page = overlayPageState();
    if (page.open !== null) return `another overlay is open (${page.open})`;
    if (page.closed > 0 && !allowAfter)
      return 'an overlay was already shown on this page (after-overlay="allow" permits more)';
    return null;
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
    this.#open = true;
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
    this.#lockScroll();
    this.#listen(dialog);
    try {
      // A dialog left open without showModal (an `open` attribute) is not modal: no trap, no backdrop.
      if (dialog.open) dialog.close();
      dialog.showModal();
    } catch {
      dialog.setAttribute('open', '');
    }
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
    this.#unlisten();
    if (dialog?.open) dialog.close();
    this.#unlockScroll();
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

  #listen(dialog: HTMLDialogElement): void {
    this.#unlisten();
    this.#listening = dialog;
    dialog.addEventListener('cancel', this.#onCancel);
    dialog.addEventListener('close', this.#onNativeClose);
    dialog.addEventListener('pointerdown', this.#onPointerDown);
    dialog.addEventListener('click', this.#onClick);
  }

  #unlisten(): void {
    const dialog = this.#listening;
    if (!dialog) return;
    dialog.removeEventListener('cancel', this.#onCancel);
    dialog.removeEventListener('close', this.#onNativeClose);
    dialog.removeEventListener('pointerdown', this.#onPointerDown);
    dialog.removeEventListener('click', this.#onClick);
    this.#listening = null;
  }

  #onCancel = (event: Event) => {
    // Escape: close through our bookkeeping rather than letting the dialog close itself.
    event.preventDefault();
    this.close('escape');
  };

  /**
   * The dialog closed by itself: a second Escape the browser does not let a page cancel (close
   * watchers), a `<form method="dialog">`, a script. Without this the page would stay locked.
   */
  #onNativeClose = (event: Event) => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (this.#open && !dialog.open) this.close('escape');
  };

  #inBox(dialog: HTMLDialogElement, event: MouseEvent): boolean {
    const box = dialog.getBoundingClientRect();
    return (
      event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom
    );
  }

  #onPointerDown = (event: PointerEvent) => {
    this.#pressInside =
      event.target !== event.currentTarget || this.#inBox(event.currentTarget as HTMLDialogElement, event);
  };

  #onClick = (event: MouseEvent) => {
    const dialog = event.currentTarget as HTMLDialogElement;
    const pressInside = this.#pressInside;
    this.#pressInside = false;
    if (event.target !== dialog) return;
    // A click on the dialog element itself outside its box is a click on the backdrop; not when the
    // press began inside (selecting the email text and releasing past the edge is no request to close).
    if (!pressInside && !this.#inBox(dialog, event)) this.close('backdrop');
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

/** `after-overlay`: `skip` (default) when another overlay was shown in this page view, or `allow` it after that one closes. */
export const AFTER_OVERLAY = ['skip', 'allow'] as const;

/** The attributes of a pop-up widget (SPEC: the exit pop-up's, which the wheel in pop-up mode shares). */
export interface PopupHost extends WidgetHost {
  open: boolean;
  trigger?: string | null;
  minTime?: string | null;
  dismissFor?: string | null;
  afterOverlay?: string | null;
}

const DEFAULT_MIN_TIME_MS = 5_000;

/**
 * A pop-up widget's life as an overlay, in one place: `trigger` and `min-time` (when it asks to
 * open, once per page view), `dismiss-for` (the shopper's close is remembered), `after-overlay`,
 * and the reflected `open` property with `show()` / `hide()` (from code: no trigger, no
 * `min-time`, no past dismissal; never over another open overlay). Built on OverlayController,
 * TriggerController and DismissalController; the host calls `configure` from `willUpdate` and
 * `sync` from `updated`.
 */
export class PopupController implements ReactiveController {
  readonly overlay: OverlayController;
  readonly dismissal: DismissalController;
  readonly triggers: TriggerController;
  #host: PopupHost;
  #allowAfter = false;
  /** Opened once in this page view: its triggers are done. */
  #shown = false;
  #onOpened?: () => void;

  /** @param onOpened called each time it has opened (to move focus, say). */
  constructor(host: PopupHost, dialog: () => HTMLDialogElement | null | undefined, onOpened?: () => void) {
    this.#host = host;
    this.#onOpened = onOpened;
    host.addController(this);
    this.dismissal = new DismissalController(host);
    this.overlay = new OverlayController(host, dialog, {
      onClose: (reason) => {
        if (SHOPPER_CLOSE_REASONS.includes(reason)) this.dismissal.dismiss(host.dismissFor);
        host.open = false;
      },
    });
    this.triggers = new TriggerController(host, (trigger) => void this.#openFrom(trigger));
  }

  hostConnected(): void {}

  /** Reads the pop-up attributes that changed (each bad value warned once). Call from `willUpdate`. */
  configure(changed: PropertyValues): void {
    const host = this.#host;
    if (changed.has('trigger') || changed.has('minTime')) {
      // `min-time="0"`: no minimum.
      this.triggers.configure(
        host.trigger,
        durationOrZeroAttribute(host, 'min-time', host.minTime ?? null, DEFAULT_MIN_TIME_MS),
      );
    }
    // Checked now, so a bad value is reported when the page loads rather than on the first close.
    if (changed.has('dismissFor')) this.dismissal.lengthOf(host.dismissFor);
    if (changed.has('afterOverlay'))
      this.#allowAfter =
        host.afterOverlay != null &&
        keywordAttribute(host, 'after-overlay', host.afterOverlay, AFTER_OVERLAY, 'skip') === 'allow';
  }

  /**
   * Call from `updated`: opens or closes for a changed `open`, and listens to the triggers only
   * while the pop-up may open by itself — `mayOpen` (the widget's own conditions: in its window,
   * something to show, not converted), not shown yet in this page view, not dismissed.
   */
  sync(changed: PropertyValues, mayOpen: boolean): void {
    const host = this.#host;
    if (changed.has('open') && host.open !== this.overlay.isOpen) {
      if (host.open) void this.show();
      else void host.updateComplete.then(() => this.hide());
    }
    if (mayOpen && host.isConnected && !this.#shown && !this.overlay.isOpen && !this.dismissal.dismissed)
      this.triggers.arm();
    else this.triggers.disarm();
  }

  /** Opens now, as the `open` property does. Resolves to whether it opened. */
  async show(): Promise<boolean> {
    // After the current update: the dialog exists, and opening never schedules an update inside one.
    await this.#host.updateComplete;
    if (this.overlay.isOpen) return true;
    return this.#settle(await this.overlay.open(true, { trigger: 'api' }));
  }

  /** Closes it (`vitrine-close` with reason `api`; not remembered as the shopper's dismissal). */
  hide(): void {
    this.overlay.close('api');
  }

  /**
   * The modal around `content`: `<dialog part="dialog">`, named by the element of id `labelledBy`
   * (the widget's heading) when given, else by `name`, with the close button (`part="close-button"`).
   */
  render(content: unknown, name: string, labelledBy?: string | null) {
    return html`<dialog
      part="dialog"
      aria-labelledby=${labelledBy || nothing}
      aria-label=${labelledBy ? nothing : name}
    >
      <button
        part="close-button"
        type="button"
        aria-label=${translateFrom({ en: { close: 'Close' }, fr: { close: 'Fermer' } }, this.#host.language, 'close')}
        @click=${() => this.overlay.close()}
      >
        ${CLOSE_ICON}
      </button>
      ${content}
    </dialog>`;
  }

  /**
   * Why the pop-up is not open, for the debug list (null while open): dismissed, another overlay's
   * turn, or waiting for its trigger. The widget says its own reasons (converted, no spins) first.
   */
  debugReason(): DebugReason | null {
    if (this.overlay.isOpen) return null;
    const dismissed = this.dismissal.debugReason();
    if (dismissed) return dismissed;
    const page = overlayPageState();
    if (page.open !== null)
      return {
        code: 'overlay',
        reason: `another overlay is open (campaign "${page.open}")${this.#allowAfter ? ': opens after it closes' : ''}`,
      };
    if (page.closed > 0 && !this.#allowAfter && !this.#shown)
      return {
        code: 'overlay',
        reason: 'one overlay already showed in this page view (after-overlay="allow" to allow more)',
      };
    if (this.#shown)
      return { code: 'waiting', reason: 'already shown in this page view: it may open again on the next page' };
    const seconds = (ms: number) => `${Math.round(ms / 1000)}s`;
    const triggers = parseTriggers(this.#host.trigger, () => {}).map(({ kind, value }) =>
      kind === 'exit'
        ? 'exit intent'
        : kind === 'time'
          ? `${seconds(value)} on the page`
          : kind === 'idle'
            ? `${seconds(value)} idle`
            : `scroll to ${Math.round(value * 100)}%`,
    );
    return { code: 'waiting', reason: `waiting for its trigger (${triggers.join(' or ')})` };
  }

  async #openFrom(trigger: TriggerKind): Promise<void> {
    this.#settle(await this.overlay.openWhenFree(this.#allowAfter, { trigger }));
  }

  #settle(opened: boolean): boolean {
    this.#host.open = this.overlay.isOpen;
    if (opened) {
      this.#shown = true;
      this.#onOpened?.();
    }
    return opened;
  }
}

/** The close button of a modal: an ✕ drawn in the text colour. */
export const CLOSE_ICON = svg`<svg viewBox="0 0 20 20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M5 5l10 10M15 5L5 15"/></svg>`;

/**
 * What every Vitrine modal looks like around its own content: a card as wide as `--_width`
 * (never wider than 92 % of the screen) and never taller than the screen, with the shared
 * radius and shadow; the backdrop (`--_backdrop`); both mapped by the widget to its documented
 * properties; a compositor-only entrance (none with reduced motion), and the round close button
 * (`[part~='close-button']`) in the top corner.
 */
export const overlayStyles = css`
  [part~='dialog'] {
    inline-size: min(92vw, var(--_width));
    max-block-size: calc(100dvh - 2rem);
    border: 0;
    border-radius: calc(var(--vitrine-radius, 0.5rem) * 2);
    box-shadow: var(--vitrine-shadow, 0 1.5rem 3rem -0.75rem rgb(0 0 0 / 0.4));
    overscroll-behavior: contain;
  }

  [part~='dialog']::backdrop {
    background: var(--_backdrop, rgb(17 24 39 / 0.6));
  }

  [part~='dialog'][open] {
    animation: vitrine-overlay-in 0.24s cubic-bezier(0.2, 0.8, 0.2, 1);
  }

  @keyframes vitrine-overlay-in {
    from {
      opacity: 0;
      transform: translateY(0.75rem) scale(0.97);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part~='dialog'][open] {
      animation: none;
    }
  }

  [part~='close-button'] {
    position: absolute;
    inset-block-start: 0.375rem;
    inset-inline-end: 0.375rem;
    z-index: 2;
    display: grid;
    place-items: center;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--vitrine-color-text, #111827);
    cursor: pointer;
  }

  [part~='close-button']:hover {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }

  [part~='close-button']:focus-visible {
    outline: 2px solid var(--vitrine-color-accent, #2563eb);
    outline-offset: -2px;
  }

  [part~='close-button'] svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
`;
