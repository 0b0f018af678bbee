/**
 * The part of experiments every widget carries: a widget inside a `<vitrine-experiment>` does not
 * connect (so it neither renders nor sends `view`) until the experiment has decided. The decision
 * itself (decide.ts: buckets, the draw, `?vitrine-variant`) is imported only then, so a page
 * without experiments never downloads it — it is about 1.3 KB brotli, and every widget page
 * would otherwise pay for it in the shared chunk.
 */
import { EXPERIMENT_TAG, heldWidgets, type Held } from './page.js';

export { experimentNameOf } from './page.js';

type Decide = typeof import('./decide.js');

let decide: Decide | undefined;

/**
 * Asked by every widget as it connects: true when it must not connect now — a losing variant
 * (removed from the document), or a variant whose experiment has not decided yet (it connects
 * again once it has).
 */
export function heldByExperiment(widget: Held): boolean {
  const experiment = widget.parentElement?.closest(EXPERIMENT_TAG);
  if (!experiment) return false;
  if (decide) return decide.heldByExperiment(widget);
  // Already decided (the script-tag loader brings the experiment's code first): the kept variant,
  // which carries the kept label, connects at once — waiting for an import would let its light
  // DOM show for a frame. Anything else (a loser, a nested experiment) goes through the decision.
  const kept = experiment.getAttribute('variant');
  if (
    kept !== null &&
    !experiment.parentElement?.closest(EXPERIMENT_TAG) &&
    [...experiment.children].some((child) => child.contains(widget) && child.getAttribute('variant') === kept)
  )
    return false;
  heldWidgets().add(widget);
  import('./decide.js').then(
    (module) => {
      decide = module;
      for (const waiting of [...heldWidgets()]) {
        heldWidgets().delete(waiting);
        if (waiting.isConnected) waiting.connectedCallback();
      }
    },
    (error: unknown) => {
      // Without the decision the variants show as if there were no experiment: never an empty page.
      console.error('[vitrine] could not load the experiment code:', error);
      decide = { heldByExperiment: () => false } as unknown as Decide;
      for (const waiting of [...heldWidgets()]) {
        heldWidgets().delete(waiting);
        if (waiting.isConnected) waiting.connectedCallback();
      }
    },
  );
  return true;
}
