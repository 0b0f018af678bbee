/**
 * Fair random choices, shared by the wheel's draw and the experiments' buckets so that both run
 * the one tested function:
 * - every random number comes from `crypto.getRandomValues`;
 * - an integer below `bound` is drawn by rejection sampling: the values of the last,
 *   incomplete block of the 32-bit range are thrown away and drawn again, so `value % bound`
 *   favours no result (no modulo bias);
 * - weights become whole tickets (exact for whole numbers; decimals count to 2 places), and
 *   the ticket drawn picks the index.
 */

/** Fills `words` with random 32-bit values (crypto.getRandomValues; a stub in tests). */
export type RandomSource = (words: Uint32Array<ArrayBuffer>) => unknown;

export const cryptoSource: RandomSource = (words) => crypto.getRandomValues(words);

export const TWO_32 = 2 ** 32;

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
