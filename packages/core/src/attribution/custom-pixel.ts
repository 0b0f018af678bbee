/**
 * The Vitrine pixel as a Shopify custom pixel (Settings → Customer events → Add custom pixel):
 * scripts/custom-pixel.js bundles this file with pixel.ts into
 * examples/shopify/customer-events/vitrine-pixel.js, which the merchant pastes whole, after setting
 * the three constants at its top. A custom pixel runs in a sandboxed iframe where `analytics`,
 * `browser`, `init` and `customerPrivacy` are globals and a script may be loaded: here gtag.js, so
 * the purchase goes to the merchant's GA4 property as the `purchase` of any gtag page would.
 */
import { vitrinePixel, type Ga4Event, type WebPixelApi } from './pixel.js';

// The merchant's settings, declared by the lines the generator puts above the bundle.
declare const VITRINE_GA4_ID: string;
declare const VITRINE_WINDOW_DAYS: number;
declare const VITRINE_EVENT_NAME: string;
// The custom pixel's globals (Shopify's standard API).
declare const analytics: WebPixelApi['analytics'];
declare const browser: WebPixelApi['browser'];
declare const init: WebPixelApi['init'];
declare const customerPrivacy: WebPixelApi['customerPrivacy'];

type GtagWindow = { dataLayer?: unknown[]; document?: Document };

/** Loads gtag.js in the sandbox, once, and returns a sender for it. */
function gtagSender(measurementId: string): (event: Ga4Event) => void {
  const scope = globalThis as GtagWindow;
  const dataLayer = (scope.dataLayer ??= []);
  // gtag.js reads the `arguments` object itself, not an array: Google's snippet, as written.
  const gtag = function (..._args: unknown[]) {
    dataLayer.push(arguments); // eslint-disable-line prefer-rest-params
  };
  let loaded = false;
  return (event) => {
    if (!loaded) {
      loaded = true;
      const script = document.createElement('script');
      script.async = true;
      script.src = `https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(measurementId)}`;
      document.head.append(script);
      gtag('js', new Date());
      // No page view from the sandbox: the shop's own tag counts pages.
      gtag('config', measurementId, { send_page_view: false });
    }
    gtag('event', event.name, { ...event.params, send_to: measurementId });
  };
}

void vitrinePixel(
  { analytics, browser, init, customerPrivacy },
  { windowDays: VITRINE_WINDOW_DAYS, eventName: VITRINE_EVENT_NAME, send: gtagSender(VITRINE_GA4_ID) },
);
