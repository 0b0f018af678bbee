import { VitrineWheel } from './wheel.js';
import { VitrineWheelSegment } from './wheel-segment.js';

// The classes are exported by the package's main entry; this one only registers the tags, so the
// script-tag loader's import() of it needs no module namespace object.

// Defined once per page: a second copy of Vitrine (script tag twice, or beside an npm bundle) is harmless.
// The segment first: the wheel reads its segments' attributes either way, but a defined segment is hidden at once.
if (!customElements.get('vitrine-wheel-segment')) customElements.define('vitrine-wheel-segment', VitrineWheelSegment);
if (!customElements.get('vitrine-wheel')) customElements.define('vitrine-wheel', VitrineWheel);

declare global {
  interface HTMLElementTagNameMap {
    'vitrine-wheel': VitrineWheel;
    'vitrine-wheel-segment': VitrineWheelSegment;
  }
}
