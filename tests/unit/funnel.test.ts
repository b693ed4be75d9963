import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialProbabilities,
  buildFunnelPlot,
  describeOutlier,
  funnelLimits,
  funnelLines,
  funnelStanding,
} from '@/lib/domain/funnel';

// Binomial(10, 0.5): P(R ≤ k) = (1, 11, 56, 176, …)/1024.
const CDF_10_HALF = [1, 11, 56, 176, 386, 638, 848, 968, 1013, 1023, 1024].map((x) => x / 1024);

describe('funnelLimits (exact binomial, Spiegelhalter 2005 interpolation)', () => {
  it('matches hand-computed limits for n = 10 around 50%', () => {
    // 95% lower: r = 2 (P(R ≤ 2) = 56/1024 ≥ 0.025), α = (56/1024 − 0.025)/(45/1024) = 0.67556,
    // limit = (2 − α)/10 = 0.132444; the upper limit mirrors it.
    const alpha95 = (CDF_10_HALF[2]! - 0.025) / (CDF_10_HALF[2]! - CDF_10_HALF[1]!);
    expect(alpha95).toBeCloseTo(0.675556, 6);
    // 99.8% lower: r = 1 (P(R ≤ 1) = 11/1024 ≥ 0.001), α = (11/1024 − 0.001)/(10/1024) = 0.9976.
    const alpha998 = (CDF_10_HALF[1]! - 0.001) / (CDF_10_HALF[1]! - CDF_10_HALF[0]!);
    expect(alpha998).toBeCloseTo(0.9976, 6);
    const limits = funnelLimits(0.5, 10);
    expect(limits.lower95).toBeCloseTo(0.1324444, 6);
    expect(limits.upper95).toBeCloseTo(0.8675556, 6);
    expect(limits.lower998).toBeCloseTo(0.00024, 6);
    expect(limits.upper998).toBeCloseTo(0.99976, 6);
  });

  it('matches hand-computed limits for n = 8 around 65% (a team of eight graded cases)', () => {
    // P(R = k) = C(8,k)·0.65^k·0.35^(8−k): P(R ≤ 1) = 0.0035708, P(R = 2) = 0.0217467, P(R ≤ 2) = 0.0253175.
    // 95% lower: r = 2, α = (0.0253175 − 0.025)/0.0217467 = 0.0146005, limit = (2 − α)/8 = 0.248175.
    // 99.8% lower: r = 1, α = (0.0035708 − 0.001)/0.0033456 = 0.768412, limit = (1 − α)/8 = 0.028949.
    const probabilities = binomialProbabilities(8, 0.65);
    expect(probabilities[0]! + probabilities[1]!).toBeCloseTo(0.0035708, 6);
    expect(probabilities[2]!).toBeCloseTo(0.0217467, 6);
    expect(funnelLimits(0.65, 8).lower95).toBeCloseTo(0.248175, 5);
    expect(funnelLimits(0.65, 8).lower998).toBeCloseTo(0.028949, 5);
    // 95% upper, from the other tail (35% of 8): P(S = 0) = 0.65^8 = 0.0318645 ≥ 0.025, so r = 0 and
    // α = 0.215427: the limit, 1 + α/8, lies past 100% and is clipped there. Eight of eight is within.
    expect(funnelLimits(0.65, 8).upper95).toBe(1);
  });

  it('approaches the normal approximation p0 ± 1.959964·sqrt(p0(1−p0)/n) for large n', () => {
    const n = 20_000;
    const p0 = 0.65;
    const se = Math.sqrt((p0 * (1 - p0)) / n);
    const limits = funnelLimits(p0, n);
    expect(Math.abs(limits.lower95 - (p0 - 1.959964 * se))).toBeLessThan(1 / n);
    expect(Math.abs(limits.upper95 - (p0 + 1.959964 * se))).toBeLessThan(1 / n);
    expect(Math.abs(limits.lower998 - (p0 - 3.090232 * se))).toBeLessThan(2 / n);
    expect(Math.abs(limits.upper998 - (p0 + 3.090232 * se))).toBeLessThan(2 / n);
  });

  it('stays within 0–1 and nests the 95% limits inside the 99.8% limits', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 300 }), (p0, n) => {
        const limits = funnelLimits(p0, n);
        expect(limits.lower998).toBeGreaterThanOrEqual(0);
        expect(limits.lower998).toBeLessThanOrEqual(limits.lower95 + 1e-12);
        expect(limits.lower95).toBeLessThanOrEqual(p0 + 1e-12);
        expect(limits.upper95).toBeGreaterThanOrEqual(p0 - 1e-12);
        expect(limits.upper998).toBeGreaterThanOrEqual(limits.upper95 - 1e-12);
        expect(limits.upper998).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('leaves no room either side of 0% or 100%', () => {
    expect(funnelLimits(0, 12)).toMatchObject({ lower95: 0, upper95: 0, lower998: 0, upper998: 0 });
    expect(funnelLimits(1, 12)).toMatchObject({ lower95: 1, upper95: 1, lower998: 1, upper998: 1 });
  });

  it('refuses a group without cases or a share outside 0–1', () => {
    expect(() => funnelLimits(0.5, 0)).toThrow();
    expect(() => funnelLimits(1.2, 10)).toThrow();
    expect(() => funnelLimits(Number.NaN, 10)).toThrow();
  });
});

describe('funnelStanding', () => {
  it('classifies each count of ten around 50% by its tail probability', () => {
    const standings = Array.from({ length: 11 }, (_, count) => funnelStanding(0.5, count, 10));
    expect(standings).toEqual([
      'below-99.8', // P(R ≤ 0) = 0.00098 < 0.001
      'below-95', // P(R ≤ 1) = 0.0107 < 0.025
      'within', // P(R ≤ 2) = 0.0547
      'within',
      'within',
      'within',
      'within',
      'within',
      'within', // P(R ≥ 8) = 0.0547
      'above-95', // P(R ≥ 9) = 0.0107
      'above-99.8', // P(R ≥ 10) = 0.00098
    ]);
  });

  it('is below a limit exactly when the lower tail is below its probability', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 0.98, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.nat(),
        (p0, n, seed) => {
          const count = seed % (n + 1);
          const probabilities = binomialProbabilities(n, p0);
          const lowerTail = probabilities.slice(0, count + 1).reduce((a, b) => a + b, 0);
          const upperTail = probabilities.slice(count).reduce((a, b) => a + b, 0);
          const standing = funnelStanding(p0, count, n);
          // Away from the boundary (rounding), the words follow the tails.
          if (Math.abs(lowerTail - 0.025) > 1e-9 && Math.abs(upperTail - 0.025) > 1e-9) {
            expect(standing.startsWith('below')).toBe(lowerTail < 0.025);
            expect(standing.startsWith('above')).toBe(upperTail < 0.025);
          }
        },
      ),
    );
  });

  it('refuses a count outside 0..n', () => {
    expect(() => funnelStanding(0.5, 11, 10)).toThrow();
    expect(() => funnelStanding(0.5, -1, 10)).toThrow();
  });
});

describe('buildFunnelPlot', () => {
  const teams = [
    { id: 'n', label: 'A4 North', count: 6, n: 9 },
    { id: 'e', label: 'A4 East', count: 2, n: 8 },
    { id: 's', label: 'A4 South', count: 5, n: 7 },
    { id: 'w', label: 'A4 West', count: 0, n: 0 },
  ];

  it('keeps the teams in the given order, leaves out empty teams and lists the outliers in words', () => {
    const plot = buildFunnelPlot(teams, { count: 377, n: 577, label: 'the national share' });
    expect(plot.p0).toBeCloseTo(377 / 577);
    expect(plot.points.map((point) => point.label)).toEqual(['A4 North', 'A4 East', 'A4 South']);
    expect(plot.outliers.map((point) => point.label)).toEqual(['A4 East']);
    expect(describeOutlier(plot.outliers[0]!, 'Good')).toBe('A4 East: 25% Good (n = 8), below the 95% limit');
    // The lines reach past the largest team, one point per size.
    expect(plot.lines[0]!.n).toBe(1);
    expect(plot.lines.at(-1)!.n).toBeGreaterThanOrEqual(10);
  });

  it('has no limits and no outliers when nothing counts', () => {
    expect(buildFunnelPlot(teams, { count: 0, n: 0, label: 'none' })).toMatchObject({
      p0: null,
      points: [],
      outliers: [],
    });
  });

  it('draws lines for each size up to the largest asked for', () => {
    expect(funnelLines(0.6, 3).map((line) => line.n)).toEqual([1, 2, 3]);
  });
});
