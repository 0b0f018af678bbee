import { VitrineExperiment } from './experiment.js';

// `@vitrine/core/experiment` (and the script-tag loader's experiment chunk): registers the tag,
// once per page whatever the number of copies of Vitrine.
if (!customElements.get('vitrine-experiment')) customElements.define('vitrine-experiment', VitrineExperiment);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-experiment': VitrineExperiment;
  }
}
