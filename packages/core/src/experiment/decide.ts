/**
 * The decision of a `<vitrine-experiment>`: which of its children (the variants) this visitor
 * sees. It is a plain function, not the element's, because two things may need it first and the
 * script-tag loader does not say which arrives first: the experiment's own chunk, or a widget
 * inside it (its `VitrineElement.connectedCallback` asks `heldByExperiment`). Whoever comes first
 * decides, once; the losing variants are removed from the document before they ever connect, so
 * they never render, never send `view` and never take room.
 *
 * - Buckets are stable: the kept label is stored per experiment name (`<name>:bucket`) in core
 *   storage — localStorage, else sessionStorage, else memory (no consent, blocked storage), so a
 *   visitor without storage gets a bucket per session or per page view, never a broken page.
 * - The draw is core's `pickIndex` (crypto, no modulo bias), weighted by `split`.
 * - `?vitrine-variant=<name>:<label>` (repeatable) forces a variant in this browser, for QA,
 *   without touching the stored bucket.
 * - The state is kept on the element under `Symbol.for('vitrine.experiment')`, so any copy of
 *   Vitrine on the page (and `window.vitrine.debug()`) reads the same decision.
 */
import { customEvent } from '../bus.js';
import { connectedWidgets } from '../debug-state.js';
import { blank } from '../parse/attribute.js';
import { noteOnce, warnOnce } from '../parse/warn.js';
import { cryptoSource, pickIndex, type RandomSource } from '../random.js';
import { campaignKey, pageResetters, storage } from '../storage.js';
import { EXPERIMENT_TAG, experimentNameOf, heldWidgets } from './page.js';

export { EXPERIMENT_TAG, experimentNameOf };

export const SPLIT_EXPECTED = 'one positive weight per variant, separated by commas (50, 50)';

/** What an experiment decided: listed by `window.vitrine.debug()`, sent with the `vitrine-experiment` event. */
export interface ExperimentState {
  /** The experiment's `name` (storage key and analytics). */
  name: string;
  /** Every variant's label, in document order. */
  variants: string[];
  /** Their weights (from `split`, else equal). */
  weights: number[];
  /** The label kept for this visitor. */
  variant: string;
  /** True when `?vitrine-variant=` chose it (nothing stored). */
  forced: boolean;
}

const STATE = Symbol.for('vitrine.experiment');

type Held = HTMLElement & { connectedCallback(): void };
type WithState = Element & { [STATE]?: ExperimentState };

const held = heldWidgets;

/** The label of the variant at `index` without a `variant` attribute: A, B, … Z, then 27, 28 … */
const positionLabel = (index: number) => (index < 26 ? String.fromCharCode(65 + index) : String(index + 1));

/** The decided state of `experiment`, or undefined while it is undecided. */
export function experimentState(experiment: Element): ExperimentState | undefined {
  return (experiment as WithState)[STATE];
}

/** `split` as weights for `count` variants; equal weights (with one warning) when it is not that. */
export function splitWeights(experiment: Element, count: number): number[] {
  const equal = Array.from({ length: count }, () => 1);
  const split = experiment.getAttribute('split');
  if (blank(split)) return equal;
  const weights = split.split(',').map((part) => (/^\s*\d+(\.\d+)?\s*%?\s*$/.test(part) ? parseFloat(part) : NaN));
  if (weights.length === count && weights.every((weight) => weight > 0 && weight <= 10_000)) return weights;
  warnOnce(experiment, 'split', split, `${SPLIT_EXPECTED}, for ${count} variants`);
  return equal;
}

/** The labels `?vitrine-variant=<name>:<label>` forces for experiment `name` (last one wins). */
function forcedLabel(name: string): string | undefined {
  let label: string | undefined;
  for (const value of new URLSearchParams(location.search).getAll('vitrine-variant')) {
    const colon = value.lastIndexOf(':');
    if (colon > 0 && value.slice(0, colon).trim() === name) label = value.slice(colon + 1).trim();
  }
  return label;
}

/**
 * While the page is still parsing, an experiment whose end tag has not been reached may not
 * have all its variants yet: the parser has inserted something after it (or after an ancestor)
 * only once it is complete.
 */
function complete(experiment: Element): boolean {
  if (document.readyState !== 'loading') return true;
  for (let node: Node | null = experiment; node; node = node.parentNode) if (node.nextSibling) return true;
  return false;
}

let waitingForParse = false;

/**
 * Decides `experiment` now if it can (see `complete`); returns its decision, or undefined when it
 * has to wait for the end of parsing (it then decides by itself at DOMContentLoaded).
 * `random` is the draw's source of randomness (a stub in tests).
 */
export function decideExperiment(
  experiment: Element,
  random: RandomSource = cryptoSource,
): ExperimentState | undefined {
  const host = experiment as WithState;
  if (host[STATE]) return host[STATE];
  const children = [...experiment.children];
  if (!complete(experiment) || !children.length) {
    if (!waitingForParse && document.readyState === 'loading') {
      waitingForParse = true;
      document.addEventListener('DOMContentLoaded', () => {
        for (const other of document.querySelectorAll(EXPERIMENT_TAG)) {
          try {
            decideExperiment(other);
          } catch (error) {
            console.error('[vitrine] could not decide an experiment:', error);
          }
        }
      });
    }
    return undefined;
  }
  const name = experiment.getAttribute('name')?.trim() || EXPERIMENT_TAG;
  const variants = children.map((child, index) => child.getAttribute('variant')?.trim() || positionLabel(index));
  const weights = splitWeights(experiment, children.length);

  const forcedAs = forcedLabel(name);
  let index = forcedAs === undefined ? -1 : variants.indexOf(forcedAs);
  const forced = index >= 0;
  if (forcedAs !== undefined && !forced)
    noteOnce(experiment, `ignored ?vitrine-variant=${name}:${forcedAs}: expected one of ${variants.join(', ')}`);
  if (!forced) {
    const key = campaignKey(name, 'bucket');
    const stored = storage.get<unknown>(key);
    index = typeof stored === 'string' ? variants.indexOf(stored) : -1;
    // A label that no longer exists (the merchant renamed or removed a variant) is drawn again.
    if (index < 0) {
      index = pickIndex(weights, random);
      storage.set(key, variants[index]);
    }
  }

  const kept = children[index];
  const variant = variants[index];
  for (const child of children) if (child !== kept) child.remove();
  // The label goes on every track event: on the kept variant, and on the widgets a wrapper holds.
  for (const element of [kept, ...kept.querySelectorAll('*')]) {
    if ((element === kept || element.localName.startsWith('vitrine-')) && !element.hasAttribute('variant'))
      element.setAttribute('variant', variant);
  }
  const state: ExperimentState = { name, variants, weights, variant, forced };
  host[STATE] = state;
  // Marks it decided for CSS (the reserve rules hide the variants until then).
  experiment.setAttribute('variant', variant);
  // customEvent: a page that replaced CustomEvent must not stop the held variants below from rendering.
  experiment.dispatchEvent(customEvent('vitrine-experiment', { detail: { ...state }, bubbles: true, composed: true }));
  for (const widget of [...held()]) {
    if (!widget.isConnected || experiment.contains(widget)) held().delete(widget);
    // Its connectedCallback asks again, now that the experiment has decided.
    if (widget.isConnected && experiment.contains(widget)) widget.connectedCallback();
  }
  return state;
}

/**
 * Asked by every widget as it connects: true when it must not connect now, because it is a
 * losing variant of an experiment around it (removed from the document by this very call) or
 * because that experiment cannot decide yet (the widget connects again once it has).
 * Experiments around experiments are decided from the outermost in.
 */
export function heldByExperiment(widget: Held): boolean {
  try {
    const experiments: Element[] = [];
    for (
      let around = widget.parentElement?.closest(EXPERIMENT_TAG);
      around;
      around = around.parentElement?.closest(EXPERIMENT_TAG)
    )
      experiments.unshift(around);
    for (const experiment of experiments) {
      if (!decideExperiment(experiment)) {
        held().add(widget);
        return true;
      }
      // A variant added after the decision (a script appended it) is not one this visitor sees; the
      // kept one re-created (window.vitrine.reset() clones widgets) carries the kept label.
      const variant = [...experiment.children].find((child) => child.contains(widget));
      if (variant && variant.getAttribute('variant') !== experimentState(experiment)!.variant) variant.remove();
    }
    return !widget.isConnected;
  } catch (error) {
    // Never into the page's onerror: the widget then shows as if there were no experiment.
    console.error('[vitrine] could not decide an experiment:', error);
    return false;
  }
}

/**
 * `window.vitrine.reset(campaign)` also forgets the bucket of the experiments that campaign's
 * widgets are variants of (storage.ts forgets the keys under the campaign itself, and every key
 * for `reset()`). The visitor is drawn again on the next page load: this page keeps its variant.
 */
function forgetBuckets(campaign?: string): string[] {
  const removed: string[] = [];
  for (const widget of campaign ? connectedWidgets<Element & { campaignId?: string }>() : []) {
    const name = widget.campaignId === campaign ? experimentNameOf(widget) : undefined;
    if (name && name !== campaign) {
      storage.remove(campaignKey(name, 'bucket'));
      removed.push(campaignKey(name, 'bucket'));
    }
  }
  return removed;
}
pageResetters().add(forgetBuckets);
