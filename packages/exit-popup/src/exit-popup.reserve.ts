// No imports: vite.config.ts reads this module too (through the umbrella's reserve-css.ts).

/**
 * The room an undefined pop-up takes (the loader adopts it; see the umbrella's reserve-css.ts):
 * none, as the overlay it is, and its slotted text must not show in the page meanwhile.
 */
export const EXIT_POPUP_RESERVE_CSS = `:where(vitrine-exit-popup:not(:defined)){display:none}`;
