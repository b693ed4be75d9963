import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { updateVersioned } from '@/lib/db/users';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';

export async function resetPassword(
  actor: Actor,
  input: { userId: string; version: number; password: string },
  now: Date,
): Promise<void> {
  authorise(actor, 'user.manage', NATIONAL);
  const actorId = actor.userId;
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    await updateVersioned(tx, input.userId, input.version, {
      passwordHash,
      failedSignIns: 0,
      lockedUntil: null,
    });
    await tx.userSession.updateMany({
      where: { userId: input.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: 'user.password-reset',
      entityType: 'user',
      entityId: input.userId,
      detail: {},
    });
  });
}
