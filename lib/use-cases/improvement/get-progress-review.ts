import 'server-only';
import { findJudgements, getReviewHeader } from '@/lib/db/progress-reviews';
import { findReviewRecommendations } from '@/lib/db/review-evidence';
import { findMeasureFigures } from '@/lib/db/review-figures';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can } from '@/lib/domain/permissions';
import { buildReviewView, type ReviewView } from '@/lib/domain/review-view';
import { authorise } from '../authorise';
import { sourceResource } from './source-resource';

/**
 * A review as its page and exports show it: whoever may read the source's
 * recommendations may read it; recording needs progressReview.record there.
 */
export async function getProgressReview(actor: Actor, reviewId: string): Promise<ReviewView> {
  const header = await getReviewHeader(reviewId);
  if (!header) throw new NotFoundOrForbiddenError('recommendation.view');
  const scope = sourceResource(header.source);
  authorise(actor, 'recommendation.view', scope);
  const recommendations = await findReviewRecommendations(header.source.id, header.asOf);
  const [figures, judgements] = await Promise.all([
    findMeasureFigures(
      recommendations.map((recommendation) => recommendation.id),
      header.asOf,
    ),
    findJudgements({ reviewId }),
  ]);
  return buildReviewView({
    header,
    recommendations,
    figures,
    judgements,
    canRecord: can(actor, 'progressReview.record', scope),
  });
}
