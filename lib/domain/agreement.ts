// Agreement between two graders who graded the same cases on one ordered scale:
// the original auditor (first) and a benchmarker (second). Raw agreement alone
// flatters a scale where most cases land on one grade, and kappa alone punishes
// it (the "kappa paradox"), so the report carries both plus weighted kappa (near
// misses on an ordered scale are not as bad as far misses) and Gwet's AC1 (stable
// when one grade dominates), each with a 95% interval and a sentence a service
// manager can read. Pure: no I/O, no framework.

/** Level keys; first = the original auditor, second = the benchmarker. */
export type GradePair = { first: string; second: string };
/** A 95% interval, clamped to the statistic's range. */
export type Interval = { low: number; high: number };
/** value and interval are null where the statistic is undefined; words always say why. */
export type Statistic = { value: number | null; interval: Interval | null; words: string };
export type Agreement = {
  pairs: number;
  /** confusion[i][j]: pairs with first = levels[i] and second = levels[j]. */
  confusion: number[][];
  /** A proportion 0–1, with a Wilson interval. */
  percentAgreement: Statistic;
  cohensKappa: Statistic;
  weightedKappa: Statistic;
  gwetsAc1: Statistic;
  /** Too few pairs, or kappa unreliable because (nearly) every grade is one level. */
  warning: string | null;
};
export type Direction = {
  pairs: number;
  higher: number;
  lower: number;
  same: number;
  meanDifference: number | null;
  words: string;
};
export type AgreementOptions = {
  /** level key → label for the sentences; keys are used where a label is missing. */
  labels?: Readonly<Record<string, string>>;
  /** What to call the two graders in the sentences. */
  graders?: { first: string; second: string };
};

/** Below this many pairs every figure can swing on a case or two, so the report says so. */
export const MIN_PAIRS_TO_TRUST = 20;
/**
 * When one level holds this share of all grades, chance agreement is already at least
 * 0.64, so kappa divides by a small number and a few disagreements swing it wildly.
 */
export const ONE_LEVEL_SHARE_FOR_PARADOX = 0.8;
export const NO_PAIRS_WORDS = 'No pairs yet: no case has been graded by both graders.';
export const DEFAULT_GRADERS = { first: 'the original auditor', second: 'the benchmarker' } as const;

// Plain ±1.96 standard errors, as the kappa literature reports them; Wilson uses the
// same z so every interval in a report means the same thing.
const Z_95 = 1.96;
// Below this, a chance-agreement of 1 or a variance of 0 is rounding, not data.
const EPSILON = 1e-12;

/** Quadratic agreement weight: 1 on the diagonal, 0 between the two ends of the scale. */
export function quadraticWeight(i: number, j: number, levelCount: number): number {
  const distance = (i - j) / (levelCount - 1);
  return 1 - distance * distance;
}

/**
 * Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3). Chosen
 * over the textbook p ± 1.96·SE because that one collapses to zero width at 0% or 100%
 * and spills outside 0–1 on small samples, which are exactly the audits we see.
 */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const denominator = 1 + z2 / trials;
  return {
    low: Math.max(0, (centre - spread) / denominator),
    high: Math.min(1, (centre + spread) / denominator),
  };
}

/**
 * Landis & Koch (1977) bands. The value is rounded to two places first so the band
 * always matches the figure printed beside it (0.205 prints as 0.21, so it is "fair").
 */
export function landisKochBand(kappa: number): string {
  if (Number.isNaN(kappa)) throw new Error('Cannot band a kappa that is not a number.');
  const rounded = Math.round(kappa * 100) / 100;
  if (rounded < 0) return 'poor agreement';
  if (rounded <= 0.2) return 'slight agreement';
  if (rounded <= 0.4) return 'fair agreement';
  if (rounded <= 0.6) return 'moderate agreement';
  if (rounded <= 0.8) return 'substantial agreement';
  return 'almost perfect agreement';
}

export function measureAgreement(
  levels: readonly string[],
  pairs: readonly GradePair[],
  options: AgreementOptions = {},
): Agreement {
  const positions = indexPairs(levels, pairs);
  const k = levels.length;
  const n = positions.length;
  const confusion = levels.map(() => levels.map(() => 0));
  for (const [i, j] of positions) {
    const row = confusion[i];
    if (row) row[j] = (row[j] ?? 0) + 1;
  }

  if (n === 0) {
    const none = (): Statistic => ({ value: null, interval: null, words: NO_PAIRS_WORDS });
    return {
      pairs: 0,
      confusion,
      percentAgreement: none(),
      cohensKappa: none(),
      weightedKappa: none(),
      gwetsAc1: none(),
      warning: 'No case has been graded by both graders yet, so agreement cannot be measured.',
    };
  }

  const p = confusion.map((row) => row.map((count) => count / n));
  const agreed = confusion.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
  const identity = (i: number, j: number) => (i === j ? 1 : 0);
  const quadratic = (i: number, j: number) => quadraticWeight(i, j, k);

  const kappa = chanceCorrectedKappa(p, n, identity);
  const weighted = chanceCorrectedKappa(p, n, quadratic);
  const ac1 = gwetAc1(p, n);
  const soleLevel = onlyLevelUsed(levels, confusion);

  return {
    pairs: n,
    confusion,
    percentAgreement: describePercent(agreed, n),
    cohensKappa: describeCoefficient('κ', kappa, n, soleLevel, options),
    weightedKappa: describeCoefficient('Weighted κ', weighted, n, soleLevel, options),
    gwetsAc1: describeCoefficient("Gwet's AC1", ac1, n, soleLevel, options),
    warning: warningFor(levels, confusion, n, soleLevel, options),
  };
}

/**
 * Positive meanDifference: the first grader sits higher (more generous) by that many
 * scale steps on average. Levels run highest first, so "higher" is a lower index.
 */
export function directionOfDisagreement(
  levels: readonly string[],
  pairs: readonly GradePair[],
  options: AgreementOptions = {},
): Direction {
  const positions = indexPairs(levels, pairs);
  const n = positions.length;
  if (n === 0) return { pairs: 0, higher: 0, lower: 0, same: 0, meanDifference: null, words: NO_PAIRS_WORDS };

  let higher = 0;
  let lower = 0;
  let steps = 0;
  for (const [first, second] of positions) {
    if (first < second) higher += 1;
    if (first > second) lower += 1;
    steps += second - first;
  }
  const same = n - higher - lower;
  const meanDifference = steps / n;
  const { first: who, second: whom } = options.graders ?? DEFAULT_GRADERS;
  const Who = capitalise(who);

  if (same === n) {
    return {
      pairs: n,
      higher,
      lower,
      same,
      meanDifference,
      words: `${Who} and ${whom} gave the same grade in ${casesWord(n)}.`,
    };
  }
  const rounded = Math.round(Math.abs(meanDifference) * 100) / 100;
  const balance =
    rounded === 0
      ? 'on balance neither higher nor lower'
      : `on average ${rounded.toFixed(2)} ${rounded === 1 ? 'step' : 'steps'} ${meanDifference > 0 ? 'higher' : 'lower'} on the scale`;
  return {
    pairs: n,
    higher,
    lower,
    same,
    meanDifference,
    words:
      `${Who} graded higher than ${whom} in ${higher} of ${casesWord(n)}, lower in ${lower} ` +
      `and the same in ${same}: ${balance}.`,
  };
}

type Estimate = { value: number; se: number } | null;

function indexPairs(levels: readonly string[], pairs: readonly GradePair[]): Array<[number, number]> {
  if (levels.length < 2) throw new Error('An agreement scale needs at least two levels.');
  const index = new Map<string, number>();
  levels.forEach((level, i) => {
    if (index.has(level)) throw new Error(`Level "${level}" appears twice in the scale.`);
    index.set(level, i);
  });
  const at = (key: string): number => {
    const i = index.get(key);
    if (i === undefined)
      throw new Error(`Grade "${key}" is not a level of this scale (${levels.join(', ')}).`);
    return i;
  };
  return pairs.map((pair) => [at(pair.first), at(pair.second)]);
}

/**
 * Cohen's kappa for any agreement weights (identity gives the unweighted kappa). The
 * standard error is the large-sample, non-null variance of Fleiss, Cohen & Everitt
 * (1969), as in Fleiss, Levin & Paik (2003) §18.1: unlike Cohen's (1960) shortcut it
 * accounts for the margins being estimated too, and it is what AgreeStat/irrCAC report,
 * so our figures can be checked against theirs.
 */
function chanceCorrectedKappa(p: number[][], n: number, w: (i: number, j: number) => number): Estimate {
  const k = p.length;
  const rows = p.map((row) => sum(row));
  const cols = p.map((_, j) => sum(p.map((row) => row[j] ?? 0)));
  let po = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      po += w(i, j) * (p[i]?.[j] ?? 0);
      pe += w(i, j) * (rows[i] ?? 0) * (cols[j] ?? 0);
    }
  }
  // Both graders used one and the same level: chance explains everything, kappa is 0/0.
  if (1 - pe < EPSILON) return null;
  const kappa = (po - pe) / (1 - pe);

  // w̄ᵢ. and w̄.ⱼ: the weight a grade would earn against the other grader's margin.
  const rowMean = rows.map((_, i) => sum(cols.map((c, j) => c * w(i, j))));
  const colMean = cols.map((_, j) => sum(rows.map((r, i) => r * w(i, j))));
  let total = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const term = w(i, j) - ((rowMean[i] ?? 0) + (colMean[j] ?? 0)) * (1 - kappa);
      total += (p[i]?.[j] ?? 0) * term * term;
    }
  }
  const correction = kappa - pe * (1 - kappa);
  const variance = (total - correction * correction) / (n * (1 - pe) * (1 - pe));
  return { value: kappa, se: Math.sqrt(Math.max(0, variance)) };
}

/**
 * Gwet's AC1 and its variance for two raters, from Gwet (2008), Br J Math Stat Psychol
 * 61:29–48 (no finite-population correction). q is the whole scale, not only the levels
 * used, as Gwet defines it: the chance of agreeing by guessing depends on how many
 * grades there were to choose from.
 */
function gwetAc1(p: number[][], n: number): Estimate {
  const q = p.length;
  const pi = p.map((row, k) => (sum(row) + sum(p.map((r) => r[k] ?? 0))) / 2);
  const pa = sum(p.map((row, k) => row[k] ?? 0));
  const pe = sum(pi.map((x) => x * (1 - x))) / (q - 1);
  const ac1 = (pa - pe) / (1 - pe);

  const diagonal = sum(p.map((row, k) => (row[k] ?? 0) * (1 - (pi[k] ?? 0)))) / (q - 1);
  let offDiagonal = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const term = 1 - ((pi[k] ?? 0) + (pi[l] ?? 0)) / 2;
      offDiagonal += (p[k]?.[l] ?? 0) * term * term;
    }
  }
  offDiagonal /= (q - 1) * (q - 1);
  const variance =
    (pa * (1 - pa) -
      4 * (1 - ac1) * (diagonal - pa * pe) +
      4 * (1 - ac1) * (1 - ac1) * (offDiagonal - pe * pe)) /
    (n * (1 - pe) * (1 - pe));
  return { value: ac1, se: Math.sqrt(Math.max(0, variance)) };
}

function describePercent(agreed: number, n: number): Statistic {
  const value = agreed / n;
  const interval = wilsonInterval(agreed, n);
  const ci = interval ? ` (95% CI ${percent(interval.low)}–${percent(interval.high)})` : '';
  return { value, interval, words: `${percent(value)} of cases graded the same${ci}` };
}

/**
 * The interval is left out (null) when the large-sample standard error is zero: with one
 * pair, or when agreement is perfect, the formula says "no uncertainty", which is false.
 * The Wilson interval on raw agreement still shows how little a few cases prove.
 */
function describeCoefficient(
  name: string,
  estimate: Estimate,
  n: number,
  soleLevel: string | null,
  options: AgreementOptions,
): Statistic {
  if (!estimate) {
    const level = soleLevel === null ? 'one grade' : `"${labelOf(soleLevel, options)}"`;
    return {
      value: null,
      interval: null,
      words:
        `${name} cannot be calculated: both graders gave every case ${level}, so there is no ` +
        'variation to measure agreement against. Read the percentage agreement and AC1 instead.',
    };
  }
  const { value, se } = estimate;
  const interval =
    n < 2 || se < EPSILON
      ? null
      : { low: Math.max(-1, value - Z_95 * se), high: Math.min(1, value + Z_95 * se) };
  const ci = interval ? ` (95% CI ${coefficient(interval.low)} to ${coefficient(interval.high)})` : '';
  return {
    value,
    interval,
    words: `${name} = ${coefficient(value)}${ci}: ${landisKochBand(value)} (Landis & Koch)`,
  };
}

function warningFor(
  levels: readonly string[],
  confusion: number[][],
  n: number,
  soleLevel: string | null,
  options: AgreementOptions,
): string | null {
  const warnings: string[] = [];
  if (n < MIN_PAIRS_TO_TRUST) {
    warnings.push(
      `Only ${casesWord(n)} graded by both graders (fewer than ${MIN_PAIRS_TO_TRUST}): a case or two ` +
        'either way could change these figures a lot, so treat them as a first look.',
    );
  }
  if (soleLevel !== null) {
    warnings.push(
      `Every grade from both graders is "${labelOf(soleLevel, options)}", so kappa cannot be ` +
        "calculated; read the percentage agreement and Gwet's AC1 instead.",
    );
  } else {
    const shares = levels.map((_, i) => {
      const asFirst = sum(confusion[i] ?? []);
      const asSecond = sum(confusion.map((row) => row[i] ?? 0));
      return (asFirst + asSecond) / (2 * n);
    });
    const top = Math.max(...shares);
    if (top >= ONE_LEVEL_SHARE_FOR_PARADOX) {
      const level = levels[shares.indexOf(top)] ?? '';
      warnings.push(
        `${percent(top)} of all grades are "${labelOf(level, options)}". When nearly every grade is ` +
          'the same, kappa is unstable (the "kappa paradox"): a few disagreements can pull it ' +
          "down even though the graders mostly agree. Read the percentage agreement and Gwet's AC1 instead.",
      );
    }
  }
  return warnings.length > 0 ? warnings.join(' ') : null;
}

/** The one level both graders gave to every case, if there is one: kappa is undefined then. */
function onlyLevelUsed(levels: readonly string[], confusion: number[][]): string | null {
  const used = levels.filter(
    (_, i) => sum(confusion[i] ?? []) + sum(confusion.map((row) => row[i] ?? 0)) > 0,
  );
  return used.length === 1 ? (used[0] ?? null) : null;
}

function labelOf(key: string, options: AgreementOptions): string {
  return options.labels?.[key] ?? key;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function percent(proportion: number): string {
  return `${Math.round(proportion * 100)}%`;
}

/** Two places, a true minus sign, and never "−0.00". */
function coefficient(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0.00';
  return rounded < 0 ? `−${(-rounded).toFixed(2)}` : rounded.toFixed(2);
}

function casesWord(n: number): string {
  return `${n} ${n === 1 ? 'case' : 'cases'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
