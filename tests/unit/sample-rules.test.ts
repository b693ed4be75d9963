import { describe, expect, it } from 'vitest';
import type { AuditStatus } from '@/lib/domain/audits';
import { assertGradable, isEitWorkToFirstHearing } from '@/lib/domain/case-audit-rules';
import { RuleError } from '@/lib/domain/errors';
import { QUEUE_STATUS_LABELS, QUEUE_STATUSES } from '@/lib/domain/queue';
import {
  assertMayAssign,
  assertMayDraw,
  assertMayLock,
  assertMayReplace,
  replacementReasonLabel,
} from '@/lib/domain/sample-rules';

const locked = new Date('2026-01-05T10:00:00Z');
const refusal = (act: () => void): string | null => {
  try {
    act();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return (error as RuleError).message;
  }
};

describe('the sample rules', () => {
  it.each<[AuditStatus, Date | null, RegExp | null]>([
    ['SAMPLING', null, null],
    ['SAMPLING', locked, /locked/],
    ['DRAFT', null, /Sampling stage/],
    ['GRADING', null, /Sampling stage/],
  ])('draws in %s (locked: %s) → %s', (status, lockedAt, expected) => {
    const message = refusal(() => assertMayDraw(status, lockedAt));
    if (expected) expect(message).toMatch(expected);
    else expect(message).toBeNull();
  });

  it.each<[{ lockedAt: Date | null } | null, RegExp | null]>([
    [null, /Draw the sample/],
    [{ lockedAt: locked }, /already locked/],
    [{ lockedAt: null }, null],
  ])('locks %o → %s', (sample, expected) => {
    const message = refusal(() => assertMayLock(sample));
    if (expected) expect(message).toMatch(expected);
    else expect(message).toBeNull();
  });

  it.each<[Date | null, string, RegExp | null]>([
    [null, 'SELECTED', /Lock the sample first/],
    [locked, 'RESERVE', /Only a selected case/],
    [locked, 'REPLACED', /Only a selected case/],
    [locked, 'SELECTED', null],
  ])('replaces (locked: %s) a %s case → %s', (lockedAt, status, expected) => {
    const message = refusal(() => assertMayReplace(lockedAt, status));
    if (expected) expect(message).toMatch(expected);
    else expect(message).toBeNull();
  });

  it('assigns only once the sample is locked', () => {
    expect(refusal(() => assertMayAssign(null))).toMatch(/Lock the sample before assigning/);
    expect(refusal(() => assertMayAssign(locked))).toBeNull();
  });

  it('names every replacement reason, and shows an unknown stored reason as stored', () => {
    expect(replacementReasonLabel('case-sealed')).toBe('Case sealed by the court');
    expect(replacementReasonLabel('retired-reason')).toBe('retired-reason');
  });

  it('labels every queue status', () => {
    expect(QUEUE_STATUSES.map((status) => QUEUE_STATUS_LABELS[status])).toEqual([
      'To do',
      'In progress',
      'Submitted',
      'Returned',
    ]);
  });
});

describe('when a case may be graded', () => {
  it.each<[AuditStatus, string | null, RegExp | null]>([
    ['GRADING', null, null],
    ['REVIEW', 'IN_PROGRESS', null],
    ['GRADING', 'RETURNED', null],
    ['GRADING', 'SUBMITTED', /has been submitted/],
    ['SAMPLING', null, /not open for grading/],
    ['PUBLISHED', 'SUBMITTED', /not open for grading/],
  ])('in %s with the case %s → %s', (auditStatus, caseStatus, expected) => {
    const message = refusal(() => assertGradable(auditStatus, caseStatus));
    if (expected) expect(message).toMatch(expected);
    else expect(message).toBeNull();
  });

  it('treats only Early Intervention work to first hearing as such', () => {
    expect(isEitWorkToFirstHearing({ lawType: 'PRIVATE_LAW_WTFH', isEit: true })).toBe(true);
    expect(isEitWorkToFirstHearing({ lawType: 'PRIVATE_LAW_WTFH', isEit: false })).toBe(false);
    expect(isEitWorkToFirstHearing({ lawType: 'PUBLIC_LAW', isEit: true })).toBe(false);
  });
});
