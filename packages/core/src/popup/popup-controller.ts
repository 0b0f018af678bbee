/**
 * A pop-up widget's life as an overlay (the exit pop-up, the wheel in pop-up mode): when it asks
 * to open, what the shopper's close means, and the modal it renders in.
 */
import { html, nothing, svg, type ReactiveController } from 'lit';
import type { DebugReason } from '../debug-state.js';
import type { WidgetHost } from '../host.js';
import { translateFrom, type Catalog } from '../i18n/index.js';
import { keywordAttribute } from '../parse/attribute.js';
import { durationOrZeroAttribute } from '../parse/zero-duration.js';
import { DismissalController } from '../controllers/dismissal.js';
import { OverlayController } from './overlay.js';
import { parseTriggers, TriggerController, type TriggerKind } from './triggers.js';
import { overlayPageState, SHOPPER_CLOSE_REASONS } from './turns.js';

/** The pop-up's close button (exit pop-up, wheel in pop-up mode); other languages: i18n/texts/. */
export const popupTexts: Catalog<'close'> = { scope: 'popup', en: { close: 'Close' }, fr: { close: 'Fermer' } };

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

export interface PopupOptions {
  /** Finds the host's `<dialog>` in its shadow root (after render). */
  dialog: () => HTMLDialogElement | null | undefined;
  /** The widget's own conditions to open by itself: in its window, something to show, not converted … */
  mayOpen(): boolean;
  /** Whether the widget is a pop-up now (the wheel is one only with `mode="popup"`); always when absent. */
  active?(): boolean;
  /** Called each time it has opened (to move focus, say). */
  onOpened?(): void;
}

/** The attributes the controller reads, each re-read when it changes. */
type Watched = 'trigger' | 'minTime' | 'dismissFor' | 'afterOverlay' | 'open';

/**
 * A pop-up widget's life as an overlay, in one place: `trigger` and `min-time` (when it asks to
 * open, once per page view), `dismiss-for` (the shopper's close is remembered), `after-overlay`,
 * and the reflected `open` property with `show()` / `hide()` (from code: no trigger, no
 * `min-time`, no past dismissal; never over another open overlay). Built on OverlayController,
 * TriggerController and DismissalController, and driven by the host's life cycle alone: before
 * each render it re-reads the attributes that changed, after it opens or closes for a changed
 * `open` and listens to the triggers only while the pop-up may open by itself.
 */
export class PopupController implements ReactiveController {
  readonly overlay: OverlayController;
  readonly dismissal: DismissalController;
  readonly triggers: TriggerController;
  #host: PopupHost;
  #allowAfter = false;
  /** Opened once in this page view: its triggers are done. */
  #shown = false;
  #options: PopupOptions;
  /** The values last read, to tell what changed since. */
  #seen = new Map<Watched, unknown>();

  constructor(host: PopupHost, options: PopupOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.dismissal = new DismissalController(host);
    this.overlay = new OverlayController(host, options.dialog, {
      onClose: (reason) => {
        if (SHOPPER_CLOSE_REASONS.includes(reason)) this.dismissal.dismiss(host.dismissFor);
        host.open = false;
      },
    });
    this.triggers = new TriggerController(host, (trigger) => void this.#openFrom(trigger));
  }

  hostConnected(): void {}

  /** Whether `name` changed since it was last read (true the first time). */
  #changed(name: Watched): boolean {
    const value = this.#host[name];
    if (this.#seen.has(name) && this.#seen.get(name) === value) return false;
    this.#seen.set(name, value);
    return true;
  }

  /** Before each render: re-reads the pop-up attributes that changed (each bad value warned once). */
  hostUpdate(): void {
    const host = this.#host;
    // Both read, so that each is remembered.
    const trigger = this.#changed('trigger');
    if (this.#changed('minTime') || trigger) {
      // `min-time="0"`: no minimum.
      this.triggers.configure(
        host.trigger,
        durationOrZeroAttribute(host, 'min-time', host.minTime ?? null, DEFAULT_MIN_TIME_MS),
      );
    }
    // Checked now, so a bad value is reported when the page loads rather than on the first close.
    if (this.#changed('dismissFor')) this.dismissal.lengthOf(host.dismissFor);
    if (this.#changed('afterOverlay'))
      this.#allowAfter =
        host.afterOverlay != null &&
        keywordAttribute(host, 'after-overlay', host.afterOverlay, AFTER_OVERLAY, 'skip') === 'allow';
  }

  /**
   * After each render: opens or closes for a changed `open`, and listens to the triggers only
   * while the pop-up may open by itself — the widget's own conditions (`mayOpen`), not shown yet
   * in this page view, not dismissed. A widget that is no pop-up now (an inline wheel) does neither.
   */
  hostUpdated(): void {
    const host = this.#host;
    const active = this.#options.active?.() ?? true;
    if (this.#changed('open') && active && host.open !== this.overlay.isOpen) {
      if (host.open) void this.show();
      else void host.updateComplete.then(() => this.hide());
    }
    if (
      active &&
      this.#options.mayOpen() &&
      host.isConnected &&
      !this.#shown &&
      !this.overlay.isOpen &&
      !this.dismissal.dismissed
    )
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
        aria-label=${translateFrom(popupTexts, this.#host.language, 'close')}
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
      this.#options.onOpened?.();
    }
    return opened;
  }
}

/** The close button of a modal: an ✕ drawn in the text colour. */
export const CLOSE_ICON = svg`<svg viewBox="0 0 20 20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M5 5l10 10M15 5L5 15"/></svg>`;
