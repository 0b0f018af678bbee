// No imports: vite.config.ts reads this module too (through the umbrella's reserve-css.ts).

/**
 * The room an undefined bar takes (the loader adopts it; see the umbrella's reserve-css.ts): none,
 * as the overlay it is, and its slotted text must not show in the page meanwhile; with `push`,
 * exactly its height plus the phone's safe area (the same expression as sticky-bar.styles.ts).
 */
export const STICKY_BAR_RESERVE_CSS =
  `:where(vitrine-sticky-bar:not(:defined)){display:none}` +
  `:where(vitrine-sticky-bar[push]:not(:defined)){display:block;visibility:hidden;overflow:hidden;` +
  `height:calc(var(--vitrine-sticky-bar-height,2.75rem) + env(safe-area-inset-top,0px))}` +
  `:where(vitrine-sticky-bar[push][position=bottom i]:not(:defined)){` +
  `height:calc(var(--vitrine-sticky-bar-height,2.75rem) + env(safe-area-inset-bottom,0px))}`;
