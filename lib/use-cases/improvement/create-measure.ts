import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { inArea, NATIONAL } from '@/lib/domain/permissions';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { assertMeasureSettings, type MeasureSettings } from '@/lib/domain/measure-rules';
import { authorise } from '../authorise';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { getBaselineFacts, getMeasureRecommendation, getPlaceFacts, insertMeasure } from '@/lib/db/measures';

/** A measure on a recommendation: managed where the recommendation's source is (its area, or nationally). */
export async function createMeasure(
  actor: Actor,
  recommendationId: string,
  settings: MeasureSettings,
): Promise<{ id: string }> {
  const recommendation = await getMeasureRecommendation(recommendationId);
  if (!recommendation) throw new NotFoundOrForbiddenError('recommendation.manage');
  const areaId = recommendation.source.serviceAreaId;
  authorise(actor, 'recommendation.manage', areaId ? inArea(areaId) : NATIONAL);
  const [baseline, places] = await Promise.all([
    settings.baselineAuditId ? getBaselineFacts(settings.baselineAuditId) : null,
    getPlaceFacts(settings.serviceAreaIds, settings.teamIds),
  ]);
  assertMeasureSettings(settings, { sourceServiceAreaId: areaId, baseline, ...places });
  return db().$transaction(async (tx) => {
    const measure = await insertMeasure(tx, recommendationId, settings);
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: 'measure.created',
      entityType: 'measure',
      entityId: measure.id,
      detail: { recommendationId, ...settings },
    });
    return measure;
  });
}
