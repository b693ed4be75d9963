import { describe, expect, it } from 'vitest';
import { hasModeratorGraded, reasonNotToAgree, reasonNotToGrade } from '@/lib/domain/local-moderation';

describe('moderation rules', () => {
  it.each([
    ['ASSIGNED', false],
    ['IN_PROGRESS', false],
    ['SUBMITTED', true],
    ['MODERATED', true],
  ])('%s: moderator has graded → %s, and may no longer change it', (status, graded) => {
    expect(hasModeratorGraded(status)).toBe(graded);
    expect(reasonNotToGrade(status) === null).toBe(!graded);
  });

  it.each([
    ['SUBMITTED', 'GRADING', null],
    ['SUBMITTED', 'REVIEW', null],
    ['SUBMITTED', 'PUBLISHED', 'This audit is published: its grades are final.'],
    ['MODERATED', 'GRADING', 'The agreed grade has already been recorded.'],
    ['ASSIGNED', 'GRADING', 'Grade the case blind and submit it before agreeing a grade.'],
    ['IN_PROGRESS', 'GRADING', 'Grade the case blind and submit it before agreeing a grade.'],
  ] as const)('agreeing a %s moderation in a %s audit: %s', (status, auditStatus, reason) => {
    expect(reasonNotToAgree({ status, auditStatus })).toBe(reason);
  });
});
