/**
 * The visit's touches (what this visitor saw and did) are kept by the attribution chunk, fetched
 * with the first message a widget tracks — only where Shopify's `analytics` consent allows, as the
 * bridges do. Apart from track.ts so that the chunk may install the bridges itself (a thank-you
 * page's `vitrine.conversion()` with no widget) without an import circle.
 */
import { getBus, pageSingleton, type TrackMessage } from './bus.js';
import { analyticsAllowed } from './consent.js';
import { timeTravelling } from './now.js';

/** Records every `track` message of the page from now on, once per page, whichever copy asks first. */
export function installRecorder(): void {
  pageSingleton<boolean>('vitrine.attribution.recorder', Boolean, () => {
    getBus().subscribe('track', recordLater);
    return true;
  });
}

let recorder: Promise<(message: TrackMessage, at: number) => void> | undefined;

function recordLater(message: TrackMessage): void {
  if (!analyticsAllowed() || timeTravelling()) return;
  // One promise: messages are recorded in the order they came, at the time they came, even
  // before the chunk arrived.
  const at = Date.now();
  (recorder ??= import('./attribution/record.js').then((chunk) => chunk.recordTouch))
    .then((recordTouch) => recordTouch(message, at))
    .catch((error: unknown) => console.error('[vitrine] attribution:', error));
}
