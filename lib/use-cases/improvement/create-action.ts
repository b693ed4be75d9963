import 'server-only';
import { db } from '@/lib/db/client';
import {
  appendActionHistory,
  getRecommendationScope,
  isActiveUser,
} from '@/lib/db/improvement-recommendations';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';
import { sourceScope } from '@/lib/domain/improvement';
import { authorise } from '../authorise';

/** A new action under a recommendation, with its first history row. */
export async function createAction(
  actor: Actor,
  input: { recommendationId: string; description: string; ownerId: string; dueOn: string },
  now: Date,
): Promise<{ actionId: string }> {
  const scope = await getRecommendationScope(input.recommendationId);
  if (!scope) throw new NotFoundOrForbiddenError('recommendation.manage');
  authorise(actor, 'recommendation.manage', sourceScope(scope.sourceServiceAreaId));
  if (!(await isActiveUser(input.ownerId))) throw new RuleError('Choose an owner from the list', 'ownerId');
  return db().$transaction(async (tx) => {
    const action = await tx.improvementAction.create({
      data: {
        recommendationId: input.recommendationId,
        description: input.description,
        ownerId: input.ownerId,
        dueOn: new Date(`${input.dueOn}T00:00:00Z`),
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    await appendActionHistory(tx, {
      actionId: action.id,
      actorId: actor.userId,
      occurredAt: now,
      event: 'created',
      version: 1,
      changes: [
        { field: 'description', from: '', to: input.description },
        { field: 'status', from: '', to: 'NOT_STARTED' },
      ],
    });
    return { actionId: action.id };
  });
}
