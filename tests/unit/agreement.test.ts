import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADERS,
  directionOfDisagreement,
  landisKochBand,
  measureAgreement,
  MIN_PAIRS_TO_TRUST,
  NO_PAIRS_WORDS,
  ONE_LEVEL_SHARE_FOR_PARADOX,
  quadraticWeight,
  wilsonInterval,
  type Agreement,
  type GradePair,
  type Statistic,
} from '@/lib/domain/agreement';
import { FOUR_POINT_SCALE, THREE_POINT_SCALE } from '@/lib/domain/rubric';

const FOUR = FOUR_POINT_SCALE.levels.map((level) => level.key);
const THREE = THREE_POINT_SCALE.levels.map((level) => level.key);
const YES_NO = ['yes', 'no'];

/** Pairs from a confusion table: rows are the first grader, columns the second. */
function fromTable(levels: readonly string[], table: number[][]): GradePair[] {
  return table.flatMap((row, i) =>
    row.flatMap((count, j) =>
      Array.from({ length: count }, () => ({ first: levels[i] ?? '', second: levels[j] ?? '' })),
    ),
  );
}

const repeat = (count: number, first: string, second: string): GradePair[] =>
  Array.from({ length: count }, () => ({ first, second }));

/** The standard error an interval was built from: (high − low) / (2 × 1.96). */
function standardError(statistic: Statistic): number {
  if (!statistic.interval) throw new Error('expected an interval');
  return (statistic.interval.high - statistic.interval.low) / (2 * 1.96);
}

function statistics(agreement: Agreement): Statistic[] {
  return [agreement.percentAgreement, agreement.cohensKappa, agreement.weightedKappa, agreement.gwetsAc1];
}

describe('the rule constants', () => {
  it('are the ones agreed', () => {
    expect(MIN_PAIRS_TO_TRUST).toBe(20);
    expect(ONE_LEVEL_SHARE_FOR_PARADOX).toBe(0.8);
    expect(DEFAULT_GRADERS).toEqual({ first: 'the original auditor', second: 'the benchmarker' });
  });
});

describe('wilsonInterval', () => {
  // Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Stat Med 17:857–872, Table II, method 3 (Wilson score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f–%f (Newcombe 1998)', (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval?.low).toBeCloseTo(low, 4);
    expect(interval?.high).toBeCloseTo(high, 4);
  });

  it('is symmetric: the interval for failures mirrors the one for successes', () => {
    const success = wilsonInterval(15, 148);
    const failure = wilsonInterval(133, 148);
    expect(failure?.low).toBeCloseTo(1 - (success?.high ?? 0), 12);
    expect(failure?.high).toBeCloseTo(1 - (success?.low ?? 0), 12);
  });

  it('stays inside 0–1 and is still wide at 100% of one case', () => {
    // Hand-computed: p = 1, n = 1, z² = 3.8416 → low = 1 / (1 + 3.8416) = 0.2065.
    expect(wilsonInterval(1, 1)).toEqual({ low: expect.closeTo(0.2065, 4) as number, high: 1 });
    expect(wilsonInterval(0, 1)).toEqual({ low: 0, high: expect.closeTo(0.7935, 4) as number });
  });

  it('has no interval for no trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('quadraticWeight', () => {
  it('is 1 − ((i − j)/(k − 1))²', () => {
    // Three levels: 1, 0.75, 0 — the same as irrCAC's quadratic.weights(1:3) (Gwet's weighting vignette).
    expect([0, 1, 2].map((j) => quadraticWeight(0, j, 3))).toEqual([1, 0.75, 0]);
    expect([0, 1, 2].map((j) => quadraticWeight(1, j, 3))).toEqual([0.75, 1, 0.75]);
    // Four levels: one step 1 − 1/9, two steps 1 − 4/9, the two ends 0.
    expect([0, 1, 2, 3].map((j) => quadraticWeight(0, j, 4))).toEqual([1, 8 / 9, 5 / 9, 0]);
    // Two levels: quadratic weights are the identity, so weighted kappa is plain kappa.
    expect([quadraticWeight(0, 0, 2), quadraticWeight(0, 1, 2)]).toEqual([1, 0]);
  });
});

describe('landisKochBand', () => {
  // Landis JR, Koch GG (1977) Biometrics 33:159–174: < 0 poor, 0–0.20 slight, 0.21–0.40 fair,
  // 0.41–0.60 moderate, 0.61–0.80 substantial, 0.81–1.00 almost perfect.
  it.each([
    [-1, 'poor agreement'],
    [-0.01, 'poor agreement'],
    [-0.004, 'slight agreement'], // prints as 0.00, so it bands as 0.00
    [0, 'slight agreement'],
    [0.2, 'slight agreement'],
    [0.204, 'slight agreement'],
    [0.205, 'fair agreement'], // prints as 0.21
    [0.21, 'fair agreement'],
    [0.4, 'fair agreement'],
    [0.41, 'moderate agreement'],
    [0.6, 'moderate agreement'],
    [0.61, 'substantial agreement'],
    [0.8, 'substantial agreement'],
    [0.81, 'almost perfect agreement'],
    [1, 'almost perfect agreement'],
  ])('κ = %f is %s', (kappa, band) => {
    expect(landisKochBand(kappa)).toBe(band);
  });

  it('refuses NaN rather than banding it', () => {
    expect(() => landisKochBand(Number.NaN)).toThrow(/not a number/);
  });
});

describe('measureAgreement: published and hand-worked examples', () => {
  // Wikipedia, "Cohen's kappa", simple example: 50 grant applications read by A and B.
  // Both yes 20, A yes B no 5, A no B yes 10, both no 15.
  // po = (20 + 15)/50 = 0.70; A says yes 25/50 = 0.5, B says yes 30/50 = 0.6;
  // pe = 0.5 × 0.6 + 0.5 × 0.4 = 0.50; κ = (0.70 − 0.50)/(1 − 0.50) = 0.40.
  describe("Wikipedia's 50-application example", () => {
    const agreement = measureAgreement(
      YES_NO,
      fromTable(YES_NO, [
        [20, 5],
        [10, 15],
      ]),
    );

    it('counts the pairs into the confusion table, first grader by row', () => {
      expect(agreement.pairs).toBe(50);
      expect(agreement.confusion).toEqual([
        [20, 5],
        [10, 15],
      ]);
    });

    it('gives po = 0.70 and κ = 0.40', () => {
      expect(agreement.percentAgreement.value).toBeCloseTo(0.7, 12);
      expect(agreement.cohensKappa.value).toBeCloseTo(0.4, 12);
    });

    it('gives the same weighted kappa, because two-level quadratic weights are the identity', () => {
      expect(agreement.weightedKappa.value).toBeCloseTo(0.4, 12);
      expect(agreement.weightedKappa.interval?.low).toBeCloseTo(agreement.cohensKappa.interval?.low ?? 0, 12);
    });

    it('gives AC1 = 41/101 (hand-computed)', () => {
      // π(yes) = (0.5 + 0.6)/2 = 0.55, π(no) = 0.45; pe = 0.55 × 0.45 + 0.45 × 0.55 = 0.495 (q − 1 = 1);
      // AC1 = (0.70 − 0.495)/(1 − 0.495) = 0.205/0.505 = 41/101 = 0.4059.
      expect(agreement.gwetsAc1.value).toBeCloseTo(41 / 101, 12);
    });

    it('puts it in words', () => {
      expect(agreement.percentAgreement.words).toBe('70% of cases graded the same (95% CI 56%–81%)');
      expect(agreement.cohensKappa.words).toBe(
        'κ = 0.40 (95% CI 0.15 to 0.65): fair agreement (Landis & Koch)',
      );
      expect(agreement.gwetsAc1.words).toMatch(/^Gwet's AC1 = 0\.41 \(95% CI .*\): moderate agreement/);
      expect(agreement.warning).toBeNull();
    });
  });

  // Wikipedia, "Cohen's kappa", "Same percentages but different numbers": both tables have
  // po = 0.60 of 100, yet κ = 0.1304 (45, 15 / 25, 15) and κ = 0.2593 (25, 35 / 5, 35).
  it.each([
    [[45, 15], [25, 15], 0.1304],
    [[25, 35], [5, 35], 0.2593],
  ])('Wikipedia: po 0.60 with rows %j %j gives κ = %f', (top, bottom, kappa) => {
    const agreement = measureAgreement(YES_NO, fromTable(YES_NO, [top, bottom]));
    expect(agreement.percentAgreement.value).toBeCloseTo(0.6, 12);
    expect(agreement.cohensKappa.value).toBeCloseTo(kappa, 4);
  });

  // Gwet's own R package irrCAC, README and vignette "Weighted Chance-corrected Agreement
  // Coefficients" (github.com/kgwet/irrCAC), dataset cont3x3abstractors (100 cases, 3 levels):
  //   kappa2.table                      κ = 0.7964094, SE 0.05891072  (Fleiss, Cohen & Everitt variance)
  //   kappa2.table, quadratic weights   κw = 0.8921569, SE 0.03535151
  //   gwet.ac1.table                    AC1 = 0.8493305, SE 0.04321747 (Gwet 2008 variance)
  //   pa2.table                         0.89
  // irrCAC builds its intervals from t quantiles, so we check the standard error, not the interval.
  describe("irrCAC's cont3x3abstractors (Gwet)", () => {
    const table = [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ];
    const agreement = measureAgreement(THREE, fromTable(THREE, table));

    it('gives raw agreement 0.89', () => {
      expect(agreement.percentAgreement.value).toBeCloseTo(0.89, 12);
    });

    it("gives Cohen's kappa 0.7964094 with SE 0.05891072", () => {
      expect(agreement.cohensKappa.value).toBeCloseTo(0.7964094, 7);
      expect(standardError(agreement.cohensKappa)).toBeCloseTo(0.05891072, 7);
    });

    it('gives quadratic weighted kappa 0.8921569 with SE 0.03535151', () => {
      expect(agreement.weightedKappa.value).toBeCloseTo(0.8921569, 7);
      expect(standardError(agreement.weightedKappa)).toBeCloseTo(0.03535151, 7);
    });

    it("gives Gwet's AC1 0.8493305 with SE 0.04321747", () => {
      expect(agreement.gwetsAc1.value).toBeCloseTo(0.8493305, 7);
      expect(standardError(agreement.gwetsAc1)).toBeCloseTo(0.04321747, 7);
    });

    it('builds each interval as value ± 1.96 SE', () => {
      expect(agreement.cohensKappa.interval?.low).toBeCloseTo(0.7964094 - 1.96 * 0.05891072, 6);
      expect(agreement.cohensKappa.interval?.high).toBeCloseTo(0.7964094 + 1.96 * 0.05891072, 6);
      expect(agreement.gwetsAc1.interval?.low).toBeCloseTo(0.8493305 - 1.96 * 0.04321747, 6);
    });

    it('puts them in words', () => {
      expect(agreement.percentAgreement.words).toBe('89% of cases graded the same (95% CI 81%–94%)');
      expect(agreement.cohensKappa.words).toBe(
        'κ = 0.80 (95% CI 0.68 to 0.91): substantial agreement (Landis & Koch)',
      );
      expect(agreement.weightedKappa.words).toBe(
        'Weighted κ = 0.89 (95% CI 0.82 to 0.96): almost perfect agreement (Landis & Koch)',
      );
      expect(agreement.gwetsAc1.words).toBe(
        "Gwet's AC1 = 0.85 (95% CI 0.76 to 0.93): almost perfect agreement (Landis & Koch)",
      );
      expect(agreement.warning).toBeNull();
    });
  });

  // Hand-worked, three-level scale (good, met, not-met), 10 cases; rows first grader:
  //             good met not-met   row
  //   good        3   1    0       0.4
  //   met         0   2    1       0.3
  //   not-met     1   0    2       0.3
  //   column    0.4 0.3  0.3
  // Unweighted: po = 7/10 = 0.70; pe = 0.4² + 0.3² + 0.3² = 0.34; κ = 0.36/0.66 = 6/11 = 0.5455.
  // Quadratic weights (k = 3): 1 on the diagonal, 0.75 one step apart, 0 two steps apart.
  //   po(w) = 0.70 + 0.75 × (0.1 good→met + 0.1 met→not-met) + 0 × (0.1 not-met→good) = 0.85
  //   pe(w) = Σ w·row·col = diagonal 0.34 + 0.75 × (2 × 0.4 × 0.3 + 2 × 0.3 × 0.3) = 0.34 + 0.315 = 0.655
  //   κw = (0.85 − 0.655)/(1 − 0.655) = 0.195/0.345 = 13/23 = 0.5652.
  // AC1: π = (0.4, 0.3, 0.3); pe = (0.24 + 0.21 + 0.21)/(3 − 1) = 0.33; AC1 = 0.37/0.67 = 37/67 = 0.5522.
  describe('a hand-worked three-level example', () => {
    const agreement = measureAgreement(
      THREE,
      fromTable(THREE, [
        [3, 1, 0],
        [0, 2, 1],
        [1, 0, 2],
      ]),
    );

    it('gives κ = 6/11, κw = 13/23 and AC1 = 37/67', () => {
      expect(agreement.percentAgreement.value).toBeCloseTo(0.7, 12);
      expect(agreement.cohensKappa.value).toBeCloseTo(6 / 11, 12);
      expect(agreement.weightedKappa.value).toBeCloseTo(13 / 23, 12);
      expect(agreement.gwetsAc1.value).toBeCloseTo(37 / 67, 12);
    });

    it('clamps an interval that would pass 1', () => {
      // 0.5652 + 1.96 × SE > 1 here, so the upper end is held at 1.
      expect(agreement.weightedKappa.interval?.high).toBe(1);
      expect(agreement.weightedKappa.words).toMatch(/to 1\.00\): moderate agreement/);
    });

    it('warns that ten cases are too few to trust', () => {
      expect(agreement.warning).toMatch(/^Only 10 cases graded by both graders \(fewer than 20\)/);
    });
  });

  it('weights a far miss more heavily than a near miss', () => {
    const near = measureAgreement(THREE, [
      ...repeat(10, 'good', 'good'),
      ...repeat(10, 'not-met', 'not-met'),
      ...repeat(2, 'good', 'met'),
    ]);
    const far = measureAgreement(THREE, [
      ...repeat(10, 'good', 'good'),
      ...repeat(10, 'not-met', 'not-met'),
      ...repeat(2, 'good', 'not-met'),
    ]);
    expect(near.percentAgreement.value).toBe(far.percentAgreement.value);
    expect(near.weightedKappa.value ?? 0).toBeGreaterThan(far.weightedKappa.value ?? 0);
  });
});

describe('measureAgreement: the kappa paradox', () => {
  // Hand-worked, four-level scale, 40 cases: 38 good/good, 1 good→requires-improvement,
  // 1 requires-improvement→good. po = 38/40 = 0.95.
  // Each grader: good 39/40 = 0.975, requires-improvement 0.025.
  //   κ: pe = 0.975² + 0.025² = 0.95125; κ = (0.95 − 0.95125)/(1 − 0.95125) = −0.00125/0.04875 = −1/39 = −0.0256.
  //   AC1: π = (0, 0.975, 0.025, 0); pe = 2 × 0.975 × 0.025/(4 − 1) = 0.01625;
  //        AC1 = (0.95 − 0.01625)/(1 − 0.01625) = 0.93375/0.98375 = 0.9492.
  const agreement = measureAgreement(FOUR, [
    ...repeat(38, 'good', 'good'),
    { first: 'good', second: 'requires-improvement' },
    { first: 'requires-improvement', second: 'good' },
  ]);

  it('gives 95% agreement but a kappa below zero, and an AC1 near the raw agreement', () => {
    expect(agreement.percentAgreement.value).toBeCloseTo(0.95, 12);
    expect(agreement.cohensKappa.value).toBeCloseTo(-1 / 39, 12);
    expect(agreement.gwetsAc1.value).toBeCloseTo(0.93375 / 0.98375, 12);
    expect(agreement.cohensKappa.words).toMatch(/^κ = −0\.03 .*: poor agreement/);
    expect(agreement.gwetsAc1.words).toMatch(/^Gwet's AC1 = 0\.95 .*: almost perfect agreement/);
  });

  it('warns that kappa is unstable and says to read raw agreement and AC1 instead', () => {
    expect(agreement.warning).toContain('98% of all grades are "good"');
    expect(agreement.warning).toContain('kappa paradox');
    expect(agreement.warning).toContain("Read the percentage agreement and Gwet's AC1 instead.");
    expect(agreement.warning).not.toContain('fewer than 20');
  });

  it('names the level by its label when labels are given', () => {
    const labels = Object.fromEntries(FOUR_POINT_SCALE.levels.map((level) => [level.key, level.label]));
    const labelled = measureAgreement(
      FOUR,
      [...repeat(38, 'good', 'good'), ...repeat(2, 'good', 'inadequate')],
      {
        labels,
      },
    );
    expect(labelled.warning).toContain('98% of all grades are "Good"');
  });

  // Hand-worked two-level illustration (the shape of Gwet's and Wongpakaran et al.'s examples):
  // 125 cases, 118 both +, 5 first + second −, 2 first − second +, 0 both −.
  // Rows 0.984/0.016, columns 0.96/0.04; po = 0.944; pe = 0.984 × 0.96 + 0.016 × 0.04 = 0.94528;
  // κ = (0.944 − 0.94528)/0.05472 = −0.0234. π = (0.972, 0.028); pe(AC1) = 2 × 0.972 × 0.028 = 0.054432;
  // AC1 = (0.944 − 0.054432)/0.945568 = 0.9408.
  it('gives κ −0.0234 but AC1 0.9408 at 94% agreement on 125 cases', () => {
    const skewed = measureAgreement(
      YES_NO,
      fromTable(YES_NO, [
        [118, 5],
        [2, 0],
      ]),
    );
    expect(skewed.cohensKappa.value).toBeCloseTo(-0.0234, 4);
    expect(skewed.gwetsAc1.value).toBeCloseTo(0.9408, 4);
    expect(skewed.warning).toContain('97% of all grades are "yes"');
  });

  it('starts warning when one level holds 80% of all grades, not before', () => {
    // 16 + 4 cases: "yes" is 32 of 40 grades = 80%. 15 + 5: 30 of 40 = 75%.
    const at = measureAgreement(YES_NO, [...repeat(16, 'yes', 'yes'), ...repeat(4, 'no', 'no')]);
    const below = measureAgreement(YES_NO, [...repeat(15, 'yes', 'yes'), ...repeat(5, 'no', 'no')]);
    expect(at.warning).toContain('kappa paradox');
    expect(below.warning).toBeNull();
  });
});

describe('measureAgreement: degenerate cases', () => {
  it('gives nothing but "no pairs yet" for no pairs', () => {
    const agreement = measureAgreement(FOUR, []);
    expect(agreement.pairs).toBe(0);
    expect(agreement.confusion).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    for (const statistic of statistics(agreement)) {
      expect(statistic).toEqual({ value: null, interval: null, words: NO_PAIRS_WORDS });
    }
    expect(NO_PAIRS_WORDS).toMatch(/^No pairs yet/);
    expect(agreement.warning).toMatch(/No case has been graded by both graders yet/);
  });

  it('gives 1 for every coefficient when every pair agrees across several levels', () => {
    const agreement = measureAgreement(FOUR, [
      ...repeat(8, 'outstanding', 'outstanding'),
      ...repeat(8, 'good', 'good'),
      ...repeat(8, 'requires-improvement', 'requires-improvement'),
    ]);
    expect(agreement.percentAgreement.value).toBe(1);
    expect(agreement.cohensKappa.value).toBe(1);
    expect(agreement.weightedKappa.value).toBe(1);
    expect(agreement.gwetsAc1.value).toBe(1);
    // The Wilson interval still admits doubt: 24/24 → lower end 1/(1 + 3.8416/24) = 0.862.
    expect(agreement.percentAgreement.interval?.low).toBeCloseTo(24 / (24 + 1.96 * 1.96), 12);
    expect(agreement.percentAgreement.words).toBe('100% of cases graded the same (95% CI 86%–100%)');
    // The large-sample SE is 0 at perfect agreement; a zero-width interval would claim certainty.
    expect(agreement.cohensKappa.interval).toBeNull();
    expect(agreement.gwetsAc1.interval).toBeNull();
    expect(agreement.cohensKappa.words).toBe('κ = 1.00: almost perfect agreement (Landis & Koch)');
    expect(agreement.warning).toBeNull();
  });

  it('leaves kappa undefined, but still reports raw agreement and AC1, when every grade is the same level', () => {
    // Both graders said "good" 30 times: pe = 1 × 1 = 1, so κ = (1 − 1)/(1 − 1) = 0/0.
    // AC1: π(good) = 1, pe = 0 (1 × 0 / 3), AC1 = (1 − 0)/(1 − 0) = 1.
    const agreement = measureAgreement(FOUR, repeat(30, 'good', 'good'));
    expect(agreement.percentAgreement.value).toBe(1);
    expect(agreement.gwetsAc1.value).toBe(1);
    expect(agreement.cohensKappa).toEqual({
      value: null,
      interval: null,
      words: expect.stringContaining('κ cannot be calculated: both graders gave every case "good"') as string,
    });
    expect(agreement.weightedKappa.value).toBeNull();
    expect(agreement.weightedKappa.words).toMatch(/^Weighted κ cannot be calculated/);
    expect(agreement.cohensKappa.words).toContain('Read the percentage agreement and AC1 instead.');
    expect(agreement.warning).toBe(
      'Every grade from both graders is "good", so kappa cannot be calculated; ' +
        "read the percentage agreement and Gwet's AC1 instead.",
    );
  });

  it('computes what it can from one agreeing pair, with the warning set and no kappa-family interval', () => {
    const agreement = measureAgreement(THREE, [{ first: 'met', second: 'met' }]);
    expect(agreement.pairs).toBe(1);
    expect(agreement.percentAgreement.value).toBe(1);
    // Wilson for 1/1: 1/(1 + 1.96²) = 0.2065 — wide, as it should be.
    expect(agreement.percentAgreement.interval?.low).toBeCloseTo(0.2065, 4);
    expect(agreement.cohensKappa.value).toBeNull(); // one case is one level for both graders
    expect(agreement.gwetsAc1.value).toBe(1);
    expect(agreement.gwetsAc1.interval).toBeNull();
    expect(agreement.warning).toMatch(/^Only 1 case graded by both graders \(fewer than 20\)/);
    expect(agreement.warning).toContain('Every grade from both graders is "met"');
  });

  it('computes what it can from one disagreeing pair', () => {
    // po = 0; rows (1, 0, 0), columns (0, 1, 0): pe = 0, κ = 0.
    // π = (0.5, 0.5, 0): pe(AC1) = (0.25 + 0.25)/2 = 0.25; AC1 = (0 − 0.25)/0.75 = −1/3.
    const agreement = measureAgreement(THREE, [{ first: 'good', second: 'met' }]);
    expect(agreement.percentAgreement.value).toBe(0);
    expect(agreement.percentAgreement.interval?.high).toBeCloseTo(1.96 ** 2 / (1 + 1.96 ** 2), 12);
    expect(agreement.cohensKappa.value).toBe(0);
    expect(agreement.cohensKappa.interval).toBeNull();
    expect(agreement.gwetsAc1.value).toBeCloseTo(-1 / 3, 12);
    expect(agreement.gwetsAc1.words).toBe("Gwet's AC1 = −0.33: poor agreement (Landis & Koch)");
    expect(agreement.warning).toMatch(/^Only 1 case graded/);
  });

  it('never produces NaN or Infinity, and every interval holds its value, for any small table', () => {
    // Every 2 × 2 and 3 × 3 table with up to 3 pairs, plus every 2 × 2 table up to 6.
    const tables: Array<{ levels: string[]; table: number[][] }> = [];
    const cells = (size: number, total: number): number[][] => {
      if (size === 0) return total === 0 ? [[]] : [];
      const out: number[][] = [];
      for (let first = 0; first <= total; first++) {
        for (const rest of cells(size - 1, total - first)) out.push([first, ...rest]);
      }
      return out;
    };
    for (let n = 0; n <= 6; n++) {
      for (const c of cells(4, n)) tables.push({ levels: YES_NO, table: [c.slice(0, 2), c.slice(2, 4)] });
    }
    for (let n = 0; n <= 3; n++) {
      for (const c of cells(9, n))
        tables.push({ levels: THREE, table: [c.slice(0, 3), c.slice(3, 6), c.slice(6, 9)] });
    }
    for (const { levels, table } of tables) {
      const agreement = measureAgreement(levels, fromTable(levels, table));
      for (const statistic of statistics(agreement)) {
        expect(statistic.words).not.toMatch(/NaN|Infinity|undefined/);
        if (statistic.value === null) continue;
        expect(Number.isFinite(statistic.value)).toBe(true);
        expect(statistic.value).toBeGreaterThanOrEqual(-1);
        expect(statistic.value).toBeLessThanOrEqual(1);
        if (!statistic.interval) continue;
        expect(statistic.interval.low).toBeGreaterThanOrEqual(-1);
        expect(statistic.interval.high).toBeLessThanOrEqual(1);
        expect(statistic.interval.low).toBeLessThanOrEqual(statistic.value + 1e-12);
        expect(statistic.interval.high).toBeGreaterThanOrEqual(statistic.value - 1e-12);
      }
    }
    expect(tables.length).toBeGreaterThan(300);
  });
});

describe('measureAgreement: input it refuses', () => {
  it.each([
    [{ first: 'excellent', second: 'good' }, 'excellent'],
    [{ first: 'good', second: 'Good' }, 'Good'],
  ])('names an unknown grade (%j)', (pair, key) => {
    expect(() => measureAgreement(FOUR, [{ first: 'good', second: 'good' }, pair])).toThrow(
      `Grade "${key}" is not a level of this scale`,
    );
  });

  it('refuses a scale of fewer than two levels or with a level twice', () => {
    expect(() => measureAgreement(['good'], [])).toThrow(/at least two levels/);
    expect(() => measureAgreement(['good', 'met', 'good'], [])).toThrow(/"good" appears twice/);
  });
});

describe('directionOfDisagreement', () => {
  it('counts higher, lower and same, and the mean difference in scale steps', () => {
    // outstanding→good: first 1 step higher; good→inadequate: 2 steps higher;
    // requires-improvement→good: 1 step lower; two the same. Mean (1 + 2 − 1 + 0 + 0)/5 = 0.4.
    const direction = directionOfDisagreement(FOUR, [
      { first: 'outstanding', second: 'good' },
      { first: 'good', second: 'inadequate' },
      { first: 'requires-improvement', second: 'good' },
      { first: 'good', second: 'good' },
      { first: 'inadequate', second: 'inadequate' },
    ]);
    expect(direction).toEqual({
      pairs: 5,
      higher: 2,
      lower: 1,
      same: 2,
      meanDifference: 0.4,
      words:
        'The original auditor graded higher than the benchmarker in 2 of 5 cases, lower in 1 ' +
        'and the same in 2: on average 0.40 steps higher on the scale.',
    });
  });

  it('is negative when the first grader is harsher', () => {
    // Three cases each one step lower, one case the same: mean −3/4.
    const direction = directionOfDisagreement(THREE, [
      ...repeat(3, 'met', 'good'),
      { first: 'not-met', second: 'not-met' },
    ]);
    expect(direction.lower).toBe(3);
    expect(direction.higher).toBe(0);
    expect(direction.meanDifference).toBe(-0.75);
    expect(direction.words).toMatch(/: on average 0\.75 steps lower on the scale\.$/);
  });

  it('says "step" for exactly one', () => {
    const direction = directionOfDisagreement(THREE, [{ first: 'good', second: 'met' }]);
    expect(direction.meanDifference).toBe(1);
    expect(direction.words).toBe(
      'The original auditor graded higher than the benchmarker in 1 of 1 case, lower in 0 ' +
        'and the same in 0: on average 1.00 step higher on the scale.',
    );
  });

  it('says neither higher nor lower when the disagreements cancel out', () => {
    const direction = directionOfDisagreement(THREE, [
      { first: 'good', second: 'met' },
      { first: 'met', second: 'good' },
    ]);
    expect(direction).toMatchObject({ higher: 1, lower: 1, same: 0, meanDifference: 0 });
    expect(direction.words).toMatch(/: on balance neither higher nor lower\.$/);
  });

  it('says so when every grade was the same', () => {
    const direction = directionOfDisagreement(THREE, repeat(4, 'met', 'met'));
    expect(direction).toEqual({
      pairs: 4,
      higher: 0,
      lower: 0,
      same: 4,
      meanDifference: 0,
      words: 'The original auditor and the benchmarker gave the same grade in 4 cases.',
    });
  });

  it('has no mean for no pairs', () => {
    expect(directionOfDisagreement(THREE, [])).toEqual({
      pairs: 0,
      higher: 0,
      lower: 0,
      same: 0,
      meanDifference: null,
      words: NO_PAIRS_WORDS,
    });
  });

  it('uses the graders named in the options', () => {
    const direction = directionOfDisagreement(THREE, [{ first: 'met', second: 'good' }], {
      graders: { first: 'the auditor', second: 'the moderator' },
    });
    expect(direction.words).toMatch(
      /^The auditor graded higher than the moderator in 0 of 1 case, lower in 1/,
    );
  });

  it('names an unknown grade', () => {
    expect(() => directionOfDisagreement(THREE, [{ first: 'good', second: 'outstanding' }])).toThrow(
      'Grade "outstanding" is not a level of this scale (good, met, not-met).',
    );
  });

  it('agrees with the confusion table of the same pairs', () => {
    // irrCAC's cont3x3abstractors again: 7 cases first one step higher, 4 one step lower.
    const pairs = fromTable(THREE, [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ]);
    const direction = directionOfDisagreement(THREE, pairs);
    expect(direction).toMatchObject({ pairs: 100, higher: 7, lower: 4, same: 89 });
    expect(direction.meanDifference).toBeCloseTo(0.03, 12);
  });
});
