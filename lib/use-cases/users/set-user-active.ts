import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { assertNotSelfLockout } from '@/lib/domain/users';
import { updateVersioned } from '@/lib/db/users';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';

export async function setUserActive(
  actor: Actor,
  input: { userId: string; version: number; isActive: boolean },
  now: Date,
): Promise<void> {
  authorise(actor, 'user.manage', NATIONAL);
  assertNotSelfLockout(actor.userId, input.userId, { isActive: input.isActive });
  const actorId = actor.userId;
  await db().$transaction(async (tx) => {
    await updateVersioned(tx, input.userId, input.version, { isActive: input.isActive });
    if (!input.isActive) {
      await tx.userSession.updateMany({
        where: { userId: input.userId, revokedAt: null },
        data: { revokedAt: now },
      });
    }
    await recordAuditEvent(tx, {
      actorId,
      action: input.isActive ? 'user.reactivated' : 'user.deactivated',
      entityType: 'user',
      entityId: input.userId,
      detail: {},
    });
  });
}
