/**
 * The wheel's draw, through the very functions `<vitrine-wheel>` calls, with the browser's real
 * `crypto.getRandomValues`: the odds follow the weights (a chi-square test at p = 10⁻⁶), the
 * pointer always stops inside the slice drawn and never on its exact centre, and the integer
 * draw has no modulo bias (values in the rejection zone are drawn again).
 */
import { describe, expect, test, vi } from 'vitest';
import { SLICE_MARGIN, draw, pickIndex, randomBelow, sliceBounds, stopAngle, tickets } from '@vitrine/wheel';
import { chiSquare, CRITICAL_1E_6 } from './chi-square.js';
import { useTestPage } from './support/fixture.js';

/** A random source that hands out `values` in turn (then fails loudly). */
function sequence(...values: number[]) {
  const queue = [...values];
  return vi.fn((words: Uint32Array<ArrayBuffer>) => {
    for (let index = 0; index < words.length; index++) {
      if (!queue.length) throw new Error('the stub ran out of values');
      words[index] = queue.shift()!;
    }
    return words;
  });
}

useTestPage();

describe('odds follow the weights (chi-square, p = 10⁻⁶)', () => {
  const cases: Array<[string, number[], number]> = [
    ['four slices, weights 5 3 1 1', [5, 3, 1, 1], 50_000],
    ['six slices, decimals', [0.5, 2.25, 1, 4, 0.75, 1.5], 50_000],
    ['twelve slices, weights 1 to 12', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 60_000],
    ['two slices, 1 and 1 (a coin)', [1, 1], 10_000],
  ];
  for (const [name, weights, draws] of cases) {
    test(name, () => {
      const observed = weights.map(() => 0);
      for (let index = 0; index < draws; index++) observed[draw(weights).index]++;
      const statistic = chiSquare(observed, weights, draws);
      const critical = CRITICAL_1E_6[weights.length - 1];
      // Printed so the figure can be quoted: `χ² = … (df …, critical …)`.
      console.info(
        `${name}: χ² = ${statistic.toFixed(2)} over ${draws} draws (df ${weights.length - 1}, critical ${critical})`,
      );
      expect(statistic).toBeLessThan(critical);
      // And the test can fail: the same counts against the wrong odds (uniform) are far off.
      if (new Set(weights).size > 1)
        expect(
          chiSquare(
            observed,
            weights.map(() => 1),
            draws,
          ),
        ).toBeGreaterThan(critical);
    });
  }

  test('where the pointer stops inside a slice is uniform too (ten bins of the usable width)', () => {
    const bins = Array.from({ length: 10 }, () => 0);
    const draws = 20_000;
    for (let index = 0; index < draws; index++) {
      const [start, end] = sliceBounds(3, 8);
      const fraction = (stopAngle(3, 8) - start) / (end - start);
      bins[Math.min(9, Math.floor(((fraction - SLICE_MARGIN) / (1 - 2 * SLICE_MARGIN)) * 10))]++;
    }
    const statistic = chiSquare(
      bins,
      Array.from({ length: 10 }, () => 1),
      draws,
    );
    console.info(`stop offsets: χ² = ${statistic.toFixed(2)} (df 9, critical ${CRITICAL_1E_6[9]})`);
    expect(statistic).toBeLessThan(CRITICAL_1E_6[9]);
  });
});

describe('the pointer stops inside the slice drawn', () => {
  test('for every one of 5,000 draws: strictly inside, clear of the edges, never the exact centre', () => {
    const weights = [3, 1, 2, 1, 1, 5, 1];
    for (let index = 0; index < 5_000; index++) {
      const { index: slice, angle } = draw(weights);
      const [start, end] = sliceBounds(slice, weights.length);
      const margin = (end - start) * SLICE_MARGIN;
      expect(angle).toBeGreaterThanOrEqual(start + margin);
      expect(angle).toBeLessThan(end - margin);
      expect(angle).not.toBe((start + end) / 2);
    }
  });

  test('a random value that would land on the centre is drawn again', () => {
    // 2^31 / 2^32 = 0.5 of the usable width: the centre. The next value is used instead.
    const random = sequence(2 ** 31, 0);
    const [start, end] = sliceBounds(0, 4);
    const angle = stopAngle(0, 4, random);
    expect(random).toHaveBeenCalledTimes(2);
    expect(angle).toBe(start + (end - start) * SLICE_MARGIN);
  });

  test('slices are equal and cover the wheel, clockwise from the top', () => {
    expect(sliceBounds(0, 4)).toEqual([0, 90]);
    expect(sliceBounds(3, 4)).toEqual([270, 360]);
    expect(sliceBounds(1, 12)).toEqual([30, 60]);
  });
});

describe('no modulo bias', () => {
  test('values in the incomplete last block are rejected and drawn again', () => {
    // 2^32 = 1 431 655 765 × 3 + 1: the single value 2^32 − 1 would favour 0 (it is ≡ 0 mod 3).
    const random = sequence(2 ** 32 - 1, 5);
    expect(randomBelow(3, random)).toBe(2);
    expect(random).toHaveBeenCalledTimes(2);
  });

  test('the whole rejection zone is refused, and only it', () => {
    // bound 10: 2^32 mod 10 = 6, so the last 6 values (2^32 − 6 … 2^32 − 1) are refused.
    const zone = [2 ** 32 - 6, 2 ** 32 - 5, 2 ** 32 - 4, 2 ** 32 - 3, 2 ** 32 - 2, 2 ** 32 - 1];
    const random = sequence(...zone, 2 ** 32 - 7);
    expect(randomBelow(10, random)).toBe((2 ** 32 - 7) % 10);
    expect(random).toHaveBeenCalledTimes(7);
  });

  test('each kept block gives every result exactly once (here bound 3, a window of the range)', () => {
    const counts = [0, 0, 0];
    for (let value = 0; value < 3 * 1000; value++) counts[randomBelow(3, sequence(value))]++;
    expect(counts).toEqual([1000, 1000, 1000]);
  });

  test('the real generator is crypto.getRandomValues', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    draw([1, 2, 3]);
    expect(spy).toHaveBeenCalled();
  });
});

describe('weights become tickets', () => {
  test('whole numbers stay; decimals count in hundredths; the draw maps tickets to slices in order', () => {
    expect(tickets([3, 1, 2])).toEqual([3, 1, 2]);
    expect(tickets([0.5, 2.25, 1])).toEqual([50, 225, 100]);
    // Ticket 0..2 → slice 0, 3 → slice 1, 4..5 → slice 2.
    expect([0, 2, 3, 4, 5].map((ticket) => pickIndex([3, 1, 2], sequence(ticket)))).toEqual([0, 0, 1, 2, 2]);
  });
});
