import { VitrineGoal, VitrineShippingProgress } from './shipping-progress.js';

// The classes are exported by the package's main entry; this one only registers the tags, so the
// script-tag loader's import() of it needs no module namespace object.

// Defined once per page: a second copy of Vitrine (script tag twice, or beside an npm bundle) is harmless.
// The goal first: the progress reads its children when it first renders.
if (!customElements.get('vitrine-goal')) customElements.define('vitrine-goal', VitrineGoal);
if (!customElements.get('vitrine-shipping-progress')) {
  customElements.define('vitrine-shipping-progress', VitrineShippingProgress);
}

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-shipping-progress': VitrineShippingProgress;
    'vitrine-goal': VitrineGoal;
  }
}
