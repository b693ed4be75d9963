import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { inArea, NATIONAL } from '@/lib/domain/permissions';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { authorise } from '../authorise';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import { deleteMeasureRow, getMeasureOwner, getMeasureRecommendation } from '@/lib/db/measures';

/**
 * Removes a measure (the person confirmed it). Judgements already recorded
 * keep the figures as they stood; a commissioned audit stays linked to the
 * recommendation.
 */
export async function deleteMeasure(actor: Actor, measureId: string, version: number): Promise<void> {
  const owner = await getMeasureOwner(measureId);
  const recommendation = owner ? await getMeasureRecommendation(owner.recommendationId) : null;
  if (!recommendation) throw new NotFoundOrForbiddenError('recommendation.manage');
  const areaId = recommendation.source.serviceAreaId;
  authorise(actor, 'recommendation.manage', areaId ? inArea(areaId) : NATIONAL);
  await db().$transaction(async (tx) => {
    const removed = await tx.measure.findUnique({ where: { id: measureId }, select: { label: true } });
    const count = await deleteMeasureRow(tx, measureId, version);
    await assertVersionedUpdate(
      count,
      () => tx.measure.findUnique({ where: { id: measureId }, select: { id: true } }),
      'measure',
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'measure.deleted',
      entityType: 'measure',
      entityId: measureId,
      detail: { recommendationId: recommendation.id, version, label: removed?.label ?? null },
    });
  });
}
