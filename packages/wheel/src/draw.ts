/**
 * The draw of the wheel, apart from the element so that tests run the very function the wheel
 * runs. Fair by construction:
 * - every random number comes from `crypto.getRandomValues`;
 * - an integer below `bound` is drawn by rejection sampling: the values of the last,
 *   incomplete block of the 32-bit range are thrown away and drawn again, so `value % bound`
 *   favours no result (no modulo bias);
 * - weights become whole tickets (exact for whole numbers; decimals count to 2 places), and
 *   the ticket drawn picks the slice;
 * - the pointer stops at a random place inside the drawn slice, clear of its edges and never
 *   exactly on its centre, so the slice under the pointer is always the prize drawn and the
 *   stop does not give away that it was decided beforehand.
 */

/** Fills `words` with random 32-bit values (crypto.getRandomValues; a stub in tests). */
export type RandomSource = (words: Uint32Array<ArrayBuffer>) => unknown;

const cryptoSource: RandomSource = (words) => crypto.getRandomValues(words);

const TWO_32 = 2 ** 32;

/** Part of each slice's width kept clear at both edges: the pointer stops visibly inside. */
export const SLICE_MARGIN = 0.1;

/**
 * A uniform whole number in `[0, bound)`, for a whole `bound` from 1 to 2^32, without modulo
 * bias: a 32-bit value in the range's last, incomplete multiple of `bound` is rejected and
 * drawn again.
 */
export function randomBelow(bound: number, random: RandomSource = cryptoSource): number {
  const word = new Uint32Array(1);
  // The largest multiple of `bound` within 2^32: values from it on are the biased tail.
  const limit = TWO_32 - (TWO_32 % bound);
  for (;;) {
    random(word);
    if (word[0] < limit) return word[0] % bound;
  }
}

/** Weights as whole tickets: whole numbers as they are, otherwise in hundredths (weights are 0.01 to 10000). */
export function tickets(weights: readonly number[]): number[] {
  const scale = weights.every(Number.isInteger) ? 1 : 100;
  return weights.map((weight) => Math.max(1, Math.round(weight * scale)));
}

/** The index drawn, with odds `weights[i] / sum(weights)`. */
export function pickIndex(weights: readonly number[], random: RandomSource = cryptoSource): number {
  const counts = tickets(weights);
  let ticket = randomBelow(
    counts.reduce((sum, count) => sum + count, 0),
    random,
  );
  for (let index = 0; index < counts.length; index++) {
    if (ticket < counts[index]) return index;
    ticket -= counts[index];
  }
  return counts.length - 1;
}

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
