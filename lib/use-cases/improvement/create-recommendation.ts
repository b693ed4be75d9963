import 'server-only';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { getSourceScope } from '@/lib/db/improvement-register';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import { sourceScope } from '@/lib/domain/improvement';
import type { RecommendationFieldsInput } from '@/lib/schemas/improvement-register';
import { authorise } from '../authorise';
import { checkRecommendationFields } from './check-recommendation-fields';
import { translateRegisterWriteError } from './translate-register-write-error';

export async function createRecommendation(
  actor: Actor,
  input: RecommendationFieldsInput & { sourceId: string },
): Promise<{ recommendationId: string }> {
  const { sourceId, ...fields } = input;
  const source = await getSourceScope(sourceId);
  if (!source) throw new NotFoundOrForbiddenError('recommendation.manage');
  authorise(actor, 'recommendation.manage', sourceScope(source.serviceAreaId));
  const serviceAreaIds = await checkRecommendationFields(fields, source.serviceAreaId);
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.recommendation.create({
        data: {
          sourceId,
          number: fields.number,
          text: fields.text,
          kind: fields.kind,
          serviceAreaIds,
          lawTypes: [...new Set(fields.lawTypes)],
          ownerId: fields.ownerId,
          dueOn: fields.dueOn ? new Date(`${fields.dueOn}T00:00:00Z`) : null,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: 'recommendation.created',
        entityType: 'recommendation',
        entityId: created.id,
        detail: { sourceId, ...fields },
      });
      return { recommendationId: created.id };
    });
  } catch (error) {
    translateRegisterWriteError(error, 'recommendation');
  }
}
