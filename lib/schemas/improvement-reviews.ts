import { z } from 'zod';
import { REVIEW_KINDS } from '@/lib/domain/progress-reviews';
import { calendarDate, id, optionalId, text } from './fields';

export const CreateProgressReviewSchema = z.strictObject({
  sourceId: id('source to review'),
  kind: z.enum(REVIEW_KINDS, { error: 'Choose the kind of review: mid-point, final or other' }),
  title: text(200, { label: "the review's title" }),
  asOf: calendarDate('the date the review is as of'),
});
export type CreateProgressReviewInput = z.output<typeof CreateProgressReviewSchema>;

export const RecordJudgementSchema = z.strictObject({
  reviewId: id('review'),
  recommendationId: id('recommendation'),
  // The judgement the reviewer saw when they opened the form (none: empty).
  basedOn: optionalId('judgement'),
  judgement: z.string({ error: 'Choose a judgement' }).regex(/^[a-z][a-z-]{0,39}$/, 'Choose a judgement'),
  evidence: text(8000, { multiline: true, label: 'the evidence of progress' }),
  reason: text(4000, { multiline: true, label: 'the reason for the judgement' }),
});
export type RecordJudgementInput = z.output<typeof RecordJudgementSchema>;
