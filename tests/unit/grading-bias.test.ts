import { describe, expect, it } from 'vitest';
import {
  describeBias,
  formatInterval,
  formatSteps,
  gradingBias,
  tQuantile975,
} from '@/lib/domain/grading-bias';

const LEVELS = ['outstanding', 'good', 'requires-improvement', 'inadequate'];
const pair = (first: string, second: string) => ({ first, second });

describe('gradingBias', () => {
  it('computes the mean difference with a t interval and the share higher with a Wilson interval', () => {
    // Differences (manager − moderator, in steps): 0, +1, +1, +1, −1.
    // Mean 0.4; s² = 3.2/4 = 0.8; se = √(0.8/5) = 0.4; t(4) = 2.776 → 0.4 ± 1.1104.
    const bias = gradingBias(LEVELS, [
      pair('good', 'good'),
      pair('good', 'requires-improvement'),
      pair('outstanding', 'good'),
      pair('good', 'requires-improvement'),
      pair('requires-improvement', 'good'),
    ]);
    expect(bias).toMatchObject({ pairs: 5, higher: 3, lower: 1, same: 1 });
    expect(bias.meanDifference).toBeCloseTo(0.4, 10);
    expect(bias.interval!.low).toBeCloseTo(-0.7104, 4);
    expect(bias.interval!.high).toBeCloseTo(1.5104, 4);
    // Wilson for 3 of 5: (0.98416 ∓ 0.576173) / 1.76832.
    expect(bias.shareHigher.value).toBeCloseTo(0.6, 10);
    expect(bias.shareHigher.interval!.low).toBeCloseTo(0.2307, 4);
    expect(bias.shareHigher.interval!.high).toBeCloseTo(0.8824, 4);
    expect(bias.isMoreGenerous).toBe(false);
    expect(bias.isHarsher).toBe(false);
  });

  it('flags a manager more generous beyond noise when the whole interval is above 0', () => {
    // Differences 1,1,1,0,1,1,0,1: mean 0.75; s² = 1.5/7; se = 0.163663; t(7) = 2.365 → 0.75 ± 0.387063.
    const pairs = [1, 1, 1, 0, 1, 1, 0, 1].map((d) =>
      pair('good', d === 1 ? 'requires-improvement' : 'good'),
    );
    const bias = gradingBias(LEVELS, pairs);
    expect(bias.meanDifference).toBeCloseTo(0.75, 10);
    expect(bias.interval!.low).toBeCloseTo(0.362937, 5);
    expect(bias.interval!.high).toBeCloseTo(1.137063, 5);
    expect(bias.isMoreGenerous).toBe(true);
    expect(describeBias(bias, 'Managers in A3', 'their Head of Practice')).toBe(
      'Managers in A3 grade more generously than their Head of Practice: +0.8 grade steps (95% interval 0.4 to 1.1).',
    );
  });

  it('flags the other way as harsher, and says "in line" within the noise', () => {
    const harsh = gradingBias(LEVELS, [
      pair('requires-improvement', 'good'),
      pair('requires-improvement', 'outstanding'),
      pair('inadequate', 'good'),
      pair('good', 'outstanding'),
    ]);
    // Differences −1, −2, −2, −1: mean −1.5, s = 0.57735, se = 0.288675, t(3) = 3.182 → −1.5 ± 0.918564.
    expect(harsh.interval!.high).toBeCloseTo(-0.581436, 5);
    expect(harsh.isHarsher).toBe(true);
    expect(describeBias(harsh, 'Sam Moore', 'their Head of Practice', false)).toBe(
      'Sam Moore grades more severely than their Head of Practice: −1.5 grade steps (95% interval −2.4 to −0.6).',
    );
    const level = gradingBias(LEVELS, [
      pair('good', 'good'),
      pair('good', 'requires-improvement'),
      pair('requires-improvement', 'good'),
    ]);
    expect(describeBias(level, 'Managers in A1', 'the national audit')).toMatch(
      /^Managers in A1 grade in line with the national audit within the noise of 3 cases: 0\.0 grade steps/,
    );
  });

  it('gives no interval with one pair or no spread, so nothing is flagged on a handful of identical cases', () => {
    const one = gradingBias(LEVELS, [pair('good', 'requires-improvement')]);
    expect(one.meanDifference).toBe(1);
    expect(one.interval).toBeNull();
    expect(one.isMoreGenerous).toBe(false);
    const same = gradingBias(LEVELS, [pair('good', 'requires-improvement'), pair('outstanding', 'good')]);
    expect(same.interval).toBeNull();
    expect(same.isMoreGenerous).toBe(false);
    expect(describeBias(same, 'Managers in A2', 'their Head of Practice')).toContain(
      'too few differing pairs',
    );
  });

  it('has nothing to say with no pairs, and refuses a grade off the scale', () => {
    const none = gradingBias(LEVELS, []);
    expect(none).toMatchObject({ pairs: 0, meanDifference: null, interval: null, isMoreGenerous: false });
    expect(none.shareHigher).toEqual({ value: null, interval: null });
    expect(describeBias(none, 'Managers in A4', 'their Head of Practice')).toBe(
      'Managers in A4: no pairs to compare yet.',
    );
    expect(() => gradingBias(LEVELS, [pair('good', 'met')])).toThrow(/not a level/);
  });
});

describe('tQuantile975', () => {
  it.each([
    [1, 12.706],
    [4, 2.776],
    [30, 2.042],
    [60, 2.0003],
    [120, 1.9799],
    [1000, 1.9623],
  ])('df %i → %f', (df, expected) => {
    expect(tQuantile975(df)).toBeCloseTo(expected, 3);
  });

  it('refuses fewer than one degree of freedom', () => {
    expect(() => tQuantile975(0)).toThrow(RangeError);
  });
});

describe('formatSteps', () => {
  it.each([
    [0.44, '+0.4'],
    [-0.44, '−0.4'],
    [0.04, '0.0'],
    [-0.04, '0.0'],
    [1, '+1.0'],
  ])('%f → %s', (value, text) => {
    expect(formatSteps(value)).toBe(text);
  });
});

describe('formatInterval', () => {
  it('uses one decimal place, or two where one would print a bound that is not 0 as 0.0', () => {
    expect(formatInterval({ low: 0.21, high: 0.64 })).toBe('0.2 to 0.6');
    expect(formatInterval({ low: -0.71, high: 1.51 })).toBe('−0.7 to 1.5');
    expect(formatInterval({ low: 0.012, high: 0.14 })).toBe('0.01 to 0.14');
    expect(formatInterval({ low: 0, high: 0.3 })).toBe('0.0 to 0.3');
  });
});
