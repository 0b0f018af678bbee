/**
 * The tags the script-tag loader knows, and what it imports when one appears. A child tag
 * (`<vitrine-goal>`, `<vitrine-wheel-segment>`) is not listed: it means nothing without its parent, whose chunk defines it. Kept apart from the loader so the
 * loader test and the docs can read the list.
 */
export const WIDGET_CHUNKS: Record<string, () => Promise<unknown>> = {
  // First: its variants are decided (the losers removed) before their own chunks are asked for.
  'vitrine-experiment': () => import('@vitrine/core/experiment'),
  'vitrine-countdown': () => import('@vitrine/countdown/define'),
  'vitrine-sticky-bar': () => import('@vitrine/sticky-bar/define'),
  'vitrine-exit-popup': () => import('@vitrine/exit-popup/define'),
  'vitrine-shipping-progress': () => import('@vitrine/shipping-progress/define'),
  'vitrine-loyalty-badge': () => import('@vitrine/loyalty-badge/define'),
  'vitrine-wheel': () => import('@vitrine/wheel/define'),
};

export { UNDEFINED_CSS } from './reserve-css.js';
