import { VitrineStickyBar } from './sticky-bar.js';

export { VitrineStickyBar };

// Defined once per page: a second copy of Vitrine (script tag twice, or beside an npm bundle) is harmless.
if (!customElements.get('vitrine-sticky-bar')) customElements.define('vitrine-sticky-bar', VitrineStickyBar);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-sticky-bar': VitrineStickyBar;
  }
}
