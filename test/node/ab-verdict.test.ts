// The A/B verdict tool (packages/vitrine/bin): its intervals against the worked examples of the
// textbook it names (Fagerland, Lydersen & Laake 2017, chapters 2 and 4), its probability to be
// best against Evan Miller's closed form, its sample size against a power computed back, its
// verdicts, and the messages for bad input. In Node: the tool is a Node command.
import { describe, expect, it } from 'vitest';
import {
  katzInterval,
  logBeta,
  newcombeInterval,
  normalQuantile,
  parseCsv,
  probabilityBest,
  roughly,
  sampleSizePerVariant,
  verdict,
  wilsonInterval,
} from '../../packages/vitrine/bin/ab-verdict.js';
import { run } from '../../packages/vitrine/bin/vitrine-ab.js';

const fixed = (values: readonly number[] | null) => values?.map((value) => value.toFixed(4));

describe('textbook worked examples (Fagerland, Lydersen & Laake 2017)', () => {
  it('Wilson score interval, 13 of 16 (chapter 2): 0.8125 (0.5699 to 0.9341)', () => {
    expect(fixed(wilsonInterval(13, 16))).toEqual(['0.5699', '0.9341']);
  });

  it('Newcombe hybrid score interval, 7/34 vs 1/34 (Perondi et al., chapter 4): 0.1765 (0.0189 to 0.3404)', () => {
    expect(fixed(newcombeInterval(7, 34, 1, 34))).toEqual(['0.0189', '0.3404']);
    const result = verdict([
      { label: 'standard', visitors: 34, conversions: 1 },
      { label: 'high', visitors: 34, conversions: 7 },
    ]);
    expect(result.ok && result.variants[1].versusControl?.difference.toFixed(4)).toBe('0.1765');
  });

  it('Katz log interval for the ratio, 7/34 vs 1/34 (chapter 4): 7.0000 (0.9096 to 53.8695)', () => {
    expect(fixed(katzInterval(7, 34, 1, 34))).toEqual(['0.9096', '53.8695']);
    expect(katzInterval(0, 34, 1, 34)).toBeNull();
  });
});

describe('the other formulas', () => {
  it('the normal quantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
  });

  it('sample size (Fleiss et al. 2003, §4.2): the power computed back at n is the 80 % asked for', () => {
    const n = sampleSizePerVariant(0.3, 0.4);
    expect(n).toBe(356);
    // Power of the two-sided z-test at n per group, by the same normal approximation.
    const power = (size: number) => {
      const mean = 0.35;
      const se0 = Math.sqrt((2 * mean * (1 - mean)) / size);
      const se1 = Math.sqrt((0.3 * 0.7 + 0.4 * 0.6) / size);
      const z = (0.1 - 1.959964 * se0) / se1;
      return 0.5 * (1 + erf(z / Math.SQRT2));
    };
    expect(power(n)).toBeGreaterThanOrEqual(0.8);
    expect(power(n - 2)).toBeLessThan(0.8);
  });

  it("probability to be best matches Evan Miller's closed form for P(B > A)", () => {
    const closedForm = (a: [number, number], b: [number, number]) => {
      const [alphaA, betaA] = [a[1] + 1, a[0] - a[1] + 1];
      const [alphaB, betaB] = [b[1] + 1, b[0] - b[1] + 1];
      let total = 0;
      for (let i = 0; i < alphaB; i++)
        total += Math.exp(
          logBeta(alphaA + i, betaA + betaB) - Math.log(betaB + i) - logBeta(1 + i, betaB) - logBeta(alphaA, betaA),
        );
      return total;
    };
    for (const [a, b] of [
      [
        [1000, 41],
        [1000, 53],
      ],
      [
        [200, 9],
        [180, 4],
      ],
      [
        [20_000, 800],
        [20_000, 880],
      ],
    ] as Array<[[number, number], [number, number]]>) {
      const [, pB] = probabilityBest([
        { visitors: a[0], conversions: a[1] },
        { visitors: b[0], conversions: b[1] },
      ]);
      expect(pB).toBeCloseTo(closedForm(a, b), 4);
    }
  });

  it('"about N": two significant figures, the nearest; small counts exactly', () => {
    expect([roughly(31_134), roughly(28_470), roughly(149), roughly(42)]).toEqual([31_000, 28_000, 150, 42]);
  });

  it('three equal variants are each best a third of the time', () => {
    const result = probabilityBest([
      { visitors: 500, conversions: 20 },
      { visitors: 500, conversions: 20 },
      { visitors: 500, conversions: 20 },
    ]);
    for (const p of result) expect(p).toBeCloseTo(1 / 3, 4);
  });
});

describe('verdicts', () => {
  it('not enough data yet, with about how many more visitors per variant, and the warning', () => {
    const result = verdict([
      { label: 'A', visitors: 10_000, conversions: 410 },
      { label: 'B', visitors: 10_000, conversions: 468 },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.enough).toBe(false);
    expect(result.needed).toBe(sampleSizePerVariant(0.041, 0.041 * 1.1));
    expect(result.summary).toMatch(/^Not enough data yet — about 28,000 more visitors per variant/);
    expect(result.warning).toMatch(/Do not stop the test early/);
  });

  it('a real difference once every variant has the visitors needed', () => {
    const result = verdict([
      { label: 'A', visitors: 100_000, conversions: 4100 },
      { label: 'B', visitors: 100_000, conversions: 4680 },
    ]);
    expect(result.ok && result.enough).toBe(true);
    expect(result.ok && result.summary).toBe('B vs A: a real difference — B converts better (+0.58 pts).');
  });

  it('noise: enough visitors, an interval that spans zero', () => {
    const result = verdict([
      { label: 'A', visitors: 100_000, conversions: 4100 },
      { label: 'B', visitors: 100_000, conversions: 4150 },
    ]);
    expect(result.ok && result.summary).toMatch(/^B vs A: no real difference — what you see is within the noise/);
  });

  it('no conversion anywhere yet', () => {
    const result = verdict([
      { label: 'A', visitors: 50, conversions: 0 },
      { label: 'B', visitors: 50, conversions: 0 },
    ]);
    expect(result.ok && result.summary).toMatch(/^Not enough data yet — no conversion in any variant/);
  });

  it.each([
    [
      [
        { label: 'A', visitors: 10, conversions: 20 },
        { label: 'B', visitors: 10, conversions: 1 },
      ],
      /variant A: 20 conversions out of 10 visitors is impossible/,
    ],
    [
      [
        { label: 'A', visitors: -5, conversions: 0 },
        { label: 'B', visitors: 10, conversions: 1 },
      ],
      /variant A: visitors must be a whole number, 0 or more; got -5/,
    ],
    [[{ label: 'A', visitors: 10, conversions: 1 }], /needs at least two variants; got 1/],
    [
      [
        { label: 'A', visitors: 10, conversions: 1.5 },
        { label: 'B', visitors: 10, conversions: 1 },
      ],
      /conversions must be a whole number/,
    ],
    [
      [
        { label: 'A', visitors: 10, conversions: 1 },
        { label: 'A', visitors: 10, conversions: 1 },
      ],
      /variant A appears twice/,
    ],
    [
      [
        { label: 'A', visitors: 0, conversions: 0 },
        { label: 'B', visitors: 10, conversions: 1 },
      ],
      /variant A has no visitors yet/,
    ],
  ])('bad input gets a clear message (%#)', (variants, message) => {
    const result = verdict(variants);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('the command', () => {
  it('typed-in variants', () => {
    const [code, text] = run(['A:10000/410', 'B:10000/468']);
    expect(code).toBe(0);
    expect(text).toContain('Not enough data yet — about 28,000 more visitors per variant');
    expect(text).toContain('Warning: Do not stop the test early');
    expect(text).toMatch(/^B\s+10,000\s+468\s+4\.68 %/m);
  });

  it('bad input: a message and exit code 1, never a stack trace', () => {
    expect(run(['A:10/20', 'B:10/1'])).toEqual([
      1,
      'vitrine-ab: variant A: 20 conversions out of 10 visitors is impossible (conversions cannot exceed visitors; are the columns swapped?)',
    ]);
    expect(run(['A:10/2'])).toEqual([1, 'vitrine-ab: an A/B test needs at least two variants; got 1']);
    expect(run(['A:-10/2', 'B:10/1'])[1]).toBe(
      'vitrine-ab: variant A: visitors must be a whole number, 0 or more; got -10',
    );
    expect(run(['A=ten'])[1]).toBe('vitrine-ab: "A=ten" is not label:visitors/conversions (e.g. A:1000/52)');
    expect(run(['--min-lift', 'lots', 'A:1/1', 'B:1/1'])[1]).toMatch(/--min-lift expects a lift above 0/);
    expect(
      run(['--csv', 'missing.csv'], () => {
        throw new Error('ENOENT: no such file');
      }),
    ).toEqual([1, 'vitrine-ab: cannot read missing.csv: ENOENT: no such file']);
  });

  it('a GA4 exploration exported as CSV', () => {
    const csv = [
      '# ----------------------------------------',
      '# Vitrine A/B',
      '# 20261101-20261130',
      '# ----------------------------------------',
      'Creative slot,Views,Purchases',
      'A,"12,000",480',
      'B,"12,000",552',
      'Totals,"24,000","1,032"',
    ].join('\n');
    expect(parseCsv(csv)).toEqual({
      variants: [
        { label: 'A', visitors: 12_000, conversions: 480 },
        { label: 'B', visitors: 12_000, conversions: 552 },
      ],
    });
    const [code, text] = run(['--csv', 'export.csv', '--json'], () => csv);
    expect(code).toBe(0);
    expect(JSON.parse(text)).toMatchObject({ ok: true, variants: [{ label: 'A' }, { label: 'B' }] });
    expect(run(['--csv', 'x.csv'], () => 'Name,Color\nA,red')[1]).toMatch(/has no column for visitors/);
  });
});

/** erf, Abramowitz & Stegun 7.1.26 (error < 1.5e-7): enough to read a power to 3 decimals. */
function erf(x: number): number {
  const sign = Math.sign(x);
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return sign * y;
}
