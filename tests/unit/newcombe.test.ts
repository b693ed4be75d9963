import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excludesZero, newcombeInterval, wilsonScoreInterval, Z_95 } from '@/lib/domain/newcombe';

const four = (value: number) => value.toFixed(4);

// Newcombe 1998, Table II, method 10 ("score, no continuity correction"): the
// eight examples (a)–(h), m/n − x/y and the interval as published, to 4 places.
const TABLE_II: [label: string, x1: number, n1: number, x2: number, n2: number, low: string, high: string][] =
  [
    ['(a) 56/70 − 48/80', 56, 70, 48, 80, '0.0524', '0.3339'],
    ['(b) 9/10 − 3/10', 9, 10, 3, 10, '0.1705', '0.8090'],
    ['(c) 6/7 − 2/7', 6, 7, 2, 7, '0.0582', '0.8062'],
    ['(d) 5/56 − 0/29', 5, 56, 0, 29, '-0.0381', '0.1926'],
    ['(e) 0/10 − 0/20', 0, 10, 0, 20, '-0.1611', '0.2775'],
    ['(f) 0/10 − 0/10', 0, 10, 0, 10, '-0.2775', '0.2775'],
    ['(g) 10/10 − 0/20', 10, 10, 0, 20, '0.6791', '1.0000'],
    ['(h) 10/10 − 0/10', 10, 10, 0, 10, '0.6075', '1.0000'],
  ];

describe('newcombeInterval (method 10)', () => {
  it.each(TABLE_II)('%s matches Table II', (_label, x1, n1, x2, n2, low, high) => {
    const interval = newcombeInterval(x1, n1, x2, n2);
    expect(interval).not.toBeNull();
    expect(four(interval?.low ?? NaN)).toBe(low);
    expect(four(interval?.high ?? NaN)).toBe(high);
    expect(interval?.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
  });

  it('is null when a group has no cases or the counts are impossible', () => {
    expect(newcombeInterval(1, 0, 1, 2)).toBeNull();
    expect(newcombeInterval(1, 2, 0, 0)).toBeNull();
    expect(newcombeInterval(3, 2, 1, 2)).toBeNull();
    expect(newcombeInterval(-1, 2, 1, 2)).toBeNull();
    expect(newcombeInterval(1.5, 2, 1, 2)).toBeNull();
  });

  it('swapping the groups mirrors the interval', () => {
    const forward = newcombeInterval(56, 70, 48, 80);
    const back = newcombeInterval(48, 80, 56, 70);
    expect(back?.low).toBeCloseTo(-(forward?.high ?? NaN), 12);
    expect(back?.high).toBeCloseTo(-(forward?.low ?? NaN), 12);
  });

  it('always holds the difference and stays within −1 to 1', () => {
    const group = fc
      .integer({ min: 1, max: 400 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(group, group, ([x1, n1], [x2, n2]) => {
        const interval = newcombeInterval(x1, n1, x2, n2);
        if (!interval) return false;
        return (
          interval.low >= -1 &&
          interval.high <= 1 &&
          interval.low <= interval.difference + 1e-12 &&
          interval.difference <= interval.high + 1e-12
        );
      }),
    );
  });
});

describe('wilsonScoreInterval', () => {
  // Newcombe RG, Two-sided confidence intervals for the single proportion: comparison of seven
  // methods, Statistics in Medicine 1998;17:857–872, Table I, method 3 (Wilson score).
  it('matches the companion paper (single proportion, Table I, method 3) for 81/263 and 15/148', () => {
    const a = wilsonScoreInterval(81, 263);
    expect([four(a?.low ?? NaN), four(a?.high ?? NaN)]).toEqual(['0.2553', '0.3662']);
    const b = wilsonScoreInterval(15, 148);
    expect([four(b?.low ?? NaN), four(b?.high ?? NaN)]).toEqual(['0.0624', '0.1605']);
  });

  it('reaches 0 and 1 exactly at the ends and is null without cases', () => {
    expect(wilsonScoreInterval(0, 10)?.low).toBe(0);
    expect(wilsonScoreInterval(10, 10)?.high).toBe(1);
    expect(wilsonScoreInterval(0, 0)).toBeNull();
  });

  it('uses z = 1.96 to more places', () => {
    expect(Z_95).toBeCloseTo(1.96, 3);
  });
});

describe('excludesZero', () => {
  it('says a change is more than noise only when the interval leaves out zero', () => {
    expect(excludesZero({ low: 0.05, high: 0.33 })).toBe(true);
    expect(excludesZero({ low: -0.4, high: -0.01 })).toBe(true);
    expect(excludesZero({ low: -0.0086, high: 0.66 })).toBe(false);
    expect(excludesZero({ low: 0, high: 0.2 })).toBe(false);
  });
});
