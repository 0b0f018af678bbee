import { VitrineExitPopup } from './exit-popup.js';

// The class is exported by the package's main entry; this one only registers the tag, so the
// script-tag loader's import() of it needs no module namespace object.

// Defined once per page: a second copy of Vitrine (script tag twice, or beside an npm bundle) is harmless.
if (!customElements.get('vitrine-exit-popup')) customElements.define('vitrine-exit-popup', VitrineExitPopup);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-exit-popup': VitrineExitPopup;
  }
}
