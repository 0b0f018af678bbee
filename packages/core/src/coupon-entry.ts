/** What coupon-later.ts fetches: the copy button alone, from the pop-up machinery's chunk that holds it. */
export { CouponController } from './coupon.js';
