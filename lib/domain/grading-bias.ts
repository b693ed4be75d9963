// Bias: does a manager grade more generously than whoever re-graded the same
// cases (their Head of Practice, or the national audit)? Seed 001 found "some
// managers are grading the quality of work higher than inspectors". Agreement
// says how often two graders match; bias says which way they miss. Pure.
//
// For each pair, the difference is how many steps of the scale the manager's
// grade sits above the other grader's (levels run highest first, so Good over
// Requires Improvement on the four-point scale is +1). Reported:
// - the mean difference with a 95% Student's t interval on the paired
//   differences (mean ± t₀.₉₇₅,ₙ₋₁ · s/√n): small samples are the rule here,
//   and the t interval widens honestly where a normal one would not;
// - the share of pairs the manager graded higher, with a Wilson interval;
// - the flag "more generous than moderation beyond noise" when the whole mean
//   interval lies above 0.
import { wilsonInterval, type GradePair, type Interval } from './agreement';

export type GradingBias = {
  pairs: number;
  /** Manager above the other grader, below, level. */
  higher: number;
  lower: number;
  same: number;
  /** Mean of (manager − other) in grade steps; positive: the manager is more generous. Null with no pairs. */
  meanDifference: number | null;
  /** Student's t 95% interval of the mean; null below two pairs or when every difference is the same. */
  interval: Interval | null;
  /** Share of pairs graded higher by the manager (0–1), with its Wilson 95% interval. */
  shareHigher: { value: number | null; interval: Interval | null };
  /** The whole interval of the mean lies above 0. */
  isMoreGenerous: boolean;
  /** The whole interval of the mean lies below 0. */
  isHarsher: boolean;
};

// Two-sided 95% critical values of Student's t for 1–30 degrees of freedom.
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z_975 = 1.959964;

/**
 * The 97.5th percentile of Student's t with `df` degrees of freedom: the
 * table to 30, then the Cornish–Fisher expansion around the normal (within
 * 0.001 of the exact value from 30 on).
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1)
    throw new RangeError(`degrees of freedom must be at least 1 (got ${df})`);
  if (df <= T_975.length) return T_975[df - 1]!;
  const z = Z_975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

/**
 * Bias of the first grader (the manager) against the second, on the overall
 * grade. `levels` are keys, highest first; a grade off the scale throws.
 */
export function gradingBias(levels: readonly string[], pairs: readonly GradePair[]): GradingBias {
  const index = new Map(levels.map((level, i) => [level, i]));
  const differences = pairs.map(({ first, second }) => {
    const a = index.get(first);
    const b = index.get(second);
    if (a === undefined || b === undefined)
      throw new Error(`Grade "${a === undefined ? first : second}" is not a level of this scale.`);
    return b - a;
  });
  const n = differences.length;
  const higher = differences.filter((d) => d > 0).length;
  const lower = differences.filter((d) => d < 0).length;
  if (n === 0)
    return {
      pairs: 0,
      higher: 0,
      lower: 0,
      same: 0,
      meanDifference: null,
      interval: null,
      shareHigher: { value: null, interval: null },
      isMoreGenerous: false,
      isHarsher: false,
    };
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  let interval: Interval | null = null;
  if (n >= 2) {
    const variance = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1);
    const se = Math.sqrt(variance / n);
    // No spread: the formula says "no uncertainty", which a handful of cases never proves.
    if (se > 1e-12) {
      const half = tQuantile975(n - 1) * se;
      interval = { low: mean - half, high: mean + half };
    }
  }
  return {
    pairs: n,
    higher,
    lower,
    same: n - higher - lower,
    meanDifference: mean,
    interval,
    shareHigher: { value: higher / n, interval: wilsonInterval(higher, n) },
    isMoreGenerous: interval !== null && interval.low > 0,
    isHarsher: interval !== null && interval.high < 0,
  };
}

/** One decimal place, a sign always, a true minus sign, never "−0.0". */
export function formatSteps(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0.0';
  return rounded < 0 ? `−${(-rounded).toFixed(1)}` : `+${rounded.toFixed(1)}`;
}

function plainNumber(value: number, places: number): string {
  const factor = 10 ** places;
  const rounded = Math.round(value * factor) / factor;
  if (rounded === 0) return (0).toFixed(places);
  return rounded < 0 ? `−${(-rounded).toFixed(places)}` : rounded.toFixed(places);
}

/** One decimal place, or two when one would print a bound that is not 0 as "0.0". */
export function formatInterval(interval: Interval): string {
  const blurred = [interval.low, interval.high].some((v) => v !== 0 && Math.round(v * 10) === 0);
  const places = blurred ? 2 : 1;
  return `${plainNumber(interval.low, places)} to ${plainNumber(interval.high, places)}`;
}

/**
 * The sentence for a group: "Managers in A3 grade more generously than their
 * Head of Practice: +0.4 grade steps (95% interval 0.2 to 0.6)". `who` is the
 * group as the subject ("Managers in A3", "Samuel Moore"), `than` the other
 * grader ("their Head of Practice", "the national audit"); `plural` false for one person.
 */
export function describeBias(bias: GradingBias, who: string, than: string, plural = true): string {
  if (bias.meanDifference === null) return `${who}: no pairs to compare yet.`;
  const grade = plural ? 'grade' : 'grades';
  const steps = `${formatSteps(bias.meanDifference)} grade steps`;
  const interval = bias.interval
    ? `95% interval ${formatInterval(bias.interval)}`
    : 'too few differing pairs for an interval';
  const cases = `${bias.pairs} case${bias.pairs === 1 ? '' : 's'}`;
  if (bias.isMoreGenerous) return `${who} ${grade} more generously than ${than}: ${steps} (${interval}).`;
  if (bias.isHarsher) return `${who} ${grade} more severely than ${than}: ${steps} (${interval}).`;
  return `${who} ${grade} in line with ${than} within the noise of ${cases}: ${steps} (${interval}).`;
}
