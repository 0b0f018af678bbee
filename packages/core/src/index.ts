/**
 * @vitrine/core — the only code the widgets share: the page's event bus, the controllers
 * (clock, schedule, dismissal, reduced motion, cart), storage, analytics bridges, fr/en texts and
 * the attribute parsers with their one-warning reporter.
 */
export * from './bus.js';
export * from './now.js';
export * from './consent.js';
export * from './element.js';
export type * from './host.js';
export * from './storage.js';
export * from './track.js';
export { installBridgesLater, installRecorder, loadAttribution } from './record-later.js';
export * from './random.js';
export * from './experiment/decide.js';
export * from './experiment/experiment.js';
export * from './i18n/index.js';
export { placeholdersOf } from './i18n/placeholders.js';
export * from './parse/attribute.js';
export * from './parse/amounts.js';
export * from './parse/count.js';
export * from './parse/url.js';
export * from './parse/zero-duration.js';
export * from './parse/datetime.js';
export * from './parse/duration.js';
export * from './parse/list.js';
export * from './parse/money.js';
export * from './parse/warn.js';
export * from './controllers/clock.js';
export * from './controllers/dismissal.js';
export * from './controllers/reduced-motion.js';
export * from './controllers/schedule.js';
export * from './coupon.js';
export * from './coupon-later.js';
export * from './controllers/on-screen.js';
export * from './popup/triggers.js';
export * from './popup/turns.js';
export * from './popup/modal.js';
export * from './popup/overlay.js';
export * from './popup/popup-controller.js';
export * from './popup/overlay.styles.js';
export * from './leads/delivery.js';
export * from './leads/outbox.js';
export { onLeadSettled, readOutbox } from './leads/settled.js';
export { postJson } from './leads/unique-code.js';
export * from './leads/email.js';
export * from './leads/capture.styles.js';
export * from './leads/capture.js';
export * from './popup/popup-element.js';
export * from './cart/index.js';
export * from './debug-state.js';
export * from './controllers/targeting.js';
export type * from './schedule/recurrence.js';
