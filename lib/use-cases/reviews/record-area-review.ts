import 'server-only';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { db } from '@/lib/db/client';
import { getAreaReviewTarget } from '@/lib/db/reviews';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { can, inArea } from '@/lib/domain/permissions';

/** A Head of Service or Assistant Director records what their area did about a lowest-grade case. */
export async function recordAreaReview(
  actor: Actor,
  input: { reviewId: string; version: number; actionTaken: string },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const review = await getAreaReviewTarget(tx, input.reviewId);
    if (!review || !can(actor, 'areaReview.record', inArea(review.serviceAreaId)))
      throw new NotFoundOrForbiddenError();
    const { count } = await tx.areaReview.updateMany({
      where: { id: input.reviewId, version: input.version },
      data: {
        reviewedAt: now,
        reviewedById: actor.userId,
        actionTaken: input.actionTaken,
        version: { increment: 1 },
      },
    });
    await assertVersionedUpdate(
      count,
      () => tx.areaReview.findUnique({ where: { id: input.reviewId }, select: { id: true } }),
      'review',
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'area-review.recorded',
      entityType: 'area_review',
      entityId: input.reviewId,
      detail: { actionTaken: input.actionTaken },
    });
  });
}
