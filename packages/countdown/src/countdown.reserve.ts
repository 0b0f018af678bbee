// No imports: vite.config.ts reads this module too (through the umbrella's reserve-css.ts).

/** The countdown's font stack (countdown.styles.ts): the reserved line must have the same metrics. */
const COUNTDOWN_FONT = `var(--vitrine-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif)`;

/**
 * The room an undefined countdown takes (the loader adopts it; see the umbrella's reserve-css.ts).
 * The figures mirror countdown.styles.ts, and test/loader/layout.test.ts checks them against the
 * rendered countdown.
 *
 * Reserving the height is not enough: an empty inline-block sits on the baseline by its
 * bottom edge, so the line it is in grows by the font's descent and the text beside it moves.
 * A zero-width character (`::before`) gives the placeholder the baseline the rendered widget
 * will have: the first line of digits in a box (boxes), or a text line centred in the row
 * (with a label, or inline).
 */
export const COUNTDOWN_RESERVE_CSS = [
  // boxes: padding .35em + digits (1.5em × line-height 1.2) + unit names (.7em × 1.2) + padding .35em.
  `:where(vitrine-countdown:not(:defined)){display:inline-flex;align-items:flex-start;box-sizing:border-box;` +
    `padding-top:.35em;line-height:1.2;font-family:${COUNTDOWN_FONT};` +
    `min-height:calc(var(--vitrine-countdown-digit-size,1.5em)*1.2 + var(--vitrine-countdown-unit-size,.7em)*1.2 + .7em)}`,
  `:where(vitrine-countdown:not(:defined))::before{content:"\\200b";font-size:var(--vitrine-countdown-digit-size,1.5em)}`,
  // With a label, the row's first item is the label, centred: its baseline is the widget's.
  `:where(vitrine-countdown[label]:not(:defined)){align-items:center;padding-top:0}`,
  `:where(vitrine-countdown[label]:not(:defined))::before{font-size:1em}`,
  // inline: one line of text, or the pause button (1.75rem, at least 24px) when that is taller.
  `:where(vitrine-countdown[layout=inline]:not(:defined)){align-items:center;padding-top:0;` +
    `min-height:max(calc(var(--vitrine-countdown-digit-size,1em)*1.2),1.75rem,24px)}`,
  `:where(vitrine-countdown[layout=inline]:not(:defined))::before{font-size:1em}`,
].join('');
