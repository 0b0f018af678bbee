// The Vitrine web pixel: Shopify calls the function given to `register` with the pixel's standard
// API and the merchant's settings (shopify.extension.toml). Everything else is core's
// attribution/pixel.ts, shared with the custom pixel, and tested there (test/node/pixel.test.ts).
import { register } from '@shopify/web-pixels-extension';
import { measurementProtocolRelay, vitrinePixel } from '@vitrine/core/pixel';

register(({ analytics, browser, init, customerPrivacy, settings }) => {
  void vitrinePixel(
    { analytics, browser, init, customerPrivacy },
    {
      windowDays: Number(settings.windowDays) || 7,
      eventName: settings.eventName || 'purchase',
      send: measurementProtocolRelay(settings.endpoint),
    },
  );
});
