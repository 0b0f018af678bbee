/**
 * The draw of the wheel, apart from the element so that tests run the very function the wheel
 * runs. Fair by construction:
 * - the slice is drawn by core's `pickIndex` (crypto.getRandomValues, no modulo bias, weights as
 *   whole tickets: see packages/core/src/random.ts);
 * - the pointer stops at a random place inside the drawn slice, clear of its edges and never
 *   exactly on its centre, so the slice under the pointer is always the prize drawn and the
 *   stop does not give away that it was decided beforehand.
 */

// The fair integer and weighted draws live in core: experiments bucket visitors with the same code.
import { cryptoSource, pickIndex, randomBelow, TWO_32, type RandomSource } from '@vitrine/core';

export { pickIndex, randomBelow, tickets, type RandomSource } from '@vitrine/core';

/** Part of each slice's width kept clear at both edges: the pointer stops visibly inside. */
export const SLICE_MARGIN = 0.1;

/** Start and end of slice `index` of `count` equal slices, in degrees clockwise from the top. */
export function sliceBounds(index: number, count: number): [number, number] {
  const width = 360 / count;
  return [index * width, (index + 1) * width];
}

/**
 * Where the pointer stops in slice `index` of `count` (degrees clockwise from the top of the
 * wheel at rest): uniform over the slice without its edge margins, never its exact centre.
 */
export function stopAngle(index: number, count: number, random: RandomSource = cryptoSource): number {
  const [start, end] = sliceBounds(index, count);
  const width = end - start;
  for (;;) {
    const fraction = randomBelow(TWO_32, random) / TWO_32;
    const angle = start + width * (SLICE_MARGIN + (1 - 2 * SLICE_MARGIN) * fraction);
    if (angle !== start + width / 2) return angle;
  }
}

export interface Draw {
  /** The slice drawn. */
  index: number;
  /** Where the pointer stops inside it (see `stopAngle`). */
  angle: number;
}

/** The wheel's draw: a slice with odds following `weights`, and the stop angle inside it. */
export function draw(weights: readonly number[], random: RandomSource = cryptoSource): Draw {
  const index = pickIndex(weights, random);
  return { index, angle: stopAngle(index, weights.length, random) };
}
