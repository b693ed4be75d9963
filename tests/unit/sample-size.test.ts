import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  casesPerGroup,
  describeSampleVerdict,
  normalCdf,
  normalQuantile,
  powerToDetect,
  sampleVerdict,
} from '@/lib/domain/sample-size';

describe('normal distribution', () => {
  it('has the quantiles every sample-size table uses', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('the quantile inverts the distribution function', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (p) => Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-6,
      ),
    );
  });
});

describe('casesPerGroup (no continuity correction)', () => {
  // R's documented example: power.prop.test(p1 = .50, p2 = .75, power = .90)  ## => n = 76.7
  it('matches the published worked example: 50% → 75% at 90% power needs 76.7, so 77 per group', () => {
    expect(casesPerGroup(0.5, 0.75, { power: 0.9 })).toBe(77);
  });

  it('at 80% power and 5% two-sided', () => {
    expect(casesPerGroup(0.5, 0.75)).toBe(58);
    expect(casesPerGroup(0.6, 0.8)).toBe(82);
    // Rec 13: A5 WAFH from 27% Good to the 60% target.
    expect(casesPerGroup(0.27, 0.6)).toBe(35);
    // Seed 000: 49% Good nationally to 60%; 19% Not Met to 14%.
    expect(casesPerGroup(0.49, 0.6)).toBe(321);
    expect(casesPerGroup(0.19, 0.14)).toBe(864);
  });

  it('is symmetric, grows as the change shrinks, and is null without a change', () => {
    expect(casesPerGroup(0.75, 0.5)).toBe(casesPerGroup(0.5, 0.75));
    expect(casesPerGroup(0.5, 0.5)).toBeNull();
    expect(casesPerGroup(-0.1, 0.5)).toBeNull();
    expect(casesPerGroup(0.5, Number.NaN)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 90 }), fc.integer({ min: 1, max: 9 }), (base, step) => {
        const p1 = base / 100;
        const near = casesPerGroup(p1, p1 + step / 100) ?? 0;
        const far = casesPerGroup(p1, p1 + (step + 1) / 100) ?? 0;
        return near >= far && far > 0;
      }),
    );
  });

  it('the sample it gives has the power asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 80 }), fc.integer({ min: 5, max: 15 }), (base, step) => {
        const [p1, p2] = [base / 100, (base + step) / 100];
        const n = casesPerGroup(p1, p2) ?? 0;
        return (
          (powerToDetect(p1, p2, n, n) ?? 0) >= 0.8 - 1e-9 && (powerToDetect(p1, p2, n - 1, n - 1) ?? 1) < 0.8
        );
      }),
    );
  });
});

describe('powerToDetect', () => {
  // R's documented example: power.prop.test(n = 50, p1 = .50, p2 = .75)  ## => power = 0.740
  it('matches the published worked example: 50 per group, 50% → 75%, power 0.740', () => {
    expect(powerToDetect(0.5, 0.75, 50, 50)?.toFixed(3)).toBe('0.740');
  });

  it('is null without cases or change', () => {
    expect(powerToDetect(0.5, 0.75, 0, 50)).toBeNull();
    expect(powerToDetect(0.5, 0.5, 50, 50)).toBeNull();
  });
});

describe('sampleVerdict: too small to tell', () => {
  it('says a sample short of the power is too small, one at it is enough', () => {
    expect(sampleVerdict({ baselineShare: 0.49, targetShare: 0.6, plannedCases: 320 }).tooSmallToTell).toBe(
      true,
    );
    expect(sampleVerdict({ baselineShare: 0.49, targetShare: 0.6, plannedCases: 321 }).tooSmallToTell).toBe(
      false,
    );
  });

  it('knows when the baseline itself is too small for any new sample (Rec 13: 11 cases in September 2013)', () => {
    const verdict = sampleVerdict({
      baselineShare: 0.27,
      targetShare: 0.6,
      plannedCases: 12,
      baselineCases: 11,
    });
    expect(verdict).toMatchObject({ needed: 35, tooSmallToTell: true, baselineTooSmall: true });
    expect(verdict.power?.toFixed(2)).toBe('0.35');
    expect(describeSampleVerdict(verdict, { plannedCases: 12, baselineCases: 11 })).toBe(
      'Needs 35 cases to detect the change (80% power, 5% two-sided); a sample of 12 cases (35% power) is too small to tell; the baseline had only 11, so no sample of this audit alone can reach 80% power.',
    );
  });

  it('says enough in words, and that there is nothing to detect when the target is the baseline', () => {
    const verdict = sampleVerdict({
      baselineShare: 0.27,
      targetShare: 0.6,
      plannedCases: 40,
      baselineCases: 40,
    });
    expect(verdict).toMatchObject({ tooSmallToTell: false, baselineTooSmall: false });
    expect(describeSampleVerdict(verdict, { plannedCases: 40, baselineCases: 40 })).toMatch(
      /^Needs 35 cases .*; a sample of 40 cases \(\d+% power\) is enough to tell\.$/,
    );
    const none = sampleVerdict({ baselineShare: 0.6, targetShare: 0.6, plannedCases: 10 });
    expect(none.tooSmallToTell).toBe(false);
    expect(describeSampleVerdict(none, { plannedCases: 10 })).toBe(
      'No change to detect: the target equals the baseline.',
    );
  });
});
