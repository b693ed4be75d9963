import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/domain/actor';
import { NATIONAL } from '@/lib/domain/permissions';
import { authorise } from '../authorise';
import { assertRoleAreaConsistent } from '@/lib/domain/users';
import { logAccessChanges } from '@/lib/db/users';
import { translateUserWriteError } from './translate-user-write-error';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/db/audit-events';
import type { Role } from '@/lib/domain/roles';

export async function createUser(
  actor: Actor,
  input: { email: string; name: string; role: Role; serviceAreaId: string | null; password: string },
  requestIp: string | null = null,
): Promise<{ id: string }> {
  authorise(actor, 'user.manage', NATIONAL);
  assertRoleAreaConsistent(input.role, input.serviceAreaId);
  const actorId = actor.userId;
  // Hashed only once the request is known to be allowed: a refusal costs no bcrypt time.
  const { password, ...fields } = input;
  const account = { ...fields, passwordHash: await hashPassword(password) };
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: account, select: { id: true } });
      // A new account is a grant of access: logged as a change from no role.
      await logAccessChanges(tx, actorId, requestIp, user.id, { role: null, serviceAreaId: null }, input);
      await recordAuditEvent(tx, {
        actorId,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        detail: {
          email: input.email,
          name: input.name,
          role: input.role,
          serviceAreaId: input.serviceAreaId,
        },
      });
      return user;
    });
  } catch (error) {
    translateUserWriteError(error);
  }
}
