import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { assertNotSelfLockout, assertRoleAreaConsistent } from '@/lib/domain/users';
import { logAccessChanges, updateVersioned } from '@/lib/db/users';
import { translateUserWriteError } from './translate-user-write-error';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import { NotFoundOrForbiddenError } from '@/lib/domain/errors';
import type { Role } from '@/lib/domain/roles';

export async function updateUser(
  actor: Actor,
  input: { userId: string; version: number; name: string; role: Role; serviceAreaId: string | null },
  requestIp: string | null = null,
): Promise<void> {
  authorise(actor, 'user.manage', NATIONAL);
  assertRoleAreaConsistent(input.role, input.serviceAreaId);
  assertNotSelfLockout(actor.userId, input.userId, { role: input.role });
  const actorId = actor.userId;
  try {
    await db().$transaction(async (tx) => {
      const before = await tx.user.findUnique({
        where: { id: input.userId },
        select: { name: true, role: true, serviceAreaId: true },
      });
      if (!before) throw new NotFoundOrForbiddenError();
      await updateVersioned(tx, input.userId, input.version, {
        name: input.name,
        role: input.role,
        serviceAreaId: input.serviceAreaId,
      });
      await logAccessChanges(tx, actorId, requestIp, input.userId, before, input);
      await recordAuditEvent(tx, {
        actorId,
        action: 'user.updated',
        entityType: 'user',
        entityId: input.userId,
        detail: { before, after: { name: input.name, role: input.role, serviceAreaId: input.serviceAreaId } },
      });
    });
  } catch (error) {
    translateUserWriteError(error);
  }
}
