/**
 * What the hold (hold.ts, in every widget's code) and the decision (decide.ts, loaded only for a page
 * with an experiment) both know: the tag, the widgets waiting for a decision, and the name of the
 * decided experiment around an element. Here, so that neither imports the other back.
 */
import { pageSingleton } from '../bus.js';

export const EXPERIMENT_TAG = 'vitrine-experiment';

export type Held = HTMLElement & { connectedCallback(): void };

/** Widgets waiting for an experiment that has not decided yet. Page-wide (decide.ts shares it). */
export const heldWidgets = (): Set<Held> =>
  pageSingleton<Set<Held>>(
    'vitrine.experiment.held',
    (held) => held != null,
    () => new Set(),
  );

/** The name of the decided experiment around `element` (for analytics), or undefined. */
export function experimentNameOf(element: Element): string | undefined {
  // Decided experiments carry the kept label in `variant` (decide.ts).
  const experiment = element.parentElement?.closest(`${EXPERIMENT_TAG}[variant]`);
  return experiment ? experiment.getAttribute('name')?.trim() || EXPERIMENT_TAG : undefined;
}
