import 'server-only';
import { findAreaReviewsIn, type AreaReviewItem } from '@/lib/db/reviews';
import type { Actor } from '@/lib/domain/actor';
import { listScope } from '@/lib/domain/list-scope';

/** The lowest-grade cases to review in the reader's area (every area for national roles), still to review first. */
export async function findAreaReviews(actor: Actor): Promise<AreaReviewItem[]> {
  return findAreaReviewsIn(listScope(actor, 'areaReview.view'), actor.userId);
}
