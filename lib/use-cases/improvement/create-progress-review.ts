import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { getSourceScope, insertProgressReview } from '@/lib/db/progress-reviews';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import type { ReviewKind } from '@/lib/domain/progress-reviews';
import { authorise } from '../authorise';
import { sourceResource } from './source-resource';

/** A review of a source's recommendations, with the actor as its reviewer. */
export async function createProgressReview(
  actor: Actor,
  input: { sourceId: string; kind: ReviewKind; title: string; asOf: string },
  now: Date,
): Promise<{ reviewId: string }> {
  const source = await getSourceScope(input.sourceId);
  if (!source) throw new NotFoundOrForbiddenError('progressReview.record');
  authorise(actor, 'progressReview.record', sourceResource(source));
  const reviewId = await db().$transaction(async (tx) => {
    const id = await insertProgressReview(tx, { ...input, reviewerId: actor.userId, now });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'progress-review.created',
      entityType: 'progress_review',
      entityId: id,
      detail: { sourceId: input.sourceId, kind: input.kind, title: input.title, asOf: input.asOf },
    });
    return id;
  });
  return { reviewId };
}
