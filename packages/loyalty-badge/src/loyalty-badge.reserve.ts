// No imports: vite.config.ts reads this module too (through the umbrella's reserve-css.ts).

/**
 * The room an undefined badge takes (the loader adopts it; see the umbrella's reserve-css.ts): an
 * inline pill of fixed height, aligned as loyalty-badge.styles.ts aligns it; its slotted details
 * must not show in the page meanwhile.
 */
export const LOYALTY_BADGE_RESERVE_CSS =
  `:where(vitrine-loyalty-badge:not(:defined)){display:inline-block;vertical-align:middle;` +
  `height:var(--vitrine-loyalty-badge-height,2rem);visibility:hidden}` +
  `:where(vitrine-loyalty-badge:not(:defined))>*{display:none}`;
