// Intervals for a proportion and for the difference of two independent
// proportions, as Newcombe (1998) recommends them: the Wilson score interval
// (his method 3) and the hybrid score interval built from two Wilson
// intervals (his method 10). Both behave where "p ± 1.96·SE" does not: with
// small groups, with 0% or 100%, and they never leave their range.
//
// Newcombe RG. Interval estimation for the difference between independent
// proportions: comparison of eleven methods. Statistics in Medicine
// 1998;17:873–890. Table II gives each method's interval for eight examples;
// tests/unit/newcombe.test.ts checks method 10 against all of them.

/** The 97.5th centile of the standard normal: 1.96 to more places, as Table II was computed. */
export const Z_95 = 1.959963984540054;

export type ProportionInterval = { low: number; high: number };

/** A difference p1 − p2 with its interval; all three are proportions (−1 to 1). */
export type DifferenceInterval = { difference: number; low: number; high: number };

function isCount(successes: number, n: number): boolean {
  return Number.isInteger(successes) && Number.isInteger(n) && n > 0 && successes >= 0 && successes <= n;
}

/**
 * Wilson (1927) score interval for successes of n, or null without cases.
 * The closed form (Newcombe 1998, eq. for method 3).
 */
export function wilsonScoreInterval(successes: number, n: number, z = Z_95): ProportionInterval | null {
  if (!isCount(successes, n)) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = 2 * n * p + z2;
  const spread = z * Math.sqrt(z2 + 4 * n * p * (1 - p));
  const denominator = 2 * (n + z2);
  // The closed form gives exactly 0 and 1 at the ends in exact arithmetic; clamp the float dust.
  return {
    low: successes === 0 ? 0 : Math.max(0, (centre - spread) / denominator),
    high: successes === n ? 1 : Math.min(1, (centre + spread) / denominator),
  };
}

/**
 * Newcombe's method 10: the interval for p1 − p2 (two independent groups,
 * e.g. a later audit against its baseline) from the Wilson intervals
 * (l1, u1) and (l2, u2) of each group:
 *   low  = d − √((p1 − l1)² + (u2 − p2)²)
 *   high = d + √((u1 − p1)² + (p2 − l2)²)
 * Null when either group has no cases.
 */
export function newcombeInterval(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
  z = Z_95,
): DifferenceInterval | null {
  const first = wilsonScoreInterval(successes1, n1, z);
  const second = wilsonScoreInterval(successes2, n2, z);
  if (!first || !second) return null;
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const difference = p1 - p2;
  return {
    difference,
    low: Math.max(-1, difference - Math.hypot(p1 - first.low, second.high - p2)),
    high: Math.min(1, difference + Math.hypot(first.high - p1, p2 - second.low)),
  };
}

/** Whether the interval of a difference leaves out no change at all: the change is not just noise. */
export function excludesZero(interval: Pick<DifferenceInterval, 'low' | 'high'>): boolean {
  return interval.low > 0 || interval.high < 0;
}
