import 'server-only';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { getRecommendationScope } from '@/lib/db/improvement-recommendations';
import { assertVersionedUpdate } from '@/lib/db/versioned';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { sourceScope } from '@/lib/domain/improvement';
import type { RecommendationFieldsInput } from '@/lib/schemas/improvement-register';
import { authorise } from '../authorise';
import { checkRecommendationFields } from './check-recommendation-fields';
import { translateRegisterWriteError } from './translate-register-write-error';

export async function updateRecommendation(
  actor: Actor,
  change: RecommendationFieldsInput & { recommendationId: string; version: number },
): Promise<void> {
  const { recommendationId, version, ...fields } = change;
  const current = await getRecommendationScope(recommendationId);
  if (!current) throw new NotFoundOrForbiddenError('recommendation.manage');
  authorise(actor, 'recommendation.manage', sourceScope(current.sourceServiceAreaId));
  const serviceAreaIds = await checkRecommendationFields(fields, current.sourceServiceAreaId);
  try {
    await db().$transaction(async (tx) => {
      const { count } = await tx.recommendation.updateMany({
        where: { id: recommendationId, version },
        data: {
          number: fields.number,
          text: fields.text,
          kind: fields.kind,
          serviceAreaIds,
          lawTypes: [...new Set(fields.lawTypes)],
          ownerId: fields.ownerId,
          dueOn: fields.dueOn ? new Date(`${fields.dueOn}T00:00:00Z`) : null,
          version: { increment: 1 },
        },
      });
      await assertVersionedUpdate(
        count,
        () => tx.recommendation.findUnique({ where: { id: recommendationId }, select: { id: true } }),
        'recommendation',
      );
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: 'recommendation.updated',
        entityType: 'recommendation',
        entityId: recommendationId,
        detail: { ...fields },
      });
    });
  } catch (error) {
    translateRegisterWriteError(error, 'recommendation');
  }
}
