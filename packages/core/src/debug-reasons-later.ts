/**
 * What element.ts imports as `./debug-reasons.js` in the script-tag build (vite.config.ts): the
 * debug sentences are only read by `window.vitrine.debug()` and the debug panel, whose API chunk
 * installs the real ones (debug-reasons.ts) for the page before it lists any widget. So the chunk
 * every page loads carries none of them. Asked before that (a page's own code calling
 * `debugState()` itself), a widget says it cannot tell yet.
 */
import { pageValue } from './bus.js';
import type { DebugReasons } from './debug-reasons.js';

const installed = () => pageValue<DebugReasons>('vitrine.debug.reasons');

const NOT_YET = 'unknown until window.vitrine.debug() has run';

export const debugReasons: DebugReasons = {
  state: (widget, ...rest) =>
    installed()?.state(widget, ...rest) ?? {
      tag: widget.localName,
      campaign: widget.campaignId,
      shown: false,
      reason: NOT_YET,
      code: 'waiting',
    },
  hidden: (...args) => installed()?.hidden(...args) ?? null,
  badInput: (...args) => installed()?.badInput(...args) ?? { code: 'bad-input', reason: NOT_YET },
};
