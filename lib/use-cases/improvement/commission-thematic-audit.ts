import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { assertAuditSettings } from '@/lib/domain/audits';
import { authorise } from '../authorise';
import { translateAuditWriteError } from '../audits/translate-audit-write-error';
import type { AuditFields } from '@/lib/db/audits';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { insertCommissionedAudit } from '@/lib/db/commission';
import { getMeasureRecommendation } from '@/lib/db/measures';
import { getMeasure } from '@/lib/db/measure-series';
import { getThresholdVersion } from '@/lib/db/thresholds';

/**
 * From an open recommendation: a draft thematic audit (the create-audit rules)
 * and its link to the recommendation, commissioned to test the measure, in one
 * transaction. Once published, its figures join the recommendation's measures.
 */
export async function commissionThematicAudit(
  actor: Actor,
  request: { recommendationId: string; measureId: string | null; fields: AuditFields },
  now: Date,
): Promise<{ id: string }> {
  authorise(actor, 'thematicAudit.commission', NATIONAL);
  const recommendation = await getMeasureRecommendation(request.recommendationId);
  if (!recommendation) throw new NotFoundOrForbiddenError('thematicAudit.commission');
  if (recommendation.status !== 'OPEN')
    throw new RuleError('This recommendation is closed: an audit is commissioned to test an open one.');
  const { fields } = request;
  if (request.measureId) {
    const measure = await getMeasure(request.measureId);
    if (measure?.recommendationId !== recommendation.id)
      throw new RuleError('Choose one of this recommendation’s measures', 'measureId');
  }
  if (fields.kind !== 'THEMATIC') throw new RuleError('A commissioned audit is a thematic audit', 'kind');
  assertAuditSettings(fields);
  const version = await getThresholdVersion(fields.thresholdVersionId);
  if (version?.status !== 'PUBLISHED')
    throw new RuleError('Choose a published threshold version', 'thresholdVersionId');
  try {
    return await db().$transaction(async (tx) => {
      const audit = await insertCommissionedAudit(tx, fields, {
        recommendationId: recommendation.id,
        measureId: request.measureId,
        linkedById: actor.userId,
        now,
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: 'audit.commissioned',
        entityType: 'audit',
        entityId: audit.id,
        detail: { ...fields, recommendationId: recommendation.id, measureId: request.measureId },
      });
      return audit;
    });
  } catch (error) {
    translateAuditWriteError(error);
  }
}
