import 'server-only';
import { countReviewsIn, type ReviewCounts } from '@/lib/db/reviews';
import type { Actor } from '@/lib/domain/actor';
import { listScope } from '@/lib/domain/list-scope';

/** For the reviewers' home: reviews and concerns waiting in their area (every area for national roles). */
export async function countReviewsWaiting(actor: Actor, now: Date): Promise<ReviewCounts> {
  return countReviewsIn(listScope(actor, 'concern.view'), now);
}
