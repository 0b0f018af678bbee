/** The goodness-of-fit test that the fair draws (the wheel's slices, the experiments' buckets) are held to. */

/** Upper critical values of the chi-square distribution at p = 0.001, by degrees of freedom. */
export const CRITICAL_0_001: Record<number, number> = {
  1: 10.828,
  2: 13.816,
  3: 16.266,
  4: 18.467,
  5: 20.515,
  11: 31.264,
};

/** Pearson's statistic of `observed` counts against the `weights`' expected shares of `draws`. */
export function chiSquare(observed: number[], weights: number[], draws: number): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return observed.reduce((sum, count, index) => {
    const expected = (draws * weights[index]) / total;
    return sum + (count - expected) ** 2 / expected;
  }, 0);
}
