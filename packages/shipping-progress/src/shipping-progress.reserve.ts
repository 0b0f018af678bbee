// No imports: vite.config.ts reads this module too (through the umbrella's reserve-css.ts).

/**
 * The room an undefined progress takes (the loader adopts it; see the umbrella's reserve-css.ts):
 * its message line(s), the gap and the bar, the three figures of shipping-progress.styles.ts.
 */
export const SHIPPING_PROGRESS_RESERVE_CSS =
  `:where(vitrine-shipping-progress:not(:defined)){display:block;visibility:hidden;overflow:hidden;` +
  `height:calc(var(--vitrine-shipping-progress-lines,1)*1.4em + .5em + var(--vitrine-shipping-progress-height,.5rem))}`;
