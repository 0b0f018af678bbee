/** The cart source shared by the cart-aware widgets (SPEC section 4). */
export * from './controller.js';
export * from './money.js';
export * from './signals.js';
export * from './store.js';
