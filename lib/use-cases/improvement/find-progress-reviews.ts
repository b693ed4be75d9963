import 'server-only';
import { findSourcesWithReviews, type ReviewListSource } from '@/lib/db/progress-reviews';
import type { Actor } from '@/lib/domain/actor';
import { can } from '@/lib/domain/permissions';
import { sourceResource } from './source-resource';

export type ReviewableSource = ReviewListSource & { canRecord: boolean };

/** The sources the reader may see, each with its reviews and whether they may start one. */
export async function findProgressReviews(actor: Actor): Promise<ReviewableSource[]> {
  const sources = await findSourcesWithReviews();
  return sources
    .filter((source) => can(actor, 'recommendation.view', sourceResource(source)))
    .map((source) => ({ ...source, canRecord: can(actor, 'progressReview.record', sourceResource(source)) }));
}
