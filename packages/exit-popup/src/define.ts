import { VitrineExitPopup } from './exit-popup.js';

export { VitrineExitPopup };

// Defined once per page: a second copy of Vitrine (script tag twice, or beside an npm bundle) is harmless.
if (!customElements.get('vitrine-exit-popup')) customElements.define('vitrine-exit-popup', VitrineExitPopup);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-exit-popup': VitrineExitPopup;
  }
}
