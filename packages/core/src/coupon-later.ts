/**
 * The coupon for the widgets that show one only sometimes: the sticky bar (`show-coupon`, once a
 * code is on the bus), the exit pop-up (as it opens, or after the sign-up) and the wheel (after a
 * win). The code block with its copy button (coupon.ts, with its texts and styles) is a chunk of its
 * own in the script-tag build, fetched when a code is about to show, so that the many pages that
 * never show one never download it. Until it is here nothing renders in the code's place; a code
 * is never lost: if the chunk cannot be fetched, the code shows as plain, selectable text.
 */
import { html, nothing } from 'lit';
import type { WidgetHost } from './host.js';

type CouponModule = typeof import('./coupon.js');

let coupon: CouponModule | undefined;
let loading: Promise<CouponModule> | undefined;

/** Fetches the code block once (asked again after a failed fetch). */
export function loadCoupon(): Promise<CouponModule> {
  return (loading ??= import('./coupon.js').then(
    (module) => (coupon = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** CouponController's `render(code)` once its module is here; fetches it (and renders nothing) before. */
export class CouponLater {
  #host: WidgetHost;
  #controller?: InstanceType<CouponModule['CouponController']>;
  #failed = false;

  constructor(host: WidgetHost) {
    this.#host = host;
  }

  /**
   * Fetches the code block now, as a code is on its way (a sign-up sent, a spin started), so that
   * it is here when the code shows. Resolves once it is here, or could not come; never rejects.
   */
  fetch(): Promise<void> {
    return loadCoupon().then(
      () => {
        this.#failed = false;
      },
      () => {
        this.#failed = true;
      },
    );
  }

  render(code: string) {
    if (coupon) return (this.#controller ??= new coupon.CouponController(this.#host)).render(code);
    // The network failed: the shopper still gets the code, to select and copy by hand.
    if (this.#failed) return html`<div part="coupon"><span part="coupon-code">${code}</span></div>`;
    void this.fetch().then(() => this.#host.requestUpdate());
    return nothing;
  }
}
