import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  assertAuditSettings,
  assertTransition,
  AUDIT_STATUSES,
  canChangeThresholdVersion,
  isFrozen,
  offeredTransitions,
  type AuditSettings,
} from '@/lib/domain/audits';
import { isCalendarDate } from '@/lib/domain/dates';
import { RuleError } from '@/lib/domain/errors';

const LEGAL = new Set([
  'DRAFT>SAMPLING',
  'SAMPLING>DRAFT',
  'SAMPLING>GRADING',
  'GRADING>REVIEW',
  'REVIEW>GRADING',
  'REVIEW>PUBLISHED',
]);

describe('audit status machine', () => {
  const pairs = AUDIT_STATUSES.flatMap((from) => AUDIT_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    const legal = LEGAL.has(`${from}>${to}`);
    expect(allowedTransitions(from).includes(to)).toBe(legal);
    const ready = { thresholdVersionPublished: true, sampleLocked: true };
    if (legal) expect(() => assertTransition(from, to, ready)).not.toThrow();
    else expect(() => assertTransition(from, to, ready)).toThrow(RuleError);
  });

  it('refuses to start grading before the sample is locked, and does not offer it', () => {
    const unlocked = { thresholdVersionPublished: true, sampleLocked: false };
    expect(() => assertTransition('SAMPLING', 'GRADING', unlocked)).toThrow(/lock the sample before grading/);
    expect(offeredTransitions('SAMPLING', unlocked)).toEqual(['DRAFT']);
    expect(offeredTransitions('SAMPLING', { ...unlocked, sampleLocked: true })).toEqual(['DRAFT', 'GRADING']);
    expect(offeredTransitions('DRAFT', { thresholdVersionPublished: false, sampleLocked: false })).toEqual(
      [],
    );
  });

  it('refuses to start sampling on an unpublished threshold version', () => {
    expect(() =>
      assertTransition('DRAFT', 'SAMPLING', { thresholdVersionPublished: false, sampleLocked: false }),
    ).toThrow(/Publish the threshold version/);
  });

  it('says a published audit is final', () => {
    expect(() =>
      assertTransition('PUBLISHED', 'REVIEW', { thresholdVersionPublished: true, sampleLocked: true }),
    ).toThrow(/published: its grades are final/);
  });

  it('locks the threshold version once sampling starts and freezes a published audit', () => {
    expect(AUDIT_STATUSES.filter(canChangeThresholdVersion)).toEqual(['DRAFT']);
    expect(AUDIT_STATUSES.filter(isFrozen)).toEqual(['PUBLISHED']);
  });
});

describe('assertAuditSettings', () => {
  const good: AuditSettings = {
    windowFrom: '2014-09-01',
    windowTo: '2014-10-31',
    goodOrAboveTarget: 60,
    lowestTarget: 14,
    targetDate: '2015-05-31',
    lawTypes: ['PUBLIC_LAW'],
    serviceAreaIds: ['a1'],
  };
  it('accepts the November 2014 settings', () => {
    expect(() => assertAuditSettings(good)).not.toThrow();
  });
  it.each([
    ['a window that ends before it starts', { windowTo: '2014-08-31' }, 'windowTo'],
    ['no law types', { lawTypes: [] }, 'lawTypes'],
    ['no areas', { serviceAreaIds: [] }, 'serviceAreaIds'],
    ['targets without a date', { targetDate: null }, 'targetDate'],
    ['a date without targets', { goodOrAboveTarget: null, lowestTarget: null }, 'goodOrAboveTarget'],
  ] as const)('refuses %s', (_label, override, field) => {
    try {
      assertAuditSettings({ ...good, ...override } as AuditSettings);
      expect.unreachable();
    } catch (error) {
      expect((error as RuleError).field).toBe(field);
    }
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2014-09-01', true],
    ['2024-02-29', true],
    ['2024-02-30', false],
    ['2023-02-29', false],
    ['2014-13-01', false],
    ['2014-9-1', false],
    ['2014-09-01T00:00:00Z', false],
    ['1899-01-01', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
