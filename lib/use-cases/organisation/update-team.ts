import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { isUniqueViolation } from '@/lib/db/errors';
import { RuleError } from '@/lib/domain/errors';
import { assertVersionedUpdate } from '@/lib/db/versioned';

export async function updateTeam(
  actor: Actor,
  input: { teamId: string; version: number; name: string },
): Promise<void> {
  authorise(actor, 'organisation.manage', NATIONAL);
  const actorId = actor.userId;
  try {
    await db().$transaction(async (tx) => {
      const { count } = await tx.team.updateMany({
        where: { id: input.teamId, version: input.version },
        data: { name: input.name, version: { increment: 1 } },
      });
      await assertVersionedUpdate(
        count,
        () => tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } }),
        'team',
      );
      await recordAuditEvent(tx, {
        actorId,
        action: 'team.renamed',
        entityType: 'team',
        entityId: input.teamId,
        detail: { name: input.name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleError('That service area already has a team with this name', 'name');
    throw error;
  }
}
