import { describe, expect, it } from 'vitest';
import { CreateProgressReviewSchema, RecordJudgementSchema } from '@/lib/schemas/improvement-reviews';

const id = '7a0f3a4e-2a1b-4c5d-9e8f-0a1b2c3d4e5f';
const judgement = {
  reviewId: id,
  recommendationId: id,
  basedOn: '',
  judgement: 'met',
  evidence: 'The audit shows it.',
  reason: 'The target is met.',
};
const errors = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.') || 'form', issue.message]),
  );

describe('RecordJudgementSchema', () => {
  it('accepts a judgement, with no earlier judgement seen', () => {
    expect(RecordJudgementSchema.parse(judgement)).toEqual({ ...judgement, basedOn: null });
  });

  it.each([
    ['a missing reason', { reason: '' }, { reason: 'Enter the reason for the judgement' }],
    ['no judgement chosen', { judgement: '' }, { judgement: 'Choose a judgement' }],
    ['an object for the judgement', { judgement: { not: 'met' } }, { judgement: 'Choose a judgement' }],
    [
      'a NUL in the evidence',
      { evidence: 'a\u0000b' },
      { evidence: 'The evidence of progress contains control or invisible characters' },
    ],
    ['a stale id that is not one', { basedOn: 'x' }, { basedOn: 'Choose a judgement' }],
  ])('names the field for %s', (_name, change, expected) => {
    expect(errors(RecordJudgementSchema.safeParse({ ...judgement, ...change }))).toEqual(expected);
  });

  it('refuses extra fields such as the judge', () => {
    expect(RecordJudgementSchema.safeParse({ ...judgement, judgedById: id }).success).toBe(false);
  });
});

describe('CreateProgressReviewSchema', () => {
  it('accepts a review and refuses an impossible date or an unknown kind', () => {
    const review = { sourceId: id, kind: 'FINAL', title: 'Final review', asOf: '2014-12-01' };
    expect(CreateProgressReviewSchema.parse(review)).toEqual(review);
    expect(
      errors(CreateProgressReviewSchema.safeParse({ ...review, asOf: '2014-02-30', kind: 'SOON' })),
    ).toEqual({
      kind: 'Choose the kind of review: mid-point, final or other',
      asOf: 'Enter the date the review is as of as a real date',
    });
    expect(CreateProgressReviewSchema.safeParse({ ...review, reviewerId: id }).success).toBe(false);
  });
});
