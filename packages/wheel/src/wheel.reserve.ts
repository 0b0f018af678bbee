// No imports: vite.config.ts reads this module too (through the umbrella's reserve-css.ts).

/**
 * The room an undefined wheel takes (the loader adopts it; see the umbrella's reserve-css.ts).
 * Inline: the card's fixed aspect ratio (wheel.styles.ts), so its room is known before its code
 * (taller with the email form, so the wheel keeps a fair size beside it); a pop-up wheel and the
 * segments take none.
 */
export const WHEEL_RESERVE_CSS =
  `:where(vitrine-wheel:not(:defined)){display:block;box-sizing:border-box;visibility:hidden;` +
  `inline-size:min(100%,var(--vitrine-wheel-size,22rem));aspect-ratio:3/4}` +
  `:where(vitrine-wheel[capture]:not(:defined)){aspect-ratio:3/5}` +
  `:where(vitrine-wheel[mode=popup i]:not(:defined),vitrine-wheel-segment:not(:defined)){display:none}`;
