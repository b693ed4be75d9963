// How many cases an audit needs to tell a change from chance (issue 16 §5):
// the standard sample size for comparing two independent proportions, and the
// rule that says a planned sample is too small to tell.
//
// The formula is the usual one WITHOUT continuity correction (Fleiss, Levin
// and Paik 2003, chapter 4; what R's power.prop.test solves):
//   n per group = ( z₁₋α/₂ · √(2 p̄ q̄) + z₁₋β · √(p₁q₁ + p₂q₂) )² / (p₁ − p₂)²,  p̄ = (p₁ + p₂)/2.
// Without the correction because the change is then judged with Newcombe's
// method 10 (lib/domain/newcombe.ts), a score interval that has no correction
// either: a corrected sample size would ask for more cases than that test needs.
// For unequal groups (the baseline audit is already done, its size is fixed)
// the power is Φ( (|p₁ − p₂| − z₁₋α/₂ · √(p̄q̄ (1/n₁ + 1/n₂))) / √(p₁q₁/n₁ + p₂q₂/n₂) ),
// p̄ weighted by the group sizes, which is the formula above when n₁ = n₂.

export const DEFAULT_POWER = 0.8;
export const DEFAULT_ALPHA = 0.05;

/** Standard normal distribution function. */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const erfcZ = erfc(z);
  return x >= 0 ? 1 - erfcZ / 2 : erfcZ / 2;
}

// Numerical Recipes' erfc (Chebyshev fit, fractional error < 1.2e-7): ample for a power
// printed as a whole percentage.
function erfc(z: number): number {
  const t = 1 / (1 + z / 2);
  const y =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return y;
}

/** Inverse of the standard normal distribution function (Acklam's algorithm, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('the probability must be between 0 and 1');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < low) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - low) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

export type PowerOptions = { power?: number; alpha?: number };

const isShare = (p: number) => Number.isFinite(p) && p >= 0 && p <= 1;

/**
 * Cases per group to detect a change from p1 to p2 (shares 0–1) with the given
 * power (default 80%) at the given two-sided level (default 5%), rounded up.
 * Null when there is no change to detect or a share is not a share.
 */
export function casesPerGroup(p1: number, p2: number, options: PowerOptions = {}): number | null {
  if (!isShare(p1) || !isShare(p2) || p1 === p2) return null;
  const zAlpha = normalQuantile(1 - (options.alpha ?? DEFAULT_ALPHA) / 2);
  const zBeta = normalQuantile(options.power ?? DEFAULT_POWER);
  const mean = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  // A hair under a whole number is that whole number: 76.0000000001 cases is 76, not 77.
  return Math.ceil((root * root) / ((p1 - p2) * (p1 - p2)) - 1e-9);
}

/**
 * The chance of telling a true change from p1 (n1 cases) to p2 (n2 cases)
 * from chance at the two-sided level (the far tail, negligible, left out as
 * power.prop.test leaves it out). Null without cases or without a change.
 */
export function powerToDetect(
  p1: number,
  p2: number,
  n1: number,
  n2: number,
  alpha = DEFAULT_ALPHA,
): number | null {
  if (!isShare(p1) || !isShare(p2) || p1 === p2 || !(n1 > 0) || !(n2 > 0)) return null;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
  const nullSd = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const sd = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  if (sd === 0) return 1;
  return normalCdf((Math.abs(p1 - p2) - zAlpha * nullSd) / sd);
}

export type SampleVerdict = {
  /** Cases per group the change needs (equal groups). */
  needed: number | null;
  /** The power the planned sample has against the baseline as it was, 0–1. */
  power: number | null;
  /** Below the power asked for: a real change of this size could well be missed. */
  tooSmallToTell: boolean;
  /** The baseline itself is too small: no sample of the new audit, however large, reaches the power asked for. */
  baselineTooSmall: boolean;
};

/** As good as unlimited: the power a sample approaches as it grows without end. */
const UNLIMITED = 1e9;

/**
 * Whether a planned sample (plannedCases, against a baseline of baselineCases)
 * can tell the change from baselineShare to targetShare: too small when its
 * power falls short of 80% (or the power given). Without a baseline size the
 * planned sample is judged as if the baseline were as large.
 */
export function sampleVerdict(input: {
  baselineShare: number;
  targetShare: number;
  plannedCases: number;
  baselineCases?: number | null;
  options?: PowerOptions;
}): SampleVerdict {
  const { baselineShare, targetShare, plannedCases } = input;
  const wanted = input.options?.power ?? DEFAULT_POWER;
  const alpha = input.options?.alpha;
  const needed = casesPerGroup(baselineShare, targetShare, input.options);
  const baselineCases = input.baselineCases ?? plannedCases;
  const power = powerToDetect(baselineShare, targetShare, baselineCases, plannedCases, alpha);
  const ceiling = input.baselineCases
    ? powerToDetect(baselineShare, targetShare, input.baselineCases, UNLIMITED, alpha)
    : null;
  return {
    needed,
    power,
    tooSmallToTell: needed !== null && (power === null || power < wanted),
    baselineTooSmall: ceiling !== null && ceiling < wanted,
  };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The verdict in words, for the commissioning form and the audit's sample page. */
export function describeSampleVerdict(
  verdict: SampleVerdict,
  input: { plannedCases: number; baselineCases?: number | null },
): string {
  if (verdict.needed === null) return 'No change to detect: the target equals the baseline.';
  const need = `Needs ${verdict.needed} cases to detect the change (80% power, 5% two-sided)`;
  const planned = `a sample of ${input.plannedCases} case${input.plannedCases === 1 ? '' : 's'}`;
  const power = verdict.power === null ? '' : ` (${percent(verdict.power)} power)`;
  const baseline =
    verdict.baselineTooSmall && input.baselineCases
      ? `; the baseline had only ${input.baselineCases}, so no sample of this audit alone can reach 80% power`
      : '';
  if (!verdict.tooSmallToTell) return `${need}; ${planned}${power} is enough to tell.`;
  return `${need}; ${planned}${power} is too small to tell${baseline}.`;
}
