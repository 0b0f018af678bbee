/**
 * What a widget's `track()` needs in the shared chunk: two small subscribers on `track`, installed
 * once per page. The work is in the attribution chunk, fetched with the first message a widget
 * tracks — only where Shopify's `analytics` consent allows, and never in a time-travel preview:
 * - the bridges (track.ts: GA4's dataLayer, Shopify.analytics.publish) forward each message;
 * - the recorder keeps the visit's touches (what this visitor saw and did).
 * One promise for both: messages reach the bridges and the record in the order they came, each
 * with the time it came, even before the chunk arrived. Apart from track.ts so that the chunk may
 * install the bridges itself (a thank-you page's `vitrine.conversion()` with no widget) without an
 * import circle.
 */
import { getBus, pageSingleton, type TrackMessage } from './bus.js';
import { analyticsAllowed } from './consent.js';
import { timeTravelling } from './now.js';

let chunk: Promise<typeof import('./attribution/record.js')> | undefined;

/** The attribution chunk (with the bridges), fetched once; a failed fetch is asked again next time. */
export function loadAttribution(): Promise<typeof import('./attribution/record.js')> {
  return (chunk ??= import('./attribution/record.js').catch((error: unknown) => {
    chunk = undefined;
    throw error;
  }));
}

/** Whether this message may go anywhere now (a time-travel preview sends nothing, not even the page's own). */
const sendable = () => analyticsAllowed() && !timeTravelling();

/**
 * Installs the bridges once per page, whichever copy asks first (the same page key as track.ts's
 * `installTrackBridges`, which a page that already holds the chunk installs at once).
 */
export function installBridgesLater(): void {
  pageSingleton<boolean>('vitrine.bridges', Boolean, () => {
    getBus().subscribe('track', (message) => {
      if (sendable())
        loadAttribution()
          .then((attribution) => attribution.sendToBridges(message))
          .catch((error: unknown) => console.error('[vitrine] analytics:', error));
    });
    return true;
  });
}

/** Records every `track` message of the page from now on, once per page, whichever copy asks first. */
export function installRecorder(): void {
  pageSingleton<boolean>('vitrine.attribution.recorder', Boolean, () => {
    getBus().subscribe('track', recordLater);
    return true;
  });
}

function recordLater(message: TrackMessage): void {
  if (!sendable()) return;
  const at = Date.now();
  loadAttribution()
    .then((attribution) => attribution.recordTouch(message, at))
    .catch((error: unknown) => console.error('[vitrine] attribution:', error));
}
