import 'server-only';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { getRecommendationScope } from '@/lib/db/improvement-recommendations';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { sourceScope, type RecommendationStatus } from '@/lib/domain/improvement';
import { authorise } from '../authorise';

/** Close a recommendation (the page asks first), or reopen it. */
export async function setRecommendationStatus(
  actor: Actor,
  change: { recommendationId: string; version: number; status: RecommendationStatus },
): Promise<void> {
  const current = await getRecommendationScope(change.recommendationId);
  if (!current) throw new NotFoundOrForbiddenError('recommendation.manage');
  authorise(actor, 'recommendation.manage', sourceScope(current.sourceServiceAreaId));
  await db().$transaction(async (tx) => {
    const { count } = await tx.recommendation.updateMany({
      where: { id: change.recommendationId, version: change.version },
      data: { status: change.status, version: { increment: 1 } },
    });
    await assertVersionedUpdate(
      count,
      () => tx.recommendation.findUnique({ where: { id: change.recommendationId }, select: { id: true } }),
      'recommendation',
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: change.status === 'CLOSED' ? 'recommendation.closed' : 'recommendation.reopened',
      entityType: 'recommendation',
      entityId: change.recommendationId,
      detail: { status: change.status },
    });
  });
}
