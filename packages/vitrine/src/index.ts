/**
 * `vitrine`: every widget class and all of core, for bundlers. Import `vitrine/define` to
 * register every tag, or use the script-tag build `vitrine/dist/vitrine.js`.
 */
export * from '@vitrine/core';
export * from '@vitrine/countdown';
export * from '@vitrine/exit-popup';
export * from '@vitrine/loyalty-badge';
export * from '@vitrine/shipping-progress';
export * from '@vitrine/sticky-bar';
export * from '@vitrine/wheel';
