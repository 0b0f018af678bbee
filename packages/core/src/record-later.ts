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
 *
 * A `view` reaches them in a later task: a widget tracks it from its first render, which runs in
 * the task that renders every element of its tag, and the chunk's import() call and the record's
 * storage work would lengthen that task (issue 18). Every other action answers a gesture that may
 * leave the page at once (a link): it goes at once, after the views still waiting, in order.
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

/** The views waiting for their later task, in the order they came. */
const waiting: Array<() => unknown> = [];

const runWaiting = (): void => {
  for (const job of waiting.splice(0)) job();
};

/** Runs `job` for `message` in order with the others: a view's in a later task, any other's now. */
function inOrder(message: TrackMessage, job: () => unknown): void {
  if (message.action != 'view') {
    runWaiting();
    job();
  } else if (waiting.push(job) == 1) {
    // A posted message runs in a task of its own as soon as the thread is free, unlike a timer
    // (clamped, throttled in a hidden tab, held by a test's fake clock).
    const channel = new MessageChannel();
    channel.port1.onmessage = runWaiting;
    channel.port2.postMessage(0);
  }
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
        inOrder(message, () =>
          loadAttribution()
            .then((attribution) => attribution.sendToBridges(message))
            .catch((error: unknown) => console.error('[vitrine] analytics:', error)),
        );
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
  inOrder(message, () =>
    loadAttribution()
      .then((attribution) => attribution.recordTouch(message, at))
      .catch((error: unknown) => console.error('[vitrine] attribution:', error)),
  );
}
