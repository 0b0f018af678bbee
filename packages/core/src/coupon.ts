/**
 * A won or given code, shown with a copy button: the sticky bar (`show-coupon`), the exit
 * pop-up and the wheel all show it the same way. Copy uses the Clipboard API; where it is
 * denied (no permission, an insecure page, an old browser), the code is selected in its
 * read-only field and the shopper is told to press Ctrl+C.
 *
 * The widgets reach it through coupon-later.ts, which fetches it when a code is about to show
 * (most pages never show one): its styles come with it and are added to the widget's shadow root
 * by the controller, rather than travelling in every widget's static styles.
 */
import { css, html, type ReactiveController } from 'lit';
import type { WidgetHost } from './host.js';
import { translateFrom, type Catalog } from './i18n/index.js';

/** The coupon's texts (sticky bar, exit pop-up, wheel); other languages: i18n/texts/. */
export const couponTexts: Catalog<'label' | 'copy' | 'copyLabel' | 'copied' | 'select'> = {
  scope: 'coupon',
  en: {
    label: 'Your code',
    copy: 'Copy',
    copyLabel: 'Copy the code {code}',
    copied: 'Code copied',
    select: 'Code selected: press Ctrl+C (or ⌘C) to copy it.',
  },
  fr: {
    label: 'Votre code',
    copy: 'Copier',
    copyLabel: 'Copier le code {code}',
    copied: 'Code copié',
    select: 'Code sélectionné : appuyez sur Ctrl+C (ou ⌘C) pour le copier.',
  },
};

/** Copies `text`; when the Clipboard API is refused, selects `field` so the shopper can copy. Returns how it went. */
export async function copyText(text: string, field?: HTMLInputElement | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field?.focus();
    field?.select();
    return 'selected';
  }
}

export const couponStyles = css`
  [part~='coupon'] {
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [part~='coupon-code'] {
    box-sizing: border-box;
    padding: 0.4em 0.6em;
    border: 2px dashed currentColor;
    border-radius: var(--vitrine-radius, 0.5rem);
    background: transparent;
    color: inherit;
    font: inherit;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-align: center;
  }
  [part~='copy-button'] {
    min-block-size: 2.25em;
    padding: 0.4em 0.9em;
    border: 0;
    border-radius: var(--vitrine-radius, 0.5rem);
    background: var(--vitrine-color-accent, #111827);
    color: var(--vitrine-color-on-accent, #ffffff);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  [part~='copy-button']:focus-visible,
  [part~='coupon-code']:focus-visible {
    outline: 2px solid var(--vitrine-color-accent, #2563eb);
    outline-offset: 2px;
  }
  [part~='copy-status'] {
    font-size: 0.875em;
  }
`;

/** Renders a code with its copy button and says whether copying worked (a polite status). */
export class CouponController implements ReactiveController {
  #host: WidgetHost;
  #status: 'idle' | 'copied' | 'selected' = 'idle';
  #timer?: ReturnType<typeof setTimeout>;
  #styled = false;

  constructor(host: WidgetHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Adds the styles to the widget's shadow root, once (its render root exists by now). */
  hostConnected(): void {
    const root = this.#host.shadowRoot;
    if (this.#styled || !root) return;
    this.#styled = true;
    // Before the widget's own sheets, which give the code their colours (same specificity: the later wins).
    const sheet = couponStyles.styleSheet;
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
    } else {
      // No constructable sheets (before Safari 16.4): a <style> as Lit's own, with its nonce for a strict CSP,
      // first in the root: before Lit's rendered part, which clears what follows it.
      const style = document.createElement('style');
      const nonce = (globalThis as { litNonce?: string }).litNonce;
      if (nonce) style.setAttribute('nonce', nonce);
      style.textContent = couponStyles.cssText;
      root.prepend(style);
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  get status(): 'idle' | 'copied' | 'selected' {
    return this.#status;
  }

  async copy(code: string, field?: HTMLInputElement | null): Promise<void> {
    // The funnel's "code copied": the shopper asked for it, whether the clipboard or the selection served.
    this.#host.track('copy', { code });
    this.#status = await copyText(code, field);
    this.#host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#status = 'idle';
      this.#host.requestUpdate();
    }, 4000);
  }

  render(code: string) {
    const language = this.#host.language;
    const text = (key: keyof typeof couponTexts.en, values?: Record<string, string>) =>
      translateFrom(couponTexts, language, key, values);
    const onCopy = (event: Event) => {
      const field = (event.currentTarget as HTMLElement).parentElement?.querySelector('input');
      void this.copy(code, field);
    };
    return html`<div part="coupon">
      <input
        part="coupon-code"
        readonly
        .value=${code}
        aria-label=${text('label')}
        size=${Math.max(4, code.length)}
        @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()}
      />
      <button part="copy-button" type="button" aria-label=${text('copyLabel', { code })} @click=${onCopy}>
        ${text('copy')}
      </button>
      <span part="copy-status" role="status"
        >${this.#status === 'copied' ? text('copied') : this.#status === 'selected' ? text('select') : ''}</span
      >
    </div>`;
  }
}
