import { VitrineCountdown } from './countdown.js';

export { VitrineCountdown };

// Defined once per page: a second copy of Vitrine (script tag twice, or beside an npm bundle) is harmless.
if (!customElements.get('vitrine-countdown')) customElements.define('vitrine-countdown', VitrineCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-countdown': VitrineCountdown;
  }
}
