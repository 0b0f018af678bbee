/** The goodness-of-fit test that the fair draws (the wheel's slices, the experiments' buckets) are held to. */

/**
 * Upper critical values of the chi-square distribution at p = 10⁻⁶, by degrees of freedom
 * (scipy's `chi2.isf(1e-6, df)`). The draws under test use the browser's real generator, so a
 * fair draw still lands beyond the critical value with probability p: at p = 0.001 the eight
 * such tests, in three engines, failed about one CI run in forty (it happened, in WebKit). At
 * 10⁻⁶ that is one in ~40,000; the samples are large enough that a bias of a few points still
 * lands far beyond it (the wheel's uneven cases and the experiment show the statistic catching
 * the wrong odds or a biased draw).
 */
export const CRITICAL_1E_6: Record<number, number> = {
  1: 23.928,
  2: 27.631,
  3: 30.665,
  5: 35.888,
  9: 44.811,
  11: 48.866,
};

/** Pearson's statistic of `observed` counts against the `weights`' expected shares of `draws`. */
export function chiSquare(observed: number[], weights: number[], draws: number): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return observed.reduce((sum, count, index) => {
    const expected = (draws * weights[index]) / total;
    return sum + (count - expected) ** 2 / expected;
  }, 0);
}
