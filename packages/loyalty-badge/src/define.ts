import { VitrineLoyaltyBadge } from './loyalty-badge.js';

// The class is exported by the package's main entry; this one only registers the tag, so the
// script-tag loader's import() of it needs no module namespace object.

// Defined once per page: a second copy of Vitrine (script tag twice, or beside an npm bundle) is harmless.
if (!customElements.get('vitrine-loyalty-badge')) customElements.define('vitrine-loyalty-badge', VitrineLoyaltyBadge);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-loyalty-badge': VitrineLoyaltyBadge;
  }
}
