/**
 * The tags the script-tag loader knows, and what it imports when one appears. A child tag
 * (`<vitrine-wheel-segment>`) maps to its parent's chunk. Kept apart from the loader so the
 * loader test and the docs can read the list.
 */
export const WIDGET_CHUNKS: Record<string, () => Promise<unknown>> = {
  'vitrine-countdown': () => import('@vitrine/countdown/define'),
};

/**
 * Room that in-flow widgets reserve while their code is still on its way, so the page does
 * not move when it arrives (adopted at once by the loader; the README snippet shows the same).
 * The figures mirror each widget's own styles.
 */
export const UNDEFINED_CSS = `vitrine-countdown:not(:defined){display:inline-block;min-height:calc(var(--vitrine-countdown-digit-size,1.5em)*1.2 + var(--vitrine-countdown-unit-size,.7em)*1.2 + .7em)}vitrine-countdown[layout=inline]:not(:defined){min-height:1.2em}`;
