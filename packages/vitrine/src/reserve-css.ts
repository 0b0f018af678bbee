// No imports: vite.config.ts reads this module too, to write dist/vitrine.css.

/** The countdown's font stack (countdown.styles.ts): the reserved line must have the same metrics. */
const COUNTDOWN_FONT = `var(--vitrine-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif)`;

/**
 * Room that in-flow widgets reserve while their code is still on its way, so the page does
 * not move when it arrives (adopted at once by the loader; the README snippet shows the same).
 * The figures mirror each widget's own styles, and test/loader/layout.test.ts checks them
 * against the rendered widget.
 *
 * Reserving the height is not enough: an empty inline-block sits on the baseline by its
 * bottom edge, so the line it is in grows by the font's descent and the text beside it moves.
 * A zero-width character (`::before`) gives the placeholder the baseline the rendered widget
 * will have: the first line of digits in a box (boxes), or a text line centred in the row
 * (with a label, or inline).
 *
 * Every rule is wrapped in `:where()` (no specificity), so a merchant's own rule for the tag
 * (`vitrine-countdown { display: block }`) wins here as it will once the widget is defined.
 */
export const UNDEFINED_CSS = [
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
  // The sticky bar is an overlay (no room) unless `push`: then exactly its height, plus the phone's safe area.
  // Overlays take no room, and their slotted text must not show in the page before they are defined.
  `:where(vitrine-sticky-bar:not(:defined),vitrine-exit-popup:not(:defined)){display:none}`,
  `:where(vitrine-sticky-bar[push]:not(:defined)){display:block;visibility:hidden;overflow:hidden;` +
    `height:calc(var(--vitrine-sticky-bar-height,2.75rem) + env(safe-area-inset-top,0px))}`,
  `:where(vitrine-sticky-bar[push][position=bottom i]:not(:defined)){` +
    `height:calc(var(--vitrine-sticky-bar-height,2.75rem) + env(safe-area-inset-bottom,0px))}`,
  // Free-shipping progress: its message line(s), the gap and the bar.
  `:where(vitrine-shipping-progress:not(:defined)){display:block;visibility:hidden;overflow:hidden;` +
    `height:calc(var(--vitrine-shipping-progress-lines,1)*1.4em + .5em + var(--vitrine-shipping-progress-height,.5rem))}`,
  // Loyalty badge: an inline pill of fixed height; its slotted details must not show meanwhile.
  `:where(vitrine-loyalty-badge:not(:defined)){display:inline-block;vertical-align:middle;` +
    `height:var(--vitrine-loyalty-badge-height,2rem);visibility:hidden}`,
  `:where(vitrine-loyalty-badge:not(:defined))>*{display:none}`,
  // Inline wheel: a fixed aspect ratio, so its room is known before its code (taller with the email
  // form, so the wheel keeps a fair size beside it); a pop-up wheel and the segments take none.
  `:where(vitrine-wheel:not(:defined)){display:block;box-sizing:border-box;visibility:hidden;` +
    `inline-size:min(100%,var(--vitrine-wheel-size,22rem));aspect-ratio:3/4}`,
  `:where(vitrine-wheel[capture]:not(:defined)){aspect-ratio:3/5}`,
  `:where(vitrine-wheel[mode=popup i]:not(:defined),vitrine-wheel-segment:not(:defined)){display:none}`,
  // An experiment takes no room itself; until it has decided (it then gets a `variant` attribute) only
  // its first variant keeps room, unseen, so the kept one takes that place and nothing moves when the
  // variants are alike (two bars, two countdowns). Last: it wins over the widgets' rules above.
  `:where(vitrine-experiment){display:contents}`,
  `:where(vitrine-experiment:not([variant])>*){visibility:hidden}`,
  `:where(vitrine-experiment:not([variant])>:not(:first-child)){display:none}`,
].join('');
