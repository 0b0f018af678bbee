import { EXPERIMENT_RESERVE_CSS } from '@vitrine/core/reserve';
import { COUNTDOWN_RESERVE_CSS } from '@vitrine/countdown/reserve';
import { EXIT_POPUP_RESERVE_CSS } from '@vitrine/exit-popup/reserve';
import { LOYALTY_BADGE_RESERVE_CSS } from '@vitrine/loyalty-badge/reserve';
import { SHIPPING_PROGRESS_RESERVE_CSS } from '@vitrine/shipping-progress/reserve';
import { STICKY_BAR_RESERVE_CSS } from '@vitrine/sticky-bar/reserve';
import { WHEEL_RESERVE_CSS } from '@vitrine/wheel/reserve';

/**
 * Room that in-flow widgets reserve while their code is still on its way, so the page does
 * not move when it arrives (adopted at once by the loader, written to dist/vitrine.css by the
 * build; the README snippet shows the same). Each widget owns its rules, beside its styles
 * (`<widget>.reserve.ts`, exported as `@vitrine/<widget>/reserve`); test/loader/layout.test.ts
 * checks them against the rendered widgets.
 *
 * Every rule is wrapped in `:where()` (no specificity), so a merchant's own rule for the tag
 * (`vitrine-countdown { display: block }`) wins here as it will once the widget is defined; for
 * the same reason the experiment's rules come last: they win over the widgets' own.
 */
export const UNDEFINED_CSS =
  COUNTDOWN_RESERVE_CSS +
  STICKY_BAR_RESERVE_CSS +
  EXIT_POPUP_RESERVE_CSS +
  SHIPPING_PROGRESS_RESERVE_CSS +
  LOYALTY_BADGE_RESERVE_CSS +
  WHEEL_RESERVE_CSS +
  EXPERIMENT_RESERVE_CSS;
