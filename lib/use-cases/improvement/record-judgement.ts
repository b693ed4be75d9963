import 'server-only';
import { db } from '@/lib/db/client';
import {
  getRecommendationSourceId,
  getReviewScope,
  insertJudgement,
  latestJudgementId,
} from '@/lib/db/progress-reviews';
import { findMeasureFigures } from '@/lib/db/review-figures';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError, StaleVersionError } from '@/lib/domain/errors';
import { isJudgementOn, SCALE_OPTIONS, type StoredFigures } from '@/lib/domain/progress-reviews';
import { authorise } from '../authorise';
import { sourceResource } from './source-resource';

/**
 * The reviewer's judgement of one recommendation in a review, on the source's
 * scale, with the evidence as they edited it and the measures' figures as they
 * stand now (as of the review's date). Append-only: a re-judgement adds a row
 * and the latest counts. `basedOn` is the judgement the reviewer saw (null:
 * none), so two reviewers never replace each other's judgement unseen.
 */
export async function recordJudgement(
  actor: Actor,
  input: {
    reviewId: string;
    recommendationId: string;
    basedOn: string | null;
    judgement: string;
    evidence: string;
    reason: string;
  },
  now: Date,
): Promise<{ judgementId: string }> {
  const review = await getReviewScope(input.reviewId);
  if (!review) throw new NotFoundOrForbiddenError('progressReview.record');
  authorise(actor, 'progressReview.record', sourceResource(review));
  if (!isJudgementOn(review.scale, input.judgement))
    throw new RuleError(
      `Choose ${SCALE_OPTIONS[review.scale].map((option) => option.label).join(' or ')}`,
      'judgement',
    );
  const figuresNow = await findMeasureFigures([input.recommendationId], review.asOf);
  const figures: StoredFigures = {
    asOf: review.asOf,
    measures: figuresNow.get(input.recommendationId) ?? [],
  };
  return db().$transaction(async (tx) => {
    // Another source's recommendation reads as not there.
    if ((await getRecommendationSourceId(tx, input.recommendationId)) !== review.sourceId)
      throw new NotFoundOrForbiddenError('progressReview.record');
    const latest = await latestJudgementId(tx, input.reviewId, input.recommendationId);
    if (latest !== input.basedOn) throw new StaleVersionError('judgement');
    const judgementId = await insertJudgement(tx, {
      reviewId: input.reviewId,
      recommendationId: input.recommendationId,
      judgement: input.judgement,
      reason: input.reason,
      evidence: input.evidence,
      figures,
      judgedById: actor.userId,
      judgedAt: now,
    });
    return { judgementId };
  });
}
