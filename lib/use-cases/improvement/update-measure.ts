import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { inArea, NATIONAL } from '@/lib/domain/permissions';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { assertMeasureSettings, type MeasureSettings } from '@/lib/domain/measure-rules';
import { authorise } from '../authorise';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import {
  getBaselineFacts,
  getMeasureOwner,
  getMeasureRecommendation,
  getPlaceFacts,
  updateMeasureRow,
} from '@/lib/db/measures';

/** Changes a measure, refusing a save over someone else's (version-guarded). */
export async function updateMeasure(
  actor: Actor,
  measureId: string,
  version: number,
  settings: MeasureSettings,
): Promise<void> {
  const owner = await getMeasureOwner(measureId);
  const recommendation = owner ? await getMeasureRecommendation(owner.recommendationId) : null;
  if (!recommendation) throw new NotFoundOrForbiddenError('recommendation.manage');
  const areaId = recommendation.source.serviceAreaId;
  authorise(actor, 'recommendation.manage', areaId ? inArea(areaId) : NATIONAL);
  const [baseline, places] = await Promise.all([
    settings.baselineAuditId ? getBaselineFacts(settings.baselineAuditId) : null,
    getPlaceFacts(settings.serviceAreaIds, settings.teamIds),
  ]);
  assertMeasureSettings(settings, { sourceServiceAreaId: areaId, baseline, ...places });
  await db().$transaction(async (tx) => {
    const count = await updateMeasureRow(tx, measureId, version, settings);
    await assertVersionedUpdate(
      count,
      () => tx.measure.findUnique({ where: { id: measureId }, select: { id: true } }),
      'measure',
    );
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'measure.updated',
      entityType: 'measure',
      entityId: measureId,
      detail: { recommendationId: recommendation.id, fromVersion: version, ...settings },
    });
  });
}
