import { decideExperiment, experimentState } from './decide.js';

let sheet: CSSStyleSheet | undefined;

/**
 * An A/B test: each visitor sees one of its children (the variants, each a widget or any
 * element), chosen once and remembered per experiment `name`; the others are removed before they
 * render. The kept variant's label — its `variant` attribute, else `A`, `B`, … by position — is
 * set on it (and on the widgets inside it) and goes on every `track` event, with the
 * experiment's name. The element itself takes no room (`display: contents`).
 * `?vitrine-variant=<name>:<label>` in the URL forces a variant in this browser (repeat the
 * parameter for several experiments); the stored bucket is left as it was.
 *
 * @summary A/B test: keeps one of its variants per visitor, stably, and removes the others before they render.
 * @attr name - The experiment's id: its bucket is stored under it, analytics carry it, `?vitrine-variant=<name>:<label>` names it. Defaults to the tag name.
 * @attr split - The variants' weights in order, comma-separated (`50, 50`, `90, 10`); equal by default. A split that does not give one positive weight per variant is ignored with a warning.
 * @attr variant - Set by the experiment once decided: the label kept for this visitor (style against `vitrine-experiment[variant]`).
 * @slot - The variants: one child element each.
 * @fires vitrine-experiment - Once decided: `detail` = `{ name, variant, variants, weights, forced }`.
 */
export class VitrineExperiment extends HTMLElement {
  connectedCallback(): void {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      try {
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(':host{display:contents}');
        }
        root.adoptedStyleSheets = [sheet];
      } catch {
        /* an old browser: the wrapper is an inline box, which wraps block variants all the same */
      }
      root.append(document.createElement('slot'));
    }
    this.#decide();
    // Inserted empty (a script fills it next): decide once its variants are in, a microtask later, so
    // that variants appended one after another in the same task all take part.
    if (!experimentState(this) && document.readyState !== 'loading') {
      this.#observer ??= new MutationObserver(() => {
        if (this.#decide()) this.#observer?.disconnect();
      });
      this.#observer.observe(this, { childList: true });
    }
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }

  #observer?: MutationObserver;

  #decide(): boolean {
    try {
      return decideExperiment(this) !== undefined;
    } catch (error) {
      console.error('[vitrine] <vitrine-experiment> could not decide:', error);
      return true;
    }
  }

  /**
   * Its row in `window.vitrine.debug()`: the kept variant, every bucket's share, forced or not.
   * @internal
   */
  debugState(): {
    tag: string;
    campaign: string;
    variant?: string;
    shown: boolean;
    reason: string;
    code?: 'waiting';
    note?: string;
    buckets?: string;
    forced?: boolean;
  } {
    const tag = this.localName;
    const state = experimentState(this);
    if (!state)
      return {
        tag,
        campaign: this.getAttribute('name') ?? tag,
        shown: false,
        reason: 'not decided yet',
        code: 'waiting',
      };
    const total = state.weights.reduce((sum, weight) => sum + weight, 0);
    const buckets = state.variants
      .map((label, index) => `${label} ${Math.round((state.weights[index] / total) * 100)}%`)
      .join(', ');
    const row = {
      tag,
      campaign: state.name,
      variant: state.variant,
      shown: true,
      reason: '',
      buckets,
      forced: state.forced,
    };
    return state.forced ? { ...row, note: `forced by ?vitrine-variant=${state.name}:${state.variant}` } : row;
  }
}
