// No imports: vite.config.ts reads this module too (through the umbrella's reserve-css.ts).

/**
 * What an experiment does to the room of its variants before the page's code arrives (the loader
 * adopts it; see the umbrella's reserve-css.ts). An experiment takes no room itself; until it has
 * decided (it then gets a `variant` attribute) only its first variant keeps room, unseen, so the
 * kept one takes that place and nothing moves when the variants are alike (two bars, two
 * countdowns). The umbrella puts these rules last, so they win over the widgets' own.
 */
export const EXPERIMENT_RESERVE_CSS =
  `:where(vitrine-experiment){display:contents}` +
  `:where(vitrine-experiment:not([variant])>*){visibility:hidden}` +
  `:where(vitrine-experiment:not([variant])>:not(:first-child)){display:none}`;
