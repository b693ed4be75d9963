// Funnel plots for a share of graded cases (issue 16 §6, seed 003's "outlier
// teams"): each team's share is set against control limits that depend on its
// number of cases, never against a league table.
//
// Method: exact binomial limits, smoothed by interpolation (Spiegelhalter 2005,
// "Funnel plots for comparing institutional performance", Stat Med 24:1185,
// Appendix A.1.1). Teams in an area hold 5–15 graded cases, where the normal
// approximation p0 ± z·sqrt(p0(1−p0)/n) misplaces the limits badly (for n = 8
// around 65% its 99.8% band runs past 100%). For a lower tail probability a:
//   r = the smallest count with P(R ≤ r) ≥ a, R ~ Binomial(n, p0);
//   α = (P(R ≤ r) − a) / P(R = r);   lower limit = (r − α) / n.
// The upper limit is the same rule on the other tail (1 − lower limit of
// 1 − p0). So a team is below a limit exactly when P(R ≤ its count) < a, and
// above it exactly when P(R ≥ its count) < a: the chart and the words agree.
// 95% limits use a = 0.025, 99.8% limits a = 0.001 (the two-sided tails).
import { roundedPercent } from './report';

export type FunnelLimits = {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
};

/** Where a team stands against the limits set by its number of cases. */
export type FunnelStanding = 'above-99.8' | 'above-95' | 'within' | 'below-95' | 'below-99.8';

export const TAIL_95 = 0.025;
export const TAIL_998 = 0.001;

/** log(k!) by summation, cached: counts here are the cases of one audit. */
const logFactorials: number[] = [0];
function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i);
  return logFactorials[k]!;
}

/** P(R = k) for every k = 0..n, R ~ Binomial(n, p). */
export function binomialProbabilities(n: number, p: number): number[] {
  if (p <= 0) return Array.from({ length: n + 1 }, (_, k) => (k === 0 ? 1 : 0));
  if (p >= 1) return Array.from({ length: n + 1 }, (_, k) => (k === n ? 1 : 0));
  const logP = Math.log(p);
  const logQ = Math.log(1 - p);
  return Array.from({ length: n + 1 }, (_, k) =>
    Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * logP + (n - k) * logQ),
  );
}

/** The interpolated lower limit, as a count (0..n), for lower tail probability `tail`. */
function lowerCount(n: number, p0: number, tail: number): number {
  // A share of exactly 0% or 100% leaves no room either side.
  if (p0 <= 0) return 0;
  if (p0 >= 1) return n;
  const probabilities = binomialProbabilities(n, p0);
  let cumulative = 0;
  for (let r = 0; r <= n; r++) {
    const atR = probabilities[r]!;
    cumulative += atR;
    // A hair of tolerance: the sum of rounded probabilities may fall short of an exact tail.
    if (cumulative >= tail - 1e-12) {
      const alpha = atR > 0 ? Math.min(1, Math.max(0, (cumulative - tail) / atR)) : 0;
      return Math.max(0, r - alpha);
    }
  }
  return n;
}

/** The 95% and 99.8% limits around the share p0 (0–1) for a group of n cases. */
export function funnelLimits(p0: number, n: number): FunnelLimits {
  if (!Number.isInteger(n) || n < 1) throw new Error('a funnel limit needs at least one case');
  if (!(p0 >= 0 && p0 <= 1)) throw new Error('the target share must be between 0 and 1');
  const lower = (tail: number) => lowerCount(n, p0, tail) / n;
  const upper = (tail: number) => 1 - lowerCount(n, 1 - p0, tail) / n;
  return {
    n,
    lower95: lower(TAIL_95),
    upper95: upper(TAIL_95),
    lower998: lower(TAIL_998),
    upper998: upper(TAIL_998),
  };
}

/** Above or below the 95% or 99.8% limit for its size, or within. */
export function funnelStanding(p0: number, count: number, n: number): FunnelStanding {
  if (!Number.isInteger(count) || count < 0 || count > n) throw new Error('a count must be 0..n');
  const limits = funnelLimits(p0, n);
  // Compared as counts: the limits are counts divided by n, so this is exact.
  const lowerCountOf = (share: number) => share * n;
  const tolerance = 1e-9;
  if (count < lowerCountOf(limits.lower998) - tolerance) return 'below-99.8';
  if (count < lowerCountOf(limits.lower95) - tolerance) return 'below-95';
  if (count > lowerCountOf(limits.upper998) + tolerance) return 'above-99.8';
  if (count > lowerCountOf(limits.upper95) + tolerance) return 'above-95';
  return 'within';
}

/** The limits at every group size from 1 to maxN, for drawing the funnel's lines. */
export function funnelLines(p0: number, maxN: number): FunnelLimits[] {
  const top = Math.max(1, Math.ceil(maxN));
  return Array.from({ length: top }, (_, index) => funnelLimits(p0, index + 1));
}

export type FunnelGroup = { id: string; label: string; count: number; n: number };

export type FunnelPoint = FunnelGroup & {
  percent: number | null;
  standing: FunnelStanding;
  limits: FunnelLimits;
};

export type FunnelPlot = {
  /** The share the limits are drawn around, 0–1; null when no case counts. */
  p0: number | null;
  /** What p0 is, in words: "the national share, 65% (377 of 577)". */
  centreLabel: string;
  points: FunnelPoint[];
  lines: FunnelLimits[];
  outliers: FunnelPoint[];
};

const STANDING_WORDS: Record<FunnelStanding, string> = {
  'above-99.8': 'above the 99.8% limit',
  'above-95': 'above the 95% limit',
  within: 'within the limits',
  'below-95': 'below the 95% limit',
  'below-99.8': 'below the 99.8% limit',
};

export function standingWords(standing: FunnelStanding): string {
  return STANDING_WORDS[standing];
}

/** Further from the centre first; a funnel plot has no other order (no ranking by share). */
const SEVERITY: Record<FunnelStanding, number> = {
  'below-99.8': 0,
  'above-99.8': 1,
  'below-95': 2,
  'above-95': 3,
  within: 4,
};

/**
 * The funnel plot of groups (teams) around p0: each group's standing, the
 * lines over the range of sizes shown, and the outliers (outside a 95% limit).
 * Points keep the caller's order (teams by name), never a ranking.
 */
export function buildFunnelPlot(
  groups: FunnelGroup[],
  centre: { count: number; n: number; label: string },
): FunnelPlot {
  const plotted = groups.filter((group) => group.n > 0);
  if (centre.n <= 0) return { p0: null, centreLabel: centre.label, points: [], lines: [], outliers: [] };
  const p0 = centre.count / centre.n;
  const points = plotted.map((group) => ({
    ...group,
    percent: roundedPercent(group.count, group.n),
    standing: funnelStanding(p0, group.count, group.n),
    limits: funnelLimits(p0, group.n),
  }));
  const maxN = Math.max(10, ...points.map((point) => point.n));
  const outliers = points
    .filter((point) => point.standing !== 'within')
    .sort((a, b) => SEVERITY[a.standing] - SEVERITY[b.standing] || a.label.localeCompare(b.label));
  return { p0, centreLabel: centre.label, points, lines: funnelLines(p0, Math.ceil(maxN * 1.1)), outliers };
}

/** "A4 East: 38% Good (n = 13), below the 95% limit". */
export function describeOutlier(point: FunnelPoint, shareLabel: string): string {
  const percent = point.percent === null ? '–' : `${point.percent}%`;
  return `${point.label}: ${percent} ${shareLabel} (n = ${point.n}), ${standingWords(point.standing)}`;
}
