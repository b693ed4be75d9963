import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { isForeignKeyViolation, isUniqueViolation } from '@/lib/db/errors';
import { NotFoundOrForbiddenError, RuleError } from '@/lib/domain/errors';

export async function createTeam(
  actor: Actor,
  input: { serviceAreaId: string; name: string },
): Promise<{ id: string }> {
  authorise(actor, 'organisation.manage', NATIONAL);
  const actorId = actor.userId;
  try {
    return await db().$transaction(async (tx) => {
      const team = await tx.team.create({ data: input, select: { id: true } });
      await recordAuditEvent(tx, {
        actorId,
        action: 'team.created',
        entityType: 'team',
        entityId: team.id,
        detail: input,
      });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleError('That service area already has a team with this name', 'name');
    if (isForeignKeyViolation(error)) throw new NotFoundOrForbiddenError();
    throw error;
  }
}
