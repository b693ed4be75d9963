import 'server-only';
import { findJudgements, getRecommendationScope, reviewTitles } from '@/lib/db/progress-reviews';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { REVIEW_KIND_LABELS } from '@/lib/domain/progress-reviews';
import { judgementView, type RecommendationJudgementView } from '@/lib/domain/review-view';
import { authorise } from '../authorise';
import { sourceResource } from './source-resource';

/** Every judgement of a recommendation, newest first, across its source's reviews. */
export async function findRecommendationJudgements(
  actor: Actor,
  recommendationId: string,
): Promise<RecommendationJudgementView[]> {
  const scope = await getRecommendationScope(recommendationId);
  if (!scope) throw new NotFoundOrForbiddenError('recommendation.view');
  authorise(actor, 'recommendation.view', sourceResource(scope));
  const rows = await findJudgements({ recommendationId });
  const reviews = await reviewTitles(rows.map((row) => row.reviewId));
  const seen = new Set<string>();
  return rows.map((row) => {
    const review = reviews.get(row.reviewId);
    const counts = !seen.has(row.reviewId);
    seen.add(row.reviewId);
    return {
      ...judgementView(scope.scale, row),
      reviewTitle: review?.title ?? 'Review',
      reviewKind: review ? REVIEW_KIND_LABELS[review.kind] : '',
      reviewAsOf: review?.asOf ?? '',
      counts,
    };
  });
}
