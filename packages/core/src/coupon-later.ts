/**
 * The coupon for a widget that shows one only sometimes: the sticky bar with `show-coupon`, once the
 * bus `coupon` topic has a code. The copy button's code (coupon.ts) is fetched with the first code
 * to show, so a bar that never shows one never downloads it; until it is here, nothing renders in its
 * place (the code appears a moment later, with the copy button).
 */
import type { WidgetHost } from './host.js';

type CouponModule = typeof import('./coupon-entry.js');

let coupon: CouponModule | undefined;
let loading: Promise<CouponModule> | undefined;

/** Fetches coupon.ts once (again after a failed fetch). */
export function loadCoupon(): Promise<CouponModule> {
  return (loading ??= import('./coupon-entry.js').then(
    (module) => (coupon = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** CouponController's `render(code)`, once its module is here; asks for it (and renders nothing) before. */
export class CouponLater {
  #host: WidgetHost;
  #controller?: InstanceType<CouponModule['CouponController']>;

  constructor(host: WidgetHost) {
    this.#host = host;
  }

  render(code: string) {
    if (coupon) return (this.#controller ??= new coupon.CouponController(this.#host)).render(code);
    void loadCoupon().then(
      () => this.#host.requestUpdate(),
      // Offline: no code this time; the next render asks again.
      () => {},
    );
    return '';
  }
}
