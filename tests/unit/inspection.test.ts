import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, inspectionDisagreement } from '@/lib/domain/inspection';

const audit = (cases: number, goodOrAbove: number, lowest: number) => ({
  auditName: 'National Audit November 2014',
  cases,
  goodOrAbove,
  lowest,
  targets: { ...DEFAULT_TARGETS },
});

describe('inspectionDisagreement', () => {
  it('agrees when a good judgement meets both targets', () => {
    expect(inspectionDisagreement('GOOD', audit(25, 16, 2))).toBeNull();
    expect(inspectionDisagreement('OUTSTANDING', audit(56, 42, 5))).toBeNull();
  });
  it('flags an outstanding judgement beside too much Not Met work (A8 in the demo: 5 of 30)', () => {
    expect(inspectionDisagreement('OUTSTANDING', audit(30, 19, 5))).toBe(
      'Judged outstanding, but National Audit November 2014 found 17% Not Met, above the 14% target.',
    );
  });
  it('names both targets when both are missed', () => {
    expect(inspectionDisagreement('GOOD', audit(24, 13, 5))).toBe(
      'Judged good, but National Audit November 2014 found 54% Good, below the 60% target and 21% Not Met, above the 14% target.',
    );
  });
  it('flags a judgement below good beside an audit that met both targets', () => {
    expect(inspectionDisagreement('REQUIRES_IMPROVEMENT', audit(20, 15, 1))).toBe(
      'Judged requires improvement, but National Audit November 2014 met both targets (75% Good, 5% Not Met).',
    );
    expect(inspectionDisagreement('INADEQUATE', audit(20, 10, 5))).toBeNull();
  });
  it('says nothing without an audit to compare with', () => {
    expect(inspectionDisagreement('GOOD', null)).toBeNull();
    expect(inspectionDisagreement('GOOD', audit(0, 0, 0))).toBeNull();
  });
  it('uses the audit’s own targets where it set them', () => {
    expect(
      inspectionDisagreement('GOOD', { ...audit(20, 13, 2), targets: { goodOrAbove: 70, lowest: 14 } }),
    ).toBe('Judged good, but National Audit November 2014 found 65% Good, below the 70% target.');
  });
});
