/** Registers every Vitrine tag (each only if not yet defined). */
import '@vitrine/core/experiment';
import '@vitrine/countdown/define';
import '@vitrine/exit-popup/define';
import '@vitrine/loyalty-badge/define';
import '@vitrine/shipping-progress/define';
import '@vitrine/sticky-bar/define';
import '@vitrine/wheel/define';
